package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.drugstats.core.data.Column;
import org.drugstats.core.results.ResultTable;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Unit;
import org.drugstats.core.stats.aggregate.RateConversion;
import org.drugstats.core.stats.inequality.ConsumptionRates;
import org.drugstats.core.stats.trend.ChangeRates;

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
 * All but opium poppy are computed together in one group-by, in plain Java with core's classes
 * ({@link IndicatorGroups}): as Spark windows, joins, distinct counts and unions they were most of the step's
 * 24 adaptive stages (each a Spark job), of its planning and of its generated classes (issue 18).
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
        // a lookup table of a few hundred rows (a local relation: collected without a Spark job)
        List<Row> members = membership.collectAsList();
        // people who use drugs, consumption, seizures by drug group and by category, prices and values, coca
        return IndicatorGroups.run(obs, aggs, members)
                // opium poppy reads the missing rows too: they carry the bounds of the years without an estimate
                .unionByName(CultivationStep.run(observations, org.drugstats.core.catalog.Catalog.load(), geography),
                        true);
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
