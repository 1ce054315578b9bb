package org.drugstats.core.stats.inequality;

import org.drugstats.core.DrugstatsException;

/**
 * WHO "adequacy of consumption measure" categories: a country's per-capita consumption divided by a need
 * benchmark (morbidity-corrected consumption of the top-20 HDI countries), classified as
 * adequate (ratio ≥ 1), moderate (≥ 0.3), low (≥ 0.1), very low (≥ 0.01), virtually none (&lt; 0.01).
 *
 * <p><b>The cut-offs are not confirmed</b> against the WHO/INCB source: 1, 0.3, 0.1 and 0.01 are the working
 * hypothesis of this project, to be checked against the measure's publication below. Lower cut-offs are inclusive. Reference: Seya et al. 2011, J Pain Palliat Care
 * Pharmacother 25:6, doi:10.3109/15360288.2010.536307 (the adequacy of consumption measure).
 */
public enum AdequacyCategory {
    /** ratio ≥ 1. */
    ADEQUATE(1),
    /** 0.3 ≤ ratio &lt; 1. */
    MODERATE(0.3),
    /** 0.1 ≤ ratio &lt; 0.3. */
    LOW(0.1),
    /** 0.01 ≤ ratio &lt; 0.1. */
    VERY_LOW(0.01),
    /** ratio &lt; 0.01. */
    VIRTUALLY_NONE(0);

    private final double lowerCutOff;

    AdequacyCategory(double lowerCutOff) {
        this.lowerCutOff = lowerCutOff;
    }

    /** The inclusive lower cut-off of the ratio consumption / benchmark. */
    public double lowerCutOff() {
        return lowerCutOff;
    }

    /** Category of {@code perCapita / benchmark}; perCapita ≥ 0, benchmark &gt; 0. */
    public static AdequacyCategory classify(double perCapita, double benchmark) {
        ConsumptionRates.requireQuantity(perCapita, "per-capita consumption");
        if (!(benchmark > 0) || Double.isInfinite(benchmark)) {
            throw DrugstatsException.of("adequacy benchmark must be finite and > 0, got %s", benchmark);
        }
        double r = perCapita / benchmark;
        for (AdequacyCategory c : values()) {
            if (r >= c.lowerCutOff) {
                return c;
            }
        }
        return VIRTUALLY_NONE;
    }
}
