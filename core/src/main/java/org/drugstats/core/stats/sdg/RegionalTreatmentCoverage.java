package org.drugstats.core.stats.sdg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.aggregate.AggregateLevel;
import org.drugstats.core.stats.aggregate.AggregationRule;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * Regional and global SDG 3.5.1 coverage: Σ treated / Σ with disorders × 100 over the countries that
 * report both (which assumes the countries without data have the same coverage as those with data),
 * published only when the countries with data hold at least {@link AggregationRule#minimumCoverage()} of
 * the group's population (default 0.5, see {@link AggregationRule}); otherwise withheld with a reason.
 * Ranges as in {@link TreatmentCoverage} (draws are taken region by region in name order, then the world).
 *
 * <p>Edge cases: no countries → failure; a region with no data → withheld ("no country has data").
 * Reference: SDG metadata 3.5.1 ("regional and global values are produced only where enough countries and
 * population are covered").
 */
public final class RegionalTreatmentCoverage {
    private RegionalTreatmentCoverage() {
    }

    /** One row per region (sorted by name), then the world. */
    public static List<RegionalCoverage> of(List<CountryTreatment> countries, AggregationRule rule,
            TreatmentCoverage method, UniformRandomProvider rng) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(method, "method");
        if (countries.isEmpty()) {
            throw DrugstatsException.of("regional treatment coverage needs at least one country, got none");
        }
        TreeSet<String> names = new TreeSet<>();
        Map<String, List<CountryTreatment>> byRegion = new TreeMap<>();
        for (CountryTreatment c : countries) {
            if (!names.add(c.area())) {
                throw DrugstatsException.of("country '%s' occurs more than once; expected each country once", c.area());
            }
            byRegion.computeIfAbsent(c.region(), k -> new ArrayList<>()).add(c);
        }
        List<RegionalCoverage> out = new ArrayList<>();
        for (Map.Entry<String, List<CountryTreatment>> e : byRegion.entrySet()) {
            out.add(group(AggregateLevel.REGION, e.getKey(), e.getValue(), rule, method, rng));
        }
        out.add(group(AggregateLevel.WORLD, "World", countries, rule, method, rng));
        return out;
    }

    private static RegionalCoverage group(AggregateLevel level, String name, List<CountryTreatment> members,
            AggregationRule rule, TreatmentCoverage method, UniformRandomProvider rng) {
        double pop = 0;
        double popData = 0;
        List<Interval> t = new ArrayList<>();
        List<Interval> d = new ArrayList<>();
        for (CountryTreatment c : members) {
            pop += c.population();
            if (c.hasData()) {
                popData += c.population();
                t.add(c.treated().get());
                d.add(c.withDisorders().get());
            }
        }
        double cov = popData / pop;
        String reason = null;
        if (t.isEmpty()) {
            reason = "no country has data";
        } else if (cov < rule.minimumCoverage()) {
            reason = String.format(Locale.ROOT,
                    "population coverage %.4f is below the minimum %.4f", cov, rule.minimumCoverage());
        }
        Optional<CoverageResult> result = reason == null ? Optional.of(method.pooled(t, d, rng)) : Optional.empty();
        return new RegionalCoverage(level, name, result, cov, members.size(), t.size(), Optional.ofNullable(reason));
    }
}
