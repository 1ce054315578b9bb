package org.drugstats.reports.html;

import java.util.List;
import java.util.Objects;

/**
 * A table on a page, with its CSV download.
 *
 * @param id anchor id, unique in the report
 * @param caption table caption
 * @param headers column headers
 * @param numeric per column, whether it holds numbers (right-aligned)
 * @param links per column, whether its cells are relative links to files of the report
 * @param rows the cells as display text
 * @param csv relative href of the CSV with the same rows at full precision
 * @param note a line under the table (may be empty)
 * @param totalRows number of rows in the CSV (the page may show fewer)
 */
public record TableView(String id, String caption, List<String> headers, List<Boolean> numeric,
        List<Boolean> links, List<List<String>> rows, String csv, String note, int totalRows) implements Block {
    public TableView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caption, "caption");
        headers = List.copyOf(headers);
        numeric = List.copyOf(numeric);
        links = List.copyOf(links);
        rows = rows.stream().map(List::copyOf).toList();
        Objects.requireNonNull(csv, "csv");
        note = note == null ? "" : note;
    }

    /** The number of rows of the CSV, grouped ("11,985 rows", "1 row"). */
    public String rowCountText() {
        return org.drugstats.reports.format.Numbers.fixed(totalRows, 0) + (totalRows == 1 ? " row" : " rows");
    }

    /** True when the page shows fewer rows than the CSV holds. */
    public boolean truncated() {
        return rows.size() < totalRows;
    }

    @Override
    public String kind() {
        return "table";
    }
}
