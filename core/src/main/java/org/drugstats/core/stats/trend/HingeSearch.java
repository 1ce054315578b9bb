package org.drugstats.core.stats.trend;

/**
 * Exhaustive grid search over joinpoint combinations: for every feasible combination of up to {@code maxK}
 * joinpoints on the grid of distinct x values, the weighted SSE of the continuous hinge model, and per number of
 * joinpoints k the smallest one. Extra columns shared by all models ({@link PreparedSeries#extra}, e.g. the step
 * of a jump model) join the straight-line basis: they are orthonormalised after q0, q1 and every response and hinge
 * is residualised against them too. With AR(1) errors ({@link PreparedSeries#rho} ≠ 0) every column is whitened
 * ({@link PreparedSeries#whiten}) after weighting, and callers pass whitened responses.
 *
 * <p>How it is fast. All models share the columns √w and √w·x; let q0, q1 be their orthonormal basis and
 * e = ỹ − q0q0'ỹ − q1q1'ỹ the residual of the straight-line fit (SSE<sub>0</sub> = ‖e‖²). Combinations form a
 * prefix tree (τ1 &lt; τ2 &lt; …): a node adds one hinge column (x − τ)⁺, orthogonalised (modified Gram–Schmidt,
 * done twice) against q0, q1 and the hinge vectors of its ancestors, giving one unit vector q. The SSE of the node's
 * model is SSE<sub>0</sub> − Σ<sub>path</sub> (q'e)², so a whole search costs one n-long dot product per node and
 * response, and no allocation. Because the q vectors depend only on x and the weights, a batch of responses (the
 * permuted data sets of the permutation test) is searched in one traversal. Subtracting from SSE<sub>0</sub> rather
 * than from ‖ỹ‖² keeps the cancellation small.
 *
 * <p>Feasible combinations (NCI Joinpoint constraints on grid positions 0..m−1): the first joinpoint at position
 * ≥ E = NumObsEnd, the last at ≤ m−1−E, consecutive ones at least B+1 apart (B = NumObsBetween). Ties in SSE go to
 * the combination found first, i.e. the lexicographically smallest positions. Not thread-safe (scratch buffers);
 * one instance per series and thread.
 */
final class HingeSearch {
    private static final double DEGENERATE = 1e-9;

    private final int n;
    private final int maxK;
    private final int gap;
    private final int lo;
    private final int hi;
    private final double[] q0;
    private final double[] q1;
    /** Orthonormal basis of the columns shared by all models: q0, q1, then the extra columns (e.g. a jump). */
    private final double[][] base;
    /** Per grid position p in [lo, hi]: hinge column orthonormalised against q0, q1 (null if degenerate). */
    private final double[][] hinge;
    /** Per depth 1..maxK: the unit vector of the current node. */
    private final double[][] qbuf;
    private final int[] path;
    /** Scratch: projections of a response on the base (extra columns only). */
    private final double[] coef;

    // per-search state
    private double[] resp;
    private int batch;
    private int depthLimit;
    private double[] acc;
    private double[] best;
    private int[][] bestPath;
    /** Scratch of a batch search: one projection q'e per response. */
    private double[] proj;

