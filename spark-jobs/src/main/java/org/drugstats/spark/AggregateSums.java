package org.drugstats.spark;

import static org.drugstats.spark.AggregateStep.IN_AREA;
import static org.drugstats.spark.AggregateStep.IN_BASE;
import static org.drugstats.spark.AggregateStep.IN_METHOD;
import static org.drugstats.spark.AggregateStep.IN_ORIGIN;
import static org.drugstats.spark.AggregateStep.IN_SOURCE;
import static org.drugstats.spark.AggregateStep.IN_STATUS;
import static org.drugstats.spark.AggregateStep.IN_TIME;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;

/**
 * The quantities of {@link AggregateStep} (kg, hectares, persons, tonnes, US dollars) for one group (indicator, time
 * period, sex, age, drug, unit, drug group, drug subgroup), in plain Java: sums of the reported values per subregion,
 * region and world, exact, not imputed (a country that reported no seizure is not assumed to have seized the
 * regional average).
 *
 * <p>One value per member country: the first by status (normal first), method, source (nulls first, UTF-8 order),
 * then q = value × 10^unit_mult as {@code decimal(38,6)} (rounded HALF_UP from the double's shortest decimal form, as
 * Spark casts; nulls first); origin breaks the remaining ties. Per aggregate: total = Σ q (exact; as a double
 * {@code BigDecimal.doubleValue}), n_with_data = the reporting members, coverage = Σ P_reporting / Σ P_members with
 * P the population aged 15–64 of the same time period as {@code decimal(38,6)} (0 for a reporting country without
 * one), both sums turned into doubles before the division; null when no member has a population, and then n_areas =
 * n_with_data. The world is the M49 scheme's.
 */
final class AggregateSums {

    /** A country's chosen row and its value as decimal(38,6). */
    private record Pick(Row row, BigDecimal q) {
    }

