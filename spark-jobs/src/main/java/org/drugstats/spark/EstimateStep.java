package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.drugstats.core.data.Column;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.results.ResultTable;
import org.drugstats.core.stats.estimate.AreaEstimate;
import org.drugstats.core.stats.estimate.EstimatesContract;
import org.drugstats.core.stats.estimate.EstimationInputs;
import org.drugstats.core.stats.estimate.EstimationSettings;
import org.drugstats.core.stats.estimate.NationalEstimates;
import org.drugstats.core.stats.estimate.PopulationTable;
import org.drugstats.core.stats.estimate.SurveyRow;
import org.drugstats.core.stats.estimate.WdrDrug;
import org.drugstats.core.stats.estimate.WdrEstimator;

/**
 * {@code results/estimates}: world, UNODC regional, sub-regional and country estimates of drug use as the World Drug
 * Report makes them (core's {@link WdrEstimator}; method and contract in {@code spark-jobs/RESULTS.md}).
 *
 * <p>Spark selects the inputs — the annual prevalence rows of the WDR drugs (sex T) and the population by age of
 * the years from {@code firstYear − window} on — and the estimation runs on the driver: the inputs are a few
 * thousand rows (annex 1.2 has 2,098 of them, the populations about 54,000), and the method is a sequence of
 * small grouped steps whose every intermediate (imputation sources, flags) the rows must name.
 */
public final class EstimateStep {

    private EstimateStep() {
    }

    /**
     * What the step produced.
     *
     * @param rows the result rows ({@link #schema()})
     * @param inputRows the prevalence and population rows read
     * @param detail counts for the manifest: rule counts, rows by level, headline and imputed counts
     */
    public record Result(Dataset<Row> rows, long inputRows, Map<String, Object> detail) {
    }

    /** The Spark schema of {@code results/estimates} (the results contract's {@link ResultTable#ESTIMATES}). */
    public static StructType schema() {
        return Schemas.of(ResultTable.ESTIMATES);
    }

    /** The estimation settings of a run: core's defaults with the run's window, bound method and seed. */
    public static EstimationSettings settings(RunConfig config) {
        EstimationSettings d = EstimationSettings.defaults().withWindow(config.estimatesWindow());
        return d.withBounds(config.estimatesBounds(), d.draws(), config.seed());
    }

    /** As {@link #run(SparkSession, Dataset, EstimationSettings, Geography)} with core's embedded geography. */
    public static Result run(SparkSession spark, Dataset<Row> observations, EstimationSettings settings) {
        return run(spark, observations, settings, Geography.fromResources());
    }

    /** Runs the estimation on the analysis observations (canonical columns). */
    public static Result run(SparkSession spark, Dataset<Row> observations, EstimationSettings settings,
            Geography geo) {
        List<String> drugs = new ArrayList<>();
        for (WdrDrug d : WdrDrug.values()) {
            drugs.addAll(d.inputs());
        }
        String ind = Column.INDICATOR.columnName();
        List<Row> prevalence = observations.filter(col(ind).equalTo(EstimationInputs.PREVALENCE)
                .and(col(Column.SEX.columnName()).equalTo("T")).and(col(Column.UNIT.columnName()).equalTo("percent"))
                .and(col(Column.VALUE.columnName()).isNotNull()).and(col(Column.DRUG.columnName()).isin(drugs.toArray())))
                .select(Column.REF_AREA.columnName(), Column.DRUG.columnName(), Column.TIME_PERIOD.columnName(),
                        Column.AGE.columnName(), Column.VALUE.columnName(), Column.LOWER.columnName(),
                        Column.UPPER.columnName(), Column.OBS_STATUS.columnName(), Column.METHOD.columnName(),
                        Column.SOURCE.columnName(), Column.RECORD.columnName(), Column.UNIT_MULT.columnName())
                .collectAsList();
        String first = Integer.toString(settings.firstYear() - settings.window() - 1);
        String last = Integer.toString(settings.lastYear());
        List<Row> population = observations.filter(col(ind).isin(EstimationInputs.POPULATION_BY_AGE,
                        EstimationInputs.POPULATION_15_64)
                .and(col(Column.SEX.columnName()).equalTo("T"))
                .and(col(Column.TIME_PERIOD.columnName()).geq(first))
                .and(col(Column.TIME_PERIOD.columnName()).leq(last)))
                .select(col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()),
                        col(Column.AGE.columnName()), Schemas.baseValue().as("v"), col(ind))
                .collectAsList();
        List<SurveyRow> survey = new ArrayList<>();
        for (Row r : prevalence) {
            double scale = Math.pow(10, r.isNullAt(11) ? 0 : r.getInt(11));
            survey.add(new SurveyRow(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                    r.getDouble(4) * scale, r.isNullAt(5) ? Double.NaN : r.getDouble(5) * scale,
                    r.isNullAt(6) ? Double.NaN : r.getDouble(6) * scale, r.getString(7), r.getString(8),
                    r.getString(9), r.getString(10)));
        }
        Map<String, double[]> groups = new HashMap<>();
        Map<String, Double> aged15to64 = new HashMap<>();
        for (Row r : population) {
            if (r.isNullAt(3)) {
                continue;
            }
            if (EstimationInputs.POPULATION_15_64.equals(r.getString(4))) {
                if (r.getString(1).matches("\\d{4}")) {
                    aged15to64.put(r.getString(0) + "|" + r.getString(1), r.getDouble(3));
                }
            } else {
                EstimationInputs.population(groups, r.getString(0), r.getString(1), r.getString(2), r.getDouble(3));
            }
        }
        PopulationTable pop = EstimationInputs.table(groups, aged15to64);
        NationalEstimates national = NationalEstimates.of(survey, pop);
        Map<String, String> names = GeographyTable.areaNames(geo);
        List<AreaEstimate> estimates = WdrEstimator.of(settings).estimate(national, pop, geo.unodcAssignments(),
                names);
        List<Row> rows = new ArrayList<>();
        TreeMap<String, Object> detail = new TreeMap<>(national.counts());
        for (AreaEstimate e : estimates) {
            for (Object[] values : EstimatesContract.rows(e)) {
                rows.add(RowFactory.create(values));
            }
            detail.merge("rows_" + e.level().code(), 2L, (a, b) -> (Long) a + (Long) b);
            if (e.level() != org.drugstats.core.stats.estimate.EstimateLevel.COUNTRY && !e.headline()) {
                detail.merge("aggregates_not_headline", 1L, (a, b) -> (Long) a + (Long) b);
            }
            if (e.level() == org.drugstats.core.stats.estimate.EstimateLevel.COUNTRY) {
                String k = "country_years_" + e.method().replace('-', '_');
                detail.merge(k, 1L, (a, b) -> (Long) a + (Long) b);
            }
        }
        detail.put("window_years", settings.window());
        detail.put("bounds", settings.bounds().name().toLowerCase(java.util.Locale.ROOT));
        Dataset<Row> ds = spark.createDataFrame(rows, schema()).coalesce(1);
        return new Result(ds, prevalence.size() + population.size(), detail);
    }
}
