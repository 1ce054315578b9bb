package org.drugstats.core.stats.aggregate;

/** What {@link RateConversion} does when a rate's age base differs from the population's. */
public enum AgeBasePolicy {
    /** Refuse: the age bases must be equal (default). */
    REQUIRE_SAME,
    /**
     * Apply the rate measured on its own age base to the population's age base unchanged — the assumption
     * behind UNODC's "adjusted to 15–64" footnote when no age-specific data exist. The result records the
     * assumption.
     */
    APPLY_RATE_TO_POPULATION_BASE
}
