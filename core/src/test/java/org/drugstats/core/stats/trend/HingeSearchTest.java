package org.drugstats.core.stats.trend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The fast search equals a brute-force QR fit of every feasible combination (with weights, ties and gaps). */
class HingeSearchTest {
    @Test
    void matchesBruteForce() {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(99L);
        for (int rep = 0; rep < 20; rep++) {
            int n = 12 + r.nextInt(14);
            double[] x = new double[n];
            double[] y = new double[n];
            double[] se = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 1990 + i + (r.nextInt(5) == 0 ? 1 : 0) + (i > n / 2 ? 3 : 0); // ties and a gap
                y[i] = Math.exp(2 + 0.05 * Math.sin(i / 2.0) + 0.1 * r.nextDouble());
                se[i] = y[i] * (0.01 + 0.05 * r.nextDouble());
            }
            int end = 1 + r.nextInt(2);
            int between = r.nextInt(3);
            PreparedSeries d = PreparedSeries.of(TrendSeries.of("s", x, y, se), Scale.LOG,
                    rep % 2 == 0 ? Weighting.NONE : Weighting.STANDARD_ERROR, 0);
            int m = d.distinctCount();
            int k = Math.min(3, HingeSearch.maxFeasible(m, end, between));
            HingeSearch hs = new HingeSearch(d, k, end, between);
            double[] e = new double[d.n];
            for (int i = 0; i < d.n; i++) {
                e[i] = d.sw[i] * d.z[i];
            }
            double sse0 = hs.residualise(e, 0);
            double[] best = new double[k + 1];
            int[][] paths = new int[k + 1][Math.max(k, 1)];
            hs.search(e, 1, k, best, paths);
            for (int j = 0; j <= k; j++) {
                double bruteBest = Double.POSITIVE_INFINITY;
                int[] brutePath = null;
                for (int[] c : combos(m, j, end, between)) {
                    double[] tau = new double[j];
                    for (int a = 0; a < j; a++) {
                        tau[a] = d.ux[c[a]];
                    }
                    double s = WeightedFit.of(d, tau).sse;
                    if (brutePath == null || s < bruteBest - 1e-12 * bruteBest) {
                        bruteBest = s;
                        brutePath = c;
                    }
                }
                assertEquals(bruteBest, sse0 - best[j], 1e-9 * sse0, "rep " + rep + " k " + j);
                assertEquals(bruteBest, hs.pathSse(e, paths[j], j), 1e-9 * bruteBest, "rep " + rep + " k " + j);
                assertArrayEquals(brutePath, java.util.Arrays.copyOf(paths[j], j), "rep " + rep + " k " + j);
            }
        }
    }

    private static List<int[]> combos(int m, int k, int end, int between) {
        List<int[]> out = new ArrayList<>();
        rec(new int[k], 0, end, m - 1 - end, between + 1, out);
        return out;
    }

    private static void rec(int[] cur, int depth, int from, int hi, int gap, List<int[]> out) {
        if (depth == cur.length) {
            out.add(cur.clone());
            return;
        }
        for (int p = from; p <= hi; p++) {
            cur[depth] = p;
            rec(cur, depth + 1, p + gap, hi, gap, out);
        }
    }
}
