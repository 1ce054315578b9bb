package org.drugstats.core.stats.aggregate;

import org.drugstats.core.stats.uncertainty.Interval;

/**
 * An area without data and the value imputed for it.
 *
 * @param area area name
 * @param population its population
 * @param source the level whose reported population-weighted average was used
 * @param value the imputed (low, best, high)
 */
public record ImputedArea(String area, double population, AggregateLevel source, Interval value) {
}
