/**
 * Trend statistics for annual (or other regularly or irregularly spaced) indicator series.
 *
 * <ul>
 *   <li>{@link org.drugstats.core.stats.trend.ChangeRates}: percent change and compound annual growth rate.
 *   <li>{@link org.drugstats.core.stats.trend.LogLinearTrend}: ln(y) = b0 + b1 t, annual percent change (APC)
 *       with a t-based confidence interval; optional weights; a linear (non-log) variant.
 *   <li>{@link org.drugstats.core.stats.trend.Joinpoint}: continuous piecewise log-linear (or linear) regression
 *       as defined by the US National Cancer Institute Joinpoint program (Kim, Fay, Feuer and Midthune 2000,
 *       Stat Med 19:335, doi:10.1002/(SICI)1097-0258(20000215)19:3&lt;335::AID-SIM336&gt;3.0.CO;2-Z), with grid
 *       search, the sequential permutation test or BIC, BIC3 and weighted BIC selection, segment APCs and the
 *       average annual percent change (AAPC, Clegg et al. 2009, Stat Med 28:3670, doi:10.1002/sim.3733).
 *   <li>{@link org.drugstats.core.stats.trend.MannKendall}: Mann–Kendall trend test (also seasonal), Kendall's
 *       tau and Sen's slope with its confidence interval.
 *   <li>{@link org.drugstats.core.stats.trend.CountTrend}: Poisson, quasi-Poisson and negative binomial (NB2)
 *       log-linear trends for counts with a population offset.
 *   <li>{@link org.drugstats.core.stats.trend.TrendCsv} and {@link org.drugstats.core.stats.trend.TrendJson}:
 *       the file formats of the {@code drugstats trend} command.
 * </ul>
 *
 * <p>Missing observations are {@code NaN} values of y; they are skipped, never treated as zero. Every class is
 * immutable and thread-safe; randomness (the permutation test) is passed in as a
 * {@link org.apache.commons.rng.UniformRandomProvider}.
 */
package org.drugstats.core.stats.trend;
