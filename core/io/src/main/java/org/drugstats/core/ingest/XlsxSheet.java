package org.drugstats.core.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One worksheet as {@link XlsxWorkbook} read it, in one of two forms:
 * <ul>
 *   <li><b>whole</b> ({@link XlsxWorkbook#read}): every non-blank row in order, the indices of the stored rows that
 *       held nothing (padding rows that spreadsheets keep because they are formatted) and the formula text of every
 *       formula cell — for a layout that needs its whole sheet (the cultivation pivot);</li>
 *   <li><b>head</b> ({@link XlsxWorkbook#readHeads}): its first {@value XlsxWorkbook#HEAD_ROWS} non-blank rows
 *       ({@link #head()}, where a kind finds its header and title); the rows are then read one at a time with
 *       {@link XlsxWorkbook#rows} and counted with {@link XlsxWorkbook#counts}, so that memory does not grow with the
 *       sheet. A sheet with no more rows than that is {@linkplain #isComplete() complete}: its head is all of it.</li>
 * </ul>
 * Rows the file does not store at all are neither rows nor blank rows.
 */
public final class XlsxSheet {

    /**
     * A reference to another workbook inside a formula: {@code [1]} (an index into the workbook's external links,
     * ECMA-376 Part 1, 18.17.2.3) or a quoted path {@code '[Book.xlsx]Sheet'}.
     */
    private static final Pattern EXTERNAL = Pattern.compile("\\[[^\\]]+\\][^!]*!");

    private final String name;
    private final int position;
    private final List<XlsxRow> head;
    private final boolean complete;
    private final int blankRowCount;
    private final boolean whole;
    private final List<Integer> blankRows;
    private final Map<String, String> formulas;

    private XlsxSheet(String name, int position, List<XlsxRow> head, boolean complete, int blankRowCount,
            boolean whole, List<Integer> blankRows, Map<String, String> formulas) {
        this.name = name;
        this.position = position;
        this.head = List.copyOf(head);
        this.complete = complete;
        this.blankRowCount = blankRowCount;
        this.whole = whole;
        this.blankRows = List.copyOf(blankRows);
        this.formulas = Map.copyOf(formulas);
    }

    /**
     * A sheet read whole.
     *
     * @param position 0-based position in the workbook
     * @param rows the rows with at least one non-blank cell, in row order
     * @param blankRows the indices (0-based) of stored rows whose cells are all blank, in row order
     * @param formulas the formula text of every formula cell by reference ("O6" → {@code '[1]SHEET'!O6}), as stored
     *     (a shared formula's followers carry the text of its first cell)
     */
    static XlsxSheet whole(String name, int position, List<XlsxRow> rows, List<Integer> blankRows,
            Map<String, String> formulas) {
        return new XlsxSheet(name, position, rows, true, blankRows.size(), true, blankRows, formulas);
    }

    /**
     * The head of a sheet read row by row.
     *
     * @param head its first non-blank rows
     * @param complete true when the sheet has no other non-blank rows
     * @param blankRowCount the number of its stored blank rows (when complete)
     */
    static XlsxSheet head(String name, int position, List<XlsxRow> head, boolean complete, int blankRowCount) {
        return new XlsxSheet(name, position, head, complete, complete ? blankRowCount : -1, false, List.of(),
                Map.of());
    }

    /** The sheet name. */
    public String name() {
        return name;
    }

    /** The 0-based position of the sheet in its workbook. */
    int position() {
        return position;
    }

    /** True when every row is in memory ({@link #rows()}); false for a sheet read row by row. */
    public boolean isWhole() {
        return whole;
    }

    /**
     * The first non-blank rows: all of them for a whole sheet, the first {@value XlsxWorkbook#HEAD_ROWS} otherwise.
     * Enough to find a header and a title; the data rows are read with {@link XlsxWorkbook#rows}.
     */
    public List<XlsxRow> head() {
        return head;
    }

    /**
     * Every non-blank row, in row order.
     *
     * @throws IllegalStateException for a sheet read row by row (use {@link XlsxWorkbook#rows})
     */
    public List<XlsxRow> rows() {
        requireWhole("rows");
        return head;
    }

    /** True when every non-blank row is in {@link #head()} (always for a sheet read whole). */
    public boolean isComplete() {
        return complete;
    }

    /** The number of stored blank rows of a {@linkplain #isComplete() complete} sheet (else see XlsxWorkbook#counts). */
    int blankRowCount() {
        if (!complete) {
            throw new IllegalStateException("sheet '" + name + "' is read row by row: count it with "
                    + "XlsxWorkbook.counts");
        }
        return blankRowCount;
    }

    /**
     * The indices (0-based) of stored rows whose cells are all blank, in row order.
     *
     * @throws IllegalStateException for a sheet read row by row
     */
    public List<Integer> blankRows() {
        requireWhole("blankRows");
        return blankRows;
    }

    /** Number of stored blank rows after a 0-based row index (a whole sheet). */
    public long blankRowsAfter(int index) {
        return blankRows().stream().filter(i -> i > index).count();
    }

    /** The formula of a cell, if it holds one (a whole sheet). */
    public Optional<String> formula(String ref) {
        requireWhole("formula");
        return Optional.ofNullable(formulas.get(ref));
    }

    /**
     * True when a cell's formula reads another workbook: its cached value is whatever that workbook held when this
     * one was last saved with the link resolved (often 0, never checked), so it is stale, not data (a whole sheet).
     */
    public boolean linksToOtherWorkbook(String ref) {
        requireWhole("linksToOtherWorkbook");
        String f = formulas.get(ref);
        return f != null && EXTERNAL.matcher(f).find();
    }

    private void requireWhole(String what) {
        if (!whole) {
            throw new IllegalStateException("sheet '" + name + "' is read row by row: " + what + " needs the sheet "
                    + "read whole (XlsxWorkbook.read)");
        }
    }

    @Override
    public String toString() {
        return "XlsxSheet[" + name + (whole ? ", whole, " : complete ? ", complete, " : ", head of ") + head.size()
                + " rows]";
    }
}
