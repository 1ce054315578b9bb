package org.drugstats.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.drugstats.core.data.Column;
import org.drugstats.core.results.ResultTable;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.Unit;
import org.drugstats.core.stats.aggregate.AgeBase;
import org.drugstats.core.stats.aggregate.PeopleEstimate;
import org.drugstats.core.stats.aggregate.PopulationCount;
import org.drugstats.core.stats.aggregate.Prevalence;
import org.drugstats.core.stats.aggregate.RateConversion;
import org.drugstats.core.stats.inequality.ConsumptionRates;
import org.drugstats.core.stats.trend.ChangeRates;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * Step 4, indicators derived from the observations and aggregates, each computed by core:
 * <ul>
 * <li>{@value #PWUD}: annual prevalence (ages 15-64, both sexes) × population aged 15-64 of the same year, for
 * countries and for aggregates ({@link RateConversion}, strict year and age-base alignment); ranges scale
 * exactly.</li>
 * <li>SDG 3.5.1 {@value #COVERAGE}, {@value #GAP}, {@value #ONE_IN_N} and {@code treatment_rate}: computed before
 * the trend step by {@link TreatmentStep} (every national series), and added to this step's output by the
 * pipeline.</li>
 * <li>{@value #CONSUMPTION}: opioid consumption in mg per capita from kg per 100,000 inhabitants
 * ({@link ConsumptionRates}); for countries, UNODC regions and the world (Σ kg / Σ population).</li>
 * <li>{@value SeizureTotalsStep#INDICATOR} by drug group: exact sums over drugs for countries, UNODC subregions
 * and regions and the world.</li>
 * <li>{@value SeizureCategoryStep#INDICATOR} by seizure category ({@link SeizureCategoryStep}), with the column
 * {@value SeizureCategoryStep#N_WITH_DATA} (null for the other indicators).</li>
 * <li>prices: purity-adjusted prices and the value of seizures at wholesale prices ({@link SupplyValueStep}).</li>
 * <li>{@value #CULTIVATION} totals (sum of the countries; the published total is quoted) and
 * {@value #CULTIVATION}{@code _change}, the year-on-year percent change ({@link ChangeRates}), for countries and
 * the world.</li>
 * <li>{@value CultivationStep#AREA} and its {@code _change} ({@link CultivationStep}): opium poppy by country and
 * world with bounds, the years the source does not hold as missing rows.</li>
 * </ul>
 */
public final class IndicatorStep {

    public static final String PWUD = "people_who_use_drugs";
    public static final String COVERAGE = "treatment_coverage";
    public static final String GAP = "treatment_gap";
    public static final String ONE_IN_N = "treatment_one_in_n";
    public static final String CONSUMPTION = "opioid_consumption_per_capita";
    public static final String CULTIVATION = "cultivation_area_coca";
    public static final String CHANGE_SUFFIX = "_change";

    static final String PREVALENCE = "prevalence_annual";
    static final String SDG_TREATED = "sdg_3_5_1_alcohol_people_in_treatment";
    static final String SDG_WITH_DISORDER = "sdg_3_5_1_alcohol_estimated_prevalence";
    static final String SDG_MET_NEED = "sdg_3_5_1_alcohol_met_need";
    static final String CONSUMPTION_INPUT = "opioid_consumption";
    static final String POPULATION_TOTAL = "population_total";

    /**
     * The indicators this step and {@link InequalityStep} read from the observations; the pipeline passes them
     * only these (population by age group, 80% of the embedded rows, is read by neither).
     */
    public static final java.util.Set<String> INPUTS = java.util.Set.of(PREVALENCE, AggregateStep.POPULATION, SDG_TREATED,
            SDG_WITH_DISORDER, SDG_MET_NEED, CONSUMPTION_INPUT, POPULATION_TOTAL, SeizureTotalsStep.INDICATOR, CULTIVATION,
            CultivationStep.AREA, "price_retail", "price_wholesale", "purity_retail", "purity_wholesale");

    /** Indicators: the canonical schema plus {@code inputs}, the indicator ids used (joined by {@code ;}). */
    public static final StructType INDICATORS = Schemas.of(ResultTable.indicatorRowFields());

    private IndicatorStep() {
    }

    /**
     * All derived indicators.
     *
     * @param observations accepted country observations (canonical columns)
     * @param aggregates the aggregates ({@link AggregateStep#AGGREGATES})
     * @param membership rows of {@link AggregateStep#MEMBERSHIP}
     */
    public static Dataset<Row> run(Dataset<Row> observations, Dataset<Row> aggregates, Dataset<Row> membership) {
        return run(observations, aggregates, membership, org.drugstats.core.geo.Geography.fromResources());
    }

    /**
     * All derived indicators, with the run's geography.
     *
     * @param observations accepted country observations (canonical columns)
     * @param aggregates the aggregates ({@link AggregateStep#AGGREGATES})
     * @param membership rows of {@link AggregateStep#MEMBERSHIP}
     * @param geography the geography {@code membership} was made from (country names)
     */
    public static Dataset<Row> run(Dataset<Row> observations, Dataset<Row> aggregates, Dataset<Row> membership,
            org.drugstats.core.geo.Geography geography) {
        Dataset<Row> obs = observations.filter(col(Column.VALUE.columnName()).isNotNull());
        Dataset<Row> aggs = aggregates.filter(col(Column.VALUE.columnName()).isNotNull())
                .select(Arrays.stream(Schemas.EXTRACT_COLUMNS).map(org.apache.spark.sql.functions::col)
                        .toArray(org.apache.spark.sql.Column[]::new));
        return SeizureCategoryStep.withoutCount(peopleWhoUseDrugs(obs.unionByName(aggs, true))
                .unionByName(consumptionPerCapita(obs, membership), true)
                .unionByName(seizuresByDrugGroup(obs, membership), true)
                .unionByName(CultivationIndicators.cultivation(obs), true))
                // steps of different issues carry the optional columns they use (n_with_data, sub_area,
                // std_error): the union fills the others with nulls
                .unionByName(SeizureCategoryStep.run(obs, membership), true)
                .unionByName(SupplyValueStep.run(obs), true)
                // opium poppy reads the missing rows too: they carry the bounds of the years without an estimate
                .unionByName(CultivationStep.run(observations, org.drugstats.core.catalog.Catalog.load(), geography),
                        true);
    }

    /** One value per (area, year) of an indicator: the first by status (normal first), method, source. */
    static Dataset<Row> onePer(Dataset<Row> d, String... extraKeys) {
        List<org.apache.spark.sql.Column> key = new ArrayList<>(List.of(col(Column.INDICATOR.columnName()),
                col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()), col(Column.SEX.columnName()),
                col(Column.AGE.columnName())));
        for (String k : extraKeys) {
            key.add(col(k));
        }
        var w = Window.partitionBy(key.toArray(new org.apache.spark.sql.Column[0])).orderBy(
                when(col(Column.OBS_STATUS.columnName()).equalTo("normal"), 0).otherwise(1),
                col(Column.METHOD.columnName()).asc_nulls_first(), col(Column.SOURCE.columnName()).asc_nulls_first(),
                col(Column.VALUE.columnName()));
        return d.withColumn("rk1", org.apache.spark.sql.functions.row_number().over(w)).filter(col("rk1").equalTo(1))
                .drop("rk1");
    }

    // ---------------------------------------------------------------------------- reading rows by column name

    /** The text of a column of a row, by name; null when null. */
    static String text(Row r, String column) {
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? null : r.getString(i);
    }

    /** The number of a non-null double column of a row, by name. */
    static double number(Row r, String column) {
        return r.getDouble(r.fieldIndex(column));
    }

    /** The number of a double column of a row, by name; null when null. */
    static Double optNumber(Row r, String column) {
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? null : r.getDouble(i);
    }

    /** True when the column of the row, by name, is null. */
    static boolean isNull(Row r, String column) {
        return r.isNullAt(r.fieldIndex(column));
    }

    // ---------------------------------------------------------------------------- people who use drugs

    static Dataset<Row> peopleWhoUseDrugs(Dataset<Row> obs) {
        Dataset<Row> prev = onePer(obs.filter(col(Column.INDICATOR.columnName()).equalTo(PREVALENCE)
                .and(col(Column.AGE.columnName()).equalTo("15-64")).and(col(Column.SEX.columnName()).equalTo("T"))
                .and(col(Column.TIME_PERIOD.columnName()).rlike("^[0-9]{4}$"))), Column.DRUG.columnName());
        Dataset<Row> pop = onePer(obs.filter(col(Column.INDICATOR.columnName()).equalTo(AggregateStep.POPULATION)
                        .and(col(Column.SEX.columnName()).equalTo("T"))))
                .select(col(Column.REF_AREA.columnName()).as("pop_area"), col(Column.TIME_PERIOD.columnName()).as("pop_year"),
                        Schemas.baseValue().as("pop"), col(Column.ORIGIN.columnName()).as("pop_origin"));
        Dataset<Row> j = prev.join(pop, col(Column.REF_AREA.columnName()).equalTo(col("pop_area"))
                .and(col(Column.TIME_PERIOD.columnName()).equalTo(col("pop_year"))));
        return j.select(col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()),
                        col(Column.DRUG.columnName()), col(Column.VALUE.columnName()), col(Column.LOWER.columnName()),
                        col(Column.UPPER.columnName()), col("pop"), col(Column.ORIGIN.columnName()),
                        col(Column.AREA_NAME.columnName()), col(Column.OBS_FLAGS.columnName()))
                .flatMap(new People(), Encoders.row(INDICATORS));
    }

    /** prevalence × population by core's {@link RateConversion}, strict alignment. */
    static final class People implements FlatMapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public java.util.Iterator<Row> call(Row r) {
            double best = number(r, Column.VALUE.columnName());
            Double low = optNumber(r, Column.LOWER.columnName());
            Double high = optNumber(r, Column.UPPER.columnName());
            boolean ranged = low != null && high != null && low <= best && best <= high;
            Interval p = ranged ? Interval.of(low, best, high) : Interval.exact(best);
            int year = Integer.parseInt(text(r, Column.TIME_PERIOD.columnName()));
            PeopleEstimate e = RateConversion.withDefaults().people(new Prevalence(p, year, AgeBase.AGED_15_64),
                    new PopulationCount(number(r, "pop"), year, AgeBase.AGED_15_64));
            Object[] v = base(PWUD, text(r, Column.REF_AREA.columnName()), text(r, Column.TIME_PERIOD.columnName()),
                    "15-64", e.persons().best(),
                    ranged ? e.persons().low() : null, ranged ? e.persons().high() : null, Unit.PERSONS,
                    text(r, Column.ORIGIN.columnName()), text(r, Column.DRUG.columnName()),
                    "prevalence-x-population",
                    PREVALENCE + ";" + AggregateStep.POPULATION);
            v[Column.SOURCE.ordinal()] = "drugstats: annual prevalence (ages 15-64) x population aged 15-64";
            v[Column.AREA_NAME.ordinal()] = text(r, Column.AREA_NAME.columnName());
            String flags = text(r, Column.OBS_FLAGS.columnName());
            v[Column.OBS_FLAGS.ordinal()] = flags != null && flags.contains(QualityFlag.BEST_OUTSIDE_BOUNDS.code())
                    ? QualityFlag.BEST_OUTSIDE_BOUNDS.code() : null;
            v[Column.NOTES.ordinal()] = e.assumptions().isEmpty() ? null : String.join("; ", e.assumptions());
            return List.of(RowFactory.create(v)).iterator();
        }
    }

    // ---------------------------------------------------------------------------- consumption

    static Dataset<Row> consumptionPerCapita(Dataset<Row> obs, Dataset<Row> membership) {
        Dataset<Row> rate = onePer(obs.filter(col(Column.INDICATOR.columnName()).equalTo(CONSUMPTION_INPUT)
                .and(col(Column.UNIT.columnName()).equalTo(Unit.KG_PER_100K.code()))));
        Dataset<Row> pop = onePer(obs.filter(col(Column.INDICATOR.columnName()).equalTo(POPULATION_TOTAL)))
                .select(col(Column.REF_AREA.columnName()).as("p_area"), Schemas.baseValue().as("population"));
        Dataset<Row> countries = rate.select(col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()),
                        col(Column.VALUE.columnName()), lit(null).cast(DataTypes.DoubleType).as("kg"),
                        lit(null).cast(DataTypes.DoubleType).as("population"), col(Column.ORIGIN.columnName()),
                        col(Column.AREA_NAME.columnName()), lit(0L).as("n"))
                .flatMap(new PerCapita(), Encoders.row(INDICATORS));
        // aggregates: Σ kg / Σ population over the countries with both, exact sums
        DecimalType dec = DataTypes.createDecimalType(38, 6);
        Dataset<Row> kg = rate.join(pop, col(Column.REF_AREA.columnName()).equalTo(col("p_area")))
                .withColumn("kg", col(Column.VALUE.columnName()).multiply(col("population")).divide(1e5).cast(dec))
                .join(membership.filter(col("scheme").equalTo(AggregateStep.UNODC)).withColumnRenamed("ref_area", "m_area"),
                        col(Column.REF_AREA.columnName()).equalTo(col("m_area")));
        Dataset<Row> agg = null;
        for (String level : List.of("subregion", "region", "world")) {
            org.apache.spark.sql.Column code = level.equals("world") ? lit(AggregateStep.WORLD) : col(level);
            org.apache.spark.sql.Column name = level.equals("world") ? lit("World") : col(level + "_name");
            Dataset<Row> a = kg.groupBy(code.as(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()),
                            name.as(Column.AREA_NAME.columnName()))
                    .agg(org.apache.spark.sql.functions.sum(col("kg")).cast(DataTypes.DoubleType).as("kg"),
                            org.apache.spark.sql.functions.sum(col("population").cast(dec)).cast(DataTypes.DoubleType)
                                    .as("population"),
                            org.apache.spark.sql.functions.min(col(Column.ORIGIN.columnName())).as(Column.ORIGIN.columnName()),
                            org.apache.spark.sql.functions.count(lit(1)).as("n"));
            agg = agg == null ? a : agg.unionByName(a, true);
        }
        Dataset<Row> aggregates = agg.select(col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()),
                        lit(null).cast(DataTypes.DoubleType).as(Column.VALUE.columnName()), col("kg"), col("population"),
                        col(Column.ORIGIN.columnName()), col(Column.AREA_NAME.columnName()), col("n"))
                .flatMap(new PerCapita(), Encoders.row(INDICATORS));
        return countries.unionByName(aggregates, true);
    }

    /** mg per capita by core's {@link ConsumptionRates}. */
    static final class PerCapita implements FlatMapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public java.util.Iterator<Row> call(Row r) {
            double mg;
            String method;
            String note;
            if (!isNull(r, Column.VALUE.columnName())) {
                mg = ConsumptionRates.mgPerCapitaFromKgPer100k(number(r, Column.VALUE.columnName()));
                method = "kg-per-100k-to-mg-per-capita";
                note = "mg per capita = 10 x kg per 100,000 inhabitants; S-DDD cannot be computed (the source gives "
                        + "the quantity, not the substances)";
            } else {
                if (!(number(r, "population") > 0)) {
                    return java.util.Collections.emptyIterator();
                }
                mg = ConsumptionRates.mgPerCapita(number(r, "kg") * 1e6, number(r, "population"));
                method = "sum-kg-over-sum-population";
                note = String.format(Locale.ROOT, "Σ kg / Σ population over %d countries with consumption and a 2016 "
                        + "population (UNODC grouping)", r.getLong(r.fieldIndex("n")));
            }
            Object[] v = base(CONSUMPTION, text(r, Column.REF_AREA.columnName()), text(r, Column.TIME_PERIOD.columnName()),
                    "_T", mg, null, null, Unit.MG_PER_CAPITA,
                    text(r, Column.ORIGIN.columnName()), "opioids", method, CONSUMPTION_INPUT + ";" + POPULATION_TOTAL);
            v[Column.SOURCE.ordinal()] = "drugstats: consumption per capita";
            v[Column.NOTES.ordinal()] = note;
            v[Column.AREA_NAME.ordinal()] = text(r, Column.AREA_NAME.columnName());
            v[Column.OBS_FLAGS.ordinal()] = QualityFlag.COARSE_ROUNDING.code();
            return List.of(RowFactory.create(v)).iterator();
        }
    }

    // ---------------------------------------------------------------------------- seizures by drug group

    static Dataset<Row> seizuresByDrugGroup(Dataset<Row> obs, Dataset<Row> membership) {
        DecimalType dec = DataTypes.createDecimalType(38, 6);
        Dataset<Row> s = obs.filter(col(Column.INDICATOR.columnName()).equalTo(SeizureTotalsStep.INDICATOR)
                        .and(col(Column.UNIT.columnName()).equalTo(Unit.KILOGRAMS.code()))
                        .and(org.apache.spark.sql.functions.not(coalesce(col(Column.OBS_FLAGS.columnName()), lit(""))
                                .contains(QualityFlag.PUBLISHED_AGGREGATE.code()))))
                .withColumn("q", Schemas.baseValue().cast(dec))
                .withColumn(Column.DRUG_GROUP.columnName(), coalesce(col(Column.DRUG_GROUP.columnName()), lit("unspecified")));
        Dataset<Row> countries = s.groupBy(col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()),
                        col(Column.DRUG_GROUP.columnName()))
                .agg(org.apache.spark.sql.functions.sum(col("q")).as("total"), org.apache.spark.sql.functions.count(lit(1)).as("n"),
                        org.apache.spark.sql.functions.min(col(Column.ORIGIN.columnName())).as(Column.ORIGIN.columnName()),
                        org.apache.spark.sql.functions.min(col(Column.AREA_NAME.columnName())).as(Column.AREA_NAME.columnName()))
                .withColumn("level", lit("country"));
        Dataset<Row> withM = s.join(membership.filter(col("scheme").equalTo(AggregateStep.UNODC))
                .withColumnRenamed("ref_area", "m_area"), col(Column.REF_AREA.columnName()).equalTo(col("m_area")));
        Dataset<Row> out = countries;
        for (String level : List.of("subregion", "region", "world")) {
            org.apache.spark.sql.Column code = level.equals("world") ? lit(AggregateStep.WORLD) : col(level);
            org.apache.spark.sql.Column name = level.equals("world") ? lit("World") : col(level + "_name");
            Dataset<Row> a = withM.groupBy(code.as(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()),
                            col(Column.DRUG_GROUP.columnName()))
                    .agg(org.apache.spark.sql.functions.sum(col("q")).as("total"),
                            org.apache.spark.sql.functions.count(lit(1)).as("n"),
                            org.apache.spark.sql.functions.min(col(Column.ORIGIN.columnName())).as(Column.ORIGIN.columnName()),
                            org.apache.spark.sql.functions.min(name).as(Column.AREA_NAME.columnName()))
                    .withColumn("level", lit(level.equals("world") ? "world" : "unodc_" + level));
            out = out.unionByName(a, true);
        }
        return out.select(
                lit(SeizureTotalsStep.INDICATOR).as(Column.INDICATOR.columnName()),
                col(Column.REF_AREA.columnName()),
                col(Column.TIME_PERIOD.columnName()),
                lit("T").as(Column.SEX.columnName()),
                lit("_T").as(Column.AGE.columnName()),
                col("total").cast(DataTypes.DoubleType).as(Column.VALUE.columnName()),
                lit(null).cast(DataTypes.DoubleType).as(Column.LOWER.columnName()),
                lit(null).cast(DataTypes.DoubleType).as(Column.UPPER.columnName()),
                lit(Unit.KILOGRAMS.code()).as(Column.UNIT.columnName()),
                lit(ObsStatus.ESTIMATED.code()).as(Column.OBS_STATUS.columnName()),
                lit("drugstats: sum over the drugs of the group").as(Column.SOURCE.columnName()),
                concat(lit("sum of "), col("n").cast(DataTypes.StringType), lit(" country x drug totals ("),
                        col("level"), lit("); annex 7.1 records of one country, drug and year are summed"))
                        .as(Column.NOTES.columnName()),
                col(Column.ORIGIN.columnName()),
                lit(0).as(Column.UNIT_MULT.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.DRUG.columnName()),
                col(Column.DRUG_GROUP.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.DRUG_SUBGROUP.columnName()),
                lit("sum-by-drug-group").as(Column.METHOD.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.ADJUSTMENT.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.OBS_FLAGS.columnName()),
                col(Column.AREA_NAME.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.RECORD.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.SUB_AREA.columnName()),
                lit(null).cast(DataTypes.DoubleType).as(Column.STD_ERROR.columnName()),
                lit(SeizureTotalsStep.INDICATOR).as("inputs"));
    }

    // ---------------------------------------------------------------------------- rows

    /** A row of {@link #INDICATORS} with the common fields set (status estimated, sex T, unit_mult 0). */
    static Object[] base(String indicator, String area, String period, String age, double value, Double lower,
            Double upper, Unit unit, String origin, String drug, String method, String inputs) {
        Object[] v = new Object[INDICATORS.size()];
        v[Column.INDICATOR.ordinal()] = indicator;
        v[Column.REF_AREA.ordinal()] = area;
        v[Column.TIME_PERIOD.ordinal()] = period;
        v[Column.SEX.ordinal()] = "T";
        v[Column.AGE.ordinal()] = age;
        v[Column.VALUE.ordinal()] = value;
        v[Column.LOWER.ordinal()] = lower;
        v[Column.UPPER.ordinal()] = upper;
        v[Column.UNIT.ordinal()] = unit.code();
        v[Column.OBS_STATUS.ordinal()] = ObsStatus.ESTIMATED.code();
        v[Column.ORIGIN.ordinal()] = origin;
        v[Column.UNIT_MULT.ordinal()] = 0;
        v[Column.DRUG.ordinal()] = drug;
        v[Column.METHOD.ordinal()] = method;
        v[Column.values().length] = inputs;
        return v;
    }
}
