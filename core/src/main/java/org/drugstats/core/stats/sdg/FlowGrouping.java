package org.drugstats.core.stats.sdg;

/** The level at which {@link IllicitFlowTotals} sums flows (always by year as well). */
public enum FlowGrouping {
    /** One total per country and year. */
    COUNTRY,
    /** One total per region and year. */
    REGION,
    /** One total per year. */
    WORLD
}
