package org.drugstats.core.stats.inequality;

/**
 * A vertex of a Lorenz or concentration curve: after adding {@code area} (null for the origin), the
 * cumulative population share and the cumulative consumption share, both in [0, 1].
 *
 * @param area the area whose segment ends at this point, or null for (0, 0)
 * @param populationShare cumulative population share F
 * @param consumptionShare cumulative consumption share L
 */
public record LorenzPoint(String area, double populationShare, double consumptionShare) {
}
