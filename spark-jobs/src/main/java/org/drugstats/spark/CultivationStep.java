package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.drugstats.core.catalog.Catalog;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.Unit;
import org.drugstats.core.supply.CultivationArea;

/**
 * Opium poppy cultivation (UNODC <i>World Drug Report 2025</i>, statistical annex table 6.2.1, ingest kind
 * {@code unodc-annex-cultivation}) by core's {@link CultivationArea}, over the years the extract holds:
 * <ul>
 * <li>{@value #AREA}, method {@value #AS_PUBLISHED}: every country and the "other countries" row
 * ({@code WLD_OTHER}) in every year of the window, the best estimate with the survey's lower and upper bounds; a
 * year whose best estimate the workbook does not hold (its 2019 cells for Afghanistan, the Lao PDR, Myanmar and
 * Mexico are links to another workbook: flagged {@code stale-formula} by the ingest) or that it publishes as ".."
 * is a row with a null value and status {@code missing} (never zero), with the bounds the workbook does give; a
 * year without any row (e.g. Colombia after 2018) is a missing row too, and the notes say which;</li>
 * <li>{@value #AREA} for {@code WLD}, method {@value #PUBLISHED}: the annex's unrounded total with its published
 * bounds; its notes give the rounded total, the sum of the parts and the catalog's world figures of the year
 * (345,900 ha in 2018, WDR 2019; 345,700 ha, WDR 2025 annex) with the difference;</li>
 * <li>{@value #AREA} for {@code WLD}, method {@value #SUM}: the countries and the residual row summed (exact
 * decimals; bounds the sums of the bounds, i.e. perfectly correlated errors, only where every part has them),
 * missing in a year where a part has no best estimate;</li>
 * <li>{@value #AREA}{@code _change}: 100 (A<sub>t</sub> − A<sub>t−1</sub>) / A<sub>t−1</sub> between consecutive
 * years that both have a best estimate, for the countries, the residual row and the published world total
 * (method {@code percent-change}) and the sum of the parts (method {@code percent-change-of-sum}).</li>
 * </ul>
 * The rows are few (tens per year): they are collected to the driver, computed by core and returned as a dataset.
 */
public final class CultivationStep {

    public static final String AREA = "cultivation_area_opium_poppy";
    public static final String CHANGE = AREA + IndicatorStep.CHANGE_SUFFIX;
    static final String AS_PUBLISHED = "as-published";
    static final String PUBLISHED = "published-total";
    static final String SUM = "sum-of-countries";
    static final String ROUNDED = "rounded";

    private CultivationStep() {
    }

    /** The classification the country names come from (immutable, read once). */

