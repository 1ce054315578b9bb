package org.drugstats.core.stats.aggregate;

/** What {@link RateConversion} does when a rate's year differs from the population's. */
public enum YearPolicy {
    /** Refuse: the years must be equal (default). */
    REQUIRE_SAME,
    /** Use the population of another year as given; the result records the mismatch. */
    ALLOW_DIFFERENT
}
