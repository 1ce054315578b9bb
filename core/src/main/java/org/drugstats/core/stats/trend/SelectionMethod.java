package org.drugstats.core.stats.trend;

/**
 * How {@link Joinpoint} chooses the number of joinpoints k between 0 and the maximum K. For every k the best model
 * is the grid-search fit with the smallest (weighted) SSE; n is the number of observations.
 *
 * <ul>
 *   <li>{@link #PERMUTATION}: sequential permutation tests (Kim et al. 2000): test H0: k<sub>a</sub> against
 *       H1: k<sub>b</sub>, starting at k<sub>a</sub> = 0, k<sub>b</sub> = K; on rejection k<sub>a</sub> + 1, else
 *       k<sub>b</sub> − 1, until they meet. Each test is at level α/(K − k<sub>a</sub>); statistic
 *       T = (SSE<sub>a</sub> − SSE<sub>b</sub>)/SSE<sub>b</sub>, referred to its distribution over data sets built
 *       as the null fit plus permuted residuals (with weights: the standardised residuals r<sub>i</sub>√w<sub>i</sub>
 *       are permuted and rescaled by 1/√w<sub>i</sub>); p = (#{T* ≥ T} + 1)/(N + 1); reject when p ≤ level.
 *   <li>{@link #BIC}: minimise ln(SSE/n) + 2(k+1)·ln(n)/n (joinpoint locations counted as parameters, p = 2k+2).
 *   <li>{@link #BIC3}: minimise ln(SSE/n) + (3k+2)·ln(n)/n (Kim and Kim 2016).
 *   <li>{@link #WBIC}: minimise ln(SSE/n) + ((2 + R²<sub>max</sub>)k + 2)·ln(n)/n (Kim et al. 2023, J Appl Stat
 *       50:1992, doi:10.1080/02664763.2022.2063265), R²<sub>max</sub> the largest partial R² of the slope changes
 *       of the best k-joinpoint model; it is BIC·(1 − W) + BIC3·W with W = R²<sub>max</sub>.
 * </ul>
 *
 * <p>Criteria ties go to the smaller k. An SSE below 1e-20·Σw·z² (an exact fit, whose SSE is rounding noise) enters
 * the criteria as that level, so exact fits tie and the smallest such k is chosen (the recorded SSE is unchanged).
 */
public enum SelectionMethod {
    /** Sequential Monte Carlo permutation tests (NCI Joinpoint's classic default). */
    PERMUTATION,
    /** Bayesian information criterion. */
    BIC,
    /** BIC with the harsher penalty (3k+2). */
    BIC3,
    /** Weighted BIC (NCI Joinpoint 4.7+). */
    WBIC
}
