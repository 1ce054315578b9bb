package org.drugstats.spark;


import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.Unit;
import org.drugstats.core.supply.CategoryTotal;
import org.drugstats.core.supply.SeizureCategories;
import org.drugstats.core.supply.SeizureCategory;
import org.drugstats.core.supply.SeizureCountryTotals;
import org.drugstats.core.supply.SeizureQuantity;
import org.drugstats.core.supply.SeizureTrend;
import org.drugstats.core.supply.TotalCheck;
import org.drugstats.core.supply.TotalRule;

/**
 * {@value #INDICATOR}: seized kilograms by seizure category (core's {@link SeizureCategories}: cocaine, coca leaf,
 * cannabis herb, ...) for countries, UNODC subregions and regions and the world, counted by core's
 * {@link SeizureCountryTotals}: a country's "total of the above" row is never added to the rows it totals, and
 * quantities that are not weights are never added to kilograms.
 *
 * <p>Country-years are counted by core, one group per (origin, country, year) ({@link #RULE}); the aggregates are
 * exact decimal sums of the country totals of their members (UNODC scheme), the world the sum of every country;
 * {@value #N_WITH_DATA} is the number of countries counted. Rows carry in {@code notes} what was summed (the
 * annex DrugNames, how many countries counted their own total row, how many disagree with their breakdown);
 * a country-year whose breakdown and total differ by more than 1 g is flagged {@code total-mismatch}.
 */
public final class SeizureCategoryStep {

    /** The indicator id. */
    public static final String INDICATOR = "seizures_total";
    /** The column added to {@code results/indicators}: countries counted (null for the other indicators). */
    public static final String N_WITH_DATA = "n_with_data";
    /** How a country-year reporting both a breakdown and its own total is counted. */
    public static final TotalRule RULE = TotalRule.COMPLETE_FIGURE;
    /** The method code of the rows. */
    public static final String METHOD = "seizure-category-sum";

    /** The trend indicator id. */
    public static final String TREND = "seizures_total_apc";
    /** The trend window. */
    public static final int FIRST = 2019;
    public static final int LAST = 2023;

    private static final DecimalType KG = DataTypes.createDecimalType(38, 6);

    /** Country totals: one row per origin, country, year and category. */
    static final StructType COUNTRY = DataTypes.createStructType(List.of(
            Schemas.field(Column.ORIGIN.columnName(), DataTypes.StringType, true),
            Schemas.field(Column.REF_AREA.columnName(), DataTypes.StringType, false),
            Schemas.field(Column.TIME_PERIOD.columnName(), DataTypes.StringType, false),
            Schemas.field(Column.AREA_NAME.columnName(), DataTypes.StringType, true),
            Schemas.field("category", DataTypes.StringType, false),
            Schemas.field("family", DataTypes.StringType, false),
            Schemas.field("kg", KG, false),
            Schemas.field("basis", DataTypes.StringType, false),
            Schemas.field("rows", DataTypes.IntegerType, false),
            Schemas.field("drugs", DataTypes.createArrayType(DataTypes.StringType, false), false),
            Schemas.field("check_note", DataTypes.StringType, true),
            Schemas.field("disagrees", DataTypes.BooleanType, false)));

    private SeizureCategoryStep() {
    }

    /** The indicators read from the observations. */
    static final java.util.Set<String> INPUTS = java.util.Set.of(SeizureTotalsStep.INDICATOR);

    /** The rows of {@link IndicatorStep#INDICATORS} plus {@value #N_WITH_DATA}. */
    static final StructType ROWS = IndicatorStep.INDICATORS.add(N_WITH_DATA, DataTypes.IntegerType);

    /**
     * The {@value #INDICATOR} rows: the schema of {@link IndicatorStep#INDICATORS} plus {@value #N_WITH_DATA}.
     *
     * @param obs accepted observations, records of one key summed (only {@code seizures_quantity} rows are read)
     * @param membership rows of {@link AggregateStep#MEMBERSHIP}
     */
    public static Dataset<Row> run(Dataset<Row> obs, Dataset<Row> membership) {
        Map<String, List<String[]>> unodc = IndicatorGroups.unodc(membership.collectAsList());
        return IndicatorGroups.inOneGroup(obs, INPUTS, ROWS, rows -> rows(countryTotals(rows), unodc));
    }

