package org.drugstats.core.stats.inequality;

/** How "X% of the population accounts for Y% of consumption" is read off the curve. */
public enum Reading {
    /** Linear interpolation inside the segment of the area that straddles the requested share. */
    INTERPOLATED("interpolated"),
    /** The last area boundary at or below the requested share: whole areas only. */
    COUNTRY_BOUNDARY("country boundary");

    private final String label;

    Reading(String label) {
        this.label = label;
    }

    /** Human-readable label written to reports ("interpolated"). */
    public String label() {
        return label;
    }
}
