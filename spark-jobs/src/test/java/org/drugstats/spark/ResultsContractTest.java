package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.ParquetTables;
import org.drugstats.core.data.ResultContractCheck;
import org.drugstats.core.results.Manifest;
import org.drugstats.core.results.ResultColumns;
import org.drugstats.core.results.ResultField;
import org.drugstats.core.results.ResultTable;
import org.drugstats.core.results.ResultsLayout;
import org.drugstats.reports.model.EstimateRow;
import org.drugstats.reports.model.LorenzRow;
import org.drugstats.reports.model.ResultObservation;
import org.drugstats.reports.model.RunResults;
import org.drugstats.reports.model.TrendPointRow;
import org.drugstats.reports.model.TrendRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results contract end to end: a small result set written the pipeline's way (the Spark schemas of the steps,
 * {@link Publisher}, the manifest) is read the report's way ({@link RunResults}), every column by its contract name
 * with the value written. Every column of every table holds its own value (text: the column's name; numbers: a
 * value derived from the column's position), so that a column read under another name would show.
 */
class ResultsContractTest {

    @TempDir
    static Path tmp;

    static Path out;

    /** The value written in a column: text = its name, double = 1000 + position + 0.25, int = position, true. */
    static Object value(ResultTable t, String column) {
        List<String> names = t.columnNames();
        int i = names.indexOf(column);
        assertTrue(i >= 0, t + " has no column " + column);
        ResultField f = t.fields().get(i);
        return switch (f.type()) {
            // the estimates' time_period is a year the report parses
            case STRING -> column.equals("sex") ? "T" : column.equals("unit_mult") ? null
                    : column.equals("time_period") ? "2023" : column;
            case DOUBLE -> 1000 + i + 0.25;
            case INT -> i;
            case BOOLEAN -> Boolean.TRUE;
        };
    }

    static Row row(ResultTable t) {
        List<Object> v = new ArrayList<>();
        for (String c : t.columnNames()) {
            v.add(value(t, c));
        }
        return RowFactory.create(v.toArray());
    }

    @BeforeAll
    static void writeTheRunTheWayThePipelineDoes() {
        SparkSession spark = SparkTestSession.get();
        out = tmp.resolve("out");
        Origin o = new Origin("o1", "Producer", "Title", "Citation", null, "CC0", null, null, null, null, false);
        Map<ResultTable, org.apache.spark.sql.types.StructType> schemas = new LinkedHashMap<>();
        schemas.put(ResultTable.OBSERVATIONS, Schemas.EXTRACT);
        schemas.put(ResultTable.AGGREGATES, AggregateStep.AGGREGATES);
        // the union of the indicator steps: their rows (IndicatorStep.INDICATORS) and n_with_data last
        schemas.put(ResultTable.INDICATORS, IndicatorStep.INDICATORS.add(SeizureCategoryStep.N_WITH_DATA,
                org.apache.spark.sql.types.DataTypes.IntegerType, true));
        schemas.put(ResultTable.TRENDS, TrendStep.TRENDS);
        schemas.put(ResultTable.TREND_POINTS, TrendStep.TREND_POINTS);
        schemas.put(ResultTable.INEQUALITY, InequalityStep.POINTS);
        schemas.put(ResultTable.YOUTH_ESTIMATES, YouthStep.SCHEMA);
        schemas.put(ResultTable.TREND_COMPARISONS, TrendComparisonStep.TREND_COMPARISONS);
        schemas.put(ResultTable.INEQUALITY_ME, InequalityStep.POINTS);
        schemas.put(ResultTable.ESTIMATES, EstimateStep.schema());
        schemas.put(ResultTable.TREND_EXTENSIONS, TrendStep.TREND_EXTENSIONS);
        schemas.put(ResultTable.TRACKER, TrackerStep.SCHEMA);
        try (Publisher p = Publisher.begin(out)) {
            for (Map.Entry<ResultTable, org.apache.spark.sql.types.StructType> e : schemas.entrySet()) {
                p.writeParquet(spark.createDataFrame(List.of(row(e.getKey())), e.getValue()), e.getKey().dir(),
                        e.getKey().schemaVersion(), List.of(o));
            }
            p.writeText(ResultsLayout.INEQUALITY_JSON, "{\"gini\": 0.25, \"ranking\": \"per-capita ascending\"}\n", 1);
            p.writeText(RunResults.INEQUALITY_ME_JSON, "{\"gini\": 0.5, \"ranking\": \"per-capita ascending\"}\n", 1);
            p.commit(new Manifest(Manifest.SCHEMA, "succeeded",
                    List.of(new Manifest.InputEntry("a/extract.parquet", "extract", "ab12", 10, 7, 5, 2,
                            "quarantine/a_extract.csv", false)),
                    Map.of("seed", 7, "trend", Map.of("selection", "bic")), Map.of("spark", "4.0.4"),
                    "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", 60.0,
                    List.of(new Manifest.StepEntry("validate", 1.5, 10, 5, Map.of())), p.outputs(), List.of(o)));
        }
    }

    @Test
    void everyTableIsWhereTheContractSaysWithItsColumnsAndTag() {
        for (ResultTable t : ResultTable.values()) {
            Path file = out.resolve(t.partFile());
            assertTrue(Files.isRegularFile(file), file.toString());
            ParquetTables.TableFile tf = ParquetTables.read(file);
            assertEquals(t.columnNames(), tf.table().columnNames(), t.toString());
            assertEquals(1, tf.table().rowCount(), t.toString());
            assertEquals(List.of("o1"), tf.origins().stream().map(Origin::id).toList(), t.toString());
        }
        assertTrue(Files.isRegularFile(out.resolve(ResultsLayout.MANIFEST)));
        assertTrue(Files.isRegularFile(out.resolve(ResultsLayout.INEQUALITY_JSON)));
    }

    @Test
    void everyFileHasTheContractsParquetSchemaAndTag() {
        assertEquals(List.of(), ResultContractCheck.differences(out));
        for (ResultTable t : ResultTable.values()) {
            assertEquals(List.of(), ResultContractCheck.differences(out.resolve(t.partFile()), t), t.toString());
        }
    }

    @Test
    void theCheckNamesAFileThatBreaksTheContract() {
        // the estimates file checked as the tracker: another tag and other columns
        Path est = out.resolve(ResultTable.ESTIMATES.partFile());
        List<String> d = ResultContractCheck.differences(est, ResultTable.TRACKER);
        assertEquals(2, d.size(), d.toString());
        assertTrue(d.get(0).contains("schema tag drugstats-estimates/1, expected drugstats-tracker/1"), d.get(0));
        assertTrue(d.get(1).startsWith(est + ": columns [indicator, level,"), d.get(1));
        // the inequality points checked as the medicines' points: same columns and tag, nothing to say
        assertEquals(List.of(), ResultContractCheck.differences(out.resolve(ResultTable.INEQUALITY.partFile()),
                ResultTable.INEQUALITY_ME));
    }

    @Test
    void theReportReadsEveryColumnByItsContractName() {
        RunResults r = RunResults.load(out);
        assertEquals(List.of(), r.warnings());
        ResultObservation obs = r.observations().get(0);
        assertEquals("indicator", obs.indicator());
        assertEquals("ref_area", obs.refArea());
        assertEquals(value(ResultTable.OBSERVATIONS, "value"), obs.value());
        assertEquals(value(ResultTable.OBSERVATIONS, "upper"), obs.upper());
        assertEquals("obs_flags", obs.flags());
        ResultObservation agg = r.aggregates().get(0);
        assertEquals(ResultColumns.LEVEL, agg.level());
        assertEquals(value(ResultTable.AGGREGATES, ResultColumns.COVERAGE), agg.coverage());
        assertEquals(value(ResultTable.AGGREGATES, ResultColumns.N_AREAS), agg.nAreas());
        assertEquals(value(ResultTable.AGGREGATES, ResultColumns.N_WITH_DATA), agg.nWithData());
        assertEquals(ResultColumns.IMPUTED_AREAS, agg.imputedAreas());
        assertEquals(ResultColumns.INPUTS, r.indicators().get(0).inputs());
        TrendRow tr = r.trends().get(0);
        assertEquals(ResultColumns.SERIES_ID, tr.seriesId());
        assertEquals(value(ResultTable.TRENDS, ResultColumns.K), tr.k());
        assertEquals(value(ResultTable.TRENDS, ResultColumns.APC), tr.apc());
        assertEquals(value(ResultTable.TRENDS, ResultColumns.AAPC_END), tr.aapcEnd());
        assertEquals(value(ResultTable.TRENDS, ResultColumns.SEN_UPPER), tr.senUpper());
        assertEquals(ResultColumns.NOTE, tr.note());
        TrendPointRow pt = r.trendPoints().get(0);
        assertEquals(value(ResultTable.TREND_POINTS, ResultColumns.FITTED), pt.fitted());
        assertTrue(pt.imputed());
        LorenzRow lr = r.lorenz().get(0);
        assertEquals(ResultColumns.ADEQUACY, lr.adequacy());
        assertEquals(value(ResultTable.INEQUALITY, ResultColumns.CUM_CONSUMPTION_SHARE), lr.cumConsumptionShare());
        assertEquals(0.25, r.inequality().orElseThrow().gini());
        assertEquals(0.5, r.inequalityMe().orElseThrow().gini());
        LorenzRow me = r.lorenzMe().get(0);
        assertEquals(ResultColumns.AREA, me.area());
        assertEquals(value(ResultTable.INEQUALITY_ME, ResultColumns.PER_CAPITA), me.perCapita());
        EstimateRow est = r.estimates().get(0);
        assertEquals("indicator", est.indicator());
        assertEquals(ResultColumns.LEVEL, est.level());
        assertEquals(2023, est.year());
        assertEquals("drug", est.drug());
        assertEquals(value(ResultTable.ESTIMATES, "lower"), est.lower());
        assertEquals(value(ResultTable.ESTIMATES, ResultColumns.COVERAGE), est.coverage());
        assertEquals(value(ResultTable.ESTIMATES, ResultColumns.N_WITH_DATA), est.nWithData());
        assertEquals(ResultColumns.CARRIED_AREAS, est.carriedAreas());
        assertEquals("notes", est.notes());
        org.drugstats.core.tracker.TrackerRow tk = r.tracker().get(0);
        assertEquals("challenge", tk.challenge());
        assertEquals(value(ResultTable.TRACKER, "baseline_year"), tk.baselineYear());
        assertEquals(value(ResultTable.TRACKER, "latest_value"), tk.latestValue());
        assertEquals(value(ResultTable.TRACKER, "p_value"), tk.pValue());
        assertEquals(value(ResultTable.TRACKER, "points"), tk.points());
        assertEquals("verdict", tk.verdict());
        assertEquals("link", tk.link());
        org.drugstats.reports.model.Manifest m = r.manifest().orElseThrow();
        assertEquals(List.of(new org.drugstats.reports.model.Manifest.Input("a/extract.parquet", "ab12", 7, 5, 2, null)),
                m.inputs());
        assertEquals("7", m.parameters().get("seed"));
        assertEquals("bic", m.parameters().get("trend.selection"));
        assertEquals("4.0.4", m.versions().get("spark"));
        assertEquals(ResultTable.values().length + 2, m.outputs().size(), "the tables and the two JSON summaries");
        assertEquals(ResultTable.TRENDS.partFile(), m.outputs().get(3).path());
    }
}
