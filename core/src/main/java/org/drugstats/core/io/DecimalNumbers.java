package org.drugstats.core.io;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The one parser of numbers in text input (CSV tables of the command line, trend series): a plain decimal with an
 * optional sign, fraction and exponent ({@code 12}, {@code -0.5}, {@code .25}, {@code 3.}, {@code 1.2e-3}),
 * surrounding white space ignored, finite. Java's own literal forms that {@link Double#parseDouble} also accepts
 * — a type suffix ({@code 5d}, {@code 2f}), hexadecimal ({@code 0x1p3}), {@code NaN}, {@code Infinity} — are not
 * numbers in a data file, nor is a value that overflows to infinity ({@code 1e999}).
 */
public final class DecimalNumbers {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private DecimalNumbers() {
    }

    /** The finite number written in {@code text}, or empty when it is not one (blank included). */
    public static OptionalDouble parse(String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        String v = text.strip();
        if (!DECIMAL.matcher(v).matches()) {
            return OptionalDouble.empty();
        }
        double d = Double.parseDouble(v);
        return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
    }
}
