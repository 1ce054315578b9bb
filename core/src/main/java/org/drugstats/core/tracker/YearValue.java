package org.drugstats.core.tracker;

/**
 * One value of a tracked series: the year, the value, and its published or computed range (NaN when there is
 * none).
 */
public record YearValue(int year, double value, double lower, double upper) {
    public YearValue {
        if (!Double.isFinite(value)) {
            throw org.drugstats.core.DrugstatsException.of("tracked value for %d must be finite, got %s", year, value);
        }
    }

    /** A value without a range. */
    public static YearValue of(int year, double value) {
        return new YearValue(year, value, Double.NaN, Double.NaN);
    }

    /** A value with a range; NaN bounds mean no range. */
    public static YearValue of(int year, double value, double lower, double upper) {
        return new YearValue(year, value, lower, upper);
    }

    /** True when both bounds are known. */
    public boolean hasRange() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }
}
