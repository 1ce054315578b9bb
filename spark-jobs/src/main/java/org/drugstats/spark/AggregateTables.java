package org.drugstats.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drugstats.core.data.Column;

/**
 * The small tables of {@link AggregateStep}, collected once on the driver and shipped with the group function: the
 * membership of countries in each scheme's subregions and regions (about 250 countries × 2 schemes) and the
 * population aged 15–64 per country and year (a few thousand pairs). The observations themselves are never
 * collected.
 */
final class AggregateTables implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One country's place in one scheme. */
    record Member(String area, String subregion, String subregionName, String region, String regionName)
            implements Serializable {
    }

    /** scheme → country → member, countries in code order. */
    private final TreeMap<String, TreeMap<String, Member>> members;
    /** "scheme|code" → name of a subregion or region. */
    private final HashMap<String, String> names;
    /** country → year (time_period as written) → population aged 15-64 (persons, > 0). */
    private final HashMap<String, HashMap<String, Double>> population;

    private AggregateTables(TreeMap<String, TreeMap<String, Member>> members, HashMap<String, String> names,
            HashMap<String, HashMap<String, Double>> population) {
        this.members = members;
        this.names = names;
        this.population = population;
    }

    /**
     * Collects the tables: {@code membership} rows of {@link AggregateStep#MEMBERSHIP}; the population rows of
     * {@code obs} ({@link AggregateStep#POPULATION}, sex T), reduced per (country, year) to the first by source
     * (null as "") then value, kept when above 0.
     */
    static AggregateTables collect(Dataset<Row> obs, Dataset<Row> membership) {
        TreeMap<String, TreeMap<String, Member>> m = new TreeMap<>();
        HashMap<String, String> names = new HashMap<>();
        for (Row r : membership.collectAsList()) {
            Member x = new Member(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5));
            m.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(x.area(), x);
            names.put(r.getString(0) + "|" + x.subregion(), x.subregionName());
            names.put(r.getString(0) + "|" + x.region(), x.regionName());
        }
        List<Row> p = obs.filter(col(Column.INDICATOR.columnName()).equalTo(AggregateStep.POPULATION)
                        .and(col(Column.SEX.columnName()).equalTo("T")))
                .select(col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()), Schemas.baseValue(),
                        coalesce(col(Column.SOURCE.columnName()), lit("")))
                .collectAsList();
        return new AggregateTables(m, names, populations(p));
    }

    /** Population per (area, year) from rows (area, year, persons, source): the first by source then persons. */
    static HashMap<String, HashMap<String, Double>> populations(List<Row> rows) {
        Map<List<String>, Row> first = new HashMap<>();
        for (Row r : rows) {
            first.merge(java.util.Arrays.asList(r.getString(0), r.getString(1)), r, (a, b) -> {
                int c = SqlSemantics.compareUtf8(a.getString(3), b.getString(3));
                if (c == 0) {
                    c = SqlSemantics.compareDoublesNullsFirst(a.isNullAt(2) ? null : a.getDouble(2),
                            b.isNullAt(2) ? null : b.getDouble(2));
                }
                return c <= 0 ? a : b;
            });
        }
        HashMap<String, HashMap<String, Double>> out = new HashMap<>();
        for (Row r : first.values()) {
            // Spark's population > 0 is true for NaN (NaN sorts above every number)
            if (!r.isNullAt(2) && (r.getDouble(2) > 0 || Double.isNaN(r.getDouble(2)))) {
                out.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getString(1), r.getDouble(2));
            }
        }
        return out;
    }

    /** The schemes, in code order. */
    List<String> schemes() {
        return new ArrayList<>(members.keySet());
    }

    /** The members of a scheme, in country order. */
    java.util.Collection<Member> members(String scheme) {
        return Collections.unmodifiableCollection(members.getOrDefault(scheme, new TreeMap<>()).values());
    }

    /** A country's place in a scheme, or null when it is not a member. */
    Member member(String scheme, String area) {
        TreeMap<String, Member> s = members.get(scheme);
        return s == null ? null : s.get(area);
    }

    /** The name of a subregion or region code of a scheme, or the code. */
    String name(String scheme, String code) {
        return names.getOrDefault(scheme + "|" + code, code);
    }

    /** A country's population aged 15-64 in a year (time_period as written), or null. */
    Double population(String area, String year) {
        HashMap<String, Double> y = population.get(area);
        return y == null ? null : y.get(year);
    }
}