    /**
     * The {@value #INDICATOR} and {@value #TREND} rows of canonical observation rows, in plain Java (one task):
     * country totals by core, exact decimal sums of their members for the UNODC sub-regions and regions and of
     * every country for the world, and core's trend of each aggregate. As Spark group-bys, distinct counts,
     * joins and unions these were about 9 shuffles of the indicators step (issue 18).
     *
     * @param countries the country totals ({@link #countryTotals}) of the observations
     * @param unodc UNODC sub-region and region of every country ({@link IndicatorGroups#unodc})
     */
    static List<Row> rows(List<Row> countries, Map<String, List<String[]>> unodc) {
        List<Row> out = new ArrayList<>();
        Map<List<String>, Level> levels = new java.util.LinkedHashMap<>();
        Map<List<String>, List<Row>> series = new java.util.LinkedHashMap<>();
        for (Row c : countries) {
            String origin = c.isNullAt(0) ? null : c.getString(0);
            String area = c.getString(1);
            String year = c.getString(2);
            String category = c.getString(4);
            String family = c.getString(5);
            BigDecimal kg = c.getDecimal(6);
            boolean reported = CategoryTotal.Basis.REPORTED_TOTAL.code().equals(c.getString(7));
            boolean disagrees = c.getBoolean(11);
            List<String> drugs = scala.jdk.javaapi.CollectionConverters.asJava(c.<String>getSeq(9));
            String detail = "basis " + c.getString(7) + ": " + c.getInt(8) + " published quantities"
                    + (c.isNullAt(10) ? "" : "; " + c.getString(10));
            out.add(totalRow(origin, area, year, c.isNullAt(3) ? null : c.getString(3), category, family, kg, 1,
                    String.join("; ", drugs), detail, disagrees ? QualityFlag.TOTAL_MISMATCH.code() : null));
            List<String[]> targets = new ArrayList<>();
            for (String[] m : unodc.getOrDefault(area, List.of())) {
                targets.add(new String[] {"subregion", m[0], m[1]});
                targets.add(new String[] {"region", m[2], m[3]});
            }
            targets.add(new String[] {"world", AggregateStep.WORLD, "World"});
            for (String[] t : targets) {
                levels.computeIfAbsent(java.util.Arrays.asList(t[0], origin, t[1], year, category, family),
                        k -> new Level()).add(area, kg, reported, disagrees, drugs, t[2]);
                if (year != null && YEAR.matcher(year).find()) {
                    series.computeIfAbsent(java.util.Arrays.asList(origin, t[1], category), k -> new ArrayList<>())
                            .add(RowFactory.create(origin, t[1], t[2], area, year, category, family, kg));
                }
            }
        }
        for (String level : List.of("subregion", "region", "world")) {
            boolean world = level.equals("world");
            for (Map.Entry<List<String>, Level> e : levels.entrySet()) {
                if (!e.getKey().get(0).equals(level)) {
                    continue;
                }
                Level l = e.getValue();
                String detail = String.format(Locale.US, "sum of %d countries' totals (%s); %d counted from the "
                        + "country's own total row (no breakdown reported); %d whose breakdown and own total "
                        + "differ by more than 1 g (flagged total-mismatch on the country rows)", l.areas.size(),
                        world ? "every country" : "UNODC " + level + " members", l.reported, l.mismatched);
                List<String> k = e.getKey();
                out.add(totalRow(k.get(1), k.get(2), k.get(3), l.name, k.get(4), k.get(5), l.kg, l.areas.size(),
                        String.join("; ", l.drugs), detail, null));
            }
        }
        Trend trend = new Trend();
        for (Map.Entry<List<String>, List<Row>> e : series.entrySet()) {
            trend.call(e.getKey().get(0) + "\u0000" + e.getKey().get(1) + "\u0000" + e.getKey().get(2),
                    e.getValue().iterator()).forEachRemaining(out::add);
        }
        return out;
    }

    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("^[0-9]{4}$");

    /** The sums of one aggregate, category and year (Spark's sum, count distinct, min, sorted distinct drugs). */
    private static final class Level {
        final java.util.Set<String> areas = new java.util.HashSet<>();
        final java.util.SortedSet<String> drugs = new java.util.TreeSet<>();
        BigDecimal kg;
        long reported;
        long mismatched;
        String name;

        void add(String area, BigDecimal v, boolean rep, boolean dis, List<String> d, String nm) {
            if (area != null) {
                areas.add(area);
            }
            kg = kg == null ? v : kg.add(v);
            reported += rep ? 1 : 0;
            mismatched += dis ? 1 : 0;
            drugs.addAll(d);
            name = name == null ? nm : nm == null || name.compareTo(nm) <= 0 ? name : nm;
        }
    }

