package org.drugstats.core.tracker;

/**
 * What {@link TrackerRules#assess(TrackedSeries)} found for one series.
 *
 * @param baseline the value of the baseline year (or the nearest year before it); null when the series has none
 * @param latest the value of the latest year after the baseline; null when there is none
 * @param change latest − baseline, in the series' unit (NaN when either is missing)
 * @param changePercent 100 · change / baseline (NaN when the baseline is zero or missing)
 * @param points number of yearly values from the baseline to the latest year, both included
 * @param method how the change was tested
 * @param estimate the trend estimate: Sen's slope per year (unit per year) or the APC (percent); NaN otherwise
 * @param lower lower limit of the estimate's interval
 * @param upper upper limit
 * @param pValue the test's two-sided p-value (Mann–Kendall or the APC's t test); NaN otherwise
 * @param direction the direction the test supports
 * @param reason why the direction is {@link Direction#NOT_MEASURABLE}, empty otherwise
 */
public record Assessment(YearValue baseline, YearValue latest, double change, double changePercent, int points,
        TrendMethod method, double estimate, double lower, double upper, double pValue, Direction direction,
        String reason) {
}
