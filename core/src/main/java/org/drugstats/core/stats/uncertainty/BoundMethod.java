package org.drugstats.core.stats.uncertainty;

/** How the range of a derived quantity is obtained from the ranges of its inputs. */
public enum BoundMethod {
    /**
     * Draw each input independently from a distribution fitted to its range ({@link RangeFit}), evaluate
     * per draw, report the 2.5th, 50th and 97.5th percentiles (WHO Global Tuberculosis Report convention).
     */
    MONTE_CARLO,
    /**
     * Interval arithmetic on the bounds: for a sum, sum of lows and sum of highs (perfect positive
     * correlation of the inputs); for a product of non-negative ranges low·low and high·high; for a ratio
     * low/high and high/low. The widest defensible range; the best value is the function of the bests.
     */
    CONSERVATIVE
}
