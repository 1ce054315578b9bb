package org.drugstats.core.stats.aggregate;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * Mergeable state of a population-weighted aggregation of area rates to subregion, region and world.
 *
 * <p>State: per (region, subregion), exact sums Σ P_i, Σ P_i over areas with data, Σ r_i·P_i for best, low
 * and high, the names of the areas with data and the names and populations of the areas without. Build
 * with {@link #of(AreaObservation)} / {@link #of(Collection)}, merge with {@link #combine} (associative
 * and commutative, exactly: sums are {@link BigDecimal}), then {@link #finish}. An area may occur once
 * only: combining two states that share an area fails. The class is immutable and {@link Serializable};
 * in a Spark {@code Aggregator} use it as the buffer with {@code Encoders.javaSerialization} or
 * {@code Encoders.kryo} (it has no bean getters/setters on purpose: a bean encoder would map the
 * {@code BigDecimal} sums to decimal(38,18) and lose digits).
 *
 * <p>{@link #finish}: for a group g with population P_g, let m_g = Σ_{data} r_i P_i / Σ_{data} P_i be its
 * reported mean. An area without data is imputed with m of its subregion, else of its region, else of the
 * world (WDR methodology: "close to the sub-regional average"); the aggregate is
 * r_g = (Σ_{data} r_i P_i + Σ_{no data} m_src(i) P_i) / P_g — for a subregion with data this equals its
 * reported mean. Coverage = Σ_{data} P_i / P_g. Below {@link AggregationRule#minimumCoverage()} the value is
 * withheld with a reason. Bounds: the same weighted sums applied to the lows and to the highs, i.e. the
 * bounds of all areas are assumed perfectly correlated (a conservative range; an independent-errors range
 * can be obtained from the area ranges with
 * {@link WeightedMeanRange}). Imputed areas take the source group's
 * (low, best, high).
 *
 * <p>Edge cases: the empty state finishes to a world aggregate with no value ("no areas"); a group with no
 * data anywhere above it has no value ("no area has data").
 */
public final class AggregationState implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Name of the world aggregate. */
    public static final String WORLD = "World";

    private final TreeMap<String, TreeMap<String, SubregionState>> regions;
    private final TreeSet<String> areas;

    /** Sums and area names of one subregion. */
    private static final class SubregionState implements Serializable {
        private static final long serialVersionUID = 1L;
        final WeightedSums sums;
        final TreeMap<String, Double> withoutData;

        SubregionState(WeightedSums sums, TreeMap<String, Double> withoutData) {
            this.sums = sums;
            this.withoutData = withoutData;
        }

        SubregionState combine(SubregionState o) {
            TreeMap<String, Double> w = new TreeMap<>(withoutData);
            w.putAll(o.withoutData);
            return new SubregionState(sums.combine(o.sums), w);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SubregionState s && sums.equals(s.sums) && withoutData.equals(s.withoutData);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sums, withoutData);
        }
    }

    private AggregationState(TreeMap<String, TreeMap<String, SubregionState>> regions, TreeSet<String> areas) {
        this.regions = regions;
        this.areas = areas;
    }

    /** The state of no areas (identity of {@link #combine}). */
    public static AggregationState empty() {
        return new AggregationState(new TreeMap<>(), new TreeSet<>());
    }

    /** The state of one area. */
    public static AggregationState of(AreaObservation a) {
        TreeMap<String, Double> without = new TreeMap<>();
        if (!a.hasData()) {
            without.put(a.area(), a.population());
        }
        TreeMap<String, SubregionState> sub = new TreeMap<>();
        sub.put(a.subregion(), new SubregionState(WeightedSums.of(a), without));
        TreeMap<String, TreeMap<String, SubregionState>> reg = new TreeMap<>();
        reg.put(a.region(), sub);
        TreeSet<String> names = new TreeSet<>();
        names.add(a.area());
        return new AggregationState(reg, names);
    }

    /** The state of several areas. */
    public static AggregationState of(Collection<AreaObservation> observations) {
        // linear in the number of areas: the areas are grouped by region and subregion first and each subregion's
        // state is built once (folding combine() one area at a time copied the whole state per area: quadratic)
        TreeSet<String> names = new TreeSet<>();
        TreeMap<String, TreeMap<String, List<AreaObservation>>> groups = new TreeMap<>();
        for (AreaObservation a : observations) {
            if (!names.add(a.area())) {
                throw DrugstatsException.of("area '%s' occurs more than once in the aggregation; expected each area "
                        + "once", a.area());
            }
            groups.computeIfAbsent(a.region(), k -> new TreeMap<>()).computeIfAbsent(a.subregion(),
                    k -> new ArrayList<>()).add(a);
        }
        TreeMap<String, TreeMap<String, SubregionState>> reg = new TreeMap<>();
        for (Map.Entry<String, TreeMap<String, List<AreaObservation>>> r : groups.entrySet()) {
            TreeMap<String, SubregionState> subs = new TreeMap<>();
            for (Map.Entry<String, List<AreaObservation>> g : r.getValue().entrySet()) {
                WeightedSums sums = null;
                TreeMap<String, Double> without = new TreeMap<>();
                for (AreaObservation a : g.getValue()) {
                    sums = sums == null ? WeightedSums.of(a) : sums.combine(WeightedSums.of(a));
                    if (!a.hasData()) {
                        without.put(a.area(), a.population());
                    }
                }
                subs.put(g.getKey(), new SubregionState(sums, without));
            }
            reg.put(r.getKey(), subs);
        }
        return new AggregationState(reg, names);
    }

    /** The state of the union of both area sets; fails when an area is in both. */
    public AggregationState combine(AggregationState other) {
        for (String a : other.areas) {
            if (areas.contains(a)) {
                throw DrugstatsException.of("area '%s' occurs more than once in the aggregation; expected each area once",
                        a);
            }
        }
        TreeMap<String, TreeMap<String, SubregionState>> reg = new TreeMap<>();
        for (Map.Entry<String, TreeMap<String, SubregionState>> e : regions.entrySet()) {
            reg.put(e.getKey(), new TreeMap<>(e.getValue()));
        }
        for (Map.Entry<String, TreeMap<String, SubregionState>> e : other.regions.entrySet()) {
            TreeMap<String, SubregionState> subs = reg.computeIfAbsent(e.getKey(), k -> new TreeMap<>());
            for (Map.Entry<String, SubregionState> s : e.getValue().entrySet()) {
                subs.merge(s.getKey(), s.getValue(), SubregionState::combine);
            }
        }
        TreeSet<String> names = new TreeSet<>(areas);
        names.addAll(other.areas);
        return new AggregationState(reg, names);
    }

    /** Number of areas in the state. */
    public int size() {
        return areas.size();
    }

    /**
     * The aggregates: every subregion (sorted by region, then subregion), every region (sorted), then the
     * world.
     */
    public List<Aggregate> finish(AggregationRule rule) {
        Objects.requireNonNull(rule, "rule");
        WeightedSums world = WeightedSums.EMPTY;
        Map<String, WeightedSums> regionSums = new TreeMap<>();
        for (Map.Entry<String, TreeMap<String, SubregionState>> r : regions.entrySet()) {
            WeightedSums rs = WeightedSums.EMPTY;
            for (SubregionState s : r.getValue().values()) {
                rs = rs.combine(s.sums);
            }
            regionSums.put(r.getKey(), rs);
            world = world.combine(rs);
        }
        Optional<BigDecimal[]> worldMean = world.mean();

        List<Aggregate> subAggs = new ArrayList<>();
        List<Aggregate> regAggs = new ArrayList<>();
        Totals worldTotals = new Totals();
        for (Map.Entry<String, TreeMap<String, SubregionState>> r : regions.entrySet()) {
            WeightedSums rs = regionSums.get(r.getKey());
            Optional<BigDecimal[]> regionMean = rs.mean();
            Totals regionTotals = new Totals();
            for (Map.Entry<String, SubregionState> s : r.getValue().entrySet()) {
                SubregionState ss = s.getValue();
                Optional<BigDecimal[]> subMean = ss.sums.mean();
                Source src = subMean.isPresent() ? new Source(AggregateLevel.SUBREGION, subMean, ss.sums.allBounded())
                        : regionMean.isPresent() ? new Source(AggregateLevel.REGION, regionMean, rs.allBounded())
                        : new Source(AggregateLevel.WORLD, worldMean, world.allBounded());
                Totals t = new Totals();
                t.add(ss, src);
                subAggs.add(t.toAggregate(AggregateLevel.SUBREGION, s.getKey(), ss.sums, rule));
                regionTotals.add(ss, src);
                worldTotals.add(ss, src);
            }
            regAggs.add(regionTotals.toAggregate(AggregateLevel.REGION, r.getKey(), rs, rule));
        }
        List<Aggregate> out = new ArrayList<>(subAggs);
        out.addAll(regAggs);
        out.add(worldTotals.toAggregate(AggregateLevel.WORLD, WORLD, world, rule));
        return Collections.unmodifiableList(out);
    }

    /** Where imputed values of a subregion come from. */
    private record Source(AggregateLevel level, Optional<BigDecimal[]> mean, boolean bounded) {
    }

    /** Running totals of rate × population with imputation, for one aggregate. */
    private static final class Totals {
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal best = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ZERO;
        boolean imputable = true;
        boolean bounded = true;
        final List<ImputedArea> imputed = new ArrayList<>();

        void add(SubregionState s, Source src) {
            low = low.add(s.sums.lowTimesPopulation);
            best = best.add(s.sums.bestTimesPopulation);
            high = high.add(s.sums.highTimesPopulation);
            bounded &= s.sums.allBounded();
            if (s.withoutData.isEmpty()) {
                return;
            }
            if (src.mean.isEmpty()) {
                imputable = false;
                return;
            }
            BigDecimal[] m = src.mean.get();
            bounded &= src.bounded;
            Interval v = Interval.of(m[0].doubleValue(), m[1].doubleValue(), m[2].doubleValue());
            for (Map.Entry<String, Double> a : s.withoutData.entrySet()) {
                BigDecimal p = new BigDecimal(a.getValue());
                low = low.add(m[0].multiply(p));
                best = best.add(m[1].multiply(p));
                high = high.add(m[2].multiply(p));
                imputed.add(new ImputedArea(a.getKey(), a.getValue(), src.level, v));
            }
        }

        Aggregate toAggregate(AggregateLevel level, String name, WeightedSums sums, AggregationRule rule) {
            double pop = sums.population.doubleValue();
            double popData = sums.populationWithData.doubleValue();
            double coverage = sums.areas == 0 ? 0 : sums.populationWithData.divide(sums.population, WeightedSums.MC)
                    .doubleValue();
            imputed.sort((a, b) -> a.area().compareTo(b.area()));
            List<ImputedArea> imp = List.copyOf(imputed);
            String reason = null;
            if (sums.areas == 0) {
                reason = "no areas";
            } else if (!imputable) {
                reason = "no area has data";
            } else if (coverage < rule.minimumCoverage()) {
                reason = String.format(java.util.Locale.ROOT,
                        "coverage %.4f (population with data / population) is below the minimum %.4f", coverage,
                        rule.minimumCoverage());
            }
            Optional<Interval> value = Optional.empty();
            if (reason == null) {
                value = Optional.of(Interval.of(low.divide(sums.population, WeightedSums.MC).doubleValue(),
                        best.divide(sums.population, WeightedSums.MC).doubleValue(),
                        high.divide(sums.population, WeightedSums.MC).doubleValue()));
            }
            return new Aggregate(level, name, value, bounded, coverage, pop, popData, sums.areas, sums.areasWithData,
                    imp, Optional.ofNullable(reason));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AggregationState s && regions.equals(s.regions) && areas.equals(s.areas);
    }

    @Override
    public int hashCode() {
        return Objects.hash(regions, areas);
    }
}
