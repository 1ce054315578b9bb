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

/** Properties of the sequential permutation test (no independent implementation is available to compare with). */
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
