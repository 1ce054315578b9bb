package org.drugstats.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udaf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drugstats.core.data.Column;
import org.drugstats.core.results.ResultColumns;
import org.drugstats.core.results.ResultTable;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.Unit;
import org.drugstats.core.stats.aggregate.Aggregate;
import org.drugstats.core.stats.aggregate.AggregateLevel;
import org.drugstats.core.stats.aggregate.AggregationRule;
import org.drugstats.core.stats.aggregate.AggregationState;
import org.drugstats.core.stats.aggregate.AreaObservation;
import org.drugstats.core.stats.aggregate.ImputedArea;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * Step 2, aggregate: country observations to UNODC subregions and regions, M49 subregions and regions, and the
 * world, per indicator, year, sex, age and drug, with coverage, imputation and bounds.
 *
 * <p><b>Rates</b> (unit percent, age base 15-64): population-weighted means by core's mergeable
 * {@link AggregationState} — countries without data are imputed from their subregion's (else region's, else the
 * world's) mean, coverage is the population share with data, and the value is withheld (flag
 * {@code low-coverage}) below {@code aggregate.min_coverage}. In Spark the state is the buffer of a typed
 * {@link Aggregator} (registered with {@code functions.udaf}, buffer encoded with Java serialization because the
 * state is an immutable object with exact {@code BigDecimal} sums, not a bean) — its combine is exact and
 * commutative, so partial aggregation in any partition order gives the same bytes. Weights: the population aged
 * 15–64 of the same year; every country with a population that year is a member, with or without data.
 *
 * <p><b>Quantities</b> (kg, hectares, persons, counts): sums of the reported values, exact ({@code decimal(38,6)}),
 * not imputed (a country that reported no seizure is not assumed to have seized the regional average); coverage is
 * again the population share of the reporting countries.
 *
 * <p>Other units (ratios, per-capita rates, years) and rates on another age base are not aggregated.
 */
public final class AggregateStep {

    /** Membership of countries in aggregates: one row per (scheme, country). */
    public static final StructType MEMBERSHIP = DataTypes.createStructType(new StructField[] {
        Schemas.field("scheme", DataTypes.StringType, false),
        Schemas.field("ref_area", DataTypes.StringType, false),
        Schemas.field("subregion", DataTypes.StringType, false),
        Schemas.field("subregion_name", DataTypes.StringType, false),
        Schemas.field("region", DataTypes.StringType, false),
        Schemas.field("region_name", DataTypes.StringType, false)});

    /** The UNODC scheme (subregions and regions of the World Drug Report). */
    public static final String UNODC = "unodc";
    /** The M49 scheme (its world aggregate is the published world). */
    public static final String M49 = "m49";

    /** The world's code. */
    public static final String WORLD = "WLD";

    /** The population indicator used as weight. */
    public static final String POPULATION = "population_15_64";

    /**
     * Aggregates: the canonical schema plus level, coverage, n_areas, n_with_data, imputed_areas. The canonical
     * {@code method} column names the aggregation method ({@link #RATE_METHOD} or {@link #SUM_METHOD}).
     */
    public static final StructType AGGREGATES = Schemas.of(ResultTable.AGGREGATES);

    /** {@link #AGGREGATES} before the carried areas are joined on. */
    static final StructType AGGREGATES_WITHOUT_CARRIED = Schemas.of(ResultTable.AGGREGATES.fields().stream()
            .filter(f -> !f.name().equals(ResultColumns.CARRIED_AREAS)).toList());

    static final String[] GROUP = {Column.INDICATOR.columnName(), Column.TIME_PERIOD.columnName(),
        Column.SEX.columnName(), Column.AGE.columnName(), Column.DRUG.columnName(), Column.UNIT.columnName()};

    /**
     * Rates: population-weighted mean (weights: population aged 15-64 of the year); countries without data imputed
     * with their subregion's mean (else region's, else world's); bounds: the same weighted sums of the lower and
     * upper bounds (perfect correlation).
     */
    public static final String RATE_METHOD = "weighted-mean-imputed";
    /**
     * Quantities: sum of reported values; countries without data not imputed; coverage = population share (aged
     * 15-64) of the reporting countries.
     */
    public static final String SUM_METHOD = "sum-of-reported";

