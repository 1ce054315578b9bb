/**
 * Ranges (low, best, high) and their propagation through sums, products and ratios.
 *
 * <p>UNODC publishes ranges, not standard errors (World Drug Report methodology). Two propagation
 * methods are offered, chosen with {@link org.drugstats.core.stats.uncertainty.BoundMethod}:
 * <ul>
 *   <li>{@link org.drugstats.core.stats.uncertainty.BoundMethod#MONTE_CARLO}: each input is drawn from a
 *       distribution fitted to its (low, best, high) ({@link org.drugstats.core.stats.uncertainty.RangeFit}),
 *       the function is evaluated per draw and the 2.5th, 50th and 97.5th percentiles are reported — the
 *       way the WHO Global Tuberculosis Report defines its uncertainty intervals. Inputs are independent.</li>
 *   <li>{@link org.drugstats.core.stats.uncertainty.BoundMethod#CONSERVATIVE}: interval arithmetic on the
 *       bounds (sum of lows, sum of highs); for sums this assumes perfect correlation of the inputs and
 *       gives the widest defensible range.</li>
 * </ul>
 * Where each is used: {@link org.drugstats.core.stats.sdg.TreatmentCoverage},
 * {@link org.drugstats.core.stats.sdg.RegionalTreatmentCoverage} and
 * {@link org.drugstats.core.stats.sdg.MarketBalance} use Monte Carlo by default (configurable); the
 * population-weighted aggregation of {@link org.drugstats.core.stats.aggregate.AggregationState} and the
 * SDG 16.4.1 flow sums of {@link org.drugstats.core.stats.sdg.IllicitFlowTotals} always use the
 * conservative weighted sums of bounds (perfect correlation), because their mergeable states keep sums,
 * not the individual ranges a simulation would need.
 *
 * <p>Reference: UNODC, World Drug Report 2023, Methodology; WHO Global Tuberculosis Report 2023,
 * Technical appendix (uncertainty intervals as 2.5th and 97.5th centiles of simulated distributions).
 */
package org.drugstats.core.stats.uncertainty;
