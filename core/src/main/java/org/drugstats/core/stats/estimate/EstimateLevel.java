package org.drugstats.core.stats.estimate;

/** Level of an estimate, named as the {@code level} column of {@code results/aggregates}. */
public enum EstimateLevel {
    COUNTRY("country"),
    SUBREGION("unodc_subregion"),
    REGION("unodc_region"),
    WORLD("world");

    private final String code;

    EstimateLevel(String code) {
        this.code = code;
    }

    /** The code written to {@code level}. */
    public String code() {
        return code;
    }
}
