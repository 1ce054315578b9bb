package org.drugstats.core.stats.uncertainty;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.drugstats.core.DrugstatsException;

/**
 * Propagates ranges (low, best, high) through sums, products, ratios and arbitrary functions.
 *
 * <p>{@link BoundMethod#MONTE_CARLO} (default): each input is drawn independently from the distribution
 * that {@link RangeFit} fits to its range (default {@link RangeFit#AUTO}: lognormal with median = best and
 * σ = (ln high − ln low)/(2·1.96) when the range is log-symmetric, beta-PERT otherwise); the function is
 * evaluated per draw; the result is (P2.5, median, P97.5) of the {@value #DEFAULT_DRAWS} (configurable)
 * simulated values. Draws are taken input by input within each replicate, so a given seed reproduces the
 * result exactly.
 *
 * <p>{@link BoundMethod#CONSERVATIVE}: interval arithmetic — sum: (Σ low, Σ best, Σ high), which assumes
 * perfect positive correlation; product of non-negative ranges: (Π low, Π best, Π high); ratio of a
 * non-negative numerator by a positive denominator: (low/high, best/best, high/low). No randomness is used.
 *
 * <p>Edge cases: an empty list of terms sums to the exact range (0, 0, 0); exact inputs give an exact
 * result under both methods (every draw is the same value). Reference: WHO Global Tuberculosis Report,
 * technical appendix (uncertainty intervals as 2.5th/97.5th centiles of simulations); UNODC World Drug
 * Report methodology (ranges, not standard errors).
 */
public final class RangePropagation {
    /** Seed of the generator used when a call passes none ({@link #withSeed(long)}). */
    public static final long DEFAULT_SEED = 20_190_314L;
    /** Default number of Monte Carlo draws. */
    public static final int DEFAULT_DRAWS = 10_000;

    private static final Quantile QUANTILE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    private final BoundMethod method;
    private final RangeFit fit;
    private final int draws;
    private final long seed;

    private RangePropagation(BoundMethod method, RangeFit fit, int draws, long seed) {
        this.method = method;
        this.fit = fit;
        this.draws = draws;
        this.seed = seed;
    }

    /**
     * Monte Carlo, {@link RangeFit#AUTO}, {@value #DEFAULT_DRAWS} draws, and for calls without a generator of
     * their own a generator seeded with {@value #DEFAULT_SEED} (a new one per call, so every call is reproducible).
     */
    public static RangePropagation withDefaults() {
        return new RangePropagation(BoundMethod.MONTE_CARLO, RangeFit.AUTO, DEFAULT_DRAWS, DEFAULT_SEED);
    }

    /**
     * A copy whose calls without a generator ({@code rng} null) draw from a new {@code XO_RO_SHI_RO_128_PP}
     * generator seeded with {@code s}; a generator passed to a call is used as given.
     */
    public RangePropagation withSeed(long s) {
        return new RangePropagation(method, fit, draws, s);
    }

    /** The seed of the generator used when a call passes none. */
    public long seed() {
        return seed;
    }

    /** A copy using {@code m}. */
    public RangePropagation withMethod(BoundMethod m) {
        return new RangePropagation(Objects.requireNonNull(m, "method"), fit, draws, seed);
    }

    /** A copy fitting ranges with {@code f} (Monte Carlo only). */
    public RangePropagation withFit(RangeFit f) {
        return new RangePropagation(method, Objects.requireNonNull(f, "fit"), draws, seed);
    }

    /** A copy drawing {@code n} replicates (Monte Carlo only); n must be at least 100. */
    public RangePropagation withDraws(int n) {
        if (n < 100) {
            throw DrugstatsException.of("Monte Carlo draws must be >= 100, got %d", n);
        }
        return new RangePropagation(method, fit, n, seed);
    }

    /** The bound method. */
    public BoundMethod method() {
        return method;
    }

    /** The range fit. */
    public RangeFit fit() {
        return fit;
    }

    /** The number of draws. */
    public int draws() {
        return draws;
    }