    HingeSearch(PreparedSeries d, int maxK, int numObsEnd, int numObsBetween) {
        this.n = d.n;
        this.maxK = maxK;
        this.gap = numObsBetween + 1;
        int m = d.distinctCount();
        this.lo = numObsEnd;
        this.hi = m - 1 - numObsEnd;
        this.q0 = new double[n];
        this.q1 = new double[n];
        for (int i = 0; i < n; i++) {
            q0[i] = d.sw[i];
            q1[i] = d.sw[i] * d.x[i];
        }
        d.whiten(q0, 0);
        d.whiten(q1, 0);
        normalise(q0);
        orthogonalise(q1, q0);
        orthogonalise(q1, q0);
        normalise(q1);
        this.base = new double[2 + d.extra.length][];
        base[0] = q0;
        base[1] = q1;
        for (int c = 0; c < d.extra.length; c++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = d.sw[i] * d.extra[c][i];
            }
            d.whiten(v, 0);
            double norm0 = Math.sqrt(dot(v, 0, v));
            for (int rep = 0; rep < 2; rep++) {
                for (int b = 0; b < 2 + c; b++) {
                    orthogonalise(v, base[b]);
                }
            }
            double norm = Math.sqrt(dot(v, 0, v));
            if (!(norm > DEGENERATE * norm0)) {
                throw new IllegalArgumentException("extra design column " + c + " is collinear with the line");
            }
            scale(v, 1 / norm);
            base[2 + c] = v;
        }
        this.hinge = new double[Math.max(m, 0)][];
        if (maxK > 0) {
            for (int p = lo; p <= hi; p++) {
                double t = d.ux[p];
                double[] h = new double[n];
                for (int i = 0; i < n; i++) {
                    h[i] = d.sw[i] * Math.max(d.x[i] - t, 0);
                }
                d.whiten(h, 0);
                double norm0 = Math.sqrt(dot(h, 0, h));
                for (int rep = 0; rep < 2; rep++) {
                    for (double[] b : base) {
                        orthogonalise(h, b);
                    }
                }
                double norm = Math.sqrt(dot(h, 0, h));
                if (norm > DEGENERATE * norm0) {
                    scale(h, 1 / norm);
                    hinge[p] = h;
                }
            }
        }
        this.qbuf = new double[maxK + 1][n];
        this.path = new int[maxK + 1];
        this.coef = new double[base.length];
    }

    /** Largest k such that k joinpoints fit on m grid points: 2E + (k−1)B + k ≤ m. */
    static int maxFeasible(int m, int numObsEnd, int numObsBetween) {
        int k = 0;
        while (2 * numObsEnd + k * numObsBetween + (k + 1) <= m) {
            k++;
        }
        return k;
    }

    /** Residualises {@code v} (length n, in place, at offset) against the straight-line columns; returns ‖v‖². */
    double residualise(double[] v, int off) {
        if (base.length > 2) {
            return residualiseGeneral(v, off);
        }
        double a = dot(q0, off, v);
        double b = dot(q1, off, v);
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double r = v[off + i] - a * q0[i] - b * q1[i];
            v[off + i] = r;
            ss += r * r;
        }
        return ss;
    }

    private double residualiseGeneral(double[] v, int off) {
        double[] c = coef;
        for (int j = 0; j < base.length; j++) {
            c[j] = dot(base[j], off, v);
        }
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double r = v[off + i];
            for (int j = 0; j < base.length; j++) {
                r -= c[j] * base[j][i];
            }
            v[off + i] = r;
            ss += r * r;
        }
        return ss;
    }

    /**
     * Searches one or more residualised responses (rows of {@code e}, each n long) over combinations of up to
     * {@code depthLimit} joinpoints.
     *
     * @param best out: best[k·batch + b] = largest projection Σ(q'e)² of response b over k-joinpoint models
     *        (k = 0..depthLimit; 0 for k = 0, −1 if no k-joinpoint model is feasible)
     * @param bestPaths out (may be null; only with batch 1): grid positions of the best model per k
     */
    void search(double[] e, int batch, int depthLimit, double[] best, int[][] bestPaths) {
        if (depthLimit > maxK) {
            throw new IllegalArgumentException("depth " + depthLimit + " > " + maxK);
        }
        this.resp = e;
        this.batch = batch;
        this.depthLimit = depthLimit;
        if (acc == null || acc.length < (maxK + 1) * batch) {
            acc = new double[(maxK + 1) * batch];
        }
        java.util.Arrays.fill(acc, 0, batch, 0);
        java.util.Arrays.fill(best, 0, batch, 0);
        java.util.Arrays.fill(best, batch, (depthLimit + 1) * batch, -1);
        this.best = best;
        this.bestPath = bestPaths;
        if (batch > 1) {
            if (bestPaths != null) {
                throw new IllegalArgumentException("best paths are kept for a single response only");
            }
            if (proj == null || proj.length < batch) {
                proj = new double[batch];
            }
        }
        if (depthLimit > 0) {
            descend(1, lo);
        }
        this.resp = null;
        this.best = null;
        this.bestPath = null;
    }

    /**
     * The SSE of one model from its residual vector: {@code e} (length n, already residualised against the straight
     * line) minus its projections on the hinge columns of {@code path} (grid positions, first {@code depth} used),
     * orthonormalised by modified Gram–Schmidt. Unlike SSE<sub>0</sub> − Σ(q'e)², which the search ranks by, this
     * does not lose the digits of a model that fits far better than the straight line (e.g. values ~1e9 with small
     * noise on the linear scale).
     */
    double pathSse(double[] e, int[] path, int depth) {
        double[] r = java.util.Arrays.copyOf(e, n);
        double[][] q = new double[depth][];
        for (int a = 0; a < depth; a++) {
            double[] h = hinge[path[a]];
            if (h == null) {
                throw new IllegalArgumentException("degenerate hinge at grid position " + path[a]);
            }
            double[] v = h.clone();
            for (int rep = 0; rep < 2; rep++) {
                for (int b = 0; b < a; b++) {
                    orthogonalise(v, q[b]);
                }
            }
            double norm = Math.sqrt(dot(v, 0, v));
            scale(v, 1 / norm);
            q[a] = v;
            orthogonalise(r, v);
        }
        return dot(r, 0, r);
    }

    private void descend(int depth, int from) {
        double[] q = qbuf[depth];
        int accPrev = (depth - 1) * batch;
        int accCur = depth * batch;
        for (int p = from; p <= hi; p++) {
            double[] h = hinge[p];
            if (h == null) {
                continue;
            }
            System.arraycopy(h, 0, q, 0, n);
            if (depth > 1) {
                for (int rep = 0; rep < 2; rep++) {
                    for (int a = 1; a < depth; a++) {
                        orthogonalise(q, qbuf[a]);
                    }
                }
                double norm = Math.sqrt(dot(q, 0, q));
                if (!(norm > DEGENERATE)) {
                    continue;
                }
                scale(q, 1 / norm);
            }
            path[depth] = p;
            if (batch == 1) {
                double s = dot(q, 0, resp);
                double v = acc[accPrev] + s * s;
                acc[accCur] = v;
                if (v > best[accCur]) {
                    best[accCur] = v;
                    if (bestPath != null) {
                        System.arraycopy(path, 1, bestPath[depth], 0, depth);
                    }
                }
            } else {
                project(q);
                for (int b = 0; b < batch; b++) {
                    double s = proj[b];
                    double v = acc[accPrev + b] + s * s;
                    acc[accCur + b] = v;
                    if (v > best[accCur + b]) {
                        best[accCur + b] = v;
                    }
                }
            }
            if (depth < depthLimit && p + gap <= hi) {
                descend(depth + 1, p + gap);
            }
        }
    }

    /**
     * proj[b] = q'e<sub>b</sub> for every response of the batch, four responses at a time: each proj[b] is still the
     * sum q0·e0 + q1·e1 + … in the order of {@link #dot} (the same bits), but the four sums are independent chains of
     * additions that the processor overlaps, and q[i] is loaded once for four responses. Measured (JFR, thread CPU
     * time, BENCHMARKS.md): the dot products are ~95% of a permutation test; this form is ~1.4× the one-at-a-time
     * loop (a transposed layout with the responses innermost, which the JIT vectorises, gained only ~1.25×: it
     * stores and reloads proj[b] for every i).
     */
    private void project(double[] q) {
        double[] s = proj;
        double[] r = resp;
        int bs = batch;
        int b = 0;
        for (; b + 4 <= bs; b += 4) {
            int o0 = b * n;
            int o1 = o0 + n;
            int o2 = o1 + n;
            int o3 = o2 + n;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int i = 0; i < n; i++) {
                double qi = q[i];
                s0 += qi * r[o0 + i];
                s1 += qi * r[o1 + i];
                s2 += qi * r[o2 + i];
                s3 += qi * r[o3 + i];
            }
            s[b] = s0;
            s[b + 1] = s1;
            s[b + 2] = s2;
            s[b + 3] = s3;
        }
        for (; b < bs; b++) {
            s[b] = dot(q, b * n, r);
        }
    }

    private double dot(double[] a, int off, double[] b) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i] * b[off + i];
        }
        return s;
    }

    private void orthogonalise(double[] v, double[] unit) {
        double c = dot(unit, 0, v);
        for (int i = 0; i < n; i++) {
            v[i] -= c * unit[i];
        }
    }

    private void normalise(double[] v) {
        double norm = Math.sqrt(dot(v, 0, v));
        if (!(norm > 0)) {
            throw new IllegalStateException("zero design column");
        }
        scale(v, 1 / norm);
    }

    private void scale(double[] v, double c) {
        for (int i = 0; i < n; i++) {
            v[i] *= c;
        }
    }
}
