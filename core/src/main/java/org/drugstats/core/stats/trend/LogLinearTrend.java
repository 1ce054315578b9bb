package org.drugstats.core.stats.trend;

import java.util.Objects;
import org.drugstats.core.DrugstatsException;

/**
 * Log-linear trend and annual percent change: ln(y<sub>t</sub>) = b0 + b1·t fitted by (weighted) least squares;
 * APC = 100·(e<sup>b1</sup> − 1); CI = 100·(e<sup>b1 ± t<sub>n−2, 1−α/2</sub>·SE(b1)</sup> − 1); p-value of
 * b1 = 0 from the t distribution with n − 2 degrees of freedom. {@link Scale#LINEAR} fits y = b0 + b1·t instead and
 * reports the slope (absolute change per unit of t) with its interval; APC fields are then {@code NaN}.
 *
 * <p>Weights: see {@link Weighting} (y²/SE² on the log scale from standard errors; the count for Poisson); the
 * residual variance is estimated, as in R {@code lm(log(y) ~ t, weights = w)}, which is the reference used in
 * the tests. NaN y values are skipped; fewer than 2 distinct t is an error; with exactly 2 points the slope is exact
 * and SE, interval and p-value are {@code NaN}. On the log scale y ≤ 0 is an error naming the series and t, unless
 * an explicit offset c is configured (ln(y + c)). Reference: NCI Joinpoint help, "Estimate Annual Percent Change
 * (APC) and Confidence Interval". Equals {@link Joinpoint} with 0 joinpoints.
 */
public final class LogLinearTrend {
    private final Scale scale;
    private final Weighting weighting;
    private final double confidenceLevel;
    private final double logOffset;

    private LogLinearTrend(Scale scale, Weighting weighting, double confidenceLevel, double logOffset) {
        this.scale = scale;
        this.weighting = weighting;
        this.confidenceLevel = confidenceLevel;
        this.logOffset = logOffset;
    }

    /** Log scale, unweighted, 95% intervals, no offset. */
    public static LogLinearTrend withDefaults() {
        return new LogLinearTrend(Scale.LOG, Weighting.NONE, 0.95, 0);
    }

    public LogLinearTrend withScale(Scale s) {
        return new LogLinearTrend(Objects.requireNonNull(s), weighting, confidenceLevel, logOffset);
    }

    public LogLinearTrend withWeighting(Weighting w) {
        return new LogLinearTrend(scale, Objects.requireNonNull(w), confidenceLevel, logOffset);
    }

    /** Confidence level in (0, 1). */
    public LogLinearTrend withConfidenceLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw DrugstatsException.of("confidence level must be in (0, 1), got %s", level);
        }
        return new LogLinearTrend(scale, weighting, level, logOffset);
    }

    /** Fit ln(y + c), c ≥ 0 finite (default 0: y must be &gt; 0). */
    public LogLinearTrend withLogOffset(double c) {
        if (!(c >= 0) || c == Double.POSITIVE_INFINITY) {
            throw DrugstatsException.of("log offset must be finite and >= 0, got %s", c);
        }
        return new LogLinearTrend(scale, weighting, confidenceLevel, c);
    }

    /**
     * The fitted trend.
     *
     * @param n observations used
     * @param intercept b0
     * @param slope b1
     * @param slopeSe SE(b1)
     * @param degreesOfFreedom n − 2
     * @param slopeLower lower limit of b1
     * @param slopeUpper upper limit of b1
     * @param apc 100·(e<sup>b1</sup> − 1), NaN on the linear scale
     * @param apcLower lower APC limit
     * @param apcUpper upper APC limit
     * @param pValue two-sided p-value of b1 = 0
     */
    public record Result(int n, double intercept, double slope, double slopeSe, int degreesOfFreedom,
            double slopeLower, double slopeUpper, double apc, double apcLower, double apcUpper, double pValue) {
    }

    /** Fits the trend of {@code series}. */
    public Result fit(TrendSeries series) {
        JoinpointResult r = Joinpoint.withDefaults().withScale(scale).withWeighting(weighting)
                .withConfidenceLevel(confidenceLevel).withLogOffset(logOffset).fitAt(series);
        Segment s = r.segments().get(0);
        return new Result(r.n(), r.coefficients()[0], s.slope(), s.slopeSe(), s.degreesOfFreedom(), s.slopeLower(),
                s.slopeUpper(), s.apc(), s.apcLower(), s.apcUpper(), s.pValue());
    }
}
