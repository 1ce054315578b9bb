package org.drugstats.core.stats.trend;

/**
 * Average annual percent change over [start, end] (Clegg et al. 2009, Stat Med 28:3670,
 * doi:10.1002/sim.3733): with ŵ<sub>i</sub> the share of [start, end] covered by segment i,
 * m = Σ ŵ<sub>i</sub>·b<sub>i</sub> and AAPC = 100·(e<sup>m</sup> − 1). On the linear scale the value is the average
 * annual change m itself (NCI's AAC). When [start, end] lies inside one segment the AAPC equals that segment's APC
 * and so does its interval. See {@link SlopeInference} for the interval.
 *
 * @param start start of the interval
 * @param end end of the interval
 * @param value AAPC in percent (log scale) or AAC (linear scale)
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 * @param slope m, the weighted mean slope
 * @param slopeSe its standard error
 */
public record Aapc(double start, double end, double value, double lower, double upper, double slope,
        double slopeSe) {
}
