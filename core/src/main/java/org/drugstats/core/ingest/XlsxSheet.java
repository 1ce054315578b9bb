package org.drugstats.core.ingest;

import java.util.List;

/**
 * One worksheet: its non-blank rows in order, and how many stored rows held nothing (padding rows that
 * spreadsheets keep because they are formatted). Rows the file does not store at all are neither.
 *
 * @param name the sheet name
 * @param rows the rows with at least one non-blank cell, in row order
 * @param blankRows the indices (0-based) of stored rows whose cells are all blank, in row order
 */
public record XlsxSheet(String name, List<XlsxRow> rows, List<Integer> blankRows) {

    public XlsxSheet {
        rows = List.copyOf(rows);
        blankRows = List.copyOf(blankRows);
    }

    /** Number of stored blank rows after a 0-based row index. */
    public long blankRowsAfter(int index) {
        return blankRows.stream().filter(i -> i > index).count();
    }
}
