package org.drugstats.core.stats.sdg;

/** Direction of an illicit financial flow relative to the reporting country (SDG 16.4.1). */
public enum FlowDirection {
    /** Value entering the country. */
    INWARD,
    /** Value leaving the country. */
    OUTWARD
}
