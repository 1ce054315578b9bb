package org.drugstats.core.tracker;

/**
 * One row of {@code results/tracker} (schema tag {@code drugstats-tracker/1}): one indicator of one challenge in one
 * area. Missing numbers are NaN (written as null), missing years null.
 *
 * @param challenge the challenge's letter a … l
 * @param challengeText the challenge restated
 * @param indicator the indicator id (as in the run's results), empty when the challenge has no indicator
 * @param label a readable name of the indicator
 * @param refArea the area code ({@code WLD}, a UNODC region code, ISO3)
 * @param areaName the area's name
 * @param unit the indicator's unit
 * @param baselineYear the baseline year (2019 or the nearest year before it with a value)
 * @param baselineValue its value
 * @param latestYear the latest year after the baseline with a value
 * @param latestValue its value
 * @param change latest − baseline in the unit
 * @param changePercent 100 · change / baseline
 * @param trendMethod {@link TrendMethod#code()}
 * @param trendEstimate Sen's slope per year or the APC in percent
 * @param trendLower its lower limit
 * @param trendUpper its upper limit
 * @param pValue the test's p-value
 * @param direction {@link Direction#code()}
 * @param points yearly values from the baseline to the latest year
 * @param coverage the data coverage (countries or population with data, years)
 * @param verdict one sentence the numbers support
 * @param source where the numbers come from (publication and the run's result table)
 * @param link the report page and chart that show the series
 */
public record TrackerRow(String challenge, String challengeText, String indicator, String label, String refArea,
        String areaName, String unit, Integer baselineYear, double baselineValue, Integer latestYear,
        double latestValue, double change, double changePercent, String trendMethod, double trendEstimate,
        double trendLower, double trendUpper, double pValue, String direction, int points, String coverage,
        String verdict, String source, String link) {

    /** Text fields never null: an absent text is empty (Parquet readers may give null for an empty string). */
    public TrackerRow {
        challengeText = orEmpty(challengeText);
        indicator = orEmpty(indicator);
        label = orEmpty(label);
        refArea = orEmpty(refArea);
        areaName = orEmpty(areaName);
        unit = orEmpty(unit);
        trendMethod = orEmpty(trendMethod);
        coverage = orEmpty(coverage);
        verdict = orEmpty(verdict);
        source = orEmpty(source);
        link = orEmpty(link);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The contract's column names, in order ({@code ResultTable.TRACKER}). */
    public static final java.util.List<String> COLUMNS = org.drugstats.core.results.ResultTable.TRACKER.columnNames();

    /** The row of {@code series} assessed as {@code a}. */
    static TrackerRow of(Challenge c, TrackedSeries s, Assessment a, String verdict) {
        return new TrackerRow(c.letter(), c.text(), s.indicator(), s.label(), s.refArea(), s.areaName(), s.unit(),
                a.baseline() == null ? null : a.baseline().year(),
                a.baseline() == null ? Double.NaN : a.baseline().value(),
                a.latest() == null ? null : a.latest().year(), a.latest() == null ? Double.NaN : a.latest().value(),
                a.change(), a.changePercent(), a.method().code(), a.estimate(), a.lower(), a.upper(), a.pValue(),
                a.direction().code(), a.points(), s.coverage(), verdict, s.source(), s.link());
    }

    /** A challenge (or an indicator of it) that the data cannot measure. */
    static TrackerRow notMeasurable(Challenge c, String indicator, String label, String refArea, String areaName,
            String verdict, String source, String link) {
        return new TrackerRow(c.letter(), c.text(), indicator, label, refArea, areaName, "", null, Double.NaN, null,
                Double.NaN, Double.NaN, Double.NaN, TrendMethod.NONE.code(), Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Direction.NOT_MEASURABLE.code(), 0, "", verdict, source, link);
    }
}
