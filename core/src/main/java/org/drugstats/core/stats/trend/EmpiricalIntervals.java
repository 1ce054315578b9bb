package org.drugstats.core.stats.trend;

import java.util.List;

/**
 * Empirical-quantile intervals of a fitted joinpoint model (see {@link EmpiricalQuantileIntervals}), reported next to
 * the parametric ones.
 *
 * @param resamples number of resampled data sets
 * @param confidenceLevel e.g. 0.95
 * @param slopeLower per segment, lower limit of the slope
 * @param slopeUpper per segment, upper limit of the slope
 * @param apcLower per segment, lower limit of the APC (log scale; on the linear scale the slope's)
 * @param apcUpper per segment, upper limit of the APC
 * @param aapcLower lower limit of the full-range AAPC (linear scale: average annual change)
 * @param aapcUpper upper limit of the full-range AAPC
 */
public record EmpiricalIntervals(int resamples, double confidenceLevel, List<Double> slopeLower,
        List<Double> slopeUpper, List<Double> apcLower, List<Double> apcUpper, double aapcLower, double aapcUpper) {
    public EmpiricalIntervals {
        slopeLower = List.copyOf(slopeLower);
        slopeUpper = List.copyOf(slopeUpper);
        apcLower = List.copyOf(apcLower);
        apcUpper = List.copyOf(apcUpper);
    }
}
