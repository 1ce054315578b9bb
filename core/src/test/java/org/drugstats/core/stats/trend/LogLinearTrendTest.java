package org.drugstats.core.stats.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

/** Reference values: R 4.2.2, core/src/test/reference/joinpoint_reference.R, section "log-linear". */
class LogLinearTrendTest {
    private static final double TOL = 1e-9;

    @Test
    void unweightedMatchesLm() {
        LogLinearTrend.Result r = LogLinearTrend.withDefaults().fit(TrendTestData.series());
        // R 4.2.2: fit <- lm(log(y) ~ x); coef(fit); summary(fit)$coefficients["x", ]; confint(fit)
        assertEquals(-8.78573650752338331, r.intercept(), 1e-8);
        assertEquals(0.00640935558122615, r.slope(), TOL);
        assertEquals(0.00309194765804652, r.slopeSe(), TOL);
        assertEquals(18, r.degreesOfFreedom());
        assertEquals(0.05281285206744463, r.pValue(), 1e-9);
        assertEquals(0.64299394536635468, r.apc(), 1e-8);
        assertEquals(-0.00865816524278085, r.apcLower(), 1e-8);
        assertEquals(1.29889292840934534, r.apcUpper(), 1e-8);
        assertEquals(20, r.n());
    }

    @Test
    void standardErrorWeightsMatchWeightedLm() {
        LogLinearTrend.Result r = LogLinearTrend.withDefaults().withWeighting(Weighting.STANDARD_ERROR)
                .fit(TrendTestData.series());
        // R 4.2.2: lm(log(y) ~ x, weights = y^2/se^2)
        assertEquals(0.00906079563872752, r.slope(), TOL);
        assertEquals(0.0033342122537422, r.slopeSe(), TOL);
        assertEquals(0.0141160263620657, r.pValue(), 1e-9);
        assertEquals(0.910196890777071, r.apc(), 1e-8);
        assertEquals(0.205799038927812, r.apcLower(), 1e-8);
        assertEquals(1.619546315673492, r.apcUpper(), 1e-8);
    }

    @Test
    void poissonWeightsMatchWeightedLm() {
        LogLinearTrend.Result r = LogLinearTrend.withDefaults().withWeighting(Weighting.POISSON)
                .fit(TrendTestData.series());
        // R 4.2.2: lm(log(y) ~ x, weights = y)
        assertEquals(0.00568755081983266, r.slope(), TOL);
        assertEquals(0.00318417150713217, r.slopeSe(), TOL);
        assertEquals(0.570375564435111, r.apc(), 1e-8);
        assertEquals(-0.100164329952790, r.apcLower(), 1e-8);
        assertEquals(1.245416204464389, r.apcUpper(), 1e-8);
    }

    @Test
    void linearScaleWithWeights() {
        LogLinearTrend.Result r = LogLinearTrend.withDefaults().withScale(Scale.LINEAR)
                .withWeighting(Weighting.STANDARD_ERROR).fit(TrendTestData.series());
        // R 4.2.2: f <- lm(y ~ x, weights = 1/se^2); coef(f); confint(f)
        assertEquals(-1115.191759073418098, r.intercept(), 1e-6);
        assertEquals(0.584861793149009, r.slope(), 1e-9);
        assertEquals(0.18249471627273745, r.slopeSe(), 1e-9);
        assertEquals(0.20145462150407978, r.slopeLower(), 1e-9);
        assertEquals(0.96826896479393776, r.slopeUpper(), 1e-9);
        assertEquals(0.00491023510327224, r.pValue(), 1e-10);
        assertTrue(Double.isNaN(r.apc()));
    }

    @Test
    void missingValuesAreSkippedNotZero() {
        double[] y = TrendTestData.Y.clone();
        y[3] = Double.NaN;
        LogLinearTrend.Result withGap = LogLinearTrend.withDefaults().fit(TrendSeries.of("g", TrendTestData.X, y));
        double[] x2 = new double[19];
        double[] y2 = new double[19];
        for (int i = 0, j = 0; i < 20; i++) {
            if (i != 3) {
                x2[j] = TrendTestData.X[i];
                y2[j++] = TrendTestData.Y[i];
            }
        }
        LogLinearTrend.Result dropped = LogLinearTrend.withDefaults().fit(TrendSeries.of("d", x2, y2));
        assertEquals(dropped.slope(), withGap.slope(), 0);
        assertEquals(19, withGap.n());
    }

    @Test
    void twoPointsGiveTheCagrAndNoInterval() {
        LogLinearTrend.Result r = LogLinearTrend.withDefaults()
                .fit(TrendSeries.of("two", new double[] {2010, 2015}, new double[] {100, 150}));
        assertEquals(100 * ChangeRates.cagr(100, 150, 2010, 2015), r.apc(), 1e-10);
        assertTrue(Double.isNaN(r.apcLower()));
        assertTrue(Double.isNaN(r.pValue()));
    }

    @Test
    void nonPositiveOnLogScaleNamesSeriesAndX() {
        TrendSeries s = TrendSeries.of("seizures-AFG", new double[] {2001, 2002, 2003}, new double[] {5, 0, 7});
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> LogLinearTrend.withDefaults().fit(s));
        assertTrue(e.getMessage().contains("seizures-AFG") && e.getMessage().contains("x = 2002"), e.getMessage());
        // explicit offset: ln(y + 1)
        LogLinearTrend.Result r = LogLinearTrend.withDefaults().withLogOffset(1).fit(s);
        // R 4.2.2: coef(lm(log(c(5, 0, 7) + 1) ~ c(2001, 2002, 2003)))[2] = 0.143841036226136
        assertEquals(0.143841036226136, r.slope(), 1e-12);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(DrugstatsException.class, () -> LogLinearTrend.withDefaults()
                .fit(TrendSeries.of("one", new double[] {2001, 2001}, new double[] {1, 2})));
        assertThrows(DrugstatsException.class, () -> TrendSeries.of("x", new double[] {1, Double.NaN},
                new double[] {1, 2}));
        assertThrows(DrugstatsException.class, () -> LogLinearTrend.withDefaults()
                .withWeighting(Weighting.STANDARD_ERROR).fit(TrendSeries.of("nose", TrendTestData.X, TrendTestData.Y)));
        assertThrows(DrugstatsException.class, () -> LogLinearTrend.withDefaults().withConfidenceLevel(Double.NaN));
    }
}
