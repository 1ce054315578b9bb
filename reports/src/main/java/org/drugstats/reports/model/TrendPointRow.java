package org.drugstats.reports.model;

import java.util.ArrayList;
import java.util.List;
import org.drugstats.core.results.ResultColumns;
import tech.tablesaw.api.Table;

/**
 * One row of {@code results/trend_points}: a data point of a fitted series with the model's fitted value.
 *
 * @param seriesId series id (as in the trends)
 * @param method model the fitted value comes from
 * @param x time
 * @param y observed value (NaN when none)
 * @param fitted fitted value (NaN when none)
 * @param imputed true when the observed value was imputed
 */
public record TrendPointRow(String seriesId, String method, double x, double y, double fitted, boolean imputed) {

    static List<TrendPointRow> fromTable(Table t) {
        Cells c = new Cells(t);
        List<TrendPointRow> out = new ArrayList<>(c.rows());
        for (int r = 0; r < c.rows(); r++) {
            Boolean imp = c.bool(r, ResultColumns.IMPUTED);
            out.add(new TrendPointRow(c.text(r, ResultColumns.SERIES_ID), c.text(r, ResultColumns.METHOD), c.number(r, ResultColumns.X),
                    c.number(r, ResultColumns.Y), c.number(r, ResultColumns.FITTED), imp != null && imp));
        }
        return out;
    }
}