    private AggregateStep() {
    }

    /**
     * The aggregates of {@code observations} (canonical columns).
     *
     * @param observations accepted country observations (other rows, e.g. published aggregates, are ignored:
     *     only ref_areas in the membership take part)
     * @param membership rows of {@link #MEMBERSHIP}
     * @param minCoverage minimum population coverage of a rate aggregate
     * @param window a rate aggregate of year Y takes each country's latest value of years Y − window .. Y (0: the
     *     same year only); countries whose value comes from an earlier year are listed in {@code carried_areas}
     */
    public static Dataset<Row> run(Dataset<Row> observations, Dataset<Row> membership, double minCoverage, int window) {
        Dataset<Row> obs = observations
                .filter(col(Column.VALUE.columnName()).isNotNull())
                .filter(org.apache.spark.sql.functions.not(coalesce(col(Column.OBS_FLAGS.columnName()), lit(""))
                        .contains(QualityFlag.PUBLISHED_AGGREGATE.code())));
        Dataset<Row> population = populations(obs);
        membership = membership.withColumnRenamed("ref_area", "m_area");
        Dataset<Row> rates = rates(obs, population, membership, minCoverage, window);
        Dataset<Row> sums = AggregateSums.sums(obs, population, membership);
        return rates.unionByName(sums);
    }

    /** Population aged 15-64 per country and year (persons), one value per pair (the first by source). */
    static Dataset<Row> populations(Dataset<Row> obs) {
        Dataset<Row> p = obs.filter(col(Column.INDICATOR.columnName()).equalTo(POPULATION)
                        .and(col(Column.SEX.columnName()).equalTo("T")))
                .select(col(Column.REF_AREA.columnName()).as("p_area"), col(Column.TIME_PERIOD.columnName()).as("p_year"),
                        Schemas.baseValue()
                                .as("population"),
                        coalesce(col(Column.SOURCE.columnName()), lit("")).as("p_source"));
        var w = org.apache.spark.sql.expressions.Window.partitionBy(col("p_area"), col("p_year"))
                .orderBy(col("p_source"), col("population"));
        return p.withColumn("r", org.apache.spark.sql.functions.row_number().over(w)).filter(col("r").equalTo(1))
                .drop("r", "p_source").filter(col("population").gt(0));
    }

    // ------------------------------------------------------------------------------------------------ rates

    /** One area's input to the aggregation state. */
    static final StructType AREA_IN = DataTypes.createStructType(new StructField[] {
        Schemas.field("area", DataTypes.StringType, false),
        Schemas.field("subregion", DataTypes.StringType, false),
        Schemas.field("region", DataTypes.StringType, false),
        Schemas.field("population", DataTypes.DoubleType, false),
        Schemas.field("low", DataTypes.DoubleType, true),
        Schemas.field("best", DataTypes.DoubleType, true),
        Schemas.field("high", DataTypes.DoubleType, true)});

    /** Typed aggregator around core's {@link AggregationState}: reduce = combine with one area, merge = combine. */
    public static final class StateAggregator extends Aggregator<Row, AggregationState, byte[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public AggregationState zero() {
            return AggregationState.empty();
        }

        @Override
        public AggregationState reduce(AggregationState b, Row r) {
            return b.combine(AggregationState.of(area(r)));
        }

        @Override
        public AggregationState merge(AggregationState a, AggregationState b) {
            return a.combine(b);
        }

        @Override
        public byte[] finish(AggregationState s) {
            return serialize(s);
        }

        @Override
        public Encoder<AggregationState> bufferEncoder() {
            return Encoders.javaSerialization(AggregationState.class);
        }

        @Override
        public Encoder<byte[]> outputEncoder() {
            return Encoders.BINARY();
        }

        static AreaObservation area(Row r) {
            String a = r.getString(0);
            String sub = r.getString(1);
            String reg = r.getString(2);
            double pop = r.getDouble(3);
            if (r.isNullAt(5)) {
                return AreaObservation.withoutData(a, sub, reg, pop);
            }
            double best = r.getDouble(5);
            // no range, or a published best outside its own range (flagged best-outside-bounds): the value alone
            if (r.isNullAt(4) || r.isNullAt(6) || !(r.getDouble(4) <= best && best <= r.getDouble(6))) {
                return AreaObservation.withValue(a, sub, reg, pop, best);
            }
            return AreaObservation.withRange(a, sub, reg, pop, Interval.of(r.getDouble(4), best, r.getDouble(6)));
        }
    }

