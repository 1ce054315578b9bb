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
import org.drugstats.core.stats.estimate.EstimationInputs;
import org.drugstats.core.stats.estimate.PopulationTable;
import org.drugstats.core.stats.youth.YouthContract;
import org.drugstats.core.stats.youth.YouthCountryEstimate;
import org.drugstats.core.stats.youth.YouthEstimator;
import org.drugstats.core.stats.youth.YouthPeriod;
import org.drugstats.core.stats.youth.YouthSettings;
import org.drugstats.core.stats.youth.YouthSummary;
import org.drugstats.core.stats.youth.YouthSurveyRow;

/**
 * {@code results/youth_estimates}: drug use among students and youth from WDR 2025 annex table 1.4 — each
 * country's latest estimate per drug, period and age group, and the UNODC sub-regional, regional and world
 * summaries of students aged 15–16 (core's {@link YouthEstimator}; contract {@link ResultTable#YOUTH_ESTIMATES},
 * method in {@code spark-jobs/RESULTS.md}). A table of its own: never mixed with the 15–64 rows of
 * {@code results/estimates}.
 *
 * <p>Spark selects the inputs — the rows of the three youth indicators and the WPP population by age of the target
 * year — and the estimation runs on the driver: table 1.4 has 9,389 rows and the method is a choice among the rows
 * of each country, drug and period followed by grouped sums whose every choice the result rows name.
 */
public final class YouthStep {
    /** The Spark schema of {@link ResultTable#YOUTH_ESTIMATES}. */
    public static final StructType SCHEMA = Schemas.of(ResultTable.YOUTH_ESTIMATES);

    private YouthStep() {
    }

    /**
     * What the step produced.
     *
     * @param rows the result rows ({@link #SCHEMA})
     * @param inputRows the youth and population rows read
     * @param detail counts for the manifest: youth rows read, used and not read by reason; rows by level;
     *     summaries with a value and headlines; window and target year
     */
    public record Result(Dataset<Row> rows, long inputRows, Map<String, Object> detail) {
    }

    /** The settings of a run: core's defaults with the run's window and the last target year of the estimates. */
    public static YouthSettings settings(RunConfig config) {
        return YouthSettings.defaults().withWindow(config.youthWindow());
    }

    /** As {@link #run(SparkSession, Dataset, YouthSettings, Geography)} with core's embedded geography. */
    public static Result run(SparkSession spark, Dataset<Row> observations, YouthSettings settings) {
        return run(spark, observations, settings, Geography.fromResources());
    }

    /** Runs the youth estimates on the analysis observations (canonical columns). */
    public static Result run(SparkSession spark, Dataset<Row> observations, YouthSettings settings,
            Geography geo) {
        String ind = Column.INDICATOR.columnName();
        List<String> indicators = new ArrayList<>();
        for (YouthPeriod p : YouthPeriod.values()) {
            indicators.add(p.indicator());
        }
        List<Row> youth = observations.filter(col(ind).isin(indicators.toArray()))
                .select(Column.REF_AREA.columnName(), Column.DRUG.columnName(), ind, Column.TIME_PERIOD.columnName(),
                        Column.AGE.columnName(), Column.VALUE.columnName(), Column.NOTES.columnName(),
                        Column.METHOD.columnName(), Column.SOURCE.columnName(), Column.RECORD.columnName(),
                        Column.SEX.columnName(), Column.UNIT.columnName(), Column.UNIT_MULT.columnName(),
                        Column.DRUG_GROUP.columnName())
                .collectAsList();
        String year = Integer.toString(settings.targetYear());
        List<Row> population = observations.filter(col(ind).equalTo(EstimationInputs.POPULATION_BY_AGE)
                        .and(col(Column.SEX.columnName()).equalTo("T"))
                        .and(col(Column.TIME_PERIOD.columnName()).equalTo(year)))
                .select(col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()),
                        col(Column.AGE.columnName()), Schemas.baseValue().as("v"))
                .collectAsList();
        TreeMap<String, Object> detail = new TreeMap<>();
        List<YouthSurveyRow> rows = new ArrayList<>();
        for (Row r : youth) {
            String reason = null;
            if (!"T".equals(r.getString(10))) {
                reason = "youth_rows_not_read_one_sex";
            } else if (r.isNullAt(5)) {
                reason = "youth_rows_not_read_missing_value";
            } else if (r.isNullAt(1) || r.getString(1).isEmpty()) {
                reason = "youth_rows_not_read_no_drug";
            } else if (!"percent".equals(r.getString(11))) {
                reason = "youth_rows_not_read_not_percent";
            } else if (!YouthSurveyRow.isSheetDrug(r.getString(13))) {
                reason = "youth_rows_not_read_nps_substance";
            }
            if (reason != null) {
                detail.merge(reason, 1L, (a, b) -> (Long) a + (Long) b);
                continue;
            }
            double scale = Math.pow(10, r.isNullAt(12) ? 0 : r.getInt(12));
            String[] cp = YouthSurveyRow.coverageAndProduct(r.getString(6));
            rows.add(new YouthSurveyRow(r.getString(0), r.getString(1),
                    YouthPeriod.ofIndicator(r.getString(2)).orElseThrow(), r.getString(3), r.getString(4),
                    r.getDouble(5) * scale, cp[0], cp[1], r.getString(7), r.getString(8), r.getString(9)));
        }
        detail.put("youth_rows_read", (long) youth.size());
        detail.put("youth_rows_used", (long) rows.size());
        Map<String, double[]> groups = new HashMap<>();
        for (Row r : population) {
            if (!r.isNullAt(3)) {
                EstimationInputs.population(groups, r.getString(0), r.getString(1), r.getString(2), r.getDouble(3));
            }
        }
        PopulationTable pop = EstimationInputs.table(groups, Map.of());
        Map<String, String> names = GeographyTable.areaNames(geo);
        names.putIfAbsent("GB-ENG", "United Kingdom (England)");
        names.putIfAbsent("GB-SCT", "United Kingdom (Scotland)");
        names.putIfAbsent("GB-WLS", "United Kingdom (Wales)");
        names.putIfAbsent("GB-EAW", "United Kingdom (England and Wales)");
        YouthEstimator est = YouthEstimator.of(settings);
        List<YouthCountryEstimate> latest = est.latest(rows);
        List<YouthSummary> summaries = est.summaries(latest, pop, geo.unodcAssignments());
        List<Row> out = new ArrayList<>();
        for (Object[] v : YouthContract.rows(latest, summaries, names, settings)) {
            out.add(RowFactory.create(v));
        }
        for (YouthCountryEstimate e : latest) {
            detail.merge("rows_" + e.level().code(), 1L, (a, b) -> (Long) a + (Long) b);
            if (e.implausible()) {
                detail.merge("country_rows_implausible", 1L, (a, b) -> (Long) a + (Long) b);
            }
        }
        for (YouthSummary s : summaries) {
            detail.merge("rows_" + s.level().code(), 1L, (a, b) -> (Long) a + (Long) b);
            if (!Double.isNaN(s.mean())) {
                detail.merge("summaries_with_value", 1L, (a, b) -> (Long) a + (Long) b);
            }
            if (s.headline()) {
                detail.merge("summaries_headline", 1L, (a, b) -> (Long) a + (Long) b);
            }
        }
        detail.put("window_years", settings.window());
        detail.put("target_year", settings.targetYear());
        Dataset<Row> ds = spark.createDataFrame(out, SCHEMA).coalesce(1);
        return new Result(ds, youth.size() + population.size(), detail);
    }
}
