/**
 * World and regional drug use estimated the way the UNODC World Drug Report (WDR) describes it: each country's
 * latest available national estimate of annual prevalence among people aged 15–64, carried forward to the target
 * year within a window ({@link org.drugstats.core.stats.estimate.EstimationSettings}); age bases other than 15–64
 * kept, converted or left out by a named rule ({@link org.drugstats.core.stats.estimate.AgeRule}); the WDR drug
 * definitions ({@link org.drugstats.core.stats.estimate.WdrDrug}); countries without an estimate imputed from
 * their sub-region (else region, else world) with a range; sub-regional, regional and world figures built from
 * the sub-regions with their coverage ({@link org.drugstats.core.stats.estimate.WdrEstimator}).
 *
 * <p>Source of the method: UNODC, World Drug Report 2025, Methodology section ("Estimates of the extent of drug
 * use", the imputation "close to the respective sub-regional average unless other indicators suggest
 * otherwise"), and statistical annex table 1.2, whose national estimates are the input.
 */
package org.drugstats.core.stats.estimate;
