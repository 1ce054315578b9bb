package org.drugstats.core.stats.sdg;

import java.util.Optional;
import org.drugstats.core.stats.aggregate.AggregateLevel;

/**
 * SDG 3.5.1 coverage of a region or the world.
 *
 * @param level {@link AggregateLevel#REGION} or {@link AggregateLevel#WORLD}
 * @param name region name, "World" for the world
 * @param coverage pooled coverage; empty when withheld
 * @param populationCoverage population of countries with data / population of all countries
 * @param countries number of countries
 * @param countriesWithData countries with both inputs
 * @param reason why the coverage is withheld; empty otherwise
 */
public record RegionalCoverage(AggregateLevel level, String name, Optional<CoverageResult> coverage,
        double populationCoverage, int countries, int countriesWithData, Optional<String> reason) {
}
