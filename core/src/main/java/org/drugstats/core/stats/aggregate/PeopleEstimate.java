package org.drugstats.core.stats.aggregate;

import java.util.List;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * A number of people derived from a prevalence and a population.
 *
 * @param persons (low, best, high) persons
 * @param year the prevalence's year
 * @param ageBase the population's age base (the base of the count)
 * @param assumptions alignment assumptions made under a permissive policy; empty when years and bases matched
 */
public record PeopleEstimate(Interval persons, int year, AgeBase ageBase, List<String> assumptions) {
    /** Copies the list. */
    public PeopleEstimate {
        assumptions = List.copyOf(assumptions);
    }
}
