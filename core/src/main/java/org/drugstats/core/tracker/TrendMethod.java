package org.drugstats.core.tracker;

/** How the tracker tested the change of a series since the baseline (the {@code trend_method} column). */
public enum TrendMethod {
    /** Mann–Kendall test with Sen's slope and its interval, per year, in the series' unit. */
    SEN_SLOPE("sen-slope"),
    /** Log-linear trend: annual percent change with its t interval. */
    APC("apc"),
    /** Baseline and latest ranges compared: a change is significant when the two ranges do not overlap. */
    RANGE_COMPARISON("range-comparison"),
    /** No test was possible. */
    NONE("none");

    private final String code;

    TrendMethod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
