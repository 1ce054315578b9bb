package org.drugstats.core.stats.trend;

/**
 * One segment of a fitted (joinpoint or log-linear) trend.
 *
 * <p>{@code slope} is b<sub>i</sub> = β1 + Σ<sub>j&lt;i</sub> δ<sub>j</sub> of the continuous fit, per unit of x;
 * {@code slopeLower}/{@code slopeUpper} its interval b ± t<sub>d,1−α/2</sub>·SE. On the log scale
 * {@code apc} = 100·(e<sup>b</sup> − 1) and the APC interval is 100·(e<sup>b ± t·SE</sup> − 1); on the linear scale
 * the APC fields are {@code NaN}. {@code pValue} tests b = 0 (two-sided t with {@code degreesOfFreedom}). SE and
 * everything derived from it are {@code NaN} when they cannot be estimated (e.g. no residual degrees of freedom).
 *
 * @param start x where the segment starts (first observed x, or a joinpoint)
 * @param end x where it ends (a joinpoint, or the last observed x)
 */
public record Segment(double start, double end, double slope, double slopeSe, double slopeLower, double slopeUpper,
        double apc, double apcLower, double apcUpper, double pValue, int degreesOfFreedom) {
}
