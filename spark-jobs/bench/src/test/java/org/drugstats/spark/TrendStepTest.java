package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.drugstats.core.stats.trend.Joinpoint;
import org.drugstats.core.stats.trend.JoinpointAnalysis;
import org.drugstats.core.stats.trend.JoinpointResult;
import org.drugstats.core.stats.trend.LogLinearTrend;
import org.drugstats.core.stats.trend.MannKendall;
import org.drugstats.core.stats.trend.Scale;
import org.drugstats.core.stats.trend.SelectionMethod;
import org.drugstats.core.stats.trend.TrendBatch;
import org.drugstats.core.stats.trend.TrendSeries;
import org.drugstats.spark.generate.CountryPanelGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Spark trend step gives what core gives series by series, whatever the partitioning. */
class TrendStepTest {

    static SparkSession spark;
    static List<Row> input;
    static final List<String> COUNTRIES = List.of("AFG", "BOL", "COL", "DEU", "FRA", "GBR", "ITA", "PER");

    @BeforeAll
    static void setUp() {
        spark = SparkTestSession.get();
        CountryPanelGenerator g = CountryPanelGenerator.of(COUNTRIES, 8 * 20 * 6, 20, 3);
        input = new ArrayList<>();
        for (int j = 0; j < 6; j++) {
            for (int i = 0; i < COUNTRIES.size(); i++) {
                double[] v = g.series(i, j);
                for (int t = 0; t < 20; t++) {
                    input.add(RowFactory.create(CountryPanelGenerator.indicator(j), COUNTRIES.get(i), "T", "15-64",
                            j % 2 == 0 ? null : "cannabis", "percent", 2000.0 + t, v[t], t == 3, 0));
                }
            }
        }
        // a short series (3 years) and one with a zero (log scale impossible; Mann-Kendall fine)
        for (int t = 0; t < 3; t++) {
            input.add(RowFactory.create("short", "COL", "T", "_T", null, "kg", 2019.0 + t, 1.0 + t, false, 0));
        }
        for (int t = 0; t < 8; t++) {
            input.add(RowFactory.create("zeros", "USA", "T", "_T", "x", "kg", 2015.0 + t, t == 4 ? 0.0 : 10.0 + t, false, 0));
        }
    }

    static List<Row> trends(int partitions, String selection) {
        Dataset<Row> pts = spark.createDataFrame(input, TrendStep.POINTS_IN).repartition(partitions);
        TrendStep.Settings s = new TrendStep.Settings(selection, -1, 199, 0.05, 5, 42);
        return TrendStep.fit(pts, s).trends().orderBy(col("series_id"), col("segment")).collectAsList();
    }

    @Test
    void eachSeriesGetsCoresFitsAndResultsDoNotDependOnPartitioning() {
        List<Row> a = trends(1, "bic");
        List<Row> b = trends(7, "bic");
        assertEquals(a, b);
        // 48 panel series x (loglinear + joinpoint segments + mann-kendall), plus 2 x 3 rows for the odd series
        Row ll = a.stream().filter(r -> r.getString(0).equals("synthetic_panel_00001|BOL|T|15-64|cannabis|loglinear"))
                .findFirst().orElseThrow();
        double[] x = new double[20];
        double[] y = new double[20];
        CountryPanelGenerator g = CountryPanelGenerator.of(COUNTRIES, 8 * 20 * 6, 20, 3);
        double[] v = g.series(1, 1);
        for (int t = 0; t < 20; t++) {
            x[t] = 2000 + t;
            y[t] = v[t];
        }
        LogLinearTrend.Result r = LogLinearTrend.withDefaults().fit(TrendSeries.of("s", x, y));
        assertEquals(r.apc(), (Double) ll.getAs("apc"), 0.0);
        assertEquals(r.apcLower(), (Double) ll.getAs("apc_lower"), 0.0);
        assertEquals(r.pValue(), (Double) ll.getAs("p_value"), 0.0);
        assertEquals(20, (Integer) ll.getAs("n"));

        JoinpointResult jp = Joinpoint.withDefaults().withScale(Scale.LOG).withSelection(SelectionMethod.BIC)
                .withPermutations(199).withAlpha(0.05).withConfidenceLevel(0.95).fit(TrendSeries.of("s", x, y));
        List<Row> segs = a.stream()
                .filter(q -> q.getString(0).equals("synthetic_panel_00001|BOL|T|15-64|cannabis|joinpoint")).toList();
        assertEquals(jp.segments().size(), segs.size());
        assertEquals(jp.joinpoints().size(), (Integer) segs.get(0).getAs("k"));
        for (int i = 0; i < segs.size(); i++) {
            assertEquals(jp.segments().get(i).apc(), (Double) segs.get(i).getAs("apc"), 0.0);
            assertEquals(jp.aapc().value(), (Double) segs.get(i).getAs("aapc"), 0.0);
            assertEquals("bic", segs.get(i).getAs("selection"));
        }
        MannKendall.Result mk = MannKendall.withDefaults().test(TrendSeries.of("s", x, y));
        Row m = a.stream().filter(q -> q.getString(0).equals("synthetic_panel_00001|BOL|T|15-64|cannabis|mann-kendall"))
                .findFirst().orElseThrow();
        assertEquals((double) mk.s(), (Double) m.getAs("mk_s"), 0.0);
        assertEquals(mk.senSlope(), (Double) m.getAs("sen_slope"), 0.0);
    }

