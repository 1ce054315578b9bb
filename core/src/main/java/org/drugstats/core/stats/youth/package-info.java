/**
 * Drug use among young people as surveyed in schools and youth surveys: UNODC, World Drug Report 2025, statistical
 * annex table 1.4 ("Prevalence of drug use among the youth population, national data": lifetime, past year and past
 * month, by country, with the survey's coverage as free text).
 *
 * <p>These are never mixed with the estimates among people aged 15–64 ({@code org.drugstats.core.stats.estimate}):
 * other indicators ({@code prevalence_youth_lifetime}, {@code prevalence_youth_annual},
 * {@code prevalence_youth_past_month}), another result table ({@code results/youth_estimates}), and the population
 * of the surveyed age band as the weight, not the population aged 15–64.
 *
 * <ul>
 *   <li>{@link org.drugstats.core.stats.youth.YouthAgeGroup}: the comparability rule (which age ranges are grouped);
 *       students aged 15–16 — the ESPAD target population and the group the WDR compares — are the main group.</li>
 *   <li>{@link org.drugstats.core.stats.youth.YouthSurveyRow}: one annex row with its coverage text, product and
 *       the age as surveyed.</li>
 *   <li>{@link org.drugstats.core.stats.youth.YouthEstimator}: each country's latest estimate per drug, period and
 *       group, and the population-weighted UNODC sub-regional, regional and world summaries of the 15–16 group with
 *       their coverage.</li>
 * </ul>
 */
package org.drugstats.core.stats.youth;
