package org.drugstats.core.stats.aggregate;

import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * A prevalence in percent (0–100) of a population of a given age base in a given year.
 *
 * @param percent (low, best, high) in percent
 * @param year reference year
 * @param ageBase age range the prevalence refers to
 */
public record Prevalence(Interval percent, int year, AgeBase ageBase) {
    /** Validates 0 ≤ low and high ≤ 100. */
    public Prevalence {
        if (!(percent.low() >= 0 && percent.high() <= 100)) {
            throw DrugstatsException.of("prevalence (%s, %s, %s) must lie in [0, 100] percent", percent.low(),
                    percent.best(), percent.high());
        }
        if (ageBase == null) {
            throw DrugstatsException.of("prevalence needs an age base");
        }
    }
}