    static byte[] serialize(AggregationState s) {
        try (var bytes = new java.io.ByteArrayOutputStream(); var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(s);
            out.flush();
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static AggregationState deserialize(byte[] b) {
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(b))) {
            return (AggregationState) in.readObject();
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static Dataset<Row> rates(Dataset<Row> obs, Dataset<Row> population, Dataset<Row> membership, double minCoverage,
            int window) {
        org.apache.spark.sql.Column tp = col(Column.TIME_PERIOD.columnName());
        Dataset<Row> r = obs.filter(col(Column.UNIT.columnName()).equalTo(Unit.PERCENT.code())
                        .and(col(Column.AGE.columnName()).equalTo("15-64"))
                        .and(col(Column.SEX.columnName()).equalTo("T"))
                        .and(tp.rlike("^[0-9]{4}(/[0-9]{2})?$")))
                .withColumn("yr", org.apache.spark.sql.functions.substring(tp, 1, 4).cast(DataTypes.IntegerType));
        // one value per country, group and year: the first by status (normal first), method, source
        String[] keyNames = {Column.INDICATOR.columnName(), Column.SEX.columnName(), Column.AGE.columnName(),
            Column.DRUG.columnName(), Column.UNIT.columnName(), Column.REF_AREA.columnName(), "yr"};
        var w = org.apache.spark.sql.expressions.Window.partitionBy(Arrays.stream(keyNames)
                        .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new))
                .orderBy(when(col(Column.OBS_STATUS.columnName()).equalTo("normal"), 0).otherwise(1),
                        col(Column.METHOD.columnName()).asc_nulls_first(), col(Column.SOURCE.columnName()).asc_nulls_first(),
                        col(Column.VALUE.columnName()));
        r = r.withColumn("rk", org.apache.spark.sql.functions.row_number().over(w)).filter(col("rk").equalTo(1))
                .withColumn(Column.TIME_PERIOD.columnName(), col("yr").cast(DataTypes.StringType));
        Dataset<Row> groups = r.select(Arrays.stream(GROUP).map(org.apache.spark.sql.functions::col)
                        .toArray(org.apache.spark.sql.Column[]::new))
                .distinct();
        Dataset<Row> origins = r.groupBy(Arrays.stream(GROUP).map(g -> col(g).as("o_" + g))
                        .toArray(org.apache.spark.sql.Column[]::new))
                .agg(org.apache.spark.sql.functions.min(col(Column.ORIGIN.columnName())).as("g_origin"));
        // every member country with a population in the group's year, with its latest value within the window
        Dataset<Row> members = groups.join(population, groups.col(Column.TIME_PERIOD.columnName()).equalTo(col("p_year")))
                .join(membership, col("p_area").equalTo(col("m_area")));
        Dataset<Row> values = r.select(col(Column.INDICATOR.columnName()).as("v_ind"),
                col("yr").as("v_yr"), col(Column.SEX.columnName()).as("v_sex"),
                col(Column.AGE.columnName()).as("v_age"), col(Column.DRUG.columnName()).as("v_drug"),
                col(Column.UNIT.columnName()).as("v_unit"), col(Column.REF_AREA.columnName()).as("v_area"),
                col(Column.VALUE.columnName()).as("v_best"), col(Column.LOWER.columnName()).as("v_low"),
                col(Column.UPPER.columnName()).as("v_high"));
        org.apache.spark.sql.Column year = col(Column.TIME_PERIOD.columnName()).cast(DataTypes.IntegerType);
        Dataset<Row> joined = members.join(values,
                col(Column.INDICATOR.columnName()).equalTo(col("v_ind"))
                        .and(col("v_yr").leq(year)).and(col("v_yr").geq(year.minus(window)))
                        .and(col(Column.SEX.columnName()).equalTo(col("v_sex")))
                        .and(col(Column.AGE.columnName()).equalTo(col("v_age")))
                        .and(col(Column.DRUG.columnName()).eqNullSafe(col("v_drug")))
                        .and(col(Column.UNIT.columnName()).equalTo(col("v_unit")))
                        .and(col("p_area").equalTo(col("v_area"))), "left");
        List<org.apache.spark.sql.Column> latestKey = new ArrayList<>();
        for (String g : GROUP) {
            latestKey.add(col(g));
        }
        latestKey.add(col("scheme"));
        latestKey.add(col("p_area"));
        var latest = org.apache.spark.sql.expressions.Window.partitionBy(latestKey.toArray(new org.apache.spark.sql.Column[0]))
                .orderBy(col("v_yr").desc_nulls_last());
        Dataset<Row> withValues = joined.withColumn("lk", org.apache.spark.sql.functions.row_number().over(latest))
                .filter(col("lk").equalTo(1));
        UserDefinedFunction state = udaf(new StateAggregator(), Encoders.row(AREA_IN));
        List<org.apache.spark.sql.Column> by = new ArrayList<>();
        for (String g : GROUP) {
            by.add(col(g));
        }
        by.add(col("scheme"));
        Dataset<Row> states = withValues.groupBy(by.toArray(new org.apache.spark.sql.Column[0]))
                .agg(state.apply(col("p_area"), col("subregion"), col("region"), col("population"), col("v_low"),
                        col("v_best"), col("v_high")).as("state"));
        // countries whose value comes from an earlier year (window > 0), per aggregate
        Dataset<Row> earlier = withValues.filter(col("v_yr").lt(year));
        Dataset<Row> carried = null;
        for (String level : List.of("subregion", "region", "world")) {
            org.apache.spark.sql.Column code = level.equals("world") ? lit(WORLD) : col(level);
            Dataset<Row> src = level.equals("world") ? earlier.filter(col("scheme").equalTo(M49)) : earlier;
            List<org.apache.spark.sql.Column> cb = new ArrayList<>();
            for (String g : GROUP) {
                cb.add(col(g).as("c_" + g));
            }
            cb.add(col("scheme").as("c_scheme"));
            cb.add(code.as("c_code"));
            Dataset<Row> c = src.groupBy(cb.toArray(new org.apache.spark.sql.Column[0])).agg(org.apache.spark.sql.functions
                    .array_join(org.apache.spark.sql.functions.sort_array(org.apache.spark.sql.functions.collect_list(
                            org.apache.spark.sql.functions.concat(col("p_area"), lit(":"),
                                    col("v_yr").cast(DataTypes.StringType)))), ";").as("carried_areas"));
            carried = carried == null ? c : carried.unionByName(c);
        }
        Dataset<Row> names = membership.select(col("scheme").as("n_scheme"), col("subregion").as("code"),
                        col("subregion_name").as("name"))
                .union(membership.select(col("scheme"), col("region"), col("region_name"))).distinct();
        List<Row> codeNames = names.collectAsList();
        java.util.Map<String, String> nameOf = new java.util.HashMap<>();
        for (Row n : codeNames) {
            nameOf.put(n.getString(0) + "|" + n.getString(1), n.getString(2));
        }
        Dataset<Row> withOrigin = states.join(origins, Arrays.stream(GROUP)
                .map(g -> col(g).eqNullSafe(col("o_" + g))).reduce(org.apache.spark.sql.Column::and).orElseThrow());
        List<org.apache.spark.sql.Column> sel = new ArrayList<>();
        for (String g : GROUP) {
            sel.add(col(g));
        }
        sel.add(col("scheme"));
        sel.add(col("state"));
        sel.add(col("g_origin"));
        Dataset<Row> finished = withOrigin.select(sel.toArray(new org.apache.spark.sql.Column[0]))
                .flatMap(new FinishRates(minCoverage, nameOf), Encoders.row(AGGREGATES_WITHOUT_CARRIED));
        org.apache.spark.sql.Column schemeOf = when(col("level").equalTo("world"), lit(M49))
                .otherwise(org.apache.spark.sql.functions.substring_index(col("level"), "_", 1));
        org.apache.spark.sql.Column on = schemeOf.equalTo(col("c_scheme"))
                .and(col(Column.REF_AREA.columnName()).equalTo(col("c_code")));
        for (String g : GROUP) {
            on = on.and(col(g).eqNullSafe(col("c_" + g)));
        }
        return finished.join(carried, on, "left").select(Arrays.stream(AGGREGATES.fieldNames())
                .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new));
    }

