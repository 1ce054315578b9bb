package org.drugstats.core.stats.aggregate;

import org.drugstats.core.DrugstatsException;

/**
 * A population count of an age base in a year (e.g. UN WPP, ages 15–64, 2021).
 *
 * @param persons number of persons, &gt; 0
 * @param year reference year
 * @param ageBase age range
 */
public record PopulationCount(double persons, int year, AgeBase ageBase) {
    /** Validates persons &gt; 0 and finite. */
    public PopulationCount {
        if (!(persons > 0) || Double.isInfinite(persons)) {
            throw DrugstatsException.of("population must be finite and > 0, got %s", persons);
        }
        if (ageBase == null) {
            throw DrugstatsException.of("population needs an age base");
        }
    }
}
