package org.drugstats.core.stats.aggregate;

import java.util.List;
import java.util.Optional;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * One aggregate: a population-weighted rate over all areas of a subregion, region or the world, areas
 * without data imputed.
 *
 * @param level the level
 * @param name the subregion or region name, "World" for the world
 * @param value (low, best, high) when coverage reaches the minimum; empty otherwise (see {@code reason})
 * @param boundsAvailable true when every area with data in the aggregate reported bounds; otherwise the
 *     low and high of {@code value} equal the best and must not be read as a range
 * @param coverage population of areas with data / population of all areas in the aggregate
 * @param population population of all areas
 * @param populationWithData population of the areas with data
 * @param areas number of areas
 * @param areasWithData number of areas with data
 * @param imputedAreas areas without data and the value imputed for each, sorted by name
 * @param reason why the value is absent; empty when present
 */
public record Aggregate(AggregateLevel level, String name, Optional<Interval> value, boolean boundsAvailable,
        double coverage, double population, double populationWithData, int areas, int areasWithData,
        List<ImputedArea> imputedAreas, Optional<String> reason) {
    /** Copies the list. */
    public Aggregate {
        imputedAreas = List.copyOf(imputedAreas);
    }
}
