package org.drugstats.core.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One worksheet: its non-blank rows in order, and how many stored rows held nothing (padding rows that
 * spreadsheets keep because they are formatted). Rows the file does not store at all are neither.
 *
 * @param name the sheet name
 * @param rows the rows with at least one non-blank cell, in row order
 * @param blankRows the indices (0-based) of stored rows whose cells are all blank, in row order
 * @param formulas the formula text of every formula cell by reference ("O6" → {@code '[1]SHEET'!O6}), as stored
 *     (a shared formula's followers carry the text of its first cell)
 */
public record XlsxSheet(String name, List<XlsxRow> rows, List<Integer> blankRows, Map<String, String> formulas) {

    /**
     * A reference to another workbook inside a formula: {@code [1]} (an index into the workbook's external links,
     * ECMA-376 Part 1, 18.17.2.3) or a quoted path {@code '[Book.xlsx]Sheet'}.
     */
    private static final Pattern EXTERNAL = Pattern.compile("\\[[^\\]]+\\][^!]*!");

    public XlsxSheet {
        rows = List.copyOf(rows);
        blankRows = List.copyOf(blankRows);
        formulas = Map.copyOf(formulas);
    }

    /** A sheet without formula cells. */
    public XlsxSheet(String name, List<XlsxRow> rows, List<Integer> blankRows) {
        this(name, rows, blankRows, Map.of());
    }

    /** Number of stored blank rows after a 0-based row index. */
    public long blankRowsAfter(int index) {
        return blankRows.stream().filter(i -> i > index).count();
    }

    /** The formula of a cell, if it holds one. */
    public Optional<String> formula(String ref) {
        return Optional.ofNullable(formulas.get(ref));
    }

    /**
     * True when a cell's formula reads another workbook: its cached value is whatever that workbook held when this
     * one was last saved with the link resolved (often 0, never checked), so it is stale, not data.
     */
    public boolean linksToOtherWorkbook(String ref) {
        String f = formulas.get(ref);
        return f != null && EXTERNAL.matcher(f).find();
    }
}
