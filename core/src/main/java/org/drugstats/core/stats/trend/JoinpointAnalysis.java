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
    /** Given ρ; NaN for independent errors or an estimated ρ. */
    private final double rho;
    private final boolean estimateRho;

    private JoinpointAnalysis(Joinpoint joinpoint, double jumpAt, double ratio, double ratioVariance,
            IntervalMethod intervals, int resamples, double rho, boolean estimateRho) {
        this.joinpoint = Objects.requireNonNull(joinpoint);
        this.jumpAt = jumpAt;
        this.ratio = ratio;
        this.ratioVariance = ratioVariance;
        this.intervals = Objects.requireNonNull(intervals);
        this.resamples = resamples;
        this.rho = rho;
        this.estimateRho = estimateRho;
    }

    /** The plain configuration: no jump, parametric intervals. */
    public static JoinpointAnalysis of(Joinpoint joinpoint) {
        return new JoinpointAnalysis(joinpoint, Double.NaN, Double.NaN, Double.NaN, IntervalMethod.PARAMETRIC,
                EmpiricalQuantileIntervals.DEFAULT_RESAMPLES, Double.NaN, false);
    }

    /** The underlying joinpoint configuration. */
    public Joinpoint joinpoint() {
        return joinpoint;
    }

    /** A copy with another joinpoint configuration. */
    public JoinpointAnalysis withJoinpoint(Joinpoint j) {
        return new JoinpointAnalysis(j, jumpAt, ratio, ratioVariance, intervals, resamples, rho, estimateRho);
    }

    /** Jump model with the jump at {@code at} (between two observed x). */
    public JoinpointAnalysis withJumpAt(double at) {
        JumpModel.estimated(joinpoint, at);
        return new JoinpointAnalysis(joinpoint, at, Double.NaN, Double.NaN, intervals, resamples, rho, estimateRho);
    }

    /** Comparability-ratio model: jump at {@code at} with the given CR and Var(CR). */
    public JoinpointAnalysis withComparabilityRatio(double at, double cr, double variance) {
        JumpModel.fixedRatio(joinpoint, at, cr, variance);
        return new JoinpointAnalysis(joinpoint, at, cr, variance, intervals, resamples, rho, estimateRho);
    }

    /** Interval method and number of resampled data sets (used by {@link IntervalMethod#EMPIRICAL}). */
    public JoinpointAnalysis withIntervals(IntervalMethod method, int count) {
        if (count < 10) {
            throw DrugstatsException.of("resamples must be >= 10, got %d", count);
        }
        return new JoinpointAnalysis(joinpoint, jumpAt, ratio, ratioVariance, method, count, rho, estimateRho);
    }

    /** AR(1) errors with a given lag-1 autocorrelation, |ρ| &lt; 1 (see {@link Autocorrelation}). */
    public JoinpointAnalysis withAutocorrelation(double r) {
        if (!(Math.abs(r) < 1)) {
            throw DrugstatsException.of("autocorrelation must be in (-1, 1), got %s", r);
        }
        return new JoinpointAnalysis(joinpoint, jumpAt, ratio, ratioVariance, intervals, resamples, r, false);
    }

    /** AR(1) errors with ρ estimated from the data (see {@link Autocorrelation}). */
    public JoinpointAnalysis withEstimatedAutocorrelation() {
        return new JoinpointAnalysis(joinpoint, jumpAt, ratio, ratioVariance, intervals, resamples, Double.NaN,
                true);
    }

    /** Whether AR(1) errors are modelled. */
    public boolean hasAutocorrelation() {
        return estimateRho || !Double.isNaN(rho);
    }

    /** Whether no option beyond {@link Joinpoint} is set. */
    public boolean isPlain() {
        return Double.isNaN(jumpAt) && intervals == IntervalMethod.PARAMETRIC && !hasAutocorrelation();
    }

    /** The interval method. */
    public IntervalMethod intervals() {
        return intervals;
    }

    /** Resampled data sets per series for empirical intervals. */
    public int resamples() {
        return resamples;
    }

    private JumpModel jumpModel(Joinpoint jp) {
        if (Double.isNaN(jumpAt)) {
            return null;
        }
        return Double.isNaN(ratio) ? JumpModel.estimated(jp, jumpAt)
                : JumpModel.fixedRatio(jp, jumpAt, ratio, ratioVariance);
    }

    /** Fits one series with the given seed (see the class comment for the generators). */
    public JoinpointResult fit(TrendSeries series, long seed) {
        boolean perm = joinpoint.selection() == SelectionMethod.PERMUTATION;
        JoinpointResult r;
        PreparedSeries d;
        if (!hasAutocorrelation()) {
            UniformRandomProvider rng = perm ? TrendBatch.randomFor(seed, series.name()) : null;
            JumpModel jump = jumpModel(joinpoint);
            if (jump == null) {
                d = PreparedSeries.of(series, joinpoint.scale(), joinpoint.weighting(), joinpoint.logOffset());
                r = joinpoint.fit(series, d, rng);
            } else {
                r = jump.fit(series, rng);
                d = jump.prepared(series, Double.NaN);
            }
        } else {
            Joinpoint gls = joinpoint.withInference(SlopeInference.CONDITIONAL);
            JumpModel jump = jumpModel(gls);
            java.util.function.DoubleFunction<Autocorrelation.Estimate> fitWith = rhoValue -> {
                // a fresh generator per fit, so the result depends only on the seed, the data and ρ
                UniformRandomProvider g = perm ? TrendBatch.randomFor(seed, series.name()) : null;
                if (jump == null) {
                    PreparedSeries p = PreparedSeries.of(series, gls.scale(), gls.weighting(), gls.logOffset())
                            .withAutocorrelation(rhoValue);
                    return new Autocorrelation.Estimate(gls.fit(series, p, g), p, null);
                }
                return new Autocorrelation.Estimate(jump.fit(series, g, rhoValue), jump.prepared(series, rhoValue),
                        null);
            };
            Autocorrelation.Estimate e = estimateRho ? Autocorrelation.estimate(fitWith) : fitWith.apply(rho);
            Autocorrelation a = estimateRho ? e.autocorrelation() : new Autocorrelation(rho, false, 0, true);
            d = e.prepared();
            r = e.result().withAutocorrelation(a).withNotes(java.util.List.of(String.format(Locale.ROOT,
                    "AR(1) errors, rho = %.6f (%s); generalised least squares, APC/AAPC intervals from its"
                            + " covariance", a.rho(), a.estimated() ? (a.converged() ? "estimated, converged in "
                                    + a.iterations() + " iterations" : "estimate NOT converged after "
                                            + a.iterations() + " iterations") : "given")));
        }
        if (intervals == IntervalMethod.EMPIRICAL) {
            r = r.withEmpirical(EmpiricalQuantileIntervals.compute(d, r, joinpoint.numObsEnd(),
                    joinpoint.numObsBetween(), resamples, TrendBatch.randomFor(~seed, series.name())));
        }
        return r;
    }
}
