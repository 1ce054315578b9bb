package org.drugstats.core.ingest;

import java.util.EnumSet;
import java.util.Set;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.QualityFlag;

/**
 * One row read, on its way to becoming an observation or a quarantine row: the canonical column values as
 * text, where each came from (the input's column name and raw text, so that a quarantine row names the input
 * column and value, not the canonical one), and its quality flags.
 *
 * <p>Mutable, used by one kind while it reads one row; handed to {@link IngestCollector} once.
 */
public final class Candidate {

    private final String sheet;
    private final long row;
    private final String[] values = new String[Column.values().length];
    private final String[] sourceColumn = new String[Column.values().length];
    private final String[] raw = new String[Column.values().length];
    private final EnumSet<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);

    Candidate(String sheet, long row) {
        this.sheet = sheet;
        this.row = row;
    }

    /** Sets a canonical value that does not come from one input cell (a constant, a mapped code). */
    public Candidate set(Column c, String value) {
        values[c.ordinal()] = value;
        return this;
    }

    /** Sets a canonical value read from an input column; {@code rawValue} is the input text as stored. */
    public Candidate set(Column c, String value, String inputColumn, String rawValue) {
        values[c.ordinal()] = value;
        sourceColumn[c.ordinal()] = inputColumn;
        raw[c.ordinal()] = rawValue;
        return this;
    }

    /**
     * Sets a canonical value from a worksheet cell (numbers as their shortest decimal form). A date-formatted
     * number in the value, lower or upper column is not a measurement (a date typed into a kilogram cell is an
     * Excel serial day count, 44,259 for 5 March 2021): it is given as the date it shows, which the row check
     * then quarantines as non-numeric.
     */
    public Candidate cell(Column c, XlsxCell cell, String inputColumn) {
        if (cell.isNumber() && cell.date() && (c == Column.VALUE || c == Column.LOWER || c == Column.UPPER)) {
            String shown = "date " + cell.dateValue().toLocalDate() + " (Excel serial " + cell.text() + ")";
            return set(c, shown, inputColumn, shown);
        }
        return set(c, cell.textOrNull(), inputColumn, cell.rawOrNull());
    }

    /** Adds a quality flag. */
    public Candidate flag(QualityFlag f) {
        flags.add(f);
        return this;
    }

    /** Appends a note (joined with "; "). */
    public Candidate note(String note) {
        if (note == null || note.isBlank()) {
            return this;
        }
        String old = values[Column.NOTES.ordinal()];
        values[Column.NOTES.ordinal()] = old == null || old.isBlank() ? note : old + "; " + note;
        return this;
    }

    /** The current canonical value of a column. */
    public String get(Column c) {
        return values[c.ordinal()];
    }

    /** The sheet, or null for single-table files. */
    public String sheet() {
        return sheet;
    }

    /** The 1-based row number in the file or sheet. */
    public long row() {
        return row;
    }

    /** The flags so far. */
    public Set<QualityFlag> flags() {
        return EnumSet.copyOf(flags);
    }

    /** The input column a canonical column came from, or the canonical name when none. */
    String inputColumn(Column c) {
        return sourceColumn[c.ordinal()] != null ? sourceColumn[c.ordinal()] : c.columnName();
    }

    /** The raw input text of a canonical column, or its canonical value when none. */
    String rawValue(Column c) {
        return raw[c.ordinal()] != null ? raw[c.ordinal()] : values[c.ordinal()];
    }

    /** The canonical values with the flags column filled in, indexed by {@link Column#ordinal()}. */
    String[] canonical() {
        String[] v = values.clone();
        v[Column.OBS_FLAGS.ordinal()] = QualityFlag.joinAll(flags);
        return v;
    }
}