    private static Row totalRow(String origin, String area, String year, String name, String category,
            String family, BigDecimal kg, int n, String drugs, String detail, String flags) {
        Object[] v = new Object[ROWS.size()];
        v[Column.INDICATOR.ordinal()] = INDICATOR;
        v[Column.REF_AREA.ordinal()] = area;
        v[Column.TIME_PERIOD.ordinal()] = year;
        v[Column.SEX.ordinal()] = "T";
        v[Column.AGE.ordinal()] = "_T";
        v[Column.VALUE.ordinal()] = kg.setScale(6, RoundingMode.HALF_UP).doubleValue();
        v[Column.UNIT.ordinal()] = Unit.KILOGRAMS.code();
        v[Column.OBS_STATUS.ordinal()] = ObsStatus.ESTIMATED.code();
        v[Column.SOURCE.ordinal()] = "drugstats: seized kg by category (core SeizureCountryTotals, rule " + RULE.code()
                + ")";
        v[Column.NOTES.ordinal()] = "summed: " + drugs + " | " + detail;
        v[Column.ORIGIN.ordinal()] = origin;
        v[Column.UNIT_MULT.ordinal()] = 0;
        v[Column.DRUG.ordinal()] = category;
        v[Column.DRUG_GROUP.ordinal()] = family;
        v[Column.METHOD.ordinal()] = METHOD;
        v[Column.OBS_FLAGS.ordinal()] = flags;
        v[Column.AREA_NAME.ordinal()] = name;
        v[Column.values().length] = SeizureTotalsStep.INDICATOR;
        v[Column.values().length + 1] = n;
        return RowFactory.create(v);
    }

