package org.drugstats.core.catalog;

/**
 * Whether {@link CatalogRelations} may combine figures from different World Drug Report editions.
 *
 * <p>Each edition re-estimates past years with its own model and data (WDR 2023: 39.5 million people
 * with drug use disorders in 2021; WDR 2024: 64 million in 2022, a change of method, not a trend), so
 * a relation between editions is not a trend. Entries without an edition (programme counts, targets)
 * combine with any edition.
 */
public enum EditionPolicy {
    /** Refuse to combine entries whose editions differ (the default). */
    SAME_EDITION,
    /** Combine them, e.g. to compare a revised estimate with the first one; the result says so. */
    ALLOW_CROSS_EDITION
}
