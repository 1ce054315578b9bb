package org.drugstats.core.stats.trend;

import java.util.function.DoubleFunction;

/**
 * Lag-1 autocorrelated (AR(1)) errors for joinpoint models: e<sub>t</sub> = ρ·e<sub>t−1</sub> + a<sub>t</sub> on the
 * standardised scale √w·(z − fit), x equally spaced with one observation each (NCI Joinpoint help, "Autocorrelated
 * Errors"). With ρ given, the fit is generalised least squares: weighted responses and design columns are whitened
 * (Prais–Winsten, {@link PreparedSeries#whiten}), so grid search, criteria, permutation tests (whitened residuals are
 * permuted) and empirical intervals (whitened residuals resampled, then un-whitened) run on independent errors, and
 * the APC/AAPC intervals use the GLS covariance σ²(X'Σ⁻¹X)⁻¹ with t quantiles (n − p degrees of freedom; an
 * estimated ρ is not counted). The reported SSE is that of the whitened residuals (innovation scale). WBIC's partial
 * R² is computed on the weighted, not whitened, data.
 *
 * <p>Estimated ρ (iterated, in the manner of Cochrane and Orcutt 1949): start from ρ = 0; fit (with model selection);
 * ρ ← Σ<sub>t≥2</sub> r<sub>t</sub>r<sub>t−1</sub> / Σ<sub>t</sub> r<sub>t</sub>², r = √w·(z − fit) the standardised
 * (not whitened) residuals, clamped to [−0.99, 0.99]; refit; stop when ρ changes by less than 1e-6 or after
 * {@value #MAX_ITERATIONS} iterations (a note says which).
 *
 * <p>NCI does not offer autocorrelated errors with the pairwise comparison tests; neither does
 * {@link SeriesComparison}.
 *
 * @param rho the ρ used in the final fit
 * @param estimated whether it was estimated
 * @param iterations fits done to estimate it (0 when given)
 * @param converged whether the estimate converged (true when given)
 */
public record Autocorrelation(double rho, boolean estimated, int iterations, boolean converged) {
    /** Iteration limit of the estimate. */
    public static final int MAX_ITERATIONS = 50;

    /** Lag-1 autocorrelation of the standardised residuals √w·(z − fitted), x order. */
    static double lag1(PreparedSeries d, double[] fitted) {
        double num = 0;
        double den = 0;
        double prev = 0;
        for (int i = 0; i < d.n; i++) {
            double r = d.sw[i] * (d.z[i] - fitted[i]);
            den += r * r;
            if (i > 0) {
                num += r * prev;
            }
            prev = r;
        }
        return den > 0 ? num / den : 0;
    }

    /**
     * Iterates fit → ρ until convergence; {@code fitWith} fits the series with a given ρ and returns the result and
     * its prepared series.
     */
    static Estimate estimate(DoubleFunction<Estimate> fitWith) {
        double rho = 0;
        Estimate cur = fitWith.apply(rho);
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            double[] tau = cur.result.joinpoints().stream().mapToDouble(Double::doubleValue).toArray();
            double next = Math.max(-0.99, Math.min(0.99, lag1(cur.prepared, WeightedFit.of(cur.prepared, tau).fitted)));
            if (Math.abs(next - rho) < 1e-6) {
                return new Estimate(cur.result, cur.prepared, new Autocorrelation(rho, true, it, true));
            }
            rho = next;
            cur = fitWith.apply(rho);
        }
        return new Estimate(cur.result, cur.prepared, new Autocorrelation(rho, true, MAX_ITERATIONS, false));
    }

    /** A fit with the prepared series it used and, once known, the autocorrelation record. */
    record Estimate(JoinpointResult result, PreparedSeries prepared, Autocorrelation autocorrelation) {
    }
}
