package org.drugstats.core.stats.uncertainty;

/**
 * Summary of a Monte Carlo propagation: the function at the best estimates, and the mean, median and
 * 2.5th / 97.5th percentiles of the simulated values (percentiles by linear interpolation of the order
 * statistics, Hyndman–Fan type 7, as numpy's default).
 *
 * @param pointEstimate the function evaluated at the inputs' best values
 * @param mean mean of the draws
 * @param median 50th percentile of the draws
 * @param lower 2.5th percentile of the draws
 * @param upper 97.5th percentile of the draws
 * @param draws number of draws
 */
public record MonteCarloSummary(double pointEstimate, double mean, double median, double lower, double upper,
        int draws) {

    /** The range (2.5th percentile, median, 97.5th percentile). */
    public Interval interval() {
        return Interval.of(lower, median, upper);
    }
}
