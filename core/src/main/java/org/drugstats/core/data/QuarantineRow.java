package org.drugstats.core.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A row set aside with the reason, so that nothing read is lost: rows read = rows accepted + rows
 * quarantined. Quarantine files have the canonical columns (as raw text, whatever could be read) plus
 * {@code reason}, {@code sheet}, {@code row}, {@code column}, {@code raw_value} and {@code detail}.
 *
 * @param file the input file's name
 * @param sheet the sheet, or null for single-table files
 * @param row the 1-based row number in the file or sheet
 * @param column the offending column as named in the input, or null when the whole row is at fault
 * @param rawValue the offending value as read, or null
 * @param reason why
 * @param detail one line for a person: what was found and what was expected
 * @param canonical the row's canonical column values as text, indexed by {@link Column#ordinal()}
 */
public record QuarantineRow(String file, String sheet, long row, String column, String rawValue,
        QuarantineReason reason, String detail, String[] canonical) {

    /** Extra columns of a quarantine file, after the canonical ones. */
    public static final List<String> EXTRA_COLUMNS = List.of("reason", "sheet", "row", "column", "raw_value",
            "detail");

    public QuarantineRow {
        Objects.requireNonNull(reason, "reason");
        canonical = canonical == null ? new String[Column.values().length] : canonical.clone();
        if (canonical.length != Column.values().length) {
            throw new IllegalArgumentException("canonical values: expected " + Column.values().length
                    + " got " + canonical.length);
        }
    }

    /** A copy of the row's canonical values (indexed by {@link Column#ordinal()}); the row keeps its own. */
    @Override
    public String[] canonical() {
        return canonical.clone();
    }

    /** The canonical value of a column as text, or null. */
    public String text(Column c) {
        return canonical[c.ordinal()];
    }

    /** A one-line description: file, sheet, row, column, value, reason. */
    public String describe() {
        StringBuilder sb = new StringBuilder(file == null ? "<input>" : file);
        if (sheet != null) {
            sb.append(", sheet '").append(sheet).append('\'');
        }
        sb.append(", row ").append(row);
        if (column != null) {
            sb.append(", column '").append(column).append('\'');
        }
        if (rawValue != null) {
            sb.append(", value '").append(rawValue).append('\'');
        }
        sb.append(": ").append(reason.code()).append(": ").append(detail);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuarantineRow q && row == q.row && Objects.equals(file, q.file)
                && Objects.equals(sheet, q.sheet) && Objects.equals(column, q.column)
                && Objects.equals(rawValue, q.rawValue) && reason == q.reason && Objects.equals(detail, q.detail)
                && Arrays.equals(canonical, q.canonical);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, sheet, row, column, rawValue, reason, detail, Arrays.hashCode(canonical));
    }

    @Override
    public String toString() {
        return describe();
    }
}