    /**
     * The opium poppy rows of the indicators table.
     *
     * @param observations the run's observations (missing values included: they carry the bounds)
     * @param catalog the catalog whose World figures of {@value #AREA} are set beside the data
     * @param geography the names of the countries (M49) and aggregates
     * @return rows of {@link IndicatorStep#INDICATORS}; empty when no input holds {@value #AREA}
     */
    public static Dataset<Row> run(Dataset<Row> observations, Catalog catalog,
            org.drugstats.core.geo.Geography geography) {
        List<Observation> obs = new ArrayList<>();
        Map<Integer, Double> rounded = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        String origin = null;
        for (Row r : observations.filter(col(Column.INDICATOR.columnName()).equalTo(AREA)
                .and(col(Column.UNIT.columnName()).equalTo(Unit.HECTARES.code())))
                .selectExpr(Schemas.EXTRACT_COLUMNS).collectAsList()) {
            Observation o = ObservationRows.of(r);
            if (!o.timePeriod().matches("\\d{4}")) {
                continue;
            }
            if (ROUNDED.equals(o.method())) {
                // the annex's rounded total: quoted beside the unrounded one, which carries the bounds
                rounded.put(Integer.parseInt(o.timePeriod()), o.scaledValue());
                continue;
            }
            obs.add(o);
            if (!names.containsKey(o.refArea())) {
                // the country's M49 name, not the annex row's label ("   Afghanistan (best estimate)"); a residual
                // row ("Other countries") keeps its label, trimmed
                names.put(o.refArea(), geography.country(o.refArea()).map(c -> c.name())
                        .or(() -> geography.aggregate(o.refArea()).map(g -> g.name()))
                        .orElse(o.areaName() == null ? null : o.areaName().strip()));
            }
            origin = origin == null || o.origin().compareTo(origin) < 0 ? o.origin() : origin;
        }
        List<Row> out = new ArrayList<>();
        if (!obs.isEmpty()) {
            int first = obs.stream().mapToInt(o -> Integer.parseInt(o.timePeriod())).min().getAsInt();
            int last = obs.stream().mapToInt(o -> Integer.parseInt(o.timePeriod())).max().getAsInt();
            CultivationArea.Result res = CultivationArea.of(obs, AREA, first, last, catalog);
            Map<String, Observation> byKey = new TreeMap<>();
            obs.forEach(o -> byKey.put(o.refArea() + "|" + o.timePeriod(), o));
            for (CultivationArea.Point p : res.countries()) {
                out.add(area(p, AS_PUBLISHED, byKey.get(p.area() + "|" + p.year()), names.get(p.area()), origin,
                        p.status() == CultivationArea.Status.NOT_IN_SOURCE
                                ? "no best estimate: the source holds no value for this year" : p.note()));
            }
            for (int i = 0; i < res.publishedWorld().size(); i++) {
                CultivationArea.Point p = res.publishedWorld().get(i);
                CultivationArea.Point c = res.computedWorld().get(i);
                List<String> notes = new ArrayList<>();
                if (p.note() != null) {
                    notes.add(p.note());
                }
                if (rounded.containsKey(p.year())) {
                    notes.add("published rounded " + Observation.number(rounded.get(p.year())));
                }
                notes.add(c.hectares() == null ? "sum of the parts " + c.note()
                        : "sum of the parts " + Observation.number(c.hectares()));
                for (CultivationArea.Comparison cmp : res.comparisons()) {
                    if (cmp.entry().firstYear().orElse(-1) == p.year() && cmp.data().isPresent()) {
                        notes.add(String.format(Locale.ROOT, "catalog %s: %s ha (%s), difference %s", cmp.entry().id(),
                                Observation.number(cmp.entry().scaledValue()), cmp.entry().sourceDocument(),
                                Observation.number(cmp.difference())));
                    }
                }
                out.add(area(p, PUBLISHED, byKey.get("WLD|" + p.year()), "World", origin,
                        p.status() == CultivationArea.Status.NOT_IN_SOURCE ? "the source publishes no total for "
                                + "this year; " + String.join("; ", notes) : String.join("; ", notes)));
                out.add(area(c, SUM, null, "World", origin, c.note()));
            }
            for (CultivationArea.Change ch : res.changes()) {
                boolean computed = "WLD_COMPUTED".equals(ch.area());
                String a = computed ? "WLD" : ch.area();
                Object[] v = IndicatorStep.base(CHANGE, a, Integer.toString(ch.toYear()), "_T", ch.percent(), null,
                        null, Unit.PERCENT_CHANGE, origin, "opium poppy",
                        computed ? "percent-change-of-sum" : "percent-change", AREA);
                v[Column.SOURCE.ordinal()] = "drugstats: 100 x (A(t) - A(t-1)) / A(t-1)";
                v[Column.NOTES.ordinal()] = "change from " + ch.fromYear() + (computed ? " of the sum of the parts"
                        : "WLD".equals(a) ? " of the published total" : "");
                v[Column.AREA_NAME.ordinal()] = "WLD".equals(a) ? "World" : names.get(a);
                out.add(RowFactory.create(v));
            }
        }
        return observations.sparkSession().createDataFrame(out, IndicatorStep.INDICATORS);
    }

    private static Row area(CultivationArea.Point p, String method, Observation source, String name, String origin,
            String note) {
        boolean has = p.hectares() != null;
        Object[] v = IndicatorStep.base(AREA, p.area(), Integer.toString(p.year()), "_T", has ? p.hectares() : 0,
                p.lower(), p.upper(), Unit.HECTARES, source != null ? source.origin() : origin, "opium poppy", method,
                AREA);
        v[Column.VALUE.ordinal()] = has ? p.hectares() : null;
        v[Column.OBS_STATUS.ordinal()] = (has ? (SUM.equals(method) ? ObsStatus.ESTIMATED : ObsStatus.NORMAL)
                : ObsStatus.MISSING).code();
        v[Column.SOURCE.ordinal()] = SUM.equals(method) ? "drugstats: sum of the country and other-countries estimates"
                : "UNODC WDR 2025 annex 6.2.1" + (PUBLISHED.equals(method) ? " (total row)" : "");
        v[Column.NOTES.ordinal()] = note;
        v[Column.AREA_NAME.ordinal()] = name;
        if (source != null && !source.flags().isEmpty()) {
            v[Column.OBS_FLAGS.ordinal()] = QualityFlag.joinAll(source.flags());
        }
        return RowFactory.create(v);
    }
}
