package org.drugstats.core.tracker;

import java.util.Locale;

/**
 * Numbers as a reader quotes them: rounded to what the data support and in the unit a report would use
 * (kilograms of seizures as tonnes, persons in millions, rates per 100,000, hectares to the hundred as the World
 * Drug Report gives cultivation, e.g. "345,900 ha"), negative numbers with the minus sign (U+2212), not a hyphen.
 */
public final class Quantities {
    private Quantities() {
    }

    /** {@code value} in {@code unit}, rounded for reading, with its unit. */
    public static String format(double value, String unit) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        String u = unit == null ? "" : unit;
        double a = Math.abs(value);
        switch (u) {
            case "persons":
                if (a >= 1e6) {
                    return fmt("%.1f million", value / 1e6);
                }
                return a >= 1e3 ? fmt("%,.0f thousand", value / 1e3) : fmt("%,.0f", value);
            case "kg":
                if (a >= 1e5) {
                    return fmt("%,.0f t", value / 1e3);
                }
                return a >= 1e3 ? fmt("%.1f t", value / 1e3) : fmt("%.1f kg", value);
            case "hectares":
            case "ha":
                // cultivation estimates are survey estimates with bounds thousands of hectares wide: the WDR
                // quotes them to the hundred (345,900 ha); small areas keep their digits
                return fmt("%,.0f ha", a >= 10_000 ? Math.round(value / 100.0) * 100.0 : value);
            case "percent":
                return a >= 1 || a == 0 ? fmt("%.1f%%", value) : fmt("%.2f%%", value);
            case "per-100000":
            case "per-100k":
            case "per 100,000":
                return fmt("%.1f per 100,000", value);
            case "mg-per-capita":
                return significant(value) + " mg per capita";
            case "countries":
            case "count":
                return fmt("%,.0f", value);
            default:
                return significant(value) + (u.isEmpty() ? "" : " " + u);
        }
    }

    /** A percent change with its sign, e.g. {@code +58%}. */
    public static String percentChange(double pct) {
        if (!Double.isFinite(pct)) {
            return "–";
        }
        return Math.abs(pct) >= 10 ? fmt("%+.0f%%", pct) : fmt("%+.1f%%", pct);
    }

    /** Three significant digits, thousands grouped. */
    public static String significant(double value) {
        double a = Math.abs(value);
        if (a >= 1000) {
            return fmt("%,.0f", value);
        }
        if (a >= 100) {
            return fmt("%.0f", value);
        }
        if (a >= 10) {
            return fmt("%.1f", value);
        }
        if (a >= 1 || a == 0) {
            return fmt("%.2f", value);
        }
        return fmt("%.3g", value);
    }

    /** A p-value: {@code < 0.001} or two significant digits. */
    public static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return "–";
        }
        return p < 0.001 ? "< 0.001" : fmt("%.2g", p);
    }

    private static String fmt(String f, double v) {
        // the only hyphen a number format can produce is the sign: print it as the minus sign
        return String.format(Locale.ROOT, f, v == 0 ? 0.0 : v).replace('-', '\u2212');
    }
}
