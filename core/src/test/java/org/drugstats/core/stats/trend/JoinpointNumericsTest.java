package org.drugstats.core.stats.trend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Numerical robustness of the joinpoint fits: units that make weights tiny, large values on the linear scale.
 * Reference values: R 4.2.2 (stats::lm), core/src/test/reference/review_numerics.R; each test names its section.
 */
class JoinpointNumericsTest {
    private static final double[] X = TrendTestData.range(2000, 2019);

    /** Section 2: US dollars ~1e12 with standard errors 2e12–6e12 (weights 1/SE² ~ 1e-25). */
    private static final double[] USD = {774774000000.0, 881531000000.0, 842335000000.0, 922104000000.0,
        1011343000000.0, 981913000000.0, 1025835000000.0, 1060939000000.0, 1111427000000.0, 1164143000000.0,
        1236829000000.0, 1125947000000.0, 1067588000000.0, 1045274000000.0, 967847000000.0, 945830000000.0,
        882081000000.0, 784481000000.0, 807225000000.0, 742219000000.0};
    private static final double[] USD_SE = {5264000000000.0, 2941000000000.0, 5307000000000.0, 4134000000000.0,
        5716000000000.0, 4199000000000.0, 5041000000000.0, 2274000000000.0, 5174000000000.0, 4531000000000.0,
        3538000000000.0, 4265000000000.0, 5688000000000.0, 5904000000000.0, 5732000000000.0, 3525000000000.0,
        3022000000000.0, 3030000000000.0, 2788000000000.0, 2546000000000.0};

    /** Section 1: persons ~1.2e9 on the linear scale with noise of a few units. */
    private static final double[] PERSONS = {1199999997, 1202999999, 1206000001, 1208999997, 1212000001, 1215000000,
        1218000000, 1221000003, 1223999996, 1227000004, 1229999998, 1224999997, 1219999998, 1215000001, 1210000000,
        1204999999, 1203999997, 1202999998, 1202000004, 1201000001};

    @Test
    void criteriaOfLargeValuesOnTheLinearScaleMatchLm() {
        // SSE0 (straight line) is 1.7e15 while the 2- and 3-joinpoint SSEs are ~90: SSE0 minus the projection would
        // keep only the last ~2 digits of them (its spacing at 1.7e15 is 0.25)
        JoinpointResult r = Joinpoint.withDefaults().withScale(Scale.LINEAR).withSelection(SelectionMethod.BIC)
                .withMaxJoinpoints(3).fit(TrendSeries.of("persons", X, PERSONS));
        List<ModelCriteria> m = r.selection().models();
        // R, section 1: exhaustive loop over combn() of deviance(lm(yc ~ X - 1)) with yc = y1 - 1.2e9 (lm on the raw
        // y1 is itself off by 2e-7 at k = 2: 95.896534); the k = 2, 3 SSEs from the integer residuals yr of the
        // generating trend, deviance(lm(yr ~ X - 1)); BIC, BIC3 from the centred run
        List<List<Double>> taus = List.of(List.of(), List.of(2009.0), List.of(2010.0, 2015.0),
                List.of(2007.0, 2010.0, 2015.0));
        double[] sse = {1721503776120405.5, 91180454599833.578, 95.896554252199437, 87.068622087132738};
        double[] bic = {32.385815546012033, 29.747275857598883, 2.4662574593298547, 2.6692572028201287};
        double[] bic3 = {32.385815546012033, 29.897062471276584, 2.7658306866852538, 3.1186170438532272};
        for (int k = 0; k <= 3; k++) {
            assertEquals(taus.get(k), m.get(k).joinpoints(), "k=" + k);
            assertEquals(sse[k], m.get(k).sse(), 1e-8 * sse[k], "SSE k=" + k);
            assertEquals(bic[k], m.get(k).bic(), 1e-8, "BIC k=" + k);
            assertEquals(bic3[k], m.get(k).bic3(), 1e-8, "BIC3 k=" + k);
        }
        assertEquals(2, r.selection().selected());
        assertEquals(95.896554252199437, r.sse(), 1e-6 * 95.9); // the QR fit of the selected model (uncentred, as lm)
    }

