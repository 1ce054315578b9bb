package org.drugstats.core.stats.youth;

import java.util.List;
import java.util.Objects;

/**
 * A UNODC sub-regional, regional or world summary of the latest surveys of students aged 15–16 in year Y
 * ({@link YouthEstimator}).
 *
 * @param level sub-region, region or world
 * @param code the aggregate code ({@code UNODC_EUR}, {@code WLD})
 * @param drug the drug code
 * @param period the recall period
 * @param year Y
 * @param mean the population-weighted mean of the countries with data (NaN when none)
 * @param median the unweighted median of the countries' values (NaN when none)
 * @param min the smallest country value (NaN when none)
 * @param max the largest country value (NaN when none)
 * @param coverage population aged 15–16 of the countries with data / of all members with a population
 * @param nAreas members with a population of year Y
 * @param nWithData of which with a usable 15–16 survey in [Y − W, Y]
 * @param withData {@code ISO3:survey_year} of the countries with data, sorted
 * @param headline coverage at or above the minimum
 * @param notes what was left out and why
 */
public record YouthSummary(YouthLevel level, String code, String drug, YouthPeriod period, int year, double mean,
        double median, double min, double max, double coverage, int nAreas, int nWithData, List<String> withData,
        boolean headline, List<String> notes) {

    /** Checks the parts. */
    public YouthSummary {
        Objects.requireNonNull(level, "level");
        withData = List.copyOf(withData);
        notes = List.copyOf(notes);
    }
}
