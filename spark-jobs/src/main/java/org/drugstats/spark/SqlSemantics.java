package org.drugstats.spark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import org.drugstats.core.DrugstatsException;

/**
 * Spark SQL's orderings and decimal casts, in plain Java, for steps that compute in a {@code flatMapGroups} what
 * they computed with SQL before and must give the same bytes:
 * <ul>
 * <li>strings order by their UTF-8 bytes ({@code UTF8String.compareTo}), i.e. by code point — not by UTF-16 unit
 * as {@link String#compareTo} (the two differ when a supplementary character meets one in U+E000..U+FFFF);</li>
 * <li>doubles order with −0.0 = 0.0 and NaN above every number, NaN = NaN ({@code SQLOrderingUtil});</li>
 * <li>{@code CAST(double AS DECIMAL(38,6))} takes the double's shortest decimal form ({@code Double.toString}, as
 * {@code scala.math.BigDecimal.decimal} does) and rounds it HALF_UP to 6 places: 5.0E-7 becomes 0.000001 although the
 * binary double is slightly below 5·10⁻⁷;</li>
 * <li>{@code CAST(decimal AS DOUBLE)} is {@link BigDecimal#doubleValue()} (correctly rounded).</li>
 * </ul>
 */
final class SqlSemantics {

    /** Digits after the point of the {@code decimal(38,6)} sums. */
    static final int SCALE = 6;
    /** Digits of the {@code decimal(38,6)} sums. */
    static final int PRECISION = 38;

    /** Strings by UTF-8 bytes, nulls first ({@code asc_nulls_first}). */
    static final Comparator<String> UTF8_NULLS_FIRST = Comparator.nullsFirst(SqlSemantics::compareUtf8);

    private SqlSemantics() {
    }

    /** Compares two strings as Spark compares their UTF-8 bytes. */
    static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // UTF-8 byte order is code point order; at the first different unit the code points differ the
                // same way (a shared high surrogate before it leaves low surrogates, which order as their values)
                return Integer.compare(a.codePointAt(i), b.codePointAt(i));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** The smaller of two strings by UTF-8 bytes, ignoring nulls ({@code min} of a string column). */
    static String minUtf8(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return compareUtf8(a, b) <= 0 ? a : b;
    }

    /** Compares two doubles as Spark sorts them: −0.0 = 0.0, NaN last and equal to itself. */
    static int compareDoubles(double a, double b) {
        if (a == b) {
            return 0;
        }
        boolean na = Double.isNaN(a);
        boolean nb = Double.isNaN(b);
        if (na || nb) {
            return na && nb ? 0 : na ? 1 : -1;
        }
        return a < b ? -1 : 1;
    }

    /** Nullable doubles, nulls first. */
    static int compareDoublesNullsFirst(Double a, Double b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return compareDoubles(a, b);
    }

    /**
     * {@code CAST(d AS DECIMAL(p,scale))} of a finite double: its shortest decimal form ({@code Double.toString})
     * rounded HALF_UP to {@code scale} places, as Spark casts it.
     */
    static BigDecimal cast(double d, int scale) {
        return new BigDecimal(Double.toString(d)).setScale(scale, RoundingMode.HALF_UP);
    }

    /**
     * {@code CAST(d AS DECIMAL(38,6))}: the shortest decimal form of {@code d} rounded HALF_UP to 6 places.
     *
     * @throws DrugstatsException for NaN, an infinity or more than 38 digits (Spark's ANSI mode fails too)
     */
    static BigDecimal toDecimal(double d) {
        if (!Double.isFinite(d)) {
            throw DrugstatsException.of("aggregate: value %s cannot be summed as decimal(38,6)", d);
        }
        BigDecimal v = cast(d, SCALE);
        if (v.precision() > PRECISION) {
            throw DrugstatsException.of("aggregate: value %s exceeds decimal(38,6)", d);
        }
        return v;
    }
}
