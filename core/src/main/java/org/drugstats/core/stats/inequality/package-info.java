/**
 * Inequality of controlled-medicine consumption between countries: consumption rates (S-DDD per million
 * inhabitants per day, mg per capita), Lorenz and concentration curves, the population-weighted Gini
 * coefficient, "X% of the population accounts for Y% of consumption" readings, and the WHO adequacy
 * categories.
 *
 * <p>References: INCB, Narcotic Drugs technical report (S-DDD definition); Knaul et al. 2018, Lancet
 * 391:1391, doi:10.1016/S0140-6736(17)32513-8 (concentration curve ranked by income); Richards et al.
 * 2021, BMJ Global Health 6:e003563, doi:10.1136/bmjgh-2020-003563 (the consumption data used in tests).
 */
package org.drugstats.core.stats.inequality;