    /**
     * Range of Σ terms. Monte Carlo: (P2.5, <b>median</b>, P97.5) of the simulated sums — the best value is the
     * median of the draws, not the sum of the best values (that is {@link MonteCarloSummary#pointEstimate()}).
     * {@code rng} null draws from the {@linkplain #withSeed(long) seeded default generator}.
     */
    public Interval sum(List<Interval> terms, UniformRandomProvider rng) {
        if (method == BoundMethod.CONSERVATIVE) {
            double lo = 0;
            double be = 0;
            double hi = 0;
            for (Interval t : terms) {
                lo += t.low();
                be += t.best();
                hi += t.high();
            }
            return Interval.of(lo, be, hi);
        }
        return simulate(terms, RangePropagation::sumOf, rng).interval();
    }

    /**
     * Range of a·b; both ranges must be non-negative. Monte Carlo: (P2.5, <b>median</b>, P97.5) of the simulated
     * products (the best value is the median of the draws); {@code rng} null uses the seeded default generator.
     */
    public Interval product(Interval a, Interval b, UniformRandomProvider rng) {
        requireNonNegative(a, "product factor");
        requireNonNegative(b, "product factor");
        if (method == BoundMethod.CONSERVATIVE) {
            return Interval.of(a.low() * b.low(), a.best() * b.best(), a.high() * b.high());
        }
        return simulate(List.of(a, b), x -> x[0] * x[1], rng).interval();
    }

    /**
     * Range of numerator/denominator; the numerator must be non-negative and the denominator positive. Monte
     * Carlo: (P2.5, <b>median</b>, P97.5) of the simulated ratios (the best value is the median of the draws);
     * {@code rng} null uses the seeded default generator.
     */
    public Interval ratio(Interval numerator, Interval denominator, UniformRandomProvider rng) {
        requireNonNegative(numerator, "numerator");
        if (!(denominator.low() > 0)) {
            throw DrugstatsException.of("denominator range (%s, %s, %s) must be > 0", denominator.low(),
                    denominator.best(), denominator.high());
        }
        if (method == BoundMethod.CONSERVATIVE) {
            return Interval.of(numerator.low() / denominator.high(), numerator.best() / denominator.best(),
                    numerator.high() / denominator.low());
        }
        return simulate(List.of(numerator, denominator), x -> x[0] / x[1], rng).interval();
    }

    /**
     * Monte Carlo propagation of {@code inputs} through {@code f} whatever the configured method: each
     * replicate draws every input once (in list order) into an array passed to {@code f}. The summary holds the
     * median (which {@link MonteCarloSummary#interval()} reports as the best value), the mean, the percentiles and
     * {@code f} at the best inputs. {@code rng} null draws from a new generator seeded with {@link #seed()}.
     *
     * @throws DrugstatsException if {@code f} returns a non-finite value
     */
    public MonteCarloSummary simulate(List<Interval> inputs, ToDoubleFunction<double[]> f,
            UniformRandomProvider rng) {
        if (rng == null) {
            rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        }
        int k = inputs.size();
        ContinuousDistribution.Sampler[] samplers = new ContinuousDistribution.Sampler[k];
        double[] best = new double[k];
        for (int i = 0; i < k; i++) {
            samplers[i] = FittedRange.of(inputs.get(i), fit).sampler(rng);
            best[i] = inputs.get(i).best();
        }
        double point = f.applyAsDouble(best.clone());
        double[] values = new double[draws];
        double[] x = new double[k];
        double total = 0;
        for (int d = 0; d < draws; d++) {
            for (int i = 0; i < k; i++) {
                x[i] = samplers[i].sample();
            }
            double v = f.applyAsDouble(x);
            if (!Double.isFinite(v)) {
                throw DrugstatsException.of(
                        "Monte Carlo draw %d gave a non-finite value %s; check that denominators cannot reach 0",
                        d, v);
            }
            values[d] = v;
            total += v;
        }
        double[] q = QUANTILE.evaluate(values, 0.025, 0.5, 0.975);
        return new MonteCarloSummary(point, total / draws, q[1], q[0], q[2], draws);
    }

    private static double sumOf(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    private static void requireNonNegative(Interval r, String what) {
        if (!(r.low() >= 0)) {
            throw DrugstatsException.of("%s range (%s, %s, %s) must be >= 0", what, r.low(), r.best(), r.high());
        }
    }
}
