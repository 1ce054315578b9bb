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
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.drugstats.core.stats.trend.LogLinearTrend;
import org.drugstats.core.stats.trend.TrendSeries;
import org.junit.jupiter.api.Test;

/**
 * Per-method minimum points and breaks: a joinpoint model needs trend.joinpoint_min_points years; a change of
 * method / source inside a series is a break, and the series is fitted on the points after the last break only.
 */
class TrendBreaksTest {

    static final StructType IN = TrendStep.POINTS_IN.add(TrendStep.REGIME, DataTypes.StringType, true);

    static Row point(String ind, double x, double y, String regime) {
        return RowFactory.create(ind, "USA", "T", "15-64", "cannabis", "percent", x, y, false, 0, regime);
    }

    static List<Row> trends(List<Row> rows) {
        Dataset<Row> pts = SparkTestSession.get().createDataFrame(rows, IN);
        TrendStep.Settings s = new TrendStep.Settings("bic", -1, 199, 0.05, 5, 42, 12);
        return TrendStep.fit(pts, s).trends().orderBy(col("series_id"), col("segment")).collectAsList();
    }

    @Test
    void noJoinpointOnFewerThanTheMinimum() {
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < 9; t++) {
            rows.add(point("nine", 2010 + t, 10 + t + (t % 2) * 0.5, "HHS / ARQ"));
        }
        List<Row> a = trends(rows);
        Row jp = a.stream().filter(r -> r.getString(0).endsWith("|joinpoint")).findFirst().orElseThrow();
        assertEquals("not fitted: 9 observed years, fewer than trend.joinpoint_min_points = 12", jp.getAs("note"));
        assertNull(jp.getAs("apc"));
        Row ll = a.stream().filter(r -> r.getString(0).endsWith("|loglinear")).findFirst().orElseThrow();
        assertEquals(9, (Integer) ll.getAs("n"));
    }

    @Test
    void aSourceChangeIsABreakAndOnlyTheLastRegimeIsFitted() {
        // USA cannabis as in annex 1.2: source ARQ to 2020, "Government source/UNODC Estimate" from 2021 (NSDUH redesign)
        List<Row> rows = new ArrayList<>();
        double[] x = new double[6];
        double[] y = new double[6];
        for (int t = 0; t < 11; t++) {
            rows.add(point("brk", 2010 + t, 13 + t * 0.5, "HHS / ARQ"));
        }
        for (int t = 0; t < 6; t++) {
            x[t] = 2021 + t;
            y[t] = 20 * Math.exp(0.03 * t) * (1 + (t % 2 == 0 ? 0.01 : -0.01));
            rows.add(point("brk", x[t], y[t], "HHS / Government source/UNODC Estimate"));
        }
        List<Row> a = trends(rows);
        Row ll = a.stream().filter(r -> r.getString(0).endsWith("|loglinear")).findFirst().orElseThrow();
        assertEquals(6, (Integer) ll.getAs("n"));
        String note = ll.getAs("note");
        assertTrue(note.startsWith("break: method / source changes in 2021 ('HHS / ARQ' to 'HHS / Government source/UNODC "
                + "Estimate'); fitted on the points from 2021 only"), note);
        LogLinearTrend.Result core = LogLinearTrend.withDefaults().fit(TrendSeries.of("s", x, y));
        assertEquals(core.apc(), (Double) ll.getAs("apc"), 0);
        assertEquals(2021.0, (Double) ll.getAs("seg_start"), 0);
        Row jp = a.stream().filter(r -> r.getString(0).endsWith("|joinpoint")).findFirst().orElseThrow();
        assertTrue(((String) jp.getAs("note")).startsWith("not fitted: 6 observed years"), (String) jp.getAs("note"));
    }
}
