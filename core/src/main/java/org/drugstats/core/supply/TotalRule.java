package org.drugstats.core.supply;

/**
 * How a country-year that reports both a breakdown of a family and its own total is counted. Either way the total
 * row is never added to the rows it totals; where only one of the two is reported, that one is counted.
 */
public enum TotalRule {
    /**
     * The breakdown, always: the total row counts only where no breakdown row of its family is reported.
     */
    BREAKDOWN,
    /**
     * The complete figure: the total row says it includes the rows above it and any unspecified or
     * undistinguished quantities, so where the total exceeds the breakdown the difference is counted as the
     * family's unspecified quantity (the category the total row maps to); where the total is smaller than its
     * own breakdown (a total cannot be), the breakdown.
     */
    COMPLETE_FIGURE;

    /** The code written in results and notes ({@code breakdown}, {@code complete-figure}). */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
