package org.drugstats.core.stats.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Properties of the sequential permutation test, and its p-values against an independent R implementation of one test
 * (core/src/test/reference/permutation_reference.R), within Monte Carlo error.
 */
class JoinpointPermutationTest {
    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    private static double[] noisyLogLine(UniformRandomProvider r, double[] x, double b0, double b1, double sd) {
        var g = GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(r), 0, sd);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.exp(b0 + b1 * (x[i] - x[0]) + g.sample());
        }
        return y;
    }

    /** |p − pRef| within 4 standard errors of the difference of two Monte Carlo p-values (N and 49999 draws). */
    private static void assertMonteCarloP(double pRef, PermutationTest t, String what) {
        double sd = Math.sqrt(pRef * (1 - pRef) * (1.0 / t.permutations() + 1.0 / 49999));
        assertEquals(pRef, t.pValue(), 4 * sd, what + ": " + t);
    }

    @Test
    void pValuesMatchAnIndependentRImplementation() {
        double[] x = TrendTestData.range(2000, 2019);
        double[] yA = {19.733, 20.508, 19.975, 20.473, 22.541, 21.584, 23.564, 23.541, 23.538, 23.333, 23.93, 24.571,
            23.995, 25.238, 24.866, 26.059, 26.188, 27.402, 26.529, 26.798};
        double[] seA = {0.3927, 0.3815, 0.5942, 0.7399, 0.5221, 0.9617, 0.8368, 0.2484, 0.7336, 1.0121, 0.7206, 0.8332,
            0.6484, 0.5676, 0.4694, 0.7228, 0.694, 1.1681, 0.4379, 0.9079};
        Joinpoint one = Joinpoint.withDefaults().withMaxJoinpoints(1).withPermutations(19999);
        // R 4.2.2, reference/permutation_reference.R section A: perm_test(yA, 0, 1), N = 49999
        PermutationTest a = one.fit(TrendSeries.of("A", x, yA, seA), rng(2024)).selection().tests().get(0);
        assertEquals(0.491045259390545, a.statistic(), 1e-12);
        assertMonteCarloP(0.04448, a, "unweighted 0 vs 1");
        // same, weights y^2/se^2: perm_test(yA, 0, 1, w = yA^2 / seA^2)
        PermutationTest aw = one.withWeighting(Weighting.STANDARD_ERROR).fit(TrendSeries.of("A", x, yA, seA), rng(2024))
                .selection().tests().get(0);
        assertEquals(1.47177384324273, aw.statistic(), 1e-12);
        assertMonteCarloP(0.00082, aw, "weighted 0 vs 1");
        // section B: perm_test(yB, 1, 2), the null model has one joinpoint (at 2004)
        double[] yB = {20.407, 20.915, 22.086, 21.425, 23.664, 23.539, 23.303, 23.134, 23.133, 22.645, 21.21, 22.091,
            21.095, 20.978, 21.248, 21.764, 21.503, 21.812, 21.101, 21.359};
        JoinpointResult b = Joinpoint.withDefaults().withMaxJoinpoints(2).withPermutations(19999)
                .fit(TrendSeries.of("B", x, yB), rng(7));
        assertEquals(List.of(2004.0), b.selection().models().get(1).joinpoints());
        PermutationTest b12 = b.selection().tests().get(1);
        assertEquals(1, b12.nullK());
        assertEquals(2, b12.alternativeK());
        assertEquals(0.790653604790581, b12.statistic(), 1e-12);
        assertMonteCarloP(0.00958, b12, "1 vs 2");
    }

    @Test
    void sameSeedGivesIdenticalResults() {
        Joinpoint jp = Joinpoint.withDefaults().withPermutations(499);
        JoinpointResult a = jp.fit(TrendTestData.series(), rng(42));
        JoinpointResult b = jp.fit(TrendTestData.series(), rng(42));
        assertEquals(a.selection(), b.selection());
        assertEquals(a.segments(), b.segments());
        // another seed: same decision on this clear case, but the permutation counts differ somewhere
        JoinpointResult c = jp.fit(TrendTestData.series(), rng(43));
        assertEquals(a.joinpoints(), c.joinpoints());
    }

    @Test
    void clearBreaksAreDetected() {
        JoinpointResult r = Joinpoint.withDefaults().fit(TrendTestData.series(), rng(1));
        assertEquals(SelectionMethod.PERMUTATION, r.selection().method());
        assertEquals(3, r.selection().maxJoinpoints());
        assertEquals(List.of(2008.0, 2014.0), r.joinpoints());
        List<PermutationTest> tests = r.selection().tests();
        // 0 vs 3 rejected at 0.05/3, 1 vs 3 rejected at 0.05/2, 2 vs 3 not rejected at 0.05
        assertEquals(3, tests.size());
        assertEquals(0, tests.get(0).nullK());
        assertEquals(3, tests.get(0).alternativeK());
        assertEquals(0.05 / 3, tests.get(0).level(), 1e-15);
        assertTrue(tests.get(0).rejected());
        assertEquals(1.0 / 4500, tests.get(0).pValue(), 1e-15); // no permutation beats a real break
        assertEquals(0.05 / 2, tests.get(1).level(), 1e-15);
        assertTrue(tests.get(1).rejected());
        assertEquals(2, tests.get(2).nullK());
        assertTrue(!tests.get(2).rejected());
        assertEquals((tests.get(2).exceedances() + 1.0) / 4500, tests.get(2).pValue(), 1e-15);
    }

    @Test
    void pureLogLinearDataSelectNoJoinpoint() {
        UniformRandomProvider data = rng(7);
        double[] x = TrendTestData.range(1990, 2014);
        int zero = 0;
        for (int rep = 0; rep < 10; rep++) {
            double[] y = noisyLogLine(data, x, Math.log(20), -0.02, 0.03);
            JoinpointResult r = Joinpoint.withDefaults().withPermutations(999)
                    .fit(TrendSeries.of("flat" + rep, x, y), rng(rep));
            if (r.joinpoints().isEmpty()) {
                zero++;
            }
        }
        // overall level 0.05: P(at least 9 of 10 select 0) is > 0.9 under H0
        assertTrue(zero >= 9, "0-joinpoint selections: " + zero);
    }

    @Test
    void weightedPermutationDetectsTheBreakAndIsReproducible() {
        Joinpoint jp = Joinpoint.withDefaults().withWeighting(Weighting.STANDARD_ERROR).withPermutations(999);
        JoinpointResult a = jp.fit(TrendTestData.series(), rng(5));
        assertEquals(List.of(2008.0, 2014.0), a.joinpoints());
        assertEquals(a.selection(), jp.fit(TrendTestData.series(), rng(5)).selection());
    }

    @Test
    void seedChangesTheMonteCarloCounts() {
        Joinpoint jp = Joinpoint.withDefaults().withPermutations(299);
        PermutationTest a = jp.fit(TrendTestData.series(), rng(11)).selection().tests().get(2);
        PermutationTest b = jp.fit(TrendTestData.series(), rng(12)).selection().tests().get(2);
        assertEquals(a.statistic(), b.statistic(), 0);
        assertNotEquals(a.exceedances(), b.exceedances());
    }

    @Test
    void exactLineNeverRejects() {
        double[] x = TrendTestData.range(1, 15);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.exp(0.1 * x[i]);
        }
        JoinpointResult r = Joinpoint.withDefaults().withPermutations(99).fit(TrendSeries.of("exact", x, y), rng(3));
        assertEquals(List.of(), r.joinpoints());
        assertEquals(100 * Math.expm1(0.1), r.segments().get(0).apc(), 1e-9);
    }
}
