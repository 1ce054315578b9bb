package org.drugstats.core.stats.sdg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * SDG 16.4.1 totals: reported flows summed by country, region or world and year, split by direction and
 * type, with the number of reporting countries. Sums of ranges are conservative (Σ low, Σ high), since
 * flows of one market are strongly dependent. Non-reporting countries are not imputed: a total is the sum
 * of what was reported, and {@link FlowTotal#reportingCountries()} says how many countries that is.
 *
 * <p>Edge cases: no flows → empty list; a country reported under two regions → failure.
 * Reference: UNODC and UNCTAD (2020), Conceptual Framework for the Statistical Measurement of Illicit
 * Financial Flows; SDG metadata 16.4.1.
 */
public final class IllicitFlowTotals {
    private IllicitFlowTotals() {
    }

    /** Totals sorted by name then year. */
    public static List<FlowTotal> of(List<IllicitFinancialFlow> flows, FlowGrouping grouping) {
        Objects.requireNonNull(grouping, "grouping");
        Map<String, String> regionOf = new HashMap<>();
        Map<String, Map<Integer, Acc>> groups = new TreeMap<>();
        for (IllicitFinancialFlow f : flows) {
            String prev = regionOf.putIfAbsent(f.country(), f.region());
            if (prev != null && !prev.equals(f.region())) {
                throw DrugstatsException.of("country '%s' is reported under regions '%s' and '%s'; expected one",
                        f.country(), prev, f.region());
            }
            String key = switch (grouping) {
                case COUNTRY -> f.country();
                case REGION -> f.region();
                case WORLD -> "World";
            };
            groups.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(f.year(), y -> new Acc()).add(f);
        }
        List<FlowTotal> out = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Acc>> g : groups.entrySet()) {
            for (Map.Entry<Integer, Acc> y : g.getValue().entrySet()) {
                Acc a = y.getValue();
                out.add(new FlowTotal(grouping, g.getKey(), y.getKey(), a.total.get(), a.inward.get(),
                        a.outward.get(), a.generation.get(), a.management.get(), a.countries.size()));
            }
        }
        return out;
    }

    private static final class Sum {
        double low;
        double best;
        double high;

        void add(Interval v) {
            low += v.low();
            best += v.best();
            high += v.high();
        }

        Interval get() {
            return Interval.of(low, best, high);
        }
    }

    private static final class Acc {
        final Sum total = new Sum();
        final Sum inward = new Sum();
        final Sum outward = new Sum();
        final Sum generation = new Sum();
        final Sum management = new Sum();
        final TreeSet<String> countries = new TreeSet<>();

        void add(IllicitFinancialFlow f) {
            total.add(f.usdCurrent());
            (f.direction() == FlowDirection.INWARD ? inward : outward).add(f.usdCurrent());
            (f.type() == FlowType.INCOME_GENERATION ? generation : management).add(f.usdCurrent());
            countries.add(f.country());
        }
    }
}
