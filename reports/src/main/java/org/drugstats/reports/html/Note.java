package org.drugstats.reports.html;

import java.util.Objects;

/**
 * A boxed remark: {@code empty} says plainly that the run holds no data for something; {@code caution} warns
 * the reader (a change of method, a low coverage); {@code info} adds context.
 *
 * @param level empty, caution or info
 * @param text the remark
 */
public record Note(Level level, String text) implements Block {

    /** How the note is shown. */
    public enum Level {
        /** "No data in this run for X". */
        EMPTY,
        /** Read with care. */
        CAUTION,
        /** Context. */
        INFO;

        /** CSS class suffix. */
        public String css() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Note {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    /** "No data in this run for {what}." plus an optional explanation. */
    public static Note empty(String what, String why) {
        return new Note(Level.EMPTY, "No data in this run for " + what + "." + (why == null ? "" : " " + why));
    }

    public static Note caution(String text) {
        return new Note(Level.CAUTION, text);
    }

    public static Note info(String text) {
        return new Note(Level.INFO, text);
    }

    @Override
    public String kind() {
        return "note";
    }
}
