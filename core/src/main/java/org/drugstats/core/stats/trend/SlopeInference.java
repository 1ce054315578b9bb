package org.drugstats.core.stats.trend;

/**
 * How standard errors, confidence intervals and p-values of segment slopes (hence APCs and AAPCs) are computed. The
 * slopes themselves always come from the continuous (grid-search) fit.
 *
 * <ul>
 *   <li>{@link #NCI_SEGMENTED} (default): as the NCI Joinpoint help documents ("Estimated Regression Coefficients"):
 *       observations lying on a joinpoint are deleted; conditional on the partition, each segment gets an
 *       unconstrained least-squares line; the residual variance is pooled,
 *       σ² = ΣSSE<sub>i</sub>/d with d = n* − p*, n* = n − n<sub>J</sub> (n<sub>J</sub> observations on joinpoints),
 *       p* = 2(k+1) − 2k<sub>0</sub> − k<sub>1</sub> (k<sub>0</sub>, k<sub>1</sub> segments with no or a single
 *       distinct x); SE(b<sub>i</sub>) = √(σ²/S<sub>xx,i</sub>); t tests and intervals with d degrees of freedom.
 *       With one observation per x and the default constraints d = n − 3k − 2 (the "n − 3k − 2" seen in published
 *       outputs). AAPC intervals use the normal quantile and Var = Σ ŵ<sub>i</sub>² SE<sub>i</sub>² (segments are
 *       independent here), as Clegg et al. (2009).
 *   <li>{@link #CONDITIONAL}: the usual least-squares covariance of the continuous model conditional on the
 *       joinpoints, σ² = SSE/(n − k − 2), t with n − k − 2 degrees of freedom (exactly R
 *       {@code lm(z ~ x + pmax(x - tau, 0), weights = w)}); AAPC variance ŵ'Vŵ with the full covariance V of the
 *       segment slopes, t quantile. Ignores the uncertainty of the joinpoint locations, so intervals are narrower.
 * </ul>
 *
 * <p>With k = 0 both are the ordinary (weighted) regression of the response on x with n − 2 degrees of freedom.
 */
public enum SlopeInference {
    /** NCI Joinpoint's documented method (unconstrained segments, joinpoint observations removed). */
    NCI_SEGMENTED,
    /** Covariance of the continuous hinge model with the joinpoints taken as known. */
    CONDITIONAL
}
