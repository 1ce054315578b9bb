package org.drugstats.core.stats.sdg;

import org.drugstats.core.stats.uncertainty.Interval;

/**
 * Sum of reported illicit financial flows of one group and year, in current USD; ranges are summed
 * conservatively (Σ low, Σ best, Σ high: perfect correlation).
 *
 * @param grouping the level
 * @param name country or region name, "World" for the world
 * @param year reference year
 * @param total inward + outward, all types (the SDG 16.4.1 total)
 * @param inward inward flows
 * @param outward outward flows
 * @param incomeGeneration income-generation flows
 * @param incomeManagement income-management flows
 * @param reportingCountries number of distinct countries that reported at least one flow
 */
public record FlowTotal(FlowGrouping grouping, String name, int year, Interval total, Interval inward,
        Interval outward, Interval incomeGeneration, Interval incomeManagement, int reportingCountries) {
}
