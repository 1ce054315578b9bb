package org.drugstats.core.stats.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

/**
 * Reference values: core/src/test/reference/mann_kendall_reference.R (R 4.2.2, formulas written out as in
 * trend::mk.test / trend::sens.slope) and mann_kendall_scipy.py (scipy 1.10.1 kendalltau, theilslopes).
 */
class MannKendallTest {
    @Test
    void noTies() {
        MannKendall.Result r = MannKendall.withDefaults().test(TrendTestData.series());
        // R formula script, series 1
        assertEquals(50, r.s());
        assertEquals(950, r.varS(), 0);
        assertEquals(1.589769927081473, r.z(), 1e-13);
        assertEquals(0.111886674896788, r.pValue(), 1e-13);
        // scipy 1.10.1: stats.kendalltau(x, y).statistic (tau-b = tau-a without ties)
        assertEquals(0.2631578947368421, r.tau(), 1e-15);
        // scipy 1.10.1: stats.theilslopes(y, x) -> slope, intercept (Conover)
        assertEquals(0.4277916666666668, r.senSlope(), 1e-13);
        assertEquals(-799.5783541666669, r.senIntercept(), 1e-9);
        // R formula script: d[round((N - C)/2)], d[round((N + C)/2 + 1)]
        assertEquals(-0.133230769230769, r.senLower(), 1e-13);
        assertEquals(0.747, r.senUpper(), 1e-13);
        MannKendall.Result m = MannKendall.withDefaults().withIntercept(MannKendall.SenIntercept.MEDIAN_RESIDUAL)
                .test(TrendTestData.series());
        assertEquals(-801.202145833333589, m.senIntercept(), 1e-9); // R: median(y - b * x)
    }

    @Test
    void signedZerosAreTies() {
        // -0.0 arises from parsing "-0" or "-0.0" in published tables; it equals 0.0
        double[] x = {1, 2, 3, 4, 5, 6, 7};
        double[] y = {0.0, -0.0, 1, 1, 2, -0.0, 3};
        MannKendall.Result r = MannKendall.withDefaults().test(TrendSeries.of("zeros", x, y));
        // R formula script, series 4 (R: sign(0 - -0) is 0)
        assertEquals(11, r.s());
        assertEquals(39.666666666666664, r.varS(), 1e-12);
        assertEquals(1.587768372074890, r.z(), 1e-13);
        assertEquals(0.112338725829823, r.pValue(), 1e-13);
        assertEquals(0.523809523809524, r.tau(), 1e-14);
        assertEquals(0.5, r.senSlope(), 1e-15);
        assertEquals(0.0, r.senLower(), 1e-15);
        assertEquals(0.666666666666667, r.senUpper(), 1e-14);
    }

    @Test
    void tiesGapAndAlpha() {
        double[] x = {2000, 2001, 2002, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2003};
        double[] y = {12, 14, 14, 13, 15, 17, 17, 17, 16, 19, 18, 21, 21, 20, Double.NaN};
        MannKendall.Result r = MannKendall.withDefaults().withAlpha(0.1).test(TrendSeries.of("ties", x, y));
        // R formula script, series 2
        assertEquals(14, r.n());
        assertEquals(70, r.s());
        assertEquals(328, r.varS(), 0);
        assertEquals(3.80988764958221, r.z(), 1e-12);
        assertEquals(1.39029956780350e-04, r.pValue(), 1e-15);
        assertEquals(0.769230769230769, r.tau(), 1e-14); // S / (n(n-1)/2); scipy's tau-b is 0.79128 with ties
        assertEquals(0.6, r.senSlope(), 1e-14); // scipy theilslopes: 0.6, -1187.5
        assertEquals(-1187.5, r.senIntercept(), 1e-9);
        assertEquals(0.5, r.senLower(), 1e-14);
        assertEquals(0.714285714285714, r.senUpper(), 1e-14);
    }

    @Test
    void seasonal() {
        double[] x = TrendTestData.range(0, 35);
        double[] y = {9.4, 11.4, 12.9, 12.5, 12.9, 11.8, 10.4, 9.5, 7.1, 8.2, 7.5, 8.4, 10.2, 12.3, 13.4, 13.6, 12.8,
            12, 11.6, 9.6, 8.1, 7.5, 8.4, 8.7, 10.9, 12.3, 14.6, 15, 14, 12.3, 12, 10.6, 9.4, 9.1, 8.9, 10.7};
        MannKendall.Result r = MannKendall.withDefaults().withPeriod(12).test(TrendSeries.of("monthly", x, y));
        // R formula script, series 3 (seasons x %% 12)
        assertEquals(12, r.period());
        assertEquals(31, r.s());
        assertEquals(43, r.varS(), 0);
        assertEquals(4.57495710997814, r.z(), 1e-12);
        assertEquals(4.76317555474693e-06, r.pValue(), 1e-17);
        assertEquals(0.861111111111111, r.tau(), 1e-14);
        assertEquals(0.0645833333333333, r.senSlope(), 1e-15);
        assertEquals(0.0416666666666667, r.senLower(), 1e-15);
        assertEquals(0.0833333333333333, r.senUpper(), 1e-15);
        assertEquals(9.66979166666667, r.senIntercept(), 1e-12);
    }

    @Test
    void invariantUnderRowOrderAndMonotoneResponse() {
        double[] x = TrendTestData.X.clone();
        double[] y = TrendTestData.Y.clone();
        MannKendall.Result a = MannKendall.withDefaults().test(TrendSeries.of("a", x, y));
        // reverse the rows: same result
        double[] xr = new double[x.length];
        double[] yr = new double[x.length];
        double[] ly = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xr[i] = x[x.length - 1 - i];
            yr[i] = y[x.length - 1 - i];
            ly[i] = Math.log(y[i]);
        }
        assertEquals(a, MannKendall.withDefaults().test(TrendSeries.of("a", xr, yr)));
        // S, Var, Z, p and tau depend only on ranks
        MannKendall.Result b = MannKendall.withDefaults().test(TrendSeries.of("b", x, ly));
        assertEquals(a.s(), b.s());
        assertEquals(a.pValue(), b.pValue(), 0);
    }

    @Test
    void edgeCases() {
        MannKendall.Result flat = MannKendall.withDefaults()
                .test(TrendSeries.of("flat", new double[] {1, 2, 3}, new double[] {5, 5, 5}));
        assertEquals(0, flat.s());
        assertEquals(0, flat.z(), 0);
        assertEquals(1, flat.pValue(), 0);
        assertEquals(0, flat.senSlope(), 0);
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> MannKendall.withDefaults()
                .test(TrendSeries.of("dup", new double[] {1, 2, 2}, new double[] {1, 2, 3})));
        assertTrue(e.getMessage().contains("x = 2"), e.getMessage());
        assertThrows(DrugstatsException.class, () -> MannKendall.withDefaults()
                .test(TrendSeries.of("one", new double[] {1, 2}, new double[] {1, Double.NaN})));
        assertThrows(DrugstatsException.class, () -> MannKendall.withDefaults().withPeriod(4)
                .test(TrendSeries.of("frac", new double[] {1.5, 2, 3}, new double[] {1, 2, 3})));
        assertThrows(DrugstatsException.class, () -> MannKendall.withDefaults().withPeriod(1));
    }
}
