package org.drugstats.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The APC labels of a trend chart sit clear of every marker, of the fitted line, of each other and of the axis. */
class JoinpointLabelsTest {

    private static final double WIDTH = 740;
    private static final double HEIGHT = 330;

    /** The report's North America opioids chart of 2026-12-07: the label sat on the 2015 point (6.2). */
    @Test
    void labelClearsAScatteredPointAboveTheLine() {
        double[][] d = {{2010, 6.2, 6.8}, {2013, 5.4, 5.95}, {2015, 6.2, 5.45}, {2016, 5.7, 5.2}, {2017, 5.4, 5.0},
            {2018, 4.9, 4.8}, {2020, 4.5, 4.45}, {2021, 4.4, 4.3}, {2022, 3.6, 4.1}, {2023, 3.5, 3.85}};
        List<JoinpointChart.Point> pts = new ArrayList<>();
        for (double[] r : d) {
            pts.add(new JoinpointChart.Point(r[0], r[1], r[2], PointKind.OBSERVED));
        }
        JoinpointChart.Data data = new JoinpointChart.Data(pts,
                List.of(new JoinpointChart.Segment(2010, 2023, -4.3, -5.9, -2.6)), "Log-linear model");
        JoinpointChart.Labels l = JoinpointChart.placeLabels(data, WIDTH, HEIGHT);
        assertEquals(1, l.boxes().size());
        assertClear(data, l);
        // above 6.2 (the 2015 point under the label's width), not on it
        assertTrue(l.boxes().get(0).bottom() > 6.2, "label bottom " + l.boxes().get(0).bottom());
    }

    /** Property: random series with one to three joinpoints; every label clear of markers and other labels. */
    @Test
    void labelsNeverCoverAMarkerOrEachOther() {
        Random rnd = new Random(20261207);
        for (int trial = 0; trial < 400; trial++) {
            int n = 6 + rnd.nextInt(20);
            int k = rnd.nextInt(4);
            double start = 1990 + rnd.nextInt(20);
            double level = Math.pow(10, rnd.nextInt(6)) * (1 + rnd.nextDouble());
            double noise = rnd.nextDouble() * 0.4;
            List<JoinpointChart.Point> pts = new ArrayList<>();
            double v = level;
            for (int i = 0; i < n; i++) {
                v *= 1 + (rnd.nextDouble() - 0.5) * 0.3;
                double y = v * (1 + (rnd.nextDouble() - 0.5) * noise);
                pts.add(new JoinpointChart.Point(start + i, y, v, rnd.nextInt(8) == 0 ? PointKind.IMPUTED
                        : PointKind.OBSERVED));
            }
            List<JoinpointChart.Segment> segs = new ArrayList<>();
            double a = start;
            for (int j = 0; j <= k; j++) {
                double b = j == k ? start + n - 1 : Math.min(start + n - 1, a + 2 + rnd.nextInt(Math.max(1, n / (k + 1))));
                segs.add(new JoinpointChart.Segment(a, b, (rnd.nextDouble() - 0.5) * 60, -30 * rnd.nextDouble(),
                        30 * rnd.nextDouble()));
                a = b;
            }
            JoinpointChart.Data data = new JoinpointChart.Data(pts, segs, "Joinpoint model");
            assertClear(data, JoinpointChart.placeLabels(data, WIDTH, HEIGHT));
        }
    }

    private static void assertClear(JoinpointChart.Data data, JoinpointChart.Labels l) {
        double xMin = data.points().get(0).x();
        double xMax = data.points().get(data.points().size() - 1).x();
        double rx = 4 * (xMax - xMin) / WIDTH;
        double ry = 4 * (l.axisHigh() - l.axisLow()) / HEIGHT;
        for (JoinpointChart.LabelBox b : l.boxes()) {
            assertTrue(b.top() <= l.axisHigh() + 1e-9 && b.bottom() >= l.axisLow() - 1e-9, "inside the axis: " + b);
            for (JoinpointChart.Point p : data.points()) {
                if (Double.isFinite(p.y())) {
                    assertFalse(b.covers(p.x(), p.y(), rx, ry), "label " + b + " covers the point " + p);
                }
            }
            for (JoinpointChart.LabelBox o : l.boxes()) {
                assertTrue(o == b || !o.overlaps(b), "labels overlap: " + b + " and " + o);
            }
        }
    }
}
