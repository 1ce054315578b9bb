package org.drugstats.core.stats.trend;

import java.util.Locale;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.drugstats.core.DrugstatsException;

/**
 * A {@link Joinpoint} configuration plus the NCI Joinpoint 5 options around it: a jump or a given comparability ratio
 * ({@link JumpModel}) and the interval method ({@link IntervalMethod}). What {@code drugstats trend} and the Spark
 * trend step run per series. Without any of the options it is exactly {@link Joinpoint#fit(TrendSeries,
 * UniformRandomProvider)}.
 *
 * <p>Randomness per series: the permutation test uses {@link TrendBatch#randomFor(long, String)} with the seed, as
 * before; the empirical-quantile resampling uses its own generator, {@code randomFor(~seed, series)} (bitwise
 * complement of the seed), so adding intervals never changes the selected model. Immutable.
 */
public final class JoinpointAnalysis {
    /** How the APC and AAPC intervals are computed. */
    public enum IntervalMethod {
        /** t (APC) and normal (AAPC) intervals from the model's standard errors (see {@link SlopeInference}). */
        PARAMETRIC,
        /** Parametric plus empirical-quantile intervals by resampling ({@link EmpiricalQuantileIntervals}). */
        EMPIRICAL;

        /** Parses {@code parametric} or {@code empirical}. */
        public static IntervalMethod parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "parametric" -> PARAMETRIC;
                case "empirical" -> EMPIRICAL;
                default -> throw DrugstatsException.of("unknown interval method '%s', expected parametric or"
                        + " empirical", s);
            };
        }
    }

    private final Joinpoint joinpoint;
    private final double jumpAt;
    private final double ratio;
    private final double ratioVariance;
    private final IntervalMethod intervals;
    private final int resamples;

    private JoinpointAnalysis(Joinpoint joinpoint, double jumpAt, double ratio, double ratioVariance,
            IntervalMethod intervals, int resamples) {
        this.joinpoint = Objects.requireNonNull(joinpoint);
        this.jumpAt = jumpAt;
        this.ratio = ratio;
        this.ratioVariance = ratioVariance;
        this.intervals = Objects.requireNonNull(intervals);
        this.resamples = resamples;
    }

    /** The plain configuration: no jump, parametric intervals. */
    public static JoinpointAnalysis of(Joinpoint joinpoint) {
        return new JoinpointAnalysis(joinpoint, Double.NaN, Double.NaN, Double.NaN, IntervalMethod.PARAMETRIC,
                EmpiricalQuantileIntervals.DEFAULT_RESAMPLES);
    }

    /** The underlying joinpoint configuration. */
    public Joinpoint joinpoint() {
        return joinpoint;
    }

    /** A copy with another joinpoint configuration. */
    public JoinpointAnalysis withJoinpoint(Joinpoint j) {
        return new JoinpointAnalysis(j, jumpAt, ratio, ratioVariance, intervals, resamples);
    }

    /** Jump model with the jump at {@code at} (between two observed x). */
    public JoinpointAnalysis withJumpAt(double at) {
        JumpModel.estimated(joinpoint, at);
        return new JoinpointAnalysis(joinpoint, at, Double.NaN, Double.NaN, intervals, resamples);
    }

    /** Comparability-ratio model: jump at {@code at} with the given CR and Var(CR). */
    public JoinpointAnalysis withComparabilityRatio(double at, double cr, double variance) {
        JumpModel.fixedRatio(joinpoint, at, cr, variance);
        return new JoinpointAnalysis(joinpoint, at, cr, variance, intervals, resamples);
    }

    /** Interval method and number of resampled data sets (used by {@link IntervalMethod#EMPIRICAL}). */
    public JoinpointAnalysis withIntervals(IntervalMethod method, int count) {
        if (count < 10) {
            throw DrugstatsException.of("resamples must be >= 10, got %d", count);
        }
        return new JoinpointAnalysis(joinpoint, jumpAt, ratio, ratioVariance, method, count);
    }

    /** Whether no option beyond {@link Joinpoint} is set. */
    public boolean isPlain() {
        return Double.isNaN(jumpAt) && intervals == IntervalMethod.PARAMETRIC;
    }

    /** The interval method. */
    public IntervalMethod intervals() {
        return intervals;
    }

    /** Resampled data sets per series for empirical intervals. */
    public int resamples() {
        return resamples;
    }

    private JumpModel jumpModel() {
        if (Double.isNaN(jumpAt)) {
            return null;
        }
        return Double.isNaN(ratio) ? JumpModel.estimated(joinpoint, jumpAt)
                : JumpModel.fixedRatio(joinpoint, jumpAt, ratio, ratioVariance);
    }

    /** Fits one series with the given seed (see the class comment for the generators). */
    public JoinpointResult fit(TrendSeries series, long seed) {
        boolean perm = joinpoint.selection() == SelectionMethod.PERMUTATION;
        UniformRandomProvider rng = perm ? TrendBatch.randomFor(seed, series.name()) : null;
        JumpModel jump = jumpModel();
        JoinpointResult r;
        PreparedSeries d;
        if (jump == null) {
            d = PreparedSeries.of(series, joinpoint.scale(), joinpoint.weighting(), joinpoint.logOffset());
            r = joinpoint.fit(series, d, rng);
        } else {
            r = jump.fit(series, rng);
            d = jump.prepared(series);
        }
        if (intervals == IntervalMethod.EMPIRICAL) {
            r = r.withEmpirical(EmpiricalQuantileIntervals.compute(d, r, joinpoint.numObsEnd(),
                    joinpoint.numObsBetween(), resamples, TrendBatch.randomFor(~seed, series.name())));
        }
        return r;
    }
}
