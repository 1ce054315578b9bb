package org.drugstats.core.stats.trend;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.ArraySampler;

/**
 * Selection of the number of joinpoints by the sequential permutation tests of Kim, Fay, Feuer and Midthune (2000,
 * Stat Med 19:335–351, correction 20:655), as in the NCI Joinpoint program: starting from k<sub>a</sub> = 0 and
 * k<sub>b</sub> = K, test H0: k<sub>a</sub> joinpoints against H1: k<sub>b</sub> with the statistic
 * (SSE<sub>a</sub> − SSE<sub>b</sub>)/SSE<sub>b</sub> on data sets made of the null model's fitted values plus its
 * permuted (whitened) residuals; the p-value is (exceedances + 1)/(permutations + 1), compared with the
 * Bonferroni-adjusted level α/(K − k<sub>a</sub>); a rejection raises k<sub>a</sub>, else k<sub>b</sub> is lowered,
 * until k<sub>a</sub> = k<sub>b</sub>. Permuted data sets are searched in blocks ({@link HingeSearch}).
 */
final class PermutationSelection {
    private static final int BLOCK = 256;

    private PermutationSelection() {
    }

    static int select(PreparedSeries d, HingeSearch search, double[][] taus, WeightedFit[] fits,
            double[] sse, int k, double sse0, int permutations, double alpha, UniformRandomProvider rng,
            List<PermutationTest> tests) {
        int n = d.n;
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += d.w[i] * d.z[i] * d.z[i];
        }
        // SSEs below this are rounding noise of an exact fit (relative error ~1e-16 of SSE0 or ~1e-30 of ||y||²)
        double floor = Math.max(1e-13 * sse0, 1e-20 * total) + Double.MIN_NORMAL;
        int ka = 0;
        int kb = k;
        int block = Math.min(BLOCK, permutations);
        double[] rows = new double[block * n];
        double[] sse0s = new double[block];
        double[] best = new double[(k + 1) * block];
        double[] fitted = new double[n];
        double[] resid = new double[n];
        while (ka < kb) {
            if (fits[ka] == null) {
                fits[ka] = WeightedFit.of(d, taus[ka]);
            }
            WeightedFit nullFit = fits[ka];
            for (int i = 0; i < n; i++) {
                fitted[i] = d.sw[i] * nullFit.fitted[i];
                resid[i] = d.sw[i] * (d.z[i] - nullFit.fitted[i]);
            }
            d.whiten(fitted, 0);
            d.whiten(resid, 0);
            double observed = statistic(sse[ka], sse[kb], floor);
            double threshold = observed - 1e-9 * Math.abs(observed);
            int exceed = 0;
            for (int done = 0; done < permutations; done += block) {
                int bs = Math.min(block, permutations - done);
                for (int b = 0; b < bs; b++) {
                    ArraySampler.shuffle(rng, resid);
                    int off = b * n;
                    for (int i = 0; i < n; i++) {
                        rows[off + i] = fitted[i] + resid[i];
                    }
                    sse0s[b] = search.residualise(rows, off);
                }
                search.search(rows, bs, kb, best, null);
                for (int b = 0; b < bs; b++) {
                    double sa = ka == 0 ? sse0s[b] : sse0s[b] - best[ka * bs + b];
                    double sb = sse0s[b] - best[kb * bs + b];
                    if (statistic(sa, sb, floor) >= threshold) {
                        exceed++;
                    }
                }
            }
            double p = (exceed + 1.0) / (permutations + 1.0);
            double level = alpha / (k - ka);
            boolean reject = p <= level;
            tests.add(new PermutationTest(ka, kb, observed, exceed, permutations, p, level, reject));
            if (reject) {
                ka++;
            } else {
                kb--;
            }
        }
        return ka;
    }

    private static double statistic(double sseNull, double sseAlt, double floor) {
        double a = Math.max(sseNull, floor);
        double b = Math.max(sseAlt, floor);
        return (a - b) / b;
    }
}
