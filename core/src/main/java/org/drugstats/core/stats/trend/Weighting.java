package org.drugstats.core.stats.trend;

/**
 * Weights of a weighted least-squares trend fit, w<sub>i</sub> ∝ 1 / Var(response<sub>i</sub>).
 *
 * <table>
 *   <caption>weights by scale</caption>
 *   <tr><th>weighting</th><th>{@link Scale#LOG}</th><th>{@link Scale#LINEAR}</th></tr>
 *   <tr><td>{@link #NONE}</td><td>1</td><td>1</td></tr>
 *   <tr><td>{@link #STANDARD_ERROR}</td><td>y²/SE² (delta method: Var ln y ≈ SE²/y²)</td><td>1/SE²</td></tr>
 *   <tr><td>{@link #POISSON}</td><td>y (y a count: Var ln y ≈ 1/y)</td><td>1/y (Var y = y)</td></tr>
 * </table>
 *
 * <p>The residual variance is still estimated from the data (as R {@code lm(..., weights = w)} does): the weights
 * fix the relative, not the absolute, precision. Reference: NCI Joinpoint help, "Heteroscedastic errors option";
 * the delta-method weight y²/SE² is the one used by NCI's Cancer Trends Progress Report.
 */
public enum Weighting {
    /** Ordinary least squares. */
    NONE,
    /** From a standard error given with each observation (column {@code se}). */
    STANDARD_ERROR,
    /** Poisson variance, treating y as a count. */
    POISSON
}
