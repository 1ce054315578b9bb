package org.drugstats.core.stats.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.rng.simple.RandomSource;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

/**
 * Reference: R 4.2.2, base R only, core/src/test/reference/empirical_reference.R (output empirical_reference.out):
 * the same resampling written independently with B = 20,000 and R's generator. Both are Monte Carlo estimates, so
 * each limit is compared within 4·√2 times R's Monte Carlo standard error of that limit (printed beside it).
 */
class EmpiricalQuantileIntervalsTest {
    private static final TrendSeries S = TrendTestData.series();

    @Test
    void limitsMatchAnIndependentRResamplingWithinMonteCarloError() {
        PreparedSeries d = PreparedSeries.of(S, Scale.LOG, Weighting.NONE, 0);
        JoinpointResult r = Joinpoint.withDefaults().fitAt(S, 2008, 2014);
        EmpiricalIntervals e = EmpiricalQuantileIntervals.compute(d, r, 2, 2, 20000,
                RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {7, 11}));
        // "segment g slope limits, MC SE : lower, upper, se(lower), se(upper)"
        double[][] ref = {
            {3.74777599263138e-02, 4.52012684301829e-02, 4.36675497016396e-05, 4.73375502245423e-05},
            {-0.039940299023147864, -0.026442271813781889, 0.000114713150927902, 0.000076031969115383},
            {1.46662985615678e-02, 3.36329207018629e-02, 8.19359433829921e-05, 1.69715089799944e-04}};
        double k = 4 * Math.sqrt(2);
        for (int g = 0; g < 3; g++) {
            assertEquals(ref[g][0], e.slopeLower().get(g), k * ref[g][2], "segment " + g + " lower");
            assertEquals(ref[g][1], e.slopeUpper().get(g), k * ref[g][3], "segment " + g + " upper");
            assertEquals(100 * Math.expm1(e.slopeLower().get(g)), e.apcLower().get(g), 1e-12);
        }
        // "AAPC slope limits, MC SE" and "AAPC limits" (APC units)
        assertEquals(1.17517243736940, e.aapcLower(), 100 * k * 1.38436001790080e-05 * 1.02);
        assertEquals(1.48663699801648, e.aapcUpper(), 100 * k * 1.36160312185966e-05 * 1.02);
        assertEquals(20000, e.resamples());
    }

    @Test
    void oneLineLimitsAreTheResidualBootstrapNormalLimits() {
        // Property: for a straight line (k = 0) the residual bootstrap slope has mean b and variance
        // (SSE/n)/Sxx exactly; with 20 residuals its distribution is close to normal, so the 95% limits are
        // b ± 1.96·sqrt(SSE/n/Sxx) up to Monte Carlo error (≈ 0.04 of that SD at B = 4000) and skewness.
        JoinpointResult r = Joinpoint.withDefaults().fitAt(S);
        PreparedSeries d = PreparedSeries.of(S, Scale.LOG, Weighting.NONE, 0);
        EmpiricalIntervals e = EmpiricalQuantileIntervals.compute(d, r, 2, 2, 4000,
                RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {3, 5}));
        double sxx = 0;
        for (double x : TrendTestData.X) {
            sxx += (x - 2009.5) * (x - 2009.5);
        }
        double sd = Math.sqrt(r.sse() / 20 / sxx);
        double b = r.segments().get(0).slope();
        assertEquals(b - 1.959964 * sd, e.slopeLower().get(0), 0.15 * sd);
        assertEquals(b + 1.959964 * sd, e.slopeUpper().get(0), 0.15 * sd);
        // one segment: the AAPC interval is the APC interval
        assertEquals(e.apcLower().get(0), e.aapcLower(), 1e-9);
        assertEquals(e.apcUpper().get(0), e.aapcUpper(), 1e-9);
    }

    @Test
    void anExactFitHasDegenerateIntervalsAtTheEstimate() {
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            y[i] = Math.exp(2 + 0.04 * i - 0.09 * Math.max(i - 9, 0));
        }
        TrendSeries s = TrendSeries.of("exact", TrendTestData.X, y);
        JoinpointResult r = Joinpoint.withDefaults().fitAt(s, 2009);
        EmpiricalIntervals e = EmpiricalQuantileIntervals.compute(PreparedSeries.of(s, Scale.LOG, Weighting.NONE, 0),
                r, 2, 2, 50, RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {1, 2}));
        for (int g = 0; g < 2; g++) {
            assertEquals(r.segments().get(g).apc(), e.apcLower().get(g), 1e-9);
            assertEquals(r.segments().get(g).apc(), e.apcUpper().get(g), 1e-9);
        }
    }

    @Test
    void quantileIsRType7() {
        // R: quantile(c(1, 2, 4, 8, 16), c(0.025, 0.975), type = 7) = 1.1, 15.2
        double[] v = {1, 2, 4, 8, 16};
        assertEquals(1.1, EmpiricalQuantileIntervals.quantile(v, 0.025), 1e-12);
        assertEquals(15.2, EmpiricalQuantileIntervals.quantile(v, 0.975), 1e-12);
    }

    @Test
    void analysisAddsEmpiricalFieldsAndKeepsTheModel() {
        Joinpoint jp = Joinpoint.withDefaults().withSelection(SelectionMethod.WBIC);
        JoinpointResult plain = jp.fit(S);
        JoinpointResult emp = JoinpointAnalysis.of(jp).withIntervals(JoinpointAnalysis.IntervalMethod.EMPIRICAL, 200)
                .fit(S, 9);
        assertEquals(plain.joinpoints(), emp.joinpoints());
        assertEquals(plain.segments(), emp.segments());
        EmpiricalIntervals e = emp.empirical().orElseThrow();
        for (int g = 0; g < plain.segments().size(); g++) {
            double apc = plain.segments().get(g).apc();
            assertTrue(e.apcLower().get(g) < apc && apc < e.apcUpper().get(g), "segment " + g);
        }
        ObjectNode o = TrendJson.joinpoint(emp, "joinpoint", 9L);
        assertEquals(200, o.get("intervals").get("resamples").asInt());
        assertEquals(9, o.get("intervals").get("seed").asLong());
        assertEquals(e.apcLower().get(0), o.get("segments").get(0).get("apc_empirical_lower").asDouble());
        assertEquals(e.aapcUpper(), o.get("aapc").get("empirical_upper").asDouble());
        // same seed, same numbers
        assertEquals(emp.empirical(), JoinpointAnalysis.of(jp)
                .withIntervals(JoinpointAnalysis.IntervalMethod.EMPIRICAL, 200).fit(S, 9).empirical());
        // the plain JSON has none of the new fields
        ObjectNode p = TrendJson.joinpoint(plain, "joinpoint", null);
        assertTrue(!p.has("intervals") && !p.has("jump") && !p.get("aapc").has("empirical_lower"));
        assertThrows(DrugstatsException.class,
                () -> JoinpointAnalysis.of(jp).withIntervals(JoinpointAnalysis.IntervalMethod.EMPIRICAL, 5));
    }
}
