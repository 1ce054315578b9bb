package org.drugstats.core.stats.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.ArraySampler;
import org.drugstats.core.DrugstatsException;

/**
 * Comparison of two joinpoint trends (Kim, Fay, Yu, Barrett and Feuer 2004, "Comparability of segmented line
 * regression models", Biometrics 60:1005–1014; NCI Joinpoint help, "Pairwise Comparison"): the test of
 * <b>coincidence</b> (H0: one joinpoint function for both series — same joinpoints, intercept and slopes) and the
 * test of <b>parallelism</b> (H0: same joinpoints and slopes, intercepts free), each against separate K-joinpoint
 * models for the two series.
 *
 * <p>K (per test): the largest number of joinpoints selected, with the configured {@link Joinpoint} (its selection
 * method and maximum), for series A alone, series B alone, and both together under H0 (NCI Joinpoint FAQ, "Parallel
 * Pairwise Comparison and Number of Joinpoints"), lowered if the constraints do not allow it on a series. Every
 * model has K joinpoints on the grid of observed x of the data it is fitted to (for H0 the pooled x of both series).
 *
 * <p>Statistic: with SSE<sub>0</sub> the weighted SSE of the best H0 model (pooled data; for parallelism with a
 * column 1(series B)) and SSE<sub>1</sub> = SSE<sub>A</sub> + SSE<sub>B</sub> of the best separate models,
 * T = (SSE<sub>0</sub> − SSE<sub>1</sub>)/SSE<sub>1</sub>; the F form F = [(SSE<sub>0</sub> − SSE<sub>1</sub>)/(p1 −
 * p0)]/[SSE<sub>1</sub>/(N − p1)] with joinpoints counted as parameters (p1 = 2(2K + 2); p0 = 2K + 2 coincidence,
 * 2K + 3 parallelism) is reported too; it is a monotone function of T, so both give the same permutation p-value.
 * p-value by permutation, in the manner of Kim et al. (2000): data sets are the H0 fit plus the H0 residuals
 * (standardised √w·r over both series) permuted across all N observations and rescaled by 1/√w; each is refitted
 * under H0 and H1 (joinpoints re-searched) and p = (#{T* ≥ T} + 1)/(permutations + 1). NCI's program implements
 * the same hypotheses; its permutation scheme is described in the paper and was not available to check here, so
 * p-values are validated against an independent implementation of this scheme (R), not against NCI output.
 *
 * <p>Not combinable with a jump model or autocorrelated errors (NCI: "Autocorrelated errors models are not available
 * with these tests"). Immutable; one call is single-threaded.
 */
public final class SeriesComparison {
    private static final int BLOCK = 256;

    /**
     * One test.
     *
     * @param hypothesis "coincidence" or "parallelism"
     * @param maxJoinpoints K
     * @param sseNull SSE of the best H0 model
     * @param sseAlternative SSE<sub>A</sub> + SSE<sub>B</sub>
     * @param statistic T = (SSE0 − SSE1)/SSE1
     * @param fStatistic the F form
     * @param dfNumerator p1 − p0
     * @param dfDenominator N − p1
     * @param exceedances permuted data sets with T* ≥ T
     * @param permutations number of permuted data sets
     * @param pValue (exceedances + 1)/(permutations + 1)
     * @param nullModel the H0 model (pooled; for parallelism the last coefficient is the shift of series B)
     * @param separateA series A with K joinpoints
     * @param separateB series B with K joinpoints
     */
    public record Test(String hypothesis, int maxJoinpoints, double sseNull, double sseAlternative, double statistic,
            double fStatistic, int dfNumerator, int dfDenominator, int exceedances, int permutations, double pValue,
            JoinpointResult nullModel, JoinpointResult separateA, JoinpointResult separateB) {
    }