    /** The order of the choice: status normal first, method, source, q, origin. */
    private static final Comparator<Pick> FIRST = Comparator
            .<Pick>comparingInt(p -> "normal".equals(p.row().getString(IN_STATUS)) ? 0 : 1)
            .thenComparing(p -> p.row().getString(IN_METHOD), SqlSemantics.UTF8_NULLS_FIRST)
            .thenComparing(p -> p.row().getString(IN_SOURCE), SqlSemantics.UTF8_NULLS_FIRST)
            .thenComparing(Pick::q, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(p -> p.row().getString(IN_ORIGIN), SqlSemantics.UTF8_NULLS_FIRST);

    /** The running sums of one aggregate. */
    private static final class Sum {
        BigDecimal total;
        int withData;
        BigDecimal populationWithData = BigDecimal.ZERO;
        String origin;
        BigDecimal population;
        int areas;
    }

    private AggregateSums() {
    }

    /**
     * The aggregate rows of one group.
     *
     * @param key any row of the group
     * @param rows the group's rows (values not null)
     */
    static List<Row> aggregate(Row key, Iterator<Row> rows, AggregateTables tables) {
        Map<String, Pick> first = new HashMap<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            Pick p = new Pick(r, r.isNullAt(IN_BASE) ? null : SqlSemantics.toDecimal(r.getDouble(IN_BASE)));
            first.merge(r.getString(IN_AREA), p, (a, b) -> FIRST.compare(a, b) <= 0 ? a : b);
        }
        String period = key.getString(IN_TIME);
        List<Row> out = new ArrayList<>();
        for (String scheme : tables.schemes()) {
            boolean m49 = scheme.equals(AggregateStep.M49);
            // (level, code, name) → sums; the names come with the codes, as the membership gives them
            TreeMap<List<String>, Sum> sums = new TreeMap<>(AggregateSums::compareKeys);
            for (Map.Entry<String, Pick> e : first.entrySet()) {
                AggregateTables.Member m = tables.member(scheme, e.getKey());
                if (m == null) {
                    continue;
                }
                Double pop = tables.population(m.area(), period);
                BigDecimal p = SqlSemantics.toDecimal(pop == null ? 0.0 : pop);
                add(sums, List.of("subregion", m.subregion(), m.subregionName()), e.getValue(), p);
                add(sums, List.of("region", m.region(), m.regionName()), e.getValue(), p);
                if (m49) {
                    add(sums, List.of("world", AggregateStep.WORLD, "World"), e.getValue(), p);
                }
            }
            if (sums.isEmpty()) {
                continue;
            }
            // the population of every member with one that year, per aggregate code
            Map<String, Sum> all = new HashMap<>();
            for (AggregateTables.Member m : tables.members(scheme)) {
                Double pop = tables.population(m.area(), period);
                if (pop == null) {
                    continue;
                }
                BigDecimal p = SqlSemantics.toDecimal(pop);
                count(all, "subregion|" + m.subregion(), p);
                count(all, "region|" + m.region(), p);
                if (m49) {
                    count(all, "world|" + AggregateStep.WORLD, p);
                }
            }
            for (Map.Entry<List<String>, Sum> e : sums.entrySet()) {
                Sum d = all.get(e.getKey().get(0) + "|" + e.getKey().get(1));
                out.add(row(key, scheme, e.getKey(), e.getValue(), d));
            }
        }
        return out;
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static void add(Map<List<String>, Sum> sums, List<String> key, Pick p, BigDecimal population) {
        Sum s = sums.computeIfAbsent(key, k -> new Sum());
        if (p.q() != null) {
            s.total = s.total == null ? p.q() : s.total.add(p.q());
        }
        s.withData++;
        s.populationWithData = s.populationWithData.add(population);
        s.origin = SqlSemantics.minUtf8(s.origin, p.row().getString(IN_ORIGIN));
    }

    private static void count(Map<String, Sum> all, String code, BigDecimal population) {
        Sum s = all.computeIfAbsent(code, k -> new Sum());
        s.population = s.population == null ? population : s.population.add(population);
        s.areas++;
    }

    /** The aggregate's row in the columns of {@link AggregateStep#AGGREGATES}. */
    private static Row row(Row key, String scheme, List<String> agg, Sum s, Sum members) {
        boolean world = agg.get(0).equals("world");
        Object[] row = new Object[AggregateStep.AGGREGATES.size()];
        row[Column.INDICATOR.ordinal()] = key.get(AggregateStep.IN_INDICATOR);
        row[Column.REF_AREA.ordinal()] = agg.get(1);
        row[Column.TIME_PERIOD.ordinal()] = key.get(IN_TIME);
        row[Column.SEX.ordinal()] = key.get(AggregateStep.IN_SEX);
        row[Column.AGE.ordinal()] = key.get(AggregateStep.IN_AGE);
        row[Column.VALUE.ordinal()] = s.total == null ? null : s.total.doubleValue();
        row[Column.UNIT.ordinal()] = key.get(AggregateStep.IN_UNIT);
        row[Column.OBS_STATUS.ordinal()] = ObsStatus.ESTIMATED.code();
        row[Column.SOURCE.ordinal()] = AggregateStep.SOURCE;
        row[Column.ORIGIN.ordinal()] = s.origin;
        row[Column.UNIT_MULT.ordinal()] = 0;
        row[Column.DRUG.ordinal()] = key.get(AggregateStep.IN_DRUG);
        row[Column.DRUG_GROUP.ordinal()] = key.get(AggregateStep.IN_DRUG_GROUP);
        row[Column.DRUG_SUBGROUP.ordinal()] = key.get(AggregateStep.IN_DRUG_SUBGROUP);
        row[Column.METHOD.ordinal()] = AggregateStep.SUM_METHOD;
        row[Column.AREA_NAME.ordinal()] = agg.get(2);
        int n = Column.values().length;
        row[n] = world ? "world" : scheme + "_" + agg.get(0);
        boolean known = members != null && members.population.signum() > 0;
        row[n + 1] = known ? s.populationWithData.doubleValue() / members.population.doubleValue() : null;
        row[n + 2] = members != null ? members.areas : s.withData;
        row[n + 3] = s.withData;
        return RowFactory.create(row);
    }
}
