package org.drugstats.reports.model;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * One country on the Lorenz curve of {@code results/inequality}.
 *
 * @param ranking what the countries are ranked by
 * @param area ISO3
 * @param areaName country name
 * @param population population
 * @param consumption consumption (amount)
 * @param perCapita consumption per capita
 * @param cumPopulationShare cumulative population share after this country, 0–1
 * @param cumConsumptionShare cumulative consumption share after this country, 0–1
 * @param adequacy adequacy category, or null
 */
public record LorenzRow(String ranking, String area, String areaName, double population, double consumption,
        double perCapita, double cumPopulationShare, double cumConsumptionShare, String adequacy) {

    static List<LorenzRow> fromTable(Table t) {
        Cells c = new Cells(t);
        List<LorenzRow> out = new ArrayList<>(c.rows());
        for (int r = 0; r < c.rows(); r++) {
            out.add(new LorenzRow(c.text(r, "ranking"), c.text(r, "area"), c.text(r, "area_name"),
                    c.number(r, "population"), c.number(r, "consumption"), c.number(r, "per_capita"),
                    c.number(r, "cum_population_share"), c.number(r, "cum_consumption_share"),
                    c.text(r, "adequacy")));
        }
        return out;
    }
}
