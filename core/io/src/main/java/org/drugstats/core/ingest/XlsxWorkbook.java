package org.drugstats.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.drugstats.core.DrugstatsException;

/**
 * An Excel (.xlsx) workbook: the zip archive is first checked whole ({@link org.drugstats.core.io.ZipIntegrity}:
 * every entry's size and CRC-32), then read with Apache POI's package reader and the project's own StAX sheet reader
 * ({@link XlsxSheetParser}, through {@link XlsxPackage}): only cells that hold something are kept, so sheets padded
 * with thousands of formatted empty rows or hundreds of empty columns cost little.
 *
 * <p>Two ways to read it:
 * <ul>
 *   <li>{@link #read} keeps every non-blank row of every sheet (a few hundred bytes per cell): for a layout that needs
 *       its whole sheet, and for small files;</li>
 *   <li>{@link #readHeads} reads the first {@value #HEAD_ROWS} non-blank rows of each sheet (where the kinds find
 *       their title and header) and stops there; {@link #rows} then reads a sheet's rows from its start one at a time
 *       and {@link #counts} counts the rows of a sheet a kind skips. Every cell of every sheet is still read once (a
 *       damaged cell anywhere ends the ingest with its one-line error, and nothing is written); memory does not grow
 *       with the number of rows (what stays is the shared-string and style tables, which grow with the number of
 *       distinct strings and styles).</li>
 * </ul>
 *
 * <p>Numbers keep their full stored precision and say whether their format is a date format; formula cells give
 * their cached results, and a formula without one is a text cell {@code =formula} (so it is counted, not lost);
 * shared and inline strings are text. Merged regions are not expanded: a merged block's value is in its top-left
 * cell only.
 *
 * @param name the file name, for messages
 * @param sheets the sheets in workbook order
 * @param source the file, to read the rows of a sheet read row by row
 * @param kind the ingest kind that expects the file, for messages
 */
public record XlsxWorkbook(String name, List<XlsxSheet> sheets, SourceFile source, String kind) {

    /**
     * Number of non-blank rows {@link #readHeads} keeps of each sheet: the kinds look for their title and header
     * among the first 12 non-blank rows and read the row after the header (sub-headers), so 32 leave room.
     */
    public static final int HEAD_ROWS = 32;

    public XlsxWorkbook {
        sheets = List.copyOf(sheets);
    }

    /** The sheet names in workbook order. */
    public List<String> sheetNames() {
        return sheets.stream().map(XlsxSheet::name).toList();
    }

    /** The sheet with this name (exact match). */
    public Optional<XlsxSheet> sheet(String sheetName) {
        return sheets.stream().filter(s -> s.name().equals(sheetName)).findFirst();
    }

    /**
     * Reads every sheet of a workbook whole.
     *
     * @param file the input
     * @param kind the ingest kind that expects the file, for messages
     * @throws DrugstatsException naming the file and what was expected when it is not a readable .xlsx workbook
     */
    public static XlsxWorkbook read(SourceFile file, String kind) {
        return read(file, kind, true);
    }

    /**
     * Reads the first {@value #HEAD_ROWS} non-blank rows of every sheet; the rows are then read with {@link #rows}
     * and counted with {@link #counts}.
     *
     * @param file the input
     * @param kind the ingest kind that expects the file, for messages
     * @throws DrugstatsException naming the file and what was expected when it is not a readable .xlsx workbook, or
     *     naming the file, sheet and cell when a sheet is damaged
     */
    public static XlsxWorkbook readHeads(SourceFile file, String kind) {
        return read(file, kind, false);
    }

    private static XlsxWorkbook read(SourceFile file, String kind, boolean whole) {
        XlsxPackage.verifyArchive(file, kind);
        List<XlsxSheet> sheets = new ArrayList<>();
        try (XlsxPackage pkg = XlsxPackage.open(file, kind)) {
            pkg.forEachSheet(whole, (position, name, parser) -> {
                List<XlsxRow> rows = new ArrayList<>();
                XlsxRow row = null;
                while ((whole || rows.size() < HEAD_ROWS) && (row = parser.next()) != null) {
                    rows.add(row);
                }
                // a head: one more row says whether the sheet goes on (the rest is read with rows())
                boolean complete = whole || row == null || parser.next() == null;
                sheets.add(whole ? XlsxSheet.whole(name, position, rows, parser.blankRows, parser.formulas)
                        : XlsxSheet.head(name, position, rows, complete, parser.blankRowCount));
            });
        }
        if (sheets.isEmpty()) {
            throw DrugstatsException.of("%s has no worksheets; expected a %s file", file.name(), kind);
        }
        return new XlsxWorkbook(file.name(), sheets, file, kind);
    }

    /**
     * The non-blank rows of one of this workbook's sheets, in row order, one at a time: from memory for a sheet read
     * whole (or whose rows all fit in its head), else read again from the file. Close it (try-with-resources).
     *
     * @throws DrugstatsException naming the file, sheet and cell when the sheet cannot be read again
     */
    public XlsxRows rows(XlsxSheet sheet) {
        if (sheets.stream().noneMatch(s -> s == sheet)) {
            throw new IllegalArgumentException("sheet '" + sheet.name() + "' is not a sheet of " + name);
        }
        if (sheet.isComplete()) {
            return XlsxRows.of(sheet.head(), sheet.blankRowCount());
        }
        return XlsxRows.stream(source, kind, sheet);
    }

    /** The number of non-blank and of stored blank rows of a sheet. */
    public record Counts(int rows, int blankRows) {
    }

    /**
     * Counts the rows of one of this workbook's sheets (a sheet a kind skips): from memory for a complete sheet,
     * else by reading it once more, one row at a time.
     *
     * @throws DrugstatsException naming the file, sheet and cell when the sheet is damaged
     */
    public Counts counts(XlsxSheet sheet) {
        try (XlsxRows rows = rows(sheet)) {
            rows.forEach(r -> {
                // counted by the reader
            });
            return new Counts(rows.rowCount(), rows.blankRowCount());
        }
    }

    static String oneLine(Throwable e) {
        // the message only: a Java exception class name means nothing to an analyst
        String m = e.getMessage() == null || e.getMessage().isBlank() ? "unreadable content" : e.getMessage();
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
