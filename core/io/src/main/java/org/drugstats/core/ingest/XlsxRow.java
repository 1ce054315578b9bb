package org.drugstats.core.ingest;

import java.util.Arrays;
import org.apache.poi.ss.util.CellReference;

/**
 * One worksheet row with at least one non-blank cell, as read by {@link XlsxWorkbook}.
 *
 * @param index 0-based row index ({@link #number()} is the 1-based number a spreadsheet shows)
 * @param cells the cells from column A to the last stored cell; null entries are blank
 */
public record XlsxRow(int index, XlsxCell[] cells) {

    /** The 1-based row number as shown in a spreadsheet. */
    public int number() {
        return index + 1;
    }

    /** The cell at a 0-based column; blank beyond the stored cells. */
    public XlsxCell cell(int col) {
        XlsxCell c = col >= 0 && col < cells.length ? cells[col] : null;
        return c != null ? c : XlsxCell.blank(new CellReference(index, col).formatAsString(false));
    }

    /** Number of columns up to the last stored cell. */
    public int width() {
        return cells.length;
    }

    /** True when no cell holds anything. */
    public boolean isBlank() {
        return Arrays.stream(cells).allMatch(c -> c == null || c.isBlank());
    }
}