    /** Finishes each state with core's rule and turns the aggregates into rows. */
    static final class FinishRates implements FlatMapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final double minCoverage;
        private final java.util.Map<String, String> names;

        FinishRates(double minCoverage, java.util.Map<String, String> names) {
            this.minCoverage = minCoverage;
            this.names = new java.util.HashMap<>(names);
        }

        @Override
        public java.util.Iterator<Row> call(Row g) {
            String scheme = g.getString(6);
            AggregationState s = deserialize((byte[]) g.get(7));
            String origin = g.getString(8);
            List<Row> out = new ArrayList<>();
            for (Aggregate a : s.finish(AggregationRule.withDefaults().withMinimumCoverage(minCoverage))) {
                if (a.level() == AggregateLevel.WORLD && !scheme.equals(M49)) {
                    continue;
                }
                String level = a.level() == AggregateLevel.WORLD ? "world"
                        : scheme + "_" + (a.level() == AggregateLevel.SUBREGION ? "subregion" : "region");
                String code = a.level() == AggregateLevel.WORLD ? WORLD : a.name();
                String name = a.level() == AggregateLevel.WORLD ? "World" : names.getOrDefault(scheme + "|" + code, code);
                Optional<Interval> v = a.value();
                String imputed = a.imputedAreas().isEmpty() ? null
                        : String.join(";", a.imputedAreas().stream().map(ImputedArea::area).toList());
                boolean low = a.reason().isPresent() && a.reason().get().startsWith("coverage");
                Object[] row = new Object[AGGREGATES_WITHOUT_CARRIED.size()];
                row[Column.INDICATOR.ordinal()] = g.getString(0);
                row[Column.REF_AREA.ordinal()] = code;
                row[Column.TIME_PERIOD.ordinal()] = g.getString(1);
                row[Column.SEX.ordinal()] = g.getString(2);
                row[Column.AGE.ordinal()] = g.getString(3);
                row[Column.VALUE.ordinal()] = v.map(Interval::best).orElse(null);
                row[Column.LOWER.ordinal()] = v.isPresent() && a.boundsAvailable() ? v.get().low() : null;
                row[Column.UPPER.ordinal()] = v.isPresent() && a.boundsAvailable() ? v.get().high() : null;
                row[Column.UNIT.ordinal()] = g.getString(5);
                row[Column.OBS_STATUS.ordinal()] = v.isPresent() ? ObsStatus.ESTIMATED.code() : ObsStatus.MISSING.code();
                row[Column.SOURCE.ordinal()] = "drugstats aggregation of country values";
                row[Column.NOTES.ordinal()] = a.reason().map(x -> "value withheld: " + x).orElse(null);
                row[Column.ORIGIN.ordinal()] = origin;
                row[Column.UNIT_MULT.ordinal()] = 0;
                row[Column.DRUG.ordinal()] = g.isNullAt(4) ? null : g.getString(4);
                row[Column.OBS_FLAGS.ordinal()] = low ? QualityFlag.LOW_COVERAGE.code() : null;
                row[Column.AREA_NAME.ordinal()] = name;
                int n = Column.values().length;
                row[n] = level;
                row[n + 1] = a.areas() == 0 ? null : a.coverage();
                row[n + 2] = a.areas();
                row[n + 3] = a.areasWithData();
                row[n + 4] = imputed;
                row[Column.METHOD.ordinal()] = RATE_METHOD;
                out.add(RowFactory.create(row));
            }
            return out.iterator();
        }
    }

    /** The level label of a scheme and core level (for documentation and tests). */
    static String level(String scheme, AggregateLevel l) {
        return l == AggregateLevel.WORLD ? "world" : scheme + "_" + l.label().toLowerCase(Locale.ROOT);
    }
}
