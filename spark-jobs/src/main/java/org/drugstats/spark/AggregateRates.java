package org.drugstats.spark;

import static org.drugstats.spark.AggregateStep.IN_AREA;
import static org.drugstats.spark.AggregateStep.IN_LOWER;
import static org.drugstats.spark.AggregateStep.IN_METHOD;
import static org.drugstats.spark.AggregateStep.IN_ORIGIN;
import static org.drugstats.spark.AggregateStep.IN_SOURCE;
import static org.drugstats.spark.AggregateStep.IN_STATUS;
import static org.drugstats.spark.AggregateStep.IN_TIME;
import static org.drugstats.spark.AggregateStep.IN_UPPER;
import static org.drugstats.spark.AggregateStep.IN_VALUE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.stats.aggregate.Aggregate;
import org.drugstats.core.stats.aggregate.AggregateLevel;
import org.drugstats.core.stats.aggregate.AggregationRule;
import org.drugstats.core.stats.aggregate.AggregationState;
import org.drugstats.core.stats.aggregate.AreaObservation;
import org.drugstats.core.stats.aggregate.ImputedArea;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * The rates of {@link AggregateStep} for one group (indicator, sex T, age 15-64, drug, unit percent) over all its
 * years, in plain Java.
 *
 * <ol>
 * <li>One value per country and year ({@code yr} = the first four characters of the time period): the first by
 * status (normal first), method, source (nulls first, UTF-8 order), value; lower, upper and origin break the
 * remaining ties so that the choice never depends on the order the rows arrive in.</li>
 * <li>Every year with a value of any country (members or not) is an aggregate year Y; its origin is the least
 * origin of those values.</li>
 * <li>Per scheme, the members are the countries with a population aged 15–64 in year Y; each takes its latest value
 * of years Y − window .. Y, else none. Core's {@link AggregationState} imputes, weights and withholds; countries
 * whose value is from before Y are listed as {@code area:year}, sorted by UTF-8 bytes, joined by ';'.</li>
 * </ol>
 */
final class AggregateRates {

    /** The row order of step 1: status normal first, method, source, value, then lower, upper, origin. */
    static final Comparator<Row> FIRST = Comparator.<Row>comparingInt(r -> "normal".equals(r.getString(IN_STATUS)) ? 0 : 1)
            .thenComparing(r -> r.getString(IN_METHOD), SqlSemantics.UTF8_NULLS_FIRST)
            .thenComparing(r -> r.getString(IN_SOURCE), SqlSemantics.UTF8_NULLS_FIRST)
            .thenComparing((a, b) -> SqlSemantics.compareDoubles(a.getDouble(IN_VALUE), b.getDouble(IN_VALUE)))
            .thenComparing((a, b) -> SqlSemantics.compareDoublesNullsFirst(nullable(a, IN_LOWER), nullable(b, IN_LOWER)))
            .thenComparing((a, b) -> SqlSemantics.compareDoublesNullsFirst(nullable(a, IN_UPPER), nullable(b, IN_UPPER)))
            .thenComparing(r -> r.getString(IN_ORIGIN), SqlSemantics.UTF8_NULLS_FIRST);

    private AggregateRates() {
    }

    private static Double nullable(Row r, int i) {
        return r.isNullAt(i) ? null : r.getDouble(i);
    }

