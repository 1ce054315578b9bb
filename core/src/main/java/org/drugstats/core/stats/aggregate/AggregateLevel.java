package org.drugstats.core.stats.aggregate;

/** Level of an aggregate in the area → subregion → region → world hierarchy. */
public enum AggregateLevel {
    /** A subregion (e.g. UNODC "West and Central Africa", M49 "Western Africa"). */
    SUBREGION("subregion"),
    /** A region (e.g. "Africa"). */
    REGION("region"),
    /** All areas. */
    WORLD("world");

    private final String label;

    AggregateLevel(String label) {
        this.label = label;
    }

    /** Lower-case label written to reports. */
    public String label() {
        return label;
    }
}
