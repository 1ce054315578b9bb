package org.drugstats.spark;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
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

    /** The other indicators with an empty {@value #N_WITH_DATA} column, so that they union with this step's rows. */
    public static Dataset<Row> withoutCount(Dataset<Row> indicators) {
        return indicators.withColumn(N_WITH_DATA, lit(null).cast(DataTypes.IntegerType));
    }

    /**
     * The {@value #INDICATOR} rows: the schema of {@link IndicatorStep#INDICATORS} plus {@value #N_WITH_DATA}.
     *
     * @param obs accepted observations, records of one key summed (only {@code seizures_quantity} rows are read)
     * @param membership rows of {@link AggregateStep#MEMBERSHIP}
     */
    public static Dataset<Row> run(Dataset<Row> obs, Dataset<Row> membership) {
        Dataset<Row> countries = countryTotals(obs);
        Dataset<Row> members = membership.filter(col("scheme").equalTo(AggregateStep.UNODC))
                .withColumnRenamed(Column.REF_AREA.columnName(), "m_area");
        Dataset<Row> withM = countries.join(members, col(Column.REF_AREA.columnName()).equalTo(col("m_area")));
        Dataset<Row> series = countries.select(col(Column.ORIGIN.columnName()), lit(AggregateStep.WORLD).as("t_area"),
                        lit("World").as("t_name"), col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()),
                        col("category"), col("family"), col("kg"))
                .unionByName(withM.select(col(Column.ORIGIN.columnName()), col("region").as("t_area"),
                        col("region_name").as("t_name"), col(Column.REF_AREA.columnName()),
                        col(Column.TIME_PERIOD.columnName()), col("category"), col("family"), col("kg")), true)
                .unionByName(withM.select(col(Column.ORIGIN.columnName()), col("subregion").as("t_area"),
                        col("subregion_name").as("t_name"), col(Column.REF_AREA.columnName()),
                        col(Column.TIME_PERIOD.columnName()), col("category"), col("family"), col("kg")), true);
        Dataset<Row> out = countries.select(col(Column.ORIGIN.columnName()), col(Column.REF_AREA.columnName()),
                col(Column.TIME_PERIOD.columnName()), col(Column.AREA_NAME.columnName()), col("category"), col("family"),
                col("kg").as("total"), lit(1L).as("n"),
                when(col("basis").equalTo(CategoryTotal.Basis.REPORTED_TOTAL.code()), 1L).otherwise(0L).as("n_total"),
                when(col("disagrees"), 1L).otherwise(0L).as("n_mismatch"),
                array_join(col("drugs"), "; ").as("drugs"),
                concat(lit("basis "), col("basis"), lit(": "), col("rows").cast(DataTypes.StringType),
                        lit(" published quantities"), coalesce(concat(lit("; "), col("check_note")), lit("")))
                        .as("detail"),
                when(col("disagrees"), lit(QualityFlag.TOTAL_MISMATCH.code())).as(Column.OBS_FLAGS.columnName()),
                lit("country").as("level"));
        for (String level : List.of("subregion", "region", "world")) {
            boolean world = level.equals("world");
            Dataset<Row> src = world ? countries : withM;
            org.apache.spark.sql.Column code = world ? lit(AggregateStep.WORLD) : col(level);
            org.apache.spark.sql.Column name = world ? lit("World") : col(level + "_name");
            Dataset<Row> a = src.groupBy(col(Column.ORIGIN.columnName()), code.as(Column.REF_AREA.columnName()),
                            col(Column.TIME_PERIOD.columnName()), col("category"), col("family"))
                    .agg(sum(col("kg")).cast(KG).as("total"), countDistinct(col(Column.REF_AREA.columnName())).as("n"),
                            sum(when(col("basis").equalTo(CategoryTotal.Basis.REPORTED_TOTAL.code()), 1L).otherwise(0L))
                                    .as("n_total"),
                            sum(when(col("disagrees"), 1L).otherwise(0L)).as("n_mismatch"),
                            array_join(array_sort(array_distinct(flatten(collect_list(col("drugs"))))), "; ").as("drugs"),
                            min(name).as(Column.AREA_NAME.columnName()))
                    .withColumn("detail", format_string("sum of %d countries' totals (%s); %d counted from the "
                            + "country's own total row (no breakdown reported); %d whose breakdown and own total "
                            + "differ by more than 1 g (flagged total-mismatch on the country rows)", col("n"),
                            lit(world ? "every country" : "UNODC " + level + " members"), col("n_total"),
                            col("n_mismatch")))
                    .withColumn(Column.OBS_FLAGS.columnName(), lit(null).cast(DataTypes.StringType))
                    .withColumn("level", lit(world ? "world" : "unodc_" + level));
            out = out.unionByName(a, true);
        }
        return totalRows(out).unionByName(trends(series), true);
    }

    private static Dataset<Row> totalRows(Dataset<Row> out) {
        return out.select(
                lit(INDICATOR).as(Column.INDICATOR.columnName()),
                col(Column.REF_AREA.columnName()),
                col(Column.TIME_PERIOD.columnName()),
                lit("T").as(Column.SEX.columnName()),
                lit("_T").as(Column.AGE.columnName()),
                col("total").cast(DataTypes.DoubleType).as(Column.VALUE.columnName()),
                lit(null).cast(DataTypes.DoubleType).as(Column.LOWER.columnName()),
                lit(null).cast(DataTypes.DoubleType).as(Column.UPPER.columnName()),
                lit(Unit.KILOGRAMS.code()).as(Column.UNIT.columnName()),
                lit(ObsStatus.ESTIMATED.code()).as(Column.OBS_STATUS.columnName()),
                lit("drugstats: seized kg by category (core SeizureCountryTotals, rule " + RULE.code() + ")")
                        .as(Column.SOURCE.columnName()),
                concat(lit("summed: "), col("drugs"), lit(" | "), col("detail"))
                        .as(Column.NOTES.columnName()),
                col(Column.ORIGIN.columnName()),
                lit(0).as(Column.UNIT_MULT.columnName()),
                col("category").as(Column.DRUG.columnName()),
                col("family").as(Column.DRUG_GROUP.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.DRUG_SUBGROUP.columnName()),
                lit(METHOD).as(Column.METHOD.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.ADJUSTMENT.columnName()),
                col(Column.OBS_FLAGS.columnName()),
                col(Column.AREA_NAME.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.RECORD.columnName()),
                lit(SeizureTotalsStep.INDICATOR).as("inputs"),
                col("n").cast(DataTypes.IntegerType).as(N_WITH_DATA));
    }

    /**
     * {@value #TREND}: one row per (origin, aggregate, category) over {@value #FIRST}-{@value #LAST}, by core's
     * {@link SeizureTrend}: the log-linear APC as value with its interval as lower/upper, the Mann–Kendall test and
     * Sen's slope in {@code notes}; {@code obs_status} {@code missing} and the reason in {@code notes} where the
     * series is not fitted (its reporting countries change too much, a year without data, a year with 0 kg).
     */
    static Dataset<Row> trends(Dataset<Row> series) {
        Dataset<Row> s = series.filter(col(Column.TIME_PERIOD.columnName()).rlike("^[0-9]{4}$"));
        return s.groupByKey((MapFunction<Row, String>) r -> r.getString(0) + "\u0000" + r.getString(1) + "\u0000"
                        + r.getString(5), Encoders.STRING())
                .flatMapGroups(new Trend(), Encoders.row(IndicatorStep.INDICATORS.add(N_WITH_DATA, DataTypes.IntegerType)));
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

    /** Country totals ({@link #COUNTRY}) of the {@code seizures_quantity} observations, by core. */
    static Dataset<Row> countryTotals(Dataset<Row> obs) {
        Dataset<Row> s = obs.filter(col(Column.INDICATOR.columnName()).equalTo(SeizureTotalsStep.INDICATOR)
                        .and(org.apache.spark.sql.functions.not(coalesce(col(Column.OBS_FLAGS.columnName()), lit(""))
                                .contains(QualityFlag.PUBLISHED_AGGREGATE.code()))))
                .select(coalesce(col(Column.ORIGIN.columnName()), lit("")).as(Column.ORIGIN.columnName()),
                        col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()),
                        col(Column.AREA_NAME.columnName()), col(Column.DRUG_GROUP.columnName()),
                        col(Column.DRUG_SUBGROUP.columnName()), col(Column.DRUG.columnName()),
                        Schemas.baseValue().as("v"), col(Column.UNIT.columnName()));
        return s.groupByKey((MapFunction<Row, String>) r -> r.getString(0) + "\u0000" + r.getString(1) + "\u0000"
                        + r.getString(2), Encoders.STRING())
                .flatMapGroups(new Count(RULE), Encoders.row(COUNTRY));
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
