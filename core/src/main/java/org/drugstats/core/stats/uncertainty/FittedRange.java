package org.drugstats.core.stats.uncertainty;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.drugstats.core.DrugstatsException;

/**
 * A probability distribution fitted to a range (low, best, high) by a {@link RangeFit}, see there for
 * the formulas. An exact range is a point mass at its value.
 *
 * <p>The fit is deterministic; draws need a {@link UniformRandomProvider} passed to {@link #sampler}.
 */
public final class FittedRange {
    /** 97.5th percentile of the standard normal, rounded as in the σ formula (2 · 1.96). */
    static final double Z975 = 1.96;
    /** Log-symmetry tolerance of {@link RangeFit#AUTO}, as a share of ln(high/low). */
    static final double AUTO_LOG_SYMMETRY = 0.10;

    private final Interval range;
    private final RangeFit fit;
    private final ContinuousDistribution distribution;

    private FittedRange(Interval range, RangeFit fit, ContinuousDistribution distribution) {
        this.range = range;
        this.fit = fit;
        this.distribution = distribution;
    }

    /**
     * Fits {@code fit} to {@code range}.
     *
     * @throws DrugstatsException if the fit is lognormal and low &lt;= 0 (a lognormal cannot reach zero)
     */
    public static FittedRange of(Interval range, RangeFit fit) {
        if (range.isExact()) {
            return new FittedRange(range, fit, null);
        }
        RangeFit used = fit == RangeFit.AUTO ? chooseAuto(range) : fit;
        double a = range.low();
        double c = range.best();
        double b = range.high();
        switch (used) {
            case LOGNORMAL:
                if (!(a > 0)) {
                    throw DrugstatsException.of(
                            "a lognormal cannot be fitted to range (%s, %s, %s): low must be > 0; use PERT or TRIANGULAR",
                            a, c, b);
                }
                double sigma = (Math.log(b) - Math.log(a)) / (2 * Z975);
                return new FittedRange(range, used, LogNormalDistribution.of(Math.log(c), sigma));
            case PERT:
                double w = b - a;
                double alpha = 1 + 4 * (c - a) / w;
                double beta = 1 + 4 * (b - c) / w;
                return new FittedRange(range, used, BetaDistribution.of(alpha, beta));
            case TRIANGULAR:
                return new FittedRange(range, used, TriangularDistribution.of(a, c, b));
            default:
                throw new IllegalStateException("unhandled fit " + used);
        }
    }

    private static RangeFit chooseAuto(Interval r) {
        if (r.low() > 0) {
            double lower = Math.log(r.best() / r.low());
            double upper = Math.log(r.high() / r.best());
            if (Math.abs(lower - upper) <= AUTO_LOG_SYMMETRY * Math.log(r.high() / r.low())) {
                return RangeFit.LOGNORMAL;
            }
        }
        return RangeFit.PERT;
    }

    /** The fitted range. */
    public Interval range() {
        return range;
    }

    /** The fit actually used ({@link RangeFit#AUTO} resolved); the requested fit for an exact range. */
    public RangeFit fit() {
        return fit;
    }

    /** Mean of the fitted distribution (the value itself for an exact range). */
    public double mean() {
        if (distribution == null) {
            return range.best();
        }
        if (fit == RangeFit.PERT) {
            return range.low() + range.width() * distribution.getMean();
        }
        return distribution.getMean();
    }

    /** Quantile function of the fitted distribution at probability {@code p} in [0, 1]. */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw DrugstatsException.of("probability must be in [0, 1], got %s", p);
        }
        if (distribution == null) {
            return range.best();
        }
        if (fit == RangeFit.PERT) {
            return range.low() + range.width() * distribution.inverseCumulativeProbability(p);
        }
        return distribution.inverseCumulativeProbability(p);
    }

    /** A sampler drawing from the fitted distribution with the given generator. */
    public ContinuousDistribution.Sampler sampler(UniformRandomProvider rng) {
        if (distribution == null) {
            double v = range.best();
            return () -> v;
        }
        ContinuousDistribution.Sampler s = distribution.createSampler(rng);
        if (fit == RangeFit.PERT) {
            double a = range.low();
            double w = range.width();
            return () -> a + w * s.sample();
        }
        return s;
    }
}
