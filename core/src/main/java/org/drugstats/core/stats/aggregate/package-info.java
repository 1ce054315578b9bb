/**
 * Population-weighted aggregation of country rates to subregions, regions and the world, with coverage,
 * imputation of countries without data and a minimum-coverage rule; and conversions between rates and
 * counts with explicit year and age-base alignment.
 *
 * <p>The aggregate is a mergeable state ({@link org.drugstats.core.stats.aggregate.AggregationState}:
 * associative, commutative {@code combine}, separate {@code finish}), after Apache DataSketches and Amazon
 * Deequ, so a single-machine loop and a Spark partition merge share one implementation.
 *
 * <p>Reference: UNODC World Drug Report 2025, Methodology and Statistical Annex (regional estimates: countries
 * without data are assumed "close to the respective sub-regional average"; ranges as lower and upper estimates);
 * WHO Global Tuberculosis Report, technical appendix (bounds as 2.5th and 97.5th centiles of simulations).
 */
package org.drugstats.core.stats.aggregate;
