package org.drugstats.core;

/**
 * The one unchecked exception the library throws for bad input or configuration.
 *
 * <p>Its message is a single line meant for an analyst: it names the file, sheet, row, column and
 * value where they are known, and says what was expected. The command line prints it as is and exits
 * with a non-zero status.
 */
public class DrugstatsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DrugstatsException(String message) {
        super(message);
    }

    public DrugstatsException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Formats a message template with {@link java.util.Locale#ROOT} and keeps the exception that caused it (for
     * {@code -Ddrugstats.debug=true} and for callers that inspect causes).
     */
    public static DrugstatsException of(Throwable cause, String template, Object... args) {
        return new DrugstatsException(String.format(java.util.Locale.ROOT, template, args), cause);
    }

    /** Formats a message template with {@link java.util.Locale#ROOT}. */
    public static DrugstatsException of(String template, Object... args) {
        return new DrugstatsException(String.format(java.util.Locale.ROOT, template, args));
    }
}