    @Test
    void permutationSelectionIsSeededPerSeries() {
        List<Row> a = trends(1, "permutation");
        List<Row> b = trends(5, "permutation");
        assertEquals(a, b);
        // the same selection as core's batch with the same per-series generator
        double[] x = new double[20];
        double[] y = new double[20];
        double[] v = CountryPanelGenerator.of(COUNTRIES, 8 * 20 * 6, 20, 3).series(2, 0);
        for (int t = 0; t < 20; t++) {
            x[t] = 2000 + t;
            y[t] = v[t];
        }
        String id = "synthetic_panel_00000|COL|T|15-64||joinpoint";
        JoinpointResult jp = Joinpoint.withDefaults().withScale(Scale.LOG).withSelection(SelectionMethod.PERMUTATION)
                .withPermutations(199).withAlpha(0.05).withConfidenceLevel(0.95)
                .fit(TrendSeries.of(id, x, y), TrendBatch.randomFor(42, id));
        Row first = a.stream().filter(q -> q.getString(0).equals(id)).findFirst().orElseThrow();
        assertEquals(jp.joinpoints().size(), (Integer) first.getAs("k"));
    }

    @Test
    void shortSeriesAndImpossibleLogFitsAreRowsWithAReason() {
        List<Row> a = trends(3, "bic");
        List<Row> shortRows = a.stream().filter(r -> r.getString(0).startsWith("short|")).toList();
        assertEquals(3, shortRows.size());
        assertTrue(((String) shortRows.get(0).getAs("note")).contains("fewer than trend.min_points = 5"));
        assertNull(shortRows.get(0).getAs("apc"));
        Row zll = a.stream().filter(r -> r.getString(0).equals("zeros|USA|T|_T|x|loglinear")).findFirst().orElseThrow();
        assertTrue(((String) zll.getAs("note")).startsWith("not fitted: "), (String) zll.getAs("note"));
        Row zmk = a.stream().filter(r -> r.getString(0).equals("zeros|USA|T|_T|x|mann-kendall")).findFirst().orElseThrow();
        assertEquals(8, (Integer) zmk.getAs("n"));
        // 10, 11, 12, 13, 0, 15, 16, 17: 28 pairs, 24 increasing and 4 decreasing (the 0 after 10..13), S = 20
        // (hand count; numpy: sum(sign(y[j] - y[i]) for i < j) = 20.0)
        assertEquals(20.0, (Double) zmk.getAs("mk_s"), 0.0);
    }

    @Test
    void trendPointsCarryTheFitAndTheImputedFlag() {
        Dataset<Row> pts = spark.createDataFrame(input, TrendStep.POINTS_IN);
        List<Row> p = TrendStep.fit(pts, new TrendStep.Settings("bic", -1, 199, 0.05, 5, 42)).points()
                .filter(col("series_id").equalTo("synthetic_panel_00000|AFG|T|15-64||loglinear")).orderBy("x")
                .collectAsList();
        assertEquals(20, p.size());
        assertTrue(p.get(3).getBoolean(5));
        assertTrue(!p.get(4).getBoolean(5));
        assertTrue(Math.abs(p.get(0).getDouble(4) / p.get(0).getDouble(3) - 1) < 0.5);
    }

    @Test
    void nci5OptionsGiveCoresAnalysisAndExtensionRows() {
        Dataset<Row> pts = spark.createDataFrame(input, TrendStep.POINTS_IN).repartition(3);
        String ind = CountryPanelGenerator.indicator(1);
        TrendStep.Settings s = new TrendStep.Settings("wbic", -1, 199, 0.05, 5, 42, "empirical", 50, "0.3",
                List.of(ind + "=2009.5"));
        TrendStep.Fitted f = TrendStep.fit(pts, s);
        String id = ind + "|BOL|T|15-64|cannabis|joinpoint";
        double[] x = new double[20];
        double[] y = new double[20];
        double[] v = CountryPanelGenerator.of(COUNTRIES, 8 * 20 * 6, 20, 3).series(1, 1);
        for (int t = 0; t < 20; t++) {
            x[t] = 2000 + t;
            y[t] = v[t];
        }
        JoinpointResult r = JoinpointAnalysis.of(Joinpoint.withDefaults().withScale(Scale.LOG)
                .withSelection(SelectionMethod.WBIC).withPermutations(199).withAlpha(0.05).withConfidenceLevel(0.95))
                .withIntervals(JoinpointAnalysis.IntervalMethod.EMPIRICAL, 50).withAutocorrelation(0.3)
                .withJumpAt(2009.5).fit(TrendSeries.of(id, x, y), 42);
        List<Row> ext = f.extensions().filter(col("series_id").equalTo(id)).collectAsList();
        java.util.Map<String, Double> q = new java.util.HashMap<>();
        for (Row e : ext) {
            if (e.isNullAt(1)) {
                q.put(e.getString(2), e.isNullAt(3) ? null : e.getDouble(3));
            }
        }
        assertEquals(r.jump().orElseThrow().value(), q.get("jump_value"), 0.0);
        assertEquals(r.jump().orElseThrow().comparabilityRatio(), q.get("comparability_ratio"), 0.0);
        assertEquals(r.empirical().orElseThrow().aapcLower(), q.get("aapc_empirical_lower"), 0.0);
        assertEquals(0.3, q.get("autocorrelation_rho"), 0.0);
        Row seg0 = f.trends().filter(col("series_id").equalTo(id).and(col("segment").equalTo(0))).first();
        assertEquals(r.segments().get(0).apcLower(), (Double) seg0.getAs("apc_lower"), 0.0);
        // a series of another indicator has no jump, but the intervals and AR(1) rows
        assertTrue(f.extensions().filter(col("series_id").startsWith(CountryPanelGenerator.indicator(0))
                .and(col("quantity").equalTo("jump_value"))).isEmpty());
        // default settings write no extension rows
        assertTrue(TrendStep.fit(pts, new TrendStep.Settings("bic", -1, 199, 0.05, 5, 42)).extensions().isEmpty());
    }
}
