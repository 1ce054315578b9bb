package org.drugstats.core.ingest;

import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.DateUtil;
import org.drugstats.core.data.Observation;
import org.drugstats.core.geo.NameNormaliser;

/**
 * The value of one worksheet cell as an ingest sees it: a number, text, or nothing. Formula cells give their
 * cached result (the value Excel last computed and saved). Text is {@linkplain NameNormaliser#clean cleaned}
 * (NFKC, so a non-breaking space counts as a space; white space collapsed; trimmed); text that is empty after
 * cleaning is {@link Kind#BLANK}. Numbers formatted as dates keep their serial number and say so.
 *
 * @param kind what the cell holds
 * @param number the number (for {@link Kind#NUMBER}), else NaN
 * @param text the cleaned text; for numbers their shortest decimal form; "" when blank
 * @param raw the text as stored, before cleaning (for quarantine rows); for numbers their decimal form
 * @param date true when a number is formatted as a date
 * @param ref the cell reference ("E12"), for messages
 */
public record XlsxCell(Kind kind, double number, String text, String raw, boolean date, String ref) {

    /** What a cell holds. */
    public enum Kind {
        /** Nothing, or only white space. */
        BLANK,
        /** A number (or a formula whose cached result is a number). */
        NUMBER,
        /** Text (or a boolean, an error, or a formula whose cached result is text). */
        TEXT
    }

    /** A blank cell at a reference. */
    public static XlsxCell blank(String ref) {
        return new XlsxCell(Kind.BLANK, Double.NaN, "", "", false, ref);
    }

    /** A number. */
    public static XlsxCell number(double d, boolean date, String ref) {
        String s = Observation.number(d);
        return new XlsxCell(Kind.NUMBER, d, s, s, date, ref);
    }

    /** Text, cleaned; blank when nothing is left. */
    public static XlsxCell text(String raw, String ref) {
        String s = NameNormaliser.clean(raw);
        return s.isEmpty() ? new XlsxCell(Kind.BLANK, Double.NaN, "", raw == null ? "" : raw, false, ref)
                : new XlsxCell(Kind.TEXT, Double.NaN, s, raw, false, ref);
    }

    /** True when the cell holds nothing. */
    public boolean isBlank() {
        return kind == Kind.BLANK;
    }

    /** True when the cell holds a number. */
    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    /** The date of a date-formatted number (Excel's 1900 date system). */
    public LocalDateTime dateValue() {
        return DateUtil.getLocalDateTime(number);
    }

    /** The cleaned text, or null when blank. */
    public String textOrNull() {
        return kind == Kind.BLANK ? null : text;
    }

    /** The raw text, or null when blank and nothing was stored. */
    public String rawOrNull() {
        return kind == Kind.BLANK && raw.isEmpty() ? null : raw;
    }
}
