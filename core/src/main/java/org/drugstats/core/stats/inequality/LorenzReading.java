package org.drugstats.core.stats.inequality;

/**
 * A reading of the curve: the bottom {@code populationShare} of the population accounts for
 * {@code consumptionShare} of consumption. With {@link Reading#COUNTRY_BOUNDARY} the shares are those of
 * the boundary actually used, which may differ from the share requested.
 *
 * @param populationShare population share F, 0–1
 * @param consumptionShare consumption share L, 0–1
 * @param reading how the point was read
 */
public record LorenzReading(double populationShare, double consumptionShare, Reading reading) {
}
