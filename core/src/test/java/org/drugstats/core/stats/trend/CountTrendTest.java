package org.drugstats.core.stats.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

/** Reference values: R 4.2.2 glm and MASS 7.3-58.2 glm.nb, core/src/test/reference/count_trend_reference.R. */
class CountTrendTest {
    private static final double[] T = TrendTestData.range(2005, 2019);
    private static final double[] POP = {1210e3, 1224e3, 1239e3, 1251e3, 1266e3, 1280e3, 1297e3, 1310e3, 1322e3,
        1339e3, 1351e3, 1366e3, 1380e3, 1392e3, 1407e3};
    private static final double[] DEATHS = {48, 61, 55, 70, 52, 81, 77, 64, 90, 85, 71, 104, 98, 87, 120};

    @Test
    void poisson() {
        CountTrend.Result r = CountTrend.withDefaults().fit("d", T, DEATHS, POP);
        // R: fp <- glm(deaths ~ t + offset(log(pop)), family = poisson); coef, summary, confint.default
        assertEquals(-90.052742528755758, r.intercept(), 1e-7);
        assertEquals(0.039908529424667, r.slope(), 1e-10);
        assertEquals(13.86754645403226149, r.interceptSe(), 1e-7);
        assertEquals(0.00688919711948986, r.slopeSe(), 1e-11);
        assertEquals(6.91753561648583e-09, r.pValue(), 1e-15);
        assertEquals(19.5056660322993, r.deviance(), 1e-9);
        assertEquals(19.1729545577949, r.pearsonChi2(), 1e-8);
        assertEquals(4.07155749860895, r.apc(), 1e-8);
        assertEquals(2.67576773809142, r.apcLower(), 1e-8);
        assertEquals(5.48632183412587, r.apcUpper(), 1e-8);
        assertEquals(1, r.dispersion(), 0);
        assertEquals(13, r.dfResidual());
    }

    @Test
    void quasiPoisson() {
        CountTrend.Result r = CountTrend.withDefaults().withFamily(CountTrend.Family.QUASI_POISSON)
                .fit("d", T, DEATHS, POP);
        // R: summary(glm(..., family = quasipoisson))$dispersion, coefficients; t interval with df.residual
        // (R's IRLS stops at |dev - devold|/(|dev| + 0.1) < 1e-8, so Pearson's chi2 agrees to ~1e-9 relative)
        assertEquals(1.47484265919324, r.dispersion(), 1e-8);
        assertEquals(0.00836645456242713, r.slopeSe(), 1e-11);
        assertEquals(16.84117833873213499, r.interceptSe(), 1e-7);
        assertEquals(0.000365987022860007, r.pValue(), 1e-12);
        assertEquals(4.07155749860895, r.apc(), 1e-8);
        assertEquals(2.20740071719141, r.apcLower(), 1e-8);
        assertEquals(5.96971456260211, r.apcUpper(), 1e-8);
    }

    @Test
    void negativeBinomial() {
        CountTrend.Result r = CountTrend.withDefaults().withFamily(CountTrend.Family.NEGATIVE_BINOMIAL)
                .fit("d", T, DEATHS, POP);
        // R: fn <- MASS::glm.nb(deaths ~ t + offset(log(pop))); fn$theta, fn$SE.theta, deviance(fn)
        // glm.nb stops at its own tolerance (1e-8 relative on deviance/theta), hence the looser bounds
        assertEquals(248.9702394006840, r.theta(), 248.97 * 1e-4);
        assertEquals(379.7682045694895, r.thetaSe(), 379.77 * 1e-4);
        assertEquals(14.8370642757872, r.deviance(), 1e-5);
        assertEquals(0.0398838612519527, r.slope(), 1e-8);
        assertEquals(0.00788814369003229, r.slopeSe(), 1e-8);
        assertEquals(4.06899027511842, r.apc(), 1e-6);
        assertEquals(2.47240775471598, r.apcLower(), 1e-5);
        assertEquals(5.69044852353691, r.apcUpper(), 1e-5);
    }

    @Test
    void noOffsetAndMissing() {
        double[] d = DEATHS.clone();
        d[2] = Double.NaN;
        CountTrend.Result r = CountTrend.withDefaults().fit("d", T, d, null);
        // R: coef(glm(deaths[-3] ~ t[-3], family = poisson))
        assertEquals(14, r.n());
        assertEquals(0.049404088175332, r.slope(), 1e-10);
        assertEquals(-95.069191500692597, r.intercept(), 1e-7);
    }

    @Test
    void errors() {
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> CountTrend.withDefaults().fit("neg", new double[] {1, 2, 3}, new double[] {1, -2, 3}, null));
        assertTrue(e.getMessage().contains("neg") && e.getMessage().contains("t = 2"), e.getMessage());
        assertThrows(DrugstatsException.class,
                () -> CountTrend.withDefaults().fit("z", new double[] {1, 2, 3}, new double[] {0, 0, 0}, null));
        assertThrows(DrugstatsException.class,
                () -> CountTrend.withDefaults().fit("p", new double[] {1, 2, 3}, new double[] {1, 2, 3},
                        new double[] {1, 0, 1}));
        assertThrows(DrugstatsException.class,
                () -> CountTrend.withDefaults().fit("s", new double[] {1, 2}, new double[] {1, 2}, null));
    }
}
