package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.results.ResultTable;
import org.drugstats.core.stats.trend.Segment;
import org.drugstats.core.stats.trend.SeriesComparison;
import org.drugstats.core.stats.trend.TrendBatch;
import org.drugstats.core.stats.trend.TrendSeries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code trend.compare} in the Spark trend step: every pair the configuration names is compared exactly as core's
 * {@link SeriesComparison} (itself validated against an independent R implementation, see
 * {@code core/src/test/reference/comparison_reference.R}) compares it with the pair's seed, whatever the
 * partitioning; pairs with one side missing give no row, short pairs a "not compared" row.
 */
class TrendComparisonStepTest {

    static SparkSession spark;
    static List<Row> input;
    static final long SEED = 42;
    static final TrendStep.Settings SETTINGS = new TrendStep.Settings("bic", -1, 199, 0.05, 5, SEED, 12);
    static final List<TrendCompareSpec> SPECS = List.of(TrendCompareSpec.parse("deaths:sex=M,F"),
            TrendCompareSpec.parse("deaths:ref_area=USA,CAN"));

    /** y of a series: a log-linear trend with a change of slope at 2008 and deterministic ±3% wiggles. */
    static double y(double level, double slope, double change, int t, int phase) {
        double z = level + slope * t + change * Math.max(0, t - 8) + 0.03 * Math.sin(1.7 * t + phase);
        return Math.exp(z);
    }

    static Row point(String area, String sex, double x, double y) {
        return RowFactory.create("deaths", area, sex, "_T", null, "per-100k", x, y, false, 0);
    }

