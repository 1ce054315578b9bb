package org.drugstats.spark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.Unit;
import org.drugstats.core.supply.PriceCategories;

/**
 * Prices put to use (UNODC <i>World Drug Report</i> annex 8.1, ingest kind {@code unodc-annex-prices}):
 * <ul>
 * <li>{@value #ADJUSTED}{@code _retail} and {@code _wholesale}: the typical price per gram divided by the typical
 * purity of the same country, year, drug and level of sale, 100 × price / purity (US$ per gram of pure drug), where
 * both are published (purity in percent, above 0); keys published as several records are left out, and so are
 * purities flagged {@code possible-fraction} (every published figure at most 1: perhaps a fraction of 1 under a
 * percent unit, see the ingest kind).</li>
 * <li>{@value #VALUE}: the value of what was seized, {@code seizures_total} (kg) × 1,000 × the typical wholesale
 * price per gram of the same country and year (core {@link PriceCategories}: which Drug prices which category),
 * with the range from the published minimum and maximum prices; for countries and the world (the countries valued,
 * {@code n_with_data}). A value of seizures at wholesale prices, <b>not</b> an estimate of illicit financial flows.
 * </li>
 * </ul>
 */
public final class SupplyValueStep {

    public static final String ADJUSTED = "price_purity_adjusted";
    public static final String VALUE = "seizures_value_wholesale";

    private SupplyValueStep() {
    }

    /** The indicators read from the observations. */
    static final java.util.Set<String> INPUTS = java.util.Set.of(SeizureTotalsStep.INDICATOR, "price_retail",
            "price_wholesale", "purity_retail", "purity_wholesale");

    /** Both row sets, schema {@link IndicatorStep#INDICATORS} plus {@value SeizureCategoryStep#N_WITH_DATA}. */
    public static Dataset<Row> run(Dataset<Row> obs) {
        return IndicatorGroups.inOneGroup(obs, INPUTS, SeizureCategoryStep.ROWS,
                rows -> rows(rows, SeizureCategoryStep.countryTotals(rows)));
    }

    /**
     * Both row sets of canonical observation rows, in plain Java (one task): as Spark joins, a window and a
     * group-by with a distinct count they were about 6 shuffles of the indicators step (issue 18).
     *
     * @param obs canonical rows in a fixed order
     * @param countries the country totals of {@code obs} ({@link SeizureCategoryStep#countryTotals})
     */
    static List<Row> rows(List<Row> obs, List<Row> countries) {
        List<Row> out = new ArrayList<>();
        purityAdjusted(obs, out);
        seizureValue(obs, countries, out);
        return out;
    }

