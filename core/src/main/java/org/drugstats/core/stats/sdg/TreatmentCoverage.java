package org.drugstats.core.stats.sdg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.uncertainty.BoundMethod;
import org.drugstats.core.stats.uncertainty.Interval;
import org.drugstats.core.stats.uncertainty.MonteCarloSummary;
import org.drugstats.core.stats.uncertainty.RangePropagation;

/**
 * SDG 3.5.1 treatment coverage: coverage (%) = people who received treatment for substance use disorders
 * in a year / people with substance use disorders in the same year × 100; treatment gap = 100 − coverage;
 * "1 in N" = round(100 / coverage) (half up), absent when it would be 0 (coverage 0, or above 200%).
 *
 * <p>When either input carries a range, the coverage range comes from the configured
 * {@link RangePropagation} (default: Monte Carlo, {@link org.drugstats.core.stats.uncertainty.RangeFit#AUTO},
 * 10,000 draws; the inputs are taken as independent); the point estimate stays the ratio of the best
 * estimates. Breakdowns (sex, drug, …) are computed key by key with {@link #byKey}.
 *
 * <p>Edge cases: people with disorders must be &gt; 0; treated ≥ 0; coverage above 100% is reported as
 * computed (it signals inconsistent inputs, not an error). Reference: SDG metadata 3.5.1 (WHO); ONS SDG
 * platform, England alcohol met need (treated / estimated prevalence of dependence × 100).
 */
public final class TreatmentCoverage {
    private final RangePropagation propagation;

    private TreatmentCoverage(RangePropagation propagation) {
        this.propagation = propagation;
    }

    /** Monte Carlo ranges with {@link RangePropagation#withDefaults()}. */
    public static TreatmentCoverage withDefaults() {
        return new TreatmentCoverage(RangePropagation.withDefaults());
    }

    /** A copy propagating ranges with {@code p}. */
    public TreatmentCoverage withPropagation(RangePropagation p) {
        return new TreatmentCoverage(Objects.requireNonNull(p, "propagation"));
    }

    /** Coverage from exact counts. */
    public CoverageResult compute(double treated, double withDisorders) {
        return compute(Interval.exact(treated), Interval.exact(withDisorders), null);
    }

    /**
     * Coverage from counts with ranges; {@code rng} is needed only for Monte Carlo when an input has a range.
     */
    public CoverageResult compute(Interval treated, Interval withDisorders, UniformRandomProvider rng) {
        if (!(treated.low() >= 0)) {
            throw DrugstatsException.of("people in treatment must be >= 0, got (%s, %s, %s)", treated.low(),
                    treated.best(), treated.high());
        }
        if (!(withDisorders.low() > 0)) {
            throw DrugstatsException.of("people with disorders must be > 0, got (%s, %s, %s)", withDisorders.low(),
                    withDisorders.best(), withDisorders.high());
        }
        double cov = treated.best() / withDisorders.best() * 100;
        long n = cov > 0 ? Math.round(100 / cov) : 0;
        OptionalLong oneInN = n >= 1 ? OptionalLong.of(n) : OptionalLong.empty();
        if (treated.isExact() && withDisorders.isExact()) {
            return new CoverageResult(cov, Optional.empty(), 100 - cov, Optional.empty(), oneInN, Optional.empty());
        }
        Interval range;
        if (propagation.method() == BoundMethod.CONSERVATIVE) {
            range = propagation.ratio(treated, withDisorders, null).scale(100);
        } else {
            MonteCarloSummary s = propagation.simulate(List.of(treated, withDisorders), x -> x[0] / x[1] * 100, rng);
            range = s.interval();
        }
        Interval gap = Interval.of(100 - range.high(), 100 - range.best(), 100 - range.low());
        return new CoverageResult(cov, Optional.of(range), 100 - cov, Optional.of(gap), oneInN,
                Optional.of(propagation.method()));
    }

    /**
     * Coverage of a group: Σ treated / Σ with disorders × 100 over its members. Ranges: Monte Carlo draws
     * every member independently and takes the ratio of the sums per draw; conservative sums the bounds
     * (perfect correlation) and divides low by high and high by low.
     */
    CoverageResult pooled(List<Interval> treated, List<Interval> withDisorders, UniformRandomProvider rng) {
        RangePropagation exactSum = propagation.withMethod(BoundMethod.CONSERVATIVE);
        Interval t = exactSum.sum(treated, null);
        Interval d = exactSum.sum(withDisorders, null);
        boolean exact = treated.stream().allMatch(Interval::isExact) && withDisorders.stream().allMatch(Interval::isExact);
        if (exact || propagation.method() == BoundMethod.CONSERVATIVE || treated.size() == 1) {
            return compute(t, d, rng);
        }
        List<Interval> inputs = new ArrayList<>(treated);
        inputs.addAll(withDisorders);
        int n = treated.size();
        MonteCarloSummary s = propagation.simulate(inputs, x -> {
            double a = 0;
            double b = 0;
            for (int i = 0; i < n; i++) {
                a += x[i];
                b += x[n + i];
            }
            return a / b * 100;
        }, rng);
        CoverageResult point = compute(t.best(), d.best());
        Interval range = s.interval();
        Interval gap = Interval.of(100 - range.high(), 100 - range.best(), 100 - range.low());
        return new CoverageResult(point.coveragePercent(), Optional.of(range), point.gapPercent(), Optional.of(gap),
                point.oneInN(), Optional.of(propagation.method()));
    }

    /**
     * Coverage for each breakdown key (e.g. a record of sex and drug) present in both maps, in the
     * iteration order of {@code treated} (use a sorted or linked map for reproducible draws). Keys present
     * in only one map are listed in the result, not computed.
     */
    public <K> Breakdown<K> byKey(Map<K, Interval> treated, Map<K, Interval> withDisorders, UniformRandomProvider rng) {
        Map<K, CoverageResult> out = new LinkedHashMap<>();
        Set<K> treatedOnly = new LinkedHashSet<>();
        for (Map.Entry<K, Interval> e : treated.entrySet()) {
            Interval d = withDisorders.get(e.getKey());
            if (d == null) {
                treatedOnly.add(e.getKey());
            } else {
                out.put(e.getKey(), compute(e.getValue(), d, rng));
            }
        }
        List<K> disordersOnly = new ArrayList<>();
        for (K k : withDisorders.keySet()) {
            if (!treated.containsKey(k)) {
                disordersOnly.add(k);
            }
        }
        return new Breakdown<>(out, Set.copyOf(treatedOnly), Set.copyOf(disordersOnly));
    }

    /**
     * Coverage by breakdown key.
     *
     * @param <K> the key type
     * @param results coverage per key present in both inputs
     * @param treatedOnly keys with treatment counts but no disorder estimate
     * @param disordersOnly keys with a disorder estimate but no treatment count
     */
    public record Breakdown<K>(Map<K, CoverageResult> results, Set<K> treatedOnly, Set<K> disordersOnly) {
        /** Copies the map (keeping its order) and the sets (keeping theirs). */
        public Breakdown {
            results = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(results));
            treatedOnly = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(treatedOnly));
            disordersOnly = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(disordersOnly));
        }
    }
}
