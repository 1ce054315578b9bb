package org.drugstats.core.stats.youth;

/** Level of a youth estimate, named as the {@code level} column of {@code results/estimates}. */
public enum YouthLevel {
    /** A country (ISO3 of a UNODC member). */
    COUNTRY("country"),
    /** A part of a country the annex reports on its own (England, Scotland, Wales; England and Wales). */
    SUBNATIONAL("subnational"),
    /** A UNODC sub-region. */
    SUBREGION("unodc_subregion"),
    /** A UNODC region. */
    REGION("unodc_region"),
    /** The world. */
    WORLD("world");

    private final String code;

    YouthLevel(String code) {
        this.code = code;
    }

    /** The code written to {@code level}. */
    public String code() {
        return code;
    }
}