    @Test
    void exactlyPiecewiseLinearDataSelectTheTrueJoinpointOnly() {
        // a series interpolated linearly between anchor years: one change of slope at 2015, no noise at all
        double[] y = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            y[i] = 90 + 5 * (X[i] - 2000) - 7 * Math.max(X[i] - 2015, 0);
        }
        TrendSeries s = TrendSeries.of("interpolated", X, y);
        // R, section 3: the SSEs of k = 1, 2, 3 are rounding noise (5.5e-24, 1.3e-23, 1.2e-23) and BIC on them picks
        // k = 2 with a spurious joinpoint at 2002 (slope 5 on either side); so did this class before the floor
        for (SelectionMethod method : List.of(SelectionMethod.BIC, SelectionMethod.BIC3, SelectionMethod.WBIC)) {
            JoinpointResult r = Joinpoint.withDefaults().withScale(Scale.LINEAR).withSelection(method)
                    .withMaxJoinpoints(3).fit(s);
            assertEquals(List.of(2015.0), r.joinpoints(), method.name());
            for (ModelCriteria c : r.selection().models()) {
                assertTrue(Double.isFinite(c.bic()) && Double.isFinite(c.bic3()) && Double.isFinite(c.wbic()),
                        method + " " + c);
            }
            assertEquals(5.0, r.segments().get(0).slope(), 1e-9);
            assertEquals(-2.0, r.segments().get(1).slope(), 1e-9);
            assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("exact fit")), r.notes().toString());
        }
        // the straight line is not an exact fit: its criteria are the ordinary ones (R: SSE, BIC of k = 0)
        ModelCriteria line = Joinpoint.withDefaults().withScale(Scale.LINEAR).withSelection(SelectionMethod.BIC)
                .withMaxJoinpoints(3).fit(s).selection().models().get(0);
        assertEquals(692.63157894729909, line.sse(), 1e-9 * 692.6);
        assertEquals(3.8443391795141757, line.bic(), 1e-10);
        // a constant series: every model is exact, criteria finite, no joinpoint
        double[] c = new double[X.length];
        java.util.Arrays.fill(c, 5);
        JoinpointResult flat = Joinpoint.withDefaults().withSelection(SelectionMethod.BIC).fit(TrendSeries.of("c", X, c));
        assertEquals(List.of(), flat.joinpoints());
        assertTrue(flat.selection().models().stream().allMatch(m -> Double.isFinite(m.bic())));
    }

    @Test
    void tinyWeightsFromLargeStandardErrorsAreNotSingular() {
        TrendSeries s = TrendSeries.of("iff-usd", X, USD, USD_SE);
        Joinpoint jp = Joinpoint.withDefaults().withScale(Scale.LINEAR).withWeighting(Weighting.STANDARD_ERROR);
        JoinpointResult r = jp.withInference(SlopeInference.CONDITIONAL).fitAt(s, 2010);
        // R: f <- lm(y2 ~ x + pmax(x - 2010, 0), weights = 1/se2^2); coef(f)
        double[] coef = r.coefficients();
        double[] expected = {-74949597884985.828125, 37880382635.204262, -88749966077.973923};
        for (int j = 0; j < 3; j++) {
            assertEquals(expected[j], coef[j], 1e-9 * Math.abs(expected[j]), "coefficient " + j);
        }
        assertEquals(0.00096899595773181925, r.sse(), 1e-9 * 0.000969); // deviance(f)
        // R: sqrt of c' vcov(f) c for the two segment slopes
        assertEquals(2514050937.4461241, r.segments().get(0).slopeSe(), 1e-9 * 2.514e9);
        assertEquals(2266378979.3431196, r.segments().get(1).slopeSe(), 1e-9 * 2.266e9);

        // the grid search and BIC on the same data: R exhaustive loop over combn(), section 2
        JoinpointResult b = jp.withSelection(SelectionMethod.BIC).withMaxJoinpoints(2).fit(s);
        List<ModelCriteria> m = b.selection().models();
        assertEquals(List.of(2010.0), m.get(1).joinpoints());
        assertEquals(List.of(2010.0, 2017.0), m.get(2).joinpoints());
        double[] sse = {0.024961608520363221, 0.00096899595773181925, 0.00083105676221960465};
        double[] bic = {-6.386575339831114, -9.3358359365127921, -9.1898250510092616};
        for (int k = 0; k <= 2; k++) {
            assertEquals(sse[k], m.get(k).sse(), 1e-9 * sse[k], "SSE k=" + k);
            assertEquals(bic[k], m.get(k).bic(), 1e-9, "BIC k=" + k);
        }
        assertEquals(1, b.selection().selected());
        assertArrayEquals(coef, b.coefficients(), 1e-6 * Math.abs(coef[0]));
    }
}
