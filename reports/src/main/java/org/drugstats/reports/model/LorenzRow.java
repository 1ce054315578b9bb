package org.drugstats.reports.model;

import java.util.ArrayList;
import java.util.List;
import org.drugstats.core.data.Column;
import org.drugstats.core.results.ResultColumns;
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
            out.add(new LorenzRow(c.text(r, ResultColumns.RANKING), c.text(r, ResultColumns.AREA), c.text(r, Column.AREA_NAME.columnName()),
                    c.number(r, ResultColumns.POPULATION), c.number(r, ResultColumns.CONSUMPTION), c.number(r, ResultColumns.PER_CAPITA),
                    c.number(r, ResultColumns.CUM_POPULATION_SHARE), c.number(r, ResultColumns.CUM_CONSUMPTION_SHARE),
                    c.text(r, ResultColumns.ADEQUACY)));
        }
        return out;
    }
}