    @BeforeAll
    static void setUp() {
        spark = SparkTestSession.get();
        input = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            double x = 2000 + t;
            input.add(point("USA", "M", x, y(2.0, 0.05, -0.08, t, 0)));
            input.add(point("USA", "F", x, y(1.5, 0.02, 0.03, t, 3)));
            double canM = y(1.0, 0.04, -0.06, t, 5);
            input.add(point("CAN", "M", x, canM));
            input.add(point("CAN", "F", x, 2 * canM)); // exactly twice the men's rate: parallel, shift ln 2
            input.add(point("MEX", "M", x, y(1.2, 0.01, 0.0, t, 1))); // no women's series: no pair
        }
        for (int t = 0; t < 8; t++) { // both sexes, too short for the joinpoint (trend.joinpoint_min_points 12)
            input.add(point("BRA", "M", 2010 + t, 3.0 + t));
            input.add(point("BRA", "F", 2010 + t, 2.0 + t));
        }
        input.add(RowFactory.create("other", "USA", "M", "_T", null, "per-100k", 2000.0, 1.0, false, 0));
    }

    static List<Row> run(int partitions) {
        Dataset<Row> pts = spark.createDataFrame(input, TrendStep.POINTS_IN).repartition(partitions);
        return TrendComparisonStep.run(pts, SETTINGS, SPECS)
                .orderBy(col("comparison_id"), col("test"), col("model"), col("segment")).collectAsList();
    }

    static TrendSeries series(String area, String sex) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Row r : input) {
            if (r.getString(0).equals("deaths") && r.getString(1).equals(area) && r.getString(2).equals(sex)) {
                x.add(r.getDouble(6));
                y.add(r.getDouble(7));
            }
        }
        String id = "deaths|" + area + "|" + sex + "|_T||joinpoint";
        return TrendSeries.of(id, x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static List<Row> rowsOf(List<Row> rows, String id) {
        return rows.stream().filter(r -> r.getString(0).equals(id)).toList();
    }

    @Test
    void theSchemaIsTheContract() {
        assertEquals(ResultTable.TREND_COMPARISONS.columnNames(),
                List.of(TrendComparisonStep.TREND_COMPARISONS.fieldNames()));
    }

    @Test
    void everyPairIsComparedAsCoreComparesItWithThePairsSeed() {
        List<Row> rows = run(3);
        // pairs: USA M~F, CAN M~F (sex); M USA~CAN, F USA~CAN (ref_area); BRA M~F not compared; MEX has no F
        assertEquals(List.of("deaths|BRA|M~F|_T||per-100k", "deaths|CAN|M~F|_T||per-100k",
                "deaths|USA|M~F|_T||per-100k", "deaths|USA~CAN|F|_T||per-100k", "deaths|USA~CAN|M|_T||per-100k"),
                rows.stream().map(r -> r.getString(0)).distinct().toList());
        SeriesComparison core = SeriesComparison.of(SETTINGS.joinpoint());
        String[][] pairs = {{"deaths|USA|M~F|_T||per-100k", "USA", "M", "USA", "F"},
            {"deaths|CAN|M~F|_T||per-100k", "CAN", "M", "CAN", "F"},
            {"deaths|USA~CAN|M|_T||per-100k", "USA", "M", "CAN", "M"},
            {"deaths|USA~CAN|F|_T||per-100k", "USA", "F", "CAN", "F"}};
        for (String[] p : pairs) {
            SeriesComparison.Result want = core.compare(series(p[1], p[2]), series(p[3], p[4]),
                    TrendBatch.randomFor(SEED, p[0]));
            List<Row> got = rowsOf(rows, p[0]);
            int k = want.coincidence().maxJoinpoints() + 1 + want.parallelism().maxJoinpoints() + 1;
            assertEquals(3 * k, got.size(), p[0]);
            for (SeriesComparison.Test t : List.of(want.coincidence(), want.parallelism())) {
                List<Row> test = got.stream().filter(r -> t.hypothesis().equals(r.getAs("test"))).toList();
                Row r = test.get(0);
                assertEquals(t.maxJoinpoints(), (int) r.getAs("k"), p[0]);
                assertEquals(want.selectedA(), (int) r.getAs("selected_a"));
                assertEquals(want.selectedB(), (int) r.getAs("selected_b"));
                assertEquals(t.hypothesis().equals("coincidence") ? want.selectedCoincident()
                        : want.selectedParallel(), (int) r.getAs("selected_pooled"));
                assertEquals(t.sseNull(), (double) r.getAs("sse_null"), 0);
                assertEquals(t.sseAlternative(), (double) r.getAs("sse_alternative"), 0);
                assertEquals(t.statistic(), (double) r.getAs("statistic"), 0);
                assertEquals(t.exceedances(), (int) r.getAs("exceedances"));
                assertEquals(199, (int) r.getAs("permutations"));
                assertEquals(t.pValue(), (double) r.getAs("p_value"), 0);
                assertEquals(p[1].equals(p[3]) ? "sex" : "ref_area", r.getAs("dimension"));
                assertEquals("deaths|" + p[1] + "|" + p[2] + "|_T||joinpoint", r.getAs("series_a"));
                assertEquals("deaths|" + p[3] + "|" + p[4] + "|_T||joinpoint", r.getAs("series_b"));
                assertEquals(20, (int) r.getAs("n_a"));
                for (String model : List.of("a", "b", "common")) {
                    List<Segment> want2 = switch (model) {
                        case "a" -> t.separateA().segments();
                        case "b" -> t.separateB().segments();
                        default -> t.nullModel().segments();
                    };
                    List<Row> segs = test.stream().filter(x -> model.equals(x.getAs("model"))).toList();
                    assertEquals(want2.size(), segs.size());
                    for (int g = 0; g < segs.size(); g++) {
                        assertEquals(g, (int) segs.get(g).getAs("segment"));
                        assertEquals(want2.get(g).apc(), (double) segs.get(g).getAs("apc"), 0);
                        assertEquals(want2.get(g).start(), (double) segs.get(g).getAs("seg_start"), 0);
                    }
                }
            }
        }
    }

    @Test
    void aSeriesTwiceAnotherIsParallelWithShiftLn2() {
        // Known value, by construction: F = 2·M exactly, so on the log scale the parallel model (common joinpoints
        // and slopes, a free level for F) fits both series as their separate models do: SSE0 = SSE1, T = 0 up to
        // rounding, and the level shift of F is ln 2 = 0.6931471805599453.
        List<Row> rows = rowsOf(run(2), "deaths|CAN|M~F|_T||per-100k");
        Row par = rows.stream().filter(r -> "parallelism".equals(r.getAs("test"))).findFirst().orElseThrow();
        assertEquals(Math.log(2), (double) par.getAs("shift"), 1e-12);
        assertEquals(0, (double) par.getAs("statistic"), 1e-9);
        Row coin = rows.stream().filter(r -> "coincidence".equals(r.getAs("test"))).findFirst().orElseThrow();
        assertNull(coin.getAs("shift"));
        assertTrue((double) coin.getAs("statistic") > 100, "two levels ln 2 apart are far from one curve");
        assertTrue((double) coin.getAs("p_value") <= 1.0 / 200 + 1e-15, "no permuted set is as far apart");
        assertNull(par.getAs("sex"));
        assertEquals("CAN", par.getAs("ref_area"));
    }

    @Test
    void shortPairsAreNotComparedAndSaySo() {
        List<Row> rows = rowsOf(run(1), "deaths|BRA|M~F|_T||per-100k");
        assertEquals(1, rows.size());
        assertNull(rows.get(0).getAs("test"));
        assertEquals("not compared: 8 and 8 observed years, the joinpoint needs trend.joinpoint_min_points = 12 in"
                + " each series", rows.get(0).getAs("note"));
    }

    @Test
    void resultsDoNotDependOnPartitioning() {
        assertEquals(run(1), run(7));
    }

    @Test
    void aBreakInMethodIsComparedFromTheLastChangeOn() {
        List<Row> pts = new ArrayList<>();
        for (Row r : input) {
            if (r.getString(1).equals("USA") && r.getString(0).equals("deaths")) {
                String regime = r.getString(2).equals("M") && r.getDouble(6) >= 2004 ? "survey2 / src" : "a / src";
                List<Object> v = new ArrayList<>();
                for (int i = 0; i < r.size(); i++) {
                    v.add(r.get(i));
                }
                v.add(regime);
                pts.add(RowFactory.create(v.toArray()));
            }
        }
        Dataset<Row> d = spark.createDataFrame(pts, TrendStep.POINTS_IN.add(TrendStep.REGIME, DataTypes.StringType));
        List<Row> rows = TrendComparisonStep.run(d, SETTINGS, List.of(SPECS.get(0))).collectAsList();
        Row r = rows.get(0);
        assertEquals(16, (int) r.getAs("n_a"));
        assertEquals(20, (int) r.getAs("n_b"));
        String note = r.getAs("note");
        assertTrue(note.contains("break in deaths|USA|M|_T||joinpoint: method / source changes in 2004 ('a / src' to"
                + " 'survey2 / src'); compared on the points from 2004 only"), note);
    }

    @Test
    void configurationEntriesAndCombinationsAreChecked() {
        assertEquals(new TrendCompareSpec("drug_related_deaths", "sex", "M", "F"),
                TrendCompareSpec.parse("drug_related_deaths:sex=M,F"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrendCompareSpec.parse("deaths:colour=M,F"))
                .getMessage().contains("one of [ref_area, sex, age, drug, unit]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrendCompareSpec.parse("deaths=M,F"))
                .getMessage().contains("expected \"indicator:dimension=A,B\""));
        assertThrows(IllegalArgumentException.class, () -> TrendCompareSpec.parse("deaths:sex=M,M"));
        RunConfig c = RunConfig.defaults().with(RunConfig.Key.TREND_COMPARE, List.of("deaths:sex=M,F"));
        assertEquals(List.of("deaths:sex=M,F"), c.trendCompare());
        TrendComparisonStep.check(c);
        assertTrue(assertThrows(DrugstatsException.class, () -> TrendComparisonStep.check(
                c.with(RunConfig.Key.TREND_AUTOCORRELATION, "estimate"))).getMessage()
                .contains("trend.compare cannot be combined with trend.autocorrelation = estimate"));
        assertTrue(assertThrows(DrugstatsException.class, () -> TrendComparisonStep.check(
                c.with(RunConfig.Key.TREND_JUMPS, List.of("deaths=2009.5")))).getMessage()
                .contains("has a jump model in trend.jumps"));
        assertTrue(assertThrows(DrugstatsException.class, () -> RunConfig.defaults().with(
                RunConfig.Key.TREND_COMPARE, List.of("d:sex=M,F", "d:sex=M,F"))).getMessage().contains("listed twice"));
    }
}
