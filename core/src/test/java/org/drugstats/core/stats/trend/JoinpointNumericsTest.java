package org.drugstats.core.stats.trend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