    /** Rows of an indicator in a unit with a value and without a record number. */
    private static List<Row> single(List<Row> obs, String indicator, Unit unit) {
        List<Row> out = new ArrayList<>();
        for (Row r : obs) {
            if (indicator.equals(IndicatorGroups.text(r, Column.INDICATOR))
                    && unit.code().equals(IndicatorGroups.text(r, Column.UNIT))
                    && !r.isNullAt(Column.VALUE.ordinal()) && r.isNullAt(Column.RECORD.ordinal())) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<String> key(Row r) {
        return Arrays.asList(IndicatorGroups.text(r, Column.REF_AREA), IndicatorGroups.text(r, Column.TIME_PERIOD),
                IndicatorGroups.text(r, Column.DRUG));
    }

    static void purityAdjusted(List<Row> obs, List<Row> out) {
        for (String level : List.of("retail", "wholesale")) {
            Map<List<String>, List<Row>> purity = new HashMap<>();
            for (Row q : single(obs, "purity_" + level, Unit.PERCENT)) {
                String flags = IndicatorGroups.text(q, Column.OBS_FLAGS);
                if (q.getDouble(Column.VALUE.ordinal()) > 0
                        // a purity that may be a fraction of 1 under a percent unit would inflate the price 100-fold
                        && (flags == null || !flags.contains(QualityFlag.POSSIBLE_FRACTION.code()))
                        && !key(q).contains(null)) {
                    purity.computeIfAbsent(key(q), k -> new ArrayList<>()).add(q);
                }
            }
            for (Row p : single(obs, "price_" + level, Unit.USD_PER_GRAM)) {
                for (Row q : purity.getOrDefault(key(p), List.of())) {
                    double price = p.getDouble(Column.VALUE.ordinal());
                    double pure = q.getDouble(Column.VALUE.ordinal());
                    Object[] v = new Object[SeizureCategoryStep.ROWS.size()];
                    v[Column.INDICATOR.ordinal()] = ADJUSTED + "_" + level;
                    v[Column.REF_AREA.ordinal()] = IndicatorGroups.text(p, Column.REF_AREA);
                    v[Column.TIME_PERIOD.ordinal()] = IndicatorGroups.text(p, Column.TIME_PERIOD);
                    v[Column.SEX.ordinal()] = "T";
                    v[Column.AGE.ordinal()] = "_T";
                    v[Column.VALUE.ordinal()] = price * 100 / pure;
                    v[Column.UNIT.ordinal()] = Unit.USD_PER_GRAM.code();
                    v[Column.OBS_STATUS.ordinal()] = ObsStatus.ESTIMATED.code();
                    v[Column.SOURCE.ordinal()] = "drugstats: 100 x typical price per gram / typical purity (%)";
                    // Spark's cast of a double to text, as the notes were written: Java's Double.toString
                    v[Column.NOTES.ordinal()] = String.format(Locale.US, "price %s US$/g at purity %s%% (" + level
                            + ")", Double.toString(price), Double.toString(pure));
                    v[Column.ORIGIN.ordinal()] = IndicatorGroups.text(p, Column.ORIGIN);
                    v[Column.UNIT_MULT.ordinal()] = 0;
                    v[Column.DRUG.ordinal()] = IndicatorGroups.text(p, Column.DRUG);
                    v[Column.DRUG_GROUP.ordinal()] = IndicatorGroups.text(p, Column.DRUG_GROUP);
                    v[Column.DRUG_SUBGROUP.ordinal()] = IndicatorGroups.text(p, Column.DRUG_SUBGROUP);
                    v[Column.METHOD.ordinal()] = "price-over-purity";
                    v[Column.AREA_NAME.ordinal()] = IndicatorGroups.text(p, Column.AREA_NAME);
                    v[Column.values().length] = "price_" + level + ";purity_" + level;
                    out.add(RowFactory.create(v));
                }
            }
        }
    }

    /** {@code decimal(38,6)} × {@code decimal(38,6)} as Spark computes it: exact, then half up to scale 6. */
    private static BigDecimal times(BigDecimal a, BigDecimal b) {
        return a.multiply(b).setScale(6, RoundingMode.HALF_UP);
    }

    static void seizureValue(List<Row> obs, List<Row> countries, List<Row> out) {
        Map<String, PriceCategories.Priced> priced = PriceCategories.fromResources().all();
        // the wholesale price of each country, year and category: the drug of the lowest priority
        Map<List<String>, Row> prices = new LinkedHashMap<>();
        for (Row p : single(obs, "price_wholesale", Unit.USD_PER_GRAM)) {
            PriceCategories.Priced c = priced.get(IndicatorGroups.text(p, Column.DRUG));
            if (c == null || IndicatorGroups.text(p, Column.REF_AREA) == null
                    || IndicatorGroups.text(p, Column.TIME_PERIOD) == null) {
                continue;
            }
            prices.merge(Arrays.asList(IndicatorGroups.text(p, Column.REF_AREA),
                    IndicatorGroups.text(p, Column.TIME_PERIOD), c.category()), p,
                    (a, b) -> priced.get(IndicatorGroups.text(b, Column.DRUG)).priority()
                            < priced.get(IndicatorGroups.text(a, Column.DRUG)).priority() ? b : a);
        }
        Map<List<String>, World> world = new LinkedHashMap<>();
        for (Row c : countries) {
            Row p = prices.get(Arrays.asList(c.getString(1), c.getString(2), c.getString(4)));
            if (p == null) {
                continue;
            }
            BigDecimal kg = c.getDecimal(6);
            BigDecimal grams = kg.multiply(BigDecimal.valueOf(1000));
            Double low = IndicatorGroups.number(p, Column.LOWER);
            Double high = IndicatorGroups.number(p, Column.UPPER);
            double price = p.getDouble(Column.VALUE.ordinal());
            BigDecimal v = times(grams, IndicatorGroups.dec6(price));
            BigDecimal lo = low == null ? null : times(grams, IndicatorGroups.dec6(low));
            BigDecimal hi = high == null ? null : times(grams, IndicatorGroups.dec6(high));
            String origin = c.isNullAt(0) ? null : c.getString(0);
            String detail = "kg " + kg.toString() + " x 1,000 x wholesale " + IndicatorGroups.text(p, Column.DRUG) + " "
                    + Double.toString(price) + " US$/g" + (low == null && high == null ? " (no published range)"
                            : " (range " + (low == null ? "?" : Double.toString(low)) + "-"
                                    + (high == null ? "?" : Double.toString(high)) + ")");
            out.add(valueRow(c.getString(1), c.getString(2), c.isNullAt(3) ? null : c.getString(3), c.getString(4),
                    c.getString(5), origin, v, lo, hi, 1, detail));
            world.computeIfAbsent(Arrays.asList(c.getString(2), c.getString(4), c.getString(5)), k -> new World())
                    .add(c.getString(1), v, lo, hi, origin);
        }
        for (Map.Entry<List<String>, World> e : world.entrySet()) {
            World w = e.getValue();
            int n = w.areas.size();
            out.add(valueRow(AggregateStep.WORLD, e.getKey().get(0), "World", e.getKey().get(1), e.getKey().get(2),
                    w.origin, w.v, w.loMissing ? null : w.lo, w.hiMissing ? null : w.hi, n, String.format(Locale.US,
                            "sum over the %d countries with both seizures and a wholesale price per gram that year "
                                    + "(countries without a price are not valued); range only where every valued "
                                    + "country publishes one", (long) n)));
        }
    }

    /** The world sums of one year and category (Spark's sum, count, count distinct and min). */
    private static final class World {
        final java.util.Set<String> areas = new java.util.HashSet<>();
        BigDecimal v;
        BigDecimal lo;
        BigDecimal hi;
        boolean loMissing;
        boolean hiMissing;
        String origin;

        void add(String area, BigDecimal value, BigDecimal low, BigDecimal high, String o) {
            if (area != null) {
                areas.add(area);
            }
            v = v == null ? value : v.add(value);
            loMissing |= low == null;
            hiMissing |= high == null;
            lo = low == null ? lo : lo == null ? low : lo.add(low);
            hi = high == null ? hi : hi == null ? high : hi.add(high);
            origin = origin == null ? o : o == null || origin.compareTo(o) <= 0 ? origin : o;
        }
    }

    private static Row valueRow(String area, String year, String name, String category, String family,
            String origin, BigDecimal v, BigDecimal lo, BigDecimal hi, int n, String detail) {
        Object[] r = new Object[SeizureCategoryStep.ROWS.size()];
        r[Column.INDICATOR.ordinal()] = VALUE;
        r[Column.REF_AREA.ordinal()] = area;
        r[Column.TIME_PERIOD.ordinal()] = year;
        r[Column.SEX.ordinal()] = "T";
        r[Column.AGE.ordinal()] = "_T";
        r[Column.VALUE.ordinal()] = v.doubleValue();
        r[Column.LOWER.ordinal()] = lo == null ? null : lo.doubleValue();
        r[Column.UPPER.ordinal()] = hi == null ? null : hi.doubleValue();
        r[Column.UNIT.ordinal()] = Unit.USD.code();
        r[Column.OBS_STATUS.ordinal()] = ObsStatus.ESTIMATED.code();
        r[Column.SOURCE.ordinal()] = "drugstats: value of seizures at wholesale prices (seizures_total x wholesale "
                + "price per gram); not an estimate of illicit financial flows";
        r[Column.NOTES.ordinal()] = detail;
        r[Column.ORIGIN.ordinal()] = origin;
        r[Column.UNIT_MULT.ordinal()] = 0;
        r[Column.DRUG.ordinal()] = category;
        r[Column.DRUG_GROUP.ordinal()] = family;
        r[Column.METHOD.ordinal()] = "kg-x-wholesale-price";
        // annex 8.1 publishes some typical prices outside their own minimum-maximum range (e.g. Poland 2021
        // heroin): the value keeps the publisher's range and says so, as the extracts do
        boolean outside = lo != null && lo.compareTo(v) > 0 || hi != null && v.compareTo(hi) > 0
                || lo != null && hi != null && lo.compareTo(hi) > 0;
        r[Column.OBS_FLAGS.ordinal()] = outside ? QualityFlag.BEST_OUTSIDE_BOUNDS.code() : null;
        r[Column.AREA_NAME.ordinal()] = name;
        r[Column.values().length] = SeizureCategoryStep.INDICATOR + ";price_wholesale";
        r[Column.values().length + 1] = n;
        return RowFactory.create(r);
    }
}