    /** Core's trend of one aggregate and category. */
    static final class Trend implements FlatMapGroupsFunction<String, Row, Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Row> call(String key, Iterator<Row> rows) {
            java.util.Map<String, java.util.Map<Integer, Double>> kg = new java.util.TreeMap<>();
            Row any = null;
            while (rows.hasNext()) {
                Row r = rows.next();
                any = r;
                kg.computeIfAbsent(r.getString(3), k -> new java.util.TreeMap<>())
                        .merge(Integer.parseInt(r.getString(4)), r.getDecimal(7).doubleValue(), Double::sum);
            }
            String area = any.getString(1);
            String category = any.getString(5);
            SeizureTrend.Result t = SeizureTrend.over(FIRST, LAST).fit(category + "|" + area, kg);
            Double apc = t.loglinear().map(l -> l.apc()).orElse(null);
            Object[] v = IndicatorStep.base(TREND, area, FIRST + "-" + LAST, "_T", apc == null ? 0 : apc,
                    t.loglinear().map(l -> l.apcLower()).orElse(null), t.loglinear().map(l -> l.apcUpper()).orElse(null),
                    Unit.PERCENT_CHANGE, any.isNullAt(0) ? null : any.getString(0), category, "loglinear-apc",
                    INDICATOR);
            v[Column.VALUE.ordinal()] = apc;
            if (apc == null) {
                v[Column.OBS_STATUS.ordinal()] = ObsStatus.MISSING.code();
            }
            v[Column.DRUG_GROUP.ordinal()] = any.getString(6);
            v[Column.AREA_NAME.ordinal()] = any.getString(2);
            v[Column.SOURCE.ordinal()] = "drugstats: log-linear APC and Mann-Kendall of seizures_total " + FIRST + "-"
                    + LAST + " (core SeizureTrend)";
            StringBuilder note = new StringBuilder();
            t.loglinear().ifPresent(l -> note.append(String.format(Locale.ROOT,
                    "APC %.2f%% a year (95%% CI %.2f to %.2f), p = %.3g; ", l.apc(), l.apcLower(), l.apcUpper(),
                    l.pValue())));
            t.mannKendall().ifPresent(m -> note.append(String.format(Locale.ROOT,
                    "Mann-Kendall S = %d, z = %.3f, p = %.3g, tau = %.2f; Sen slope %s kg a year (%s to %s); ",
                    m.s(), m.z(), m.pValue(), m.tau(), sig(m.senSlope()), sig(m.senLower()), sig(m.senUpper()))));
            note.append(t.note());
            v[Column.NOTES.ordinal()] = note.toString();
            Object[] w = java.util.Arrays.copyOf(v, v.length + 1);
            w[v.length] = (int) kg.keySet().stream().filter(c -> {
                java.util.Map<Integer, Double> y = kg.get(c);
                for (int yr = FIRST; yr <= LAST; yr++) {
                    if (!y.containsKey(yr)) {
                        return false;
                    }
                }
                return true;
            }).count();
            return List.of(RowFactory.create(w)).iterator();
        }
    }

    /** Six significant digits, no trailing zeros, no exponent. */
    static String sig(double v) {
        if (!Double.isFinite(v)) {
            return "NaN";
        }
        return new BigDecimal(v).round(new java.math.MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * Country totals ({@link #COUNTRY}) of the {@code seizures_quantity} observations, by core: one group per
     * (origin, country, year), in the order of {@code obs}.
     */
    static List<Row> countryTotals(List<Row> obs) {
        Map<List<String>, List<Row>> groups = new java.util.LinkedHashMap<>();
        for (Row r : obs) {
            if (!SeizureTotalsStep.INDICATOR.equals(IndicatorGroups.text(r, Column.INDICATOR))) {
                continue;
            }
            String flags = IndicatorGroups.text(r, Column.OBS_FLAGS);
            if (flags != null && flags.contains(QualityFlag.PUBLISHED_AGGREGATE.code())) {
                continue;
            }
            String origin = IndicatorGroups.text(r, Column.ORIGIN);
            Row in = RowFactory.create(origin == null ? "" : origin, IndicatorGroups.text(r, Column.REF_AREA),
                    IndicatorGroups.text(r, Column.TIME_PERIOD), IndicatorGroups.text(r, Column.AREA_NAME),
                    IndicatorGroups.text(r, Column.DRUG_GROUP), IndicatorGroups.text(r, Column.DRUG_SUBGROUP),
                    IndicatorGroups.text(r, Column.DRUG),
                    r.isNullAt(Column.VALUE.ordinal()) ? null : IndicatorGroups.base(r),
                    IndicatorGroups.text(r, Column.UNIT));
            groups.computeIfAbsent(java.util.Arrays.asList(in.getString(0), in.getString(1), in.getString(2)),
                    k -> new ArrayList<>()).add(in);
        }
        Count count = new Count(RULE);
        List<Row> out = new ArrayList<>();
        for (Map.Entry<List<String>, List<Row>> e : groups.entrySet()) {
            count.call(String.join("\u0000", e.getKey()), e.getValue().iterator()).forEachRemaining(out::add);
        }
        return out;
    }

    /** Core's count of one origin, country and year. */
    static final class Count implements FlatMapGroupsFunction<String, Row, Row> {
        private static final long serialVersionUID = 1L;
        private final TotalRule rule;
        /** The category table, read once per task (it was read from the class path for every country-year). */
        private transient SeizureCategories categories;

        Count(TotalRule rule) {
            this.rule = rule;
        }

        @Override
        public Iterator<Row> call(String key, Iterator<Row> rows) {
            List<SeizureQuantity> q = new ArrayList<>();
            String origin = null;
            String name = null;
            while (rows.hasNext()) {
                Row r = rows.next();
                origin = r.getString(0);
                if (name == null && !r.isNullAt(3)) {
                    name = r.getString(3);
                }
                q.add(new SeizureQuantity(r.getString(1), r.getString(2), r.getString(4), r.getString(5),
                        r.getString(6), r.isNullAt(7) ? null : r.getDouble(7), r.getString(8)));
            }
            if (categories == null) {
                categories = SeizureCategories.fromResources();
            }
            SeizureCategories cats = categories;
            SeizureCountryTotals.Result res = SeizureCountryTotals.of(cats, rule).countryYear(q);
            List<Row> out = new ArrayList<>();
            for (CategoryTotal t : res.totals()) {
                SeizureCategory c = cats.category(t.category());
                TotalCheck k = t.check();
                String note = k == null ? null : String.format(Locale.ROOT,
                        "the country's own %s total %s kg, its breakdown %s kg (%s); counted %s kg (rule %s)",
                        k.family(), plain(k.total()), plain(k.breakdown()),
                        k.disagrees() ? "they disagree" : "they agree within 1 g", plain(k.counted()), rule.code());
                out.add(RowFactory.create(origin.isEmpty() ? null : origin, t.area(), t.year(), name, c.code(),
                        c.family(), t.kilograms().setScale(6, RoundingMode.HALF_UP), t.basis().code(), t.rows(),
                        scala.jdk.javaapi.CollectionConverters.asScala(t.drugs()).toSeq(), note,
                        k != null && k.disagrees()));
            }
            return out.iterator();
        }

        private static String plain(BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
    }
}
