package org.drugstats.core.catalog;

import java.math.BigDecimal;

/** Number formatting and decimal scaling for the catalog. */
final class Numbers {
    private Numbers() {
    }

    /**
     * The shortest decimal text of {@code v} without exponent or trailing zeros: 95000.0 → {@code 95000},
     * 39.5 → {@code 39.5}; infinities as {@code Infinity}/{@code -Infinity}.
     */
    static String plain(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return strip(BigDecimal.valueOf(v)).toPlainString();
    }

    /** {@code v × 10^power} as plain decimal text, scaled exactly in decimal (39.5, 6 → {@code 39500000}). */
    static String plainScaled(double v, int power) {
        return strip(BigDecimal.valueOf(v).scaleByPowerOfTen(power)).toPlainString();
    }

    /** {@code v × 10^power}, scaled in decimal and rounded once to the nearest double. */
    static double scale(double v, int power) {
        if (power == 0 || !Double.isFinite(v)) {
            return v;
        }
        return BigDecimal.valueOf(v).scaleByPowerOfTen(power).doubleValue();
    }

    private static BigDecimal strip(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.signum() == 0 ? BigDecimal.ZERO : s;
    }
}
