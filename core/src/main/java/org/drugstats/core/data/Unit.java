package org.drugstats.core.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.drugstats.core.DrugstatsException;

/**
 * Units of measure (SDMX {@code UNIT_MEASURE}). The code is what extracts and the catalog store; the
 * domain bounds are what validation checks (a value outside them is quarantined).
 *
 * <p>The unit multiplier (SDMX {@code UNIT_MULT}, a power of ten) is stored separately: 39.5 million
 * persons is value 39.5, unit {@link #PERSONS}, multiplier 6.
 */
public enum Unit {
    /** Percent, 0–100 (prevalence, treatment coverage, shares). */
    PERCENT("percent", 0, 100, "%"),
    /** A fraction 0–1 (coverage as a fraction, shares of a total). */
    FRACTION("fraction", 0, 1, ""),
    /** Number of persons. */
    PERSONS("persons", 0, Double.POSITIVE_INFINITY, "persons"),
    /** A count of things that are not persons: countries, laboratories, pieces of legislation, reports. */
    COUNT("count", 0, Double.POSITIVE_INFINITY, ""),
    /** Hectares of cultivation. */
    HECTARES("hectares", 0, Double.POSITIVE_INFINITY, "ha"),
    /** Kilograms (seizures, consumption quantities). */
    KILOGRAMS("kg", 0, Double.POSITIVE_INFINITY, "kg"),
    /** Metric tons. */
    TONNES("tonnes", 0, Double.POSITIVE_INFINITY, "t"),
    /** Current United States dollars. */
    USD("usd", 0, Double.POSITIVE_INFINITY, "US$"),
    /** Defined daily doses for statistical purposes per million inhabitants per day (INCB). */
    SDDD_PER_MILLION_PER_DAY("s-ddd-per-million-per-day", 0, Double.POSITIVE_INFINITY, "S-DDD/million/day"),
    /** Milligrams (morphine equivalent where the indicator says so) per capita per year. */
    MG_PER_CAPITA("mg-per-capita", 0, Double.POSITIVE_INFINITY, "mg/capita"),
    /** Kilograms per 100,000 inhabitants. */
    KG_PER_100K("kg-per-100k", 0, Double.POSITIVE_INFINITY, "kg/100,000"),
    /** A rate per 100,000 population (mortality: deaths per 100,000 a year). */
    PER_100K("per-100k", 0, Double.POSITIVE_INFINITY, "per 100,000"),
    /** A percent change, which may be negative and is unbounded above (e.g. +45%, −17%). */
    PERCENT_CHANGE("percent-change", -100, Double.POSITIVE_INFINITY, "%"),
    /** A ratio of two quantities, e.g. "1 in 5" stored as 5 (one in N). */
    ONE_IN_N("one-in-n", 1, Double.POSITIVE_INFINITY, "1 in N"),
    /** A ratio without bounds other than non-negativity (multiples, "doubled" = 2). */
    RATIO("ratio", 0, Double.POSITIVE_INFINITY, "×"),
    /** An ordinal rank (the 191st party). */
    ORDINAL("ordinal", 1, Double.POSITIVE_INFINITY, "th"),
    /** A calendar year used as a value (a target date). */
    YEAR("year", 1900, 2200, "");

    private final String code;
    private final double min;
    private final double max;
    private final String symbol;

    Unit(String code, double min, double max, String symbol) {
        this.code = code;
        this.min = min;
        this.max = max;
        this.symbol = symbol;
    }

    /** The stable code written to extracts and the catalog. */
    public String code() {
        return code;
    }

    /** Smallest value the unit admits. */
    public double min() {
        return min;
    }

    /** Largest value the unit admits. */
    public double max() {
        return max;
    }

    /** Short symbol for labels and axes. */
    public String symbol() {
        return symbol;
    }

    /** True when {@code v} lies in the unit's domain; false for NaN. */
    public boolean admits(double v) {
        return v >= min && v <= max;
    }

    /** The unit with this code, if any. */
    public static Optional<Unit> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(u -> u.code.equals(c)).findFirst();
    }

    /** The unit with this code, or an error that lists the known codes. */
    public static Unit ofCode(String code) {
        return find(code).orElseThrow(() -> DrugstatsException.of(
                "unknown unit '%s'; expected one of %s", code,
                Arrays.stream(values()).map(Unit::code).toList()));
    }
}
