package org.drugstats.core.stats.trend;

/**
 * The extra shared columns of a {@link PreparedSeries} (the jump step) inside the local regressions of the WBIC's
 * partial R² (Frisch–Waugh–Lovell): residuals on [1, x] are further residualised on the extra columns' own residuals
 * on [1, x] in the same window, so R²<sub>max</sub> is the partial R² of a hinge given the line and the jump.
 */
final class ExtraColumns {
    private ExtraColumns() {
    }

    /**
     * Partials the extra columns (restricted to lo &lt; x ≤ hi, each first residualised on the weighted line there)
     * out of the given line residuals, in place. A column constant in the window (a jump outside it) is skipped.
     */
    static void partialOut(PreparedSeries d, double lo, double hi, double[]... lineResiduals) {
        int n = d.n;
        double[][] basis = new double[d.extra.length][];
        int used = 0;
        for (double[] col : d.extra) {
            double[] r = new double[n];
            InformationCriteria.lineResiduals(d, lo, hi, col, r);
            double scale0 = 0;
            for (int a = 0; a < n; a++) {
                if (d.x[a] > lo && d.x[a] <= hi) {
                    scale0 += d.w[a] * col[a] * col[a];
                }
            }
            for (int b = 0; b < used; b++) {
                project(d, lo, hi, r, basis[b]);
            }
            double ss = weightedSquares(d, lo, hi, r);
            if (ss > 1e-20 * scale0 && ss > 0) {
                basis[used++] = r;
            }
        }
        for (double[] v : lineResiduals) {
            for (int b = 0; b < used; b++) {
                project(d, lo, hi, v, basis[b]);
            }
        }
    }

    /** v −= (⟨v, u⟩<sub>w</sub>/⟨u, u⟩<sub>w</sub>)·u over the window. */
    private static void project(PreparedSeries d, double lo, double hi, double[] v, double[] u) {
        double vu = 0;
        double uu = 0;
        for (int a = 0; a < d.n; a++) {
            if (d.x[a] > lo && d.x[a] <= hi) {
                vu += d.w[a] * v[a] * u[a];
                uu += d.w[a] * u[a] * u[a];
            }
        }
        if (uu > 0) {
            double c = vu / uu;
            for (int a = 0; a < d.n; a++) {
                v[a] -= c * u[a];
            }
        }
    }

    private static double weightedSquares(PreparedSeries d, double lo, double hi, double[] v) {
        double s = 0;
        for (int a = 0; a < d.n; a++) {
            if (d.x[a] > lo && d.x[a] <= hi) {
                s += d.w[a] * v[a] * v[a];
            }
        }
        return s;
    }
}
