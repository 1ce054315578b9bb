package org.drugstats.core.tracker;

/**
 * What the data say about an indicator since the baseline, as decided by {@link TrackerRules}: a direction is
 * only {@link #INCREASE} or {@link #DECREASE} when a test on the data supports it.
 */
public enum Direction {
    /** A test shows a significant rise. */
    INCREASE("increase"),
    /** A test shows a significant fall. */
    DECREASE("decrease"),
    /** A test was possible and shows no significant change. */
    NO_SIGNIFICANT_CHANGE("no significant change"),
    /** No indicator, no value in or after the baseline, or too little data to test a change. */
    NOT_MEASURABLE("not measurable");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    /** The value of the {@code direction} column. */
    public String code() {
        return code;
    }
}
