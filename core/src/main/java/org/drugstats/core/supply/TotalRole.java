package org.drugstats.core.supply;

/** What an annex 7.1 row is to its category: one part of the breakdown, or the country's own total. */
public enum TotalRole {
    /** A drug of the breakdown (cocaine hydrochloride, "crack" cocaine, methamphetamine, ...). */
    PART,
    /**
     * A country's own total of a family: "Cocaine (total of the above, including if unspecified/undistinguished,
     * but excluding coca leaf and coca bush)", "Total amphetamine-type stimulants (ATS) (including the above, ...)".
     * Never added to the rows it totals.
     */
    TOTAL
}
