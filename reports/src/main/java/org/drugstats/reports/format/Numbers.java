package org.drugstats.reports.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as an analyst reads them in the report: grouped thousands, about three significant digits for
 * display ("252,600", "4.35", "0.072"), "39.5 million" for large counts, signed percentages for changes.
 * Locale.ROOT throughout, so reports look the same on every machine. NaN and infinities print as "–"
 * (no value), never as "NaN".
 *
 * <p>Display rounding never feeds a computation: tables also offer CSV downloads with full precision.
 */
public final class Numbers {

    /** What a missing number prints as. */
    public static final String NONE = "–";

    private Numbers() {
    }

    /**
     * A number to about three significant digits, without exponent: 252600 → "252,600", 12345.6 → "12,346",
     * 4.3512 → "4.35", 0.07234 → "0.0723"; from a million on in words to three significant digits, since no
     * count of people, kilograms or dollars that large is known to the unit (88,019,389 → "88.0 million");
     * below a million, integers exactly.
     */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return NONE;
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e6) {
            return compact(v);
        }
        if (a >= 1000 || v == Math.rint(v)) {
            return grouped(Math.round(v), 0);
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_EVEN));
        int decimals = Math.max(0, rounded.stripTrailingZeros().scale());
        return grouped(rounded.doubleValue(), decimals);
    }

    /** Fixed decimals with grouping: {@code fixed(7.4567, 1)} → "7.5". */
    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return NONE;
        }
        return grouped(v, decimals);
    }

    /**
     * Large amounts in words to three significant digits, trailing zeros kept: 3.95e7 → "39.5 million",
     * 8.8019389e7 → "88.0 million", 5.125e9 → "5.13 billion", 345900 → "345,900"; below a million as
     * {@link #number}.
     */
    public static String compact(double v) {
        if (!Double.isFinite(v)) {
            return NONE;
        }
        double a = Math.abs(v);
        if (a >= 1e12) {
            return significant(v / 1e12) + " trillion";
        }
        if (a >= 1e9) {
            return significant(v / 1e9) + " billion";
        }
        if (a >= 1e6) {
            return significant(v / 1e6) + " million";
        }
        return number(v);
    }

    /**
     * Large amounts in words with a range in the same unit: (8.8e7, 8.1e7, 9.6e7) → "88.0 million (81.0–96.0
     * million)"; without bounds the value alone.
     */
    public static String compactRange(double v, double lower, double upper) {
        String value = compact(v);
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            return value;
        }
        double a = Math.max(Math.abs(v), Math.max(Math.abs(lower), Math.abs(upper)));
        if (a < 1e6 || !Double.isFinite(v)) {
            return value + " (" + range(lower, upper) + ")";
        }
        double scale = Math.abs(v) >= 1e12 ? 1e12 : Math.abs(v) >= 1e9 ? 1e9 : 1e6;
        String word = scale == 1e12 ? " trillion" : scale == 1e9 ? " billion" : " million";
        return value + " (" + significant(lower / scale) + "\u2013" + significant(upper / scale) + word + ")";
    }

    /** Three significant digits with trailing zeros kept, grouped: 88.0193 → "88.0", 1234.5 → "1,230". */
    private static String significant(double v) {
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_EVEN));
        return grouped(rounded.doubleValue(), Math.max(0, rounded.scale()));
    }

    /** A percentage with a sign: 5.12 → "+5.1%", −17 → "−17.0%" (one decimal, Unicode minus). */
    public static String signedPercent(double v) {
        if (!Double.isFinite(v)) {
            return NONE;
        }
        String s = grouped(Math.abs(v), 1);
        return s.equals("0.0") ? "0.0%" : (v < 0 ? "\u2212" : "+") + s + "%";
    }

    /** A percentage to three significant digits: 7.5 → "7.5%", 84.0 → "84%". */
    public static String percent(double v) {
        return Double.isFinite(v) ? number(v) + "%" : NONE;
    }

    /** A range "low–high" in {@link #number} form, or empty when either bound is missing. */
    public static String range(double lower, double upper) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            return "";
        }
        return number(lower) + "\u2013" + number(upper);
    }

    /** A year: 2021.0 → "2021", 2010.5 → "2010.5". */
    public static String year(double x) {
        if (!Double.isFinite(x)) {
            return NONE;
        }
        return x == Math.rint(x) ? Long.toString((long) x) : fixed(x, 1).replace(",", "");
    }

    /** Full precision, plain (no exponent, no grouping) for CSV: 1.0E-7 → "0.0000001"; NaN → "". */
    public static String plain(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return s.contains("E") ? new BigDecimal(s).stripTrailingZeros().toPlainString() : s;
    }

    private static String grouped(double v, int decimals) {
        StringBuilder pattern = new StringBuilder("#,##0");
        if (decimals > 0) {
            pattern.append('.');
            pattern.append("0".repeat(decimals));
        }
        DecimalFormat f = new DecimalFormat(pattern.toString(), DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        String s = f.format(v);
        if (s.startsWith("-")) {
            String abs = s.substring(1);
            return abs.matches("[0.,]+") ? abs : "\u2212" + abs;
        }
        return s;
    }
}
