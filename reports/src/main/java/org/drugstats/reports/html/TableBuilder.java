package org.drugstats.reports.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;
import org.drugstats.core.DrugstatsException;
import org.drugstats.reports.format.Numbers;

/**
 * Collects a table's columns and rows once, and gives both forms: display text for the page (rounded for
 * reading) and full-precision values for the CSV download. Cells are strings, numbers (NaN or null for
 * none) or null.
 */
public final class TableBuilder {

    /** How a column's numbers are shown on the page; the CSV always has full precision. */
    public enum Kind {
        /** Text as is. */
        TEXT(null),
        /** About three significant digits, grouped ({@link Numbers#number}). */
        NUMBER(Numbers::number),
        /** Grouped integer. */
        INTEGER(v -> Numbers.fixed(v, 0)),
        /** One decimal. */
        FIXED1(v -> Numbers.fixed(v, 1)),
        /** Two decimals. */
        FIXED2(v -> Numbers.fixed(v, 2)),
        /** Three decimals. */
        FIXED3(v -> Numbers.fixed(v, 3)),
        /** A signed percentage change with one decimal. */
        SIGNED_PERCENT(Numbers::signedPercent),
        /** A year or period start. */
        YEAR(Numbers::year),
        /** A p-value: three decimals, "&lt;0.001" below. */
        P_VALUE(v -> v < 0.001 ? "<0.001" : Numbers.fixed(v, 3)),
        /** A relative link to a file of the report: the page shows it as a link, the CSV as its path. */
        LINK(null);

        private final DoubleFunction<String> display;

        Kind(DoubleFunction<String> display) {
            this.display = display;
        }

        boolean numeric() {
            return display != null;
        }
    }

    private record Col(String header, Kind kind) {
    }

    private final String id;
    private final String caption;
    private final List<Col> cols = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();
    private String note = "";
    private int maxDisplayRows = Integer.MAX_VALUE;

    private TableBuilder(String id, String caption) {
        this.id = Objects.requireNonNull(id, "id");
        this.caption = Objects.requireNonNull(caption, "caption");
    }

    /** A new table with an id (file name of its CSV, anchor) and a caption. */
    public static TableBuilder of(String id, String caption) {
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw DrugstatsException.of("table id '%s' must be lower-case letters, digits and '-'", id);
        }
        return new TableBuilder(id, caption);
    }

    /** Adds a column. */
    public TableBuilder column(String header, Kind kind) {
        if (!rows.isEmpty()) {
            throw DrugstatsException.of("table '%s': add columns before rows", id);
        }
        cols.add(new Col(header, kind));
        return this;
    }

    /** Adds a text column. */
    public TableBuilder text(String header) {
        return column(header, Kind.TEXT);
    }

    /** Adds a row; one value per column (String, Number or null). */
    public TableBuilder row(Object... values) {
        if (values.length != cols.size()) {
            throw DrugstatsException.of("table '%s': row has %d values for %d columns", id, values.length, cols.size());
        }
        rows.add(values.clone());
        return this;
    }

    /** A line printed under the table. */
    public TableBuilder note(String text) {
        this.note = text == null ? "" : text;
        return this;
    }

    /** Shows at most this many rows on the page (the CSV has all, and the page says so). */
    public TableBuilder maxDisplayRows(int n) {
        this.maxDisplayRows = n;
        return this;
    }

    public String id() {
        return id;
    }

    public int rowCount() {
        return rows.size();
    }

    /** The header names. */
    public List<String> headers() {
        return cols.stream().map(Col::header).toList();
    }

    /** The rows at full precision, as the CSV holds them (numbers plain, absent values empty). */
    public List<List<String>> csvRows() {
        List<List<String>> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            List<String> cells = new ArrayList<>(r.length);
            for (Object v : r) {
                cells.add(v == null ? "" : v instanceof Number n ? Numbers.plain(n.doubleValue()) : v.toString());
            }
            out.add(cells);
        }
        return out;
    }

    /** The page form, with the CSV's href. */
    public TableView view(String csvHref) {
        List<List<String>> display = new ArrayList<>();
        for (Object[] r : rows.subList(0, Math.min(rows.size(), maxDisplayRows))) {
            List<String> cells = new ArrayList<>(r.length);
            for (int i = 0; i < r.length; i++) {
                cells.add(display(r[i], cols.get(i).kind()));
            }
            display.add(cells);
        }
        return new TableView("table-" + id, caption, headers(), cols.stream().map(c -> c.kind().numeric()).toList(),
                cols.stream().map(c -> c.kind() == Kind.LINK).toList(), display, csvHref, note, rows.size());
    }

    private static String display(Object v, Kind kind) {
        if (v == null) {
            return kind.numeric() ? Numbers.NONE : "";
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return kind.numeric() ? kind.display.apply(d) : Numbers.number(d);
        }
        return v.toString();
    }
}
