package org.drugstats.reports.model;

import java.util.ArrayList;
import java.util.List;
import org.drugstats.core.tracker.TrackerRow;
import tech.tablesaw.api.Table;

/** Reads {@code results/tracker} (schema {@code drugstats-tracker/1}) into core's {@link TrackerRow}s. */
final class TrackerRows {
    private TrackerRows() {
    }

    static List<TrackerRow> fromTable(Table t) {
        Cells c = new Cells(t);
        List<TrackerRow> out = new ArrayList<>(c.rows());
        for (int r = 0; r < c.rows(); r++) {
            Integer points = c.integer(r, "points");
            out.add(new TrackerRow(c.text(r, "challenge"), c.text(r, "challenge_text"), c.text(r, "indicator"),
                    c.text(r, "label"), c.text(r, "ref_area"), c.text(r, "area_name"), c.text(r, "unit"),
                    c.integer(r, "baseline_year"), c.number(r, "baseline_value"), c.integer(r, "latest_year"),
                    c.number(r, "latest_value"), c.number(r, "change"), c.number(r, "change_percent"),
                    c.text(r, "trend_method"), c.number(r, "trend_estimate"), c.number(r, "trend_lower"),
                    c.number(r, "trend_upper"), c.number(r, "p_value"), c.text(r, "direction"),
                    points == null ? 0 : points, c.text(r, "coverage"), c.text(r, "verdict"), c.text(r, "source"),
                    c.text(r, "link")));
        }
        return out;
    }
}