    /**
     * Both tests.
     *
     * @param seriesA name of A
     * @param seriesB name of B
     * @param selectedA joinpoints selected for A alone
     * @param selectedB joinpoints selected for B alone
     * @param selectedCoincident joinpoints selected for the pooled data
     * @param selectedParallel joinpoints selected for the pooled data with a shift for B
     * @param coincidence the test of coincidence
     * @param parallelism the test of parallelism
     * @param notes notes (lowered K, ...)
     */
    public record Result(String seriesA, String seriesB, int selectedA, int selectedB, int selectedCoincident,
            int selectedParallel, Test coincidence, Test parallelism, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    private final Joinpoint joinpoint;

    private SeriesComparison(Joinpoint joinpoint) {
        this.joinpoint = Objects.requireNonNull(joinpoint);
    }

    /** With the joinpoint configuration used for the fits and the number of permutations. */
    public static SeriesComparison of(Joinpoint joinpoint) {
        return new SeriesComparison(joinpoint);
    }

    /** Compares series a and b; {@code rng} drives model selection (permutation) and the tests. */
    public Result compare(TrendSeries a, TrendSeries b, UniformRandomProvider rng) {
        Objects.requireNonNull(rng, "rng");
        if (a.name().equals(b.name())) {
            throw DrugstatsException.of("comparison needs two different series, got '%s' twice", a.name());
        }
        Scale scale = joinpoint.scale();
        PreparedSeries da = PreparedSeries.of(a, scale, joinpoint.weighting(), joinpoint.logOffset());
        PreparedSeries db = PreparedSeries.of(b, scale, joinpoint.weighting(), joinpoint.logOffset());
        String pooledName = a.name() + "," + b.name();
        boolean[] fromB = new boolean[da.n + db.n];
        PreparedSeries dc = PreparedSeries.pooled(pooledName, da, db, fromB);
        double[] group = new double[dc.n];
        for (int i = 0; i < dc.n; i++) {
            group[i] = fromB[i] ? 1 : 0;
        }
        PreparedSeries dp = dc.withExtraColumn(group);
        TrendSeries pooled = TrendSeries.of(pooledName, dc.x, dc.y);
        int ka = joinpoint.fit(a, da, rng).joinpoints().size();
        int kb = joinpoint.fit(b, db, rng).joinpoints().size();
        int kc = joinpoint.fit(pooled, dc, rng).joinpoints().size();
        int kp = joinpoint.fit(pooled, dp, rng).joinpoints().size();
        List<String> notes = new ArrayList<>();
        int feasible = Math.min(HingeSearch.maxFeasible(da.distinctCount(), joinpoint.numObsEnd(),
                joinpoint.numObsBetween()), HingeSearch.maxFeasible(db.distinctCount(), joinpoint.numObsEnd(),
                        joinpoint.numObsBetween()));
        int kCoin = cap(Math.max(Math.max(ka, kb), kc), feasible, "coincidence", notes);
        int kPar = cap(Math.max(Math.max(ka, kb), kp), feasible, "parallelism", notes);
        Test coincidence = test("coincidence", kCoin, da, db, dc, fromB, 2 * kCoin + 2, rng);
        Test parallelism = test("parallelism", kPar, da, db, dp, fromB, 2 * kPar + 3, rng);
        return new Result(a.name(), b.name(), ka, kb, kc, kp, coincidence, parallelism, notes);
    }

    private static int cap(int k, int feasible, String what, List<String> notes) {
        if (k > feasible) {
            notes.add(String.format(Locale.ROOT, "%s: K lowered from %d to %d, the most both series allow", what,
                    k, feasible));
            return feasible;
        }
        return k;
    }

    private Test test(String hypothesis, int k, PreparedSeries da, PreparedSeries db, PreparedSeries d0,
            boolean[] fromB, int p0, UniformRandomProvider rng) {
        int e = joinpoint.numObsEnd();
        int bt = joinpoint.numObsBetween();
        HingeSearch s0 = new HingeSearch(d0, k, e, bt);
        HingeSearch sa = new HingeSearch(da, k, e, bt);
        HingeSearch sb = new HingeSearch(db, k, e, bt);
        double[] tau0 = bestTau(d0, s0, k);
        double[] tauA = bestTau(da, sa, k);
        double[] tauB = bestTau(db, sb, k);
        WeightedFit f0 = WeightedFit.of(d0, tau0);
        WeightedFit fa = WeightedFit.of(da, tauA);
        WeightedFit fb = WeightedFit.of(db, tauB);
        double sse0 = f0.sse;
        double sse1 = fa.sse + fb.sse;
        double observed = (sse0 - sse1) / sse1;
        int n = d0.n;
        int p1 = 2 * (2 * k + 2);
        int dfDen = n - p1;
        double f = dfDen > 0 ? ((sse0 - sse1) / (p1 - p0)) / (sse1 / dfDen) : Double.NaN;

        int permutations = joinpoint.permutations();
        double[] fitted = new double[n];
        double[] resid = new double[n];
        for (int i = 0; i < n; i++) {
            fitted[i] = d0.sw[i] * f0.fitted[i];
            resid[i] = d0.sw[i] * (d0.z[i] - f0.fitted[i]);
        }
        int block = Math.min(BLOCK, permutations);
        double[] rows0 = new double[block * n];
        double[] rowsA = new double[block * da.n];
        double[] rowsB = new double[block * db.n];
        double[] ss0 = new double[block];
        double[] ssA = new double[block];
        double[] ssB = new double[block];
        double[] best0 = new double[(k + 1) * block];
        double[] bestA = new double[(k + 1) * block];
        double[] bestB = new double[(k + 1) * block];
        double threshold = observed - 1e-9 * Math.abs(observed);
        int exceed = 0;
        for (int done = 0; done < permutations; done += block) {
            int bs = Math.min(block, permutations - done);
            for (int r = 0; r < bs; r++) {
                ArraySampler.shuffle(rng, resid);
                int o = r * n;
                int ia = r * da.n;
                int ib = r * db.n;
                for (int i = 0; i < n; i++) {
                    double v = fitted[i] + resid[i];
                    rows0[o + i] = v;
                    if (fromB[i]) {
                        rowsB[ib++] = v;
                    } else {
                        rowsA[ia++] = v;
                    }
                }
                ss0[r] = s0.residualise(rows0, o);
                ssA[r] = sa.residualise(rowsA, r * da.n);
                ssB[r] = sb.residualise(rowsB, r * db.n);
            }
            if (k > 0) {
                s0.search(rows0, bs, k, best0, null);
                sa.search(rowsA, bs, k, bestA, null);
                sb.search(rowsB, bs, k, bestB, null);
            }
            for (int r = 0; r < bs; r++) {
                double n0 = ss0[r] - (k > 0 ? best0[k * bs + r] : 0);
                double n1 = ssA[r] - (k > 0 ? bestA[k * bs + r] : 0) + ssB[r] - (k > 0 ? bestB[k * bs + r] : 0);
                if ((n0 - n1) / n1 >= threshold) {
                    exceed++;
                }
            }
        }
        double p = (exceed + 1.0) / (permutations + 1.0);
        return new Test(hypothesis, k, sse0, sse1, observed, f, p1 - p0, dfDen, exceed, permutations, p,
                result(d0, f0), result(da, fa), result(db, fb));
    }

    /** Joinpoints of the best k-joinpoint model of d. */
    private static double[] bestTau(PreparedSeries d, HingeSearch s, int k) {
        double[] tau = new double[k];
        if (k == 0) {
            return tau;
        }
        double[] e = new double[d.n];
        for (int i = 0; i < d.n; i++) {
            e[i] = d.sw[i] * d.z[i];
        }
        s.residualise(e, 0);
        double[] best = new double[k + 1];
        int[][] paths = new int[k + 1][k];
        s.search(e, 1, k, best, paths);
        if (best[k] < 0) {
            throw DrugstatsException.of("series '%s': no feasible %d-joinpoint model", d.name, k);
        }
        for (int a = 0; a < k; a++) {
            tau[a] = d.ux[paths[k][a]];
        }
        return tau;
    }

    private JoinpointResult result(PreparedSeries d, WeightedFit fit) {
        SlopeInference inference = d.extra.length > 0 ? SlopeInference.CONDITIONAL : SlopeInference.NCI_SEGMENTED;
        SlopeStatistics st = SlopeStatistics.of(d, fit, inference, joinpoint.confidenceLevel());
        List<String> notes = new ArrayList<>();
        if (d.extra.length > 0) {
            notes.add("parallel model: last coefficient is the shift of the second series; slopes common to both");
        }
        return new JoinpointResult(d.name, d.scale, d.weighting, inference, joinpoint.confidenceLevel(), d.n,
                fit.tau, fit.beta, fit.sse, st.segments, null, notes, st.cov, st.df);
    }
}
