package org.drugstats.core.stats.uncertainty;

/**
 * The distribution fitted to a range (low, best, high) before Monte Carlo draws.
 *
 * <ul>
 *   <li>{@link #LOGNORMAL}: median = best, σ = (ln high − ln low) / (2 · 1.96), μ = ln best; so (low, high)
 *       is the central 95% interval when the range is symmetric on the log scale. Needs low &gt; 0.</li>
 *   <li>{@link #PERT}: beta-PERT on [low, high] with mode = best: α = 1 + 4(best − low)/(high − low),
 *       β = 1 + 4(high − best)/(high − low); mean = (low + 4·best + high)/6 (Malcolm et al. 1959, Operations
 *       Research 7:646, doi:10.1287/opre.7.5.646). Bounds are the distribution's support.</li>
 *   <li>{@link #TRIANGULAR}: triangular on [low, high] with mode = best.</li>
 *   <li>{@link #AUTO}: {@link #LOGNORMAL} when low &gt; 0 and the range is symmetric on the log scale
 *       (|ln(best/low) − ln(high/best)| ≤ 10% of ln(high/low)), otherwise {@link #PERT}.</li>
 * </ul>
 * An exact range (low == high) is drawn as a constant whatever the fit.
 */
public enum RangeFit {
    /** Lognormal with median = best and σ = (ln high − ln low)/(2·1.96). */
    LOGNORMAL,
    /** Beta-PERT with mode = best on [low, high]. */
    PERT,
    /** Triangular with mode = best on [low, high]. */
    TRIANGULAR,
    /** Lognormal for log-symmetric ranges with low &gt; 0, else PERT. */
    AUTO
}
