package org.drugstats.core.stats.youth;

import java.util.Optional;

/**
 * The recall periods of annex table 1.4, each with the indicator id the ingest gives it (kind
 * {@code unodc-annex-prevalence-youth}) and the same id on the result rows.
 */
public enum YouthPeriod {
    /** Ever used. */
    LIFETIME("prevalence_youth_lifetime", "lifetime"),
    /** Used in the past 12 months. */
    ANNUAL("prevalence_youth_annual", "past year"),
    /** Used in the past 30 days. */
    PAST_MONTH("prevalence_youth_past_month", "past month");

    private final String indicator;
    private final String label;

    YouthPeriod(String indicator, String label) {
        this.indicator = indicator;
        this.label = label;
    }

    /** The indicator id, e.g. {@code prevalence_youth_annual}. */
    public String indicator() {
        return indicator;
    }

    /** A readable label, e.g. "past year". */
    public String label() {
        return label;
    }

    /** The period of an indicator id, if it is one of the three. */
    public static Optional<YouthPeriod> ofIndicator(String indicator) {
        for (YouthPeriod p : values()) {
            if (p.indicator.equals(indicator)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