    /**
     * The aggregate rows of one group.
     *
     * @param key any row of the group (its indicator, sex, age, drug and unit are the group's)
     * @param rows the group's rows (values not null, time periods matching {@code ^[0-9]{4}(/[0-9]{2})?$})
     */
    static List<Row> aggregate(Row key, Iterator<Row> rows, AggregateTables tables, double minCoverage, int window) {
        // country → year → its value
        Map<String, TreeMap<Integer, Row>> values = new HashMap<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            int yr = Integer.parseInt(r.getString(IN_TIME).substring(0, 4));
            values.computeIfAbsent(r.getString(IN_AREA), k -> new TreeMap<>())
                    .merge(yr, r, (a, b) -> FIRST.compare(a, b) <= 0 ? a : b);
        }
        TreeMap<Integer, String> origins = new TreeMap<>();
        TreeMap<Integer, Boolean> years = new TreeMap<>();
        for (TreeMap<Integer, Row> byYear : values.values()) {
            for (Map.Entry<Integer, Row> e : byYear.entrySet()) {
                years.put(e.getKey(), true);
                origins.put(e.getKey(), SqlSemantics.minUtf8(origins.get(e.getKey()), e.getValue().getString(IN_ORIGIN)));
            }
        }
        AggregationRule rule = AggregationRule.withDefaults().withMinimumCoverage(minCoverage);
        List<Row> out = new ArrayList<>();
        for (int year : years.keySet()) {
            String period = String.valueOf(year);
            for (String scheme : tables.schemes()) {
                List<AreaObservation> areas = new ArrayList<>();
                Map<String, List<String>> carried = new HashMap<>();
                for (AggregateTables.Member m : tables.members(scheme)) {
                    Double pop = tables.population(m.area(), period);
                    if (pop == null) {
                        continue;
                    }
                    TreeMap<Integer, Row> own = values.get(m.area());
                    Map.Entry<Integer, Row> latest = own == null ? null : own.floorEntry(year);
                    if (latest != null && latest.getKey() < year - window) {
                        latest = null;
                    }
                    areas.add(area(m, pop, latest == null ? null : latest.getValue()));
                    if (latest != null && latest.getKey() < year) {
                        String c = m.area() + ":" + latest.getKey();
                        carried.computeIfAbsent("s" + m.subregion(), k -> new ArrayList<>()).add(c);
                        carried.computeIfAbsent("r" + m.region(), k -> new ArrayList<>()).add(c);
                        if (scheme.equals(AggregateStep.M49)) {
                            carried.computeIfAbsent("w", k -> new ArrayList<>()).add(c);
                        }
                    }
                }
                if (areas.isEmpty()) {
                    continue;
                }
                for (Aggregate a : AggregationState.of(areas).finish(rule)) {
                    if (a.level() == AggregateLevel.WORLD && !scheme.equals(AggregateStep.M49)) {
                        continue;
                    }
                    List<String> c = carried.get(a.level() == AggregateLevel.WORLD ? "w"
                            : (a.level() == AggregateLevel.SUBREGION ? "s" : "r") + a.name());
                    out.add(row(key, period, scheme, a, origins.get(year), c, tables));
                }
            }
        }
        return out;
    }

    /** One member's input to the state: its value (with its range when the value lies in it) or none. */
    static AreaObservation area(AggregateTables.Member m, double pop, Row v) {
        if (v == null) {
            return AreaObservation.withoutData(m.area(), m.subregion(), m.region(), pop);
        }
        double best = v.getDouble(IN_VALUE);
        // no range, or a published best outside its own range (flagged best-outside-bounds): the value alone
        if (v.isNullAt(IN_LOWER) || v.isNullAt(IN_UPPER)
                || !(v.getDouble(IN_LOWER) <= best && best <= v.getDouble(IN_UPPER))) {
            return AreaObservation.withValue(m.area(), m.subregion(), m.region(), pop, best);
        }
        return AreaObservation.withRange(m.area(), m.subregion(), m.region(), pop,
                Interval.of(v.getDouble(IN_LOWER), best, v.getDouble(IN_UPPER)));
    }

    /** The aggregate's row in the columns of {@link AggregateStep#AGGREGATES}. */
    private static Row row(Row key, String period, String scheme, Aggregate a, String origin, List<String> carried,
            AggregateTables tables) {
        boolean world = a.level() == AggregateLevel.WORLD;
        String level = world ? "world" : scheme + "_" + (a.level() == AggregateLevel.SUBREGION ? "subregion" : "region");
        String code = world ? AggregateStep.WORLD : a.name();
        Optional<Interval> v = a.value();
        Object[] row = new Object[AggregateStep.AGGREGATES.size()];
        row[Column.INDICATOR.ordinal()] = key.get(AggregateStep.IN_INDICATOR);
        row[Column.REF_AREA.ordinal()] = code;
        row[Column.TIME_PERIOD.ordinal()] = period;
        row[Column.SEX.ordinal()] = key.get(AggregateStep.IN_SEX);
        row[Column.AGE.ordinal()] = key.get(AggregateStep.IN_AGE);
        row[Column.VALUE.ordinal()] = v.map(Interval::best).orElse(null);
        row[Column.LOWER.ordinal()] = v.isPresent() && a.boundsAvailable() ? v.get().low() : null;
        row[Column.UPPER.ordinal()] = v.isPresent() && a.boundsAvailable() ? v.get().high() : null;
        row[Column.UNIT.ordinal()] = key.get(AggregateStep.IN_UNIT);
        row[Column.OBS_STATUS.ordinal()] = v.isPresent() ? ObsStatus.ESTIMATED.code() : ObsStatus.MISSING.code();
        row[Column.SOURCE.ordinal()] = AggregateStep.SOURCE;
        row[Column.NOTES.ordinal()] = a.reason().map(x -> "value withheld: " + x).orElse(null);
        row[Column.ORIGIN.ordinal()] = origin;
        row[Column.UNIT_MULT.ordinal()] = 0;
        row[Column.DRUG.ordinal()] = key.get(AggregateStep.IN_DRUG);
        boolean low = a.reason().isPresent() && a.reason().get().startsWith("coverage");
        row[Column.OBS_FLAGS.ordinal()] = low ? QualityFlag.LOW_COVERAGE.code() : null;
        row[Column.AREA_NAME.ordinal()] = world ? "World" : tables.name(scheme, code);
        row[Column.METHOD.ordinal()] = AggregateStep.RATE_METHOD;
        int n = Column.values().length;
        row[n] = level;
        row[n + 1] = a.areas() == 0 ? null : a.coverage();
        row[n + 2] = a.areas();
        row[n + 3] = a.areasWithData();
        row[n + 4] = a.imputedAreas().isEmpty() ? null
                : String.join(";", a.imputedAreas().stream().map(ImputedArea::area).toList());
        if (carried != null) {
            carried.sort(SqlSemantics::compareUtf8);
            row[n + 5] = String.join(";", carried);
        }
        return RowFactory.create(row);
    }
}
