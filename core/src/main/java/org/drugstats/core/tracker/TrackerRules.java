package org.drugstats.core.tracker;

import java.util.ArrayList;
import java.util.List;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.trend.LogLinearTrend;
import org.drugstats.core.stats.trend.MannKendall;
import org.drugstats.core.stats.trend.TrendSeries;

/**
 * The rule that turns a yearly series into a baseline, a latest value, a change, a trend test and a
 * {@link Direction}. It is written once here and restated on the report's methods page.
 *
 * <ol>
 *   <li><b>Baseline</b>: the value of the baseline year (default 2019, the year of the Ministerial Declaration), or
 *       of the nearest earlier year of the series. No value in or before the baseline year: not measurable.
 *   <li><b>Latest</b>: the value of the last year after the baseline year. None: not measurable (the data end
 *       before the declaration, or at it).
 *   <li><b>Change</b> = latest − baseline, and 100 · change / baseline.
 *   <li><b>Test</b>, on the n yearly values from the baseline year to the latest year:
 *     <ul>
 *       <li>n ≥ {@code minPointsSen} (default 5): Mann–Kendall test with Sen's slope and its 1 − α interval
 *           (Hirsch, Slack and Smith 1982; Sen 1968). Five points are the fewest with which the two-sided test can
 *           reach α = 0.05 at all (with four, the smallest possible p-value is 0.089). Significant when the
 *           Mann–Kendall p &lt; α <i>and</i> Sen's interval excludes zero, so that the direction never contradicts
 *           the interval shown beside it.
 *       <li>otherwise, when the baseline and latest values both carry a range (published bounds or propagated
 *           uncertainty): the ranges are compared; significant when they do not overlap (a conservative test for
 *           two estimates with intervals).
 *       <li>otherwise, n ≥ {@code minPointsApc} (default 3) and every value &gt; 0: log-linear trend, APC with its
 *           t interval (one degree of freedom at n = 3, so only a steady change is significant); significant when
 *           p &lt; α.
 *       <li>otherwise (two values without ranges): no test is possible and the direction is not measurable; the
 *           raw change is still reported, and the verdict says that it is untested.
 *     </ul>
 *   <li><b>Direction</b>: {@code increase} or {@code decrease} by the sign of the estimate (of the change for the
 *       range comparison) when significant; {@code no significant change} when a test was made and is not.
 * </ol>
 * Joinpoint models are not used here: no series since 2019 is long enough for a joinpoint (the run's trends
 * table holds the joinpoint fits of the long series).
 */
public final class TrackerRules {
    private final int baselineYear;
    private final double alpha;
    private final int minPointsSen;
    private final int minPointsApc;

    private TrackerRules(int baselineYear, double alpha, int minPointsSen, int minPointsApc) {
        this.baselineYear = baselineYear;
        this.alpha = alpha;
        this.minPointsSen = minPointsSen;
        this.minPointsApc = minPointsApc;
    }

    /** Baseline 2019, α = 0.05, Sen from 5 points, APC from 3. */
    public static TrackerRules withDefaults() {
        return new TrackerRules(2019, 0.05, 5, 3);
    }

    public TrackerRules withBaselineYear(int year) {
        return new TrackerRules(year, alpha, minPointsSen, minPointsApc);
    }

    public TrackerRules withAlpha(double a) {
        if (!(a > 0 && a < 1)) {
            throw DrugstatsException.of("tracker alpha must be in (0, 1), got %s", a);
        }
        return new TrackerRules(baselineYear, a, minPointsSen, minPointsApc);
    }

    /** Fewest points for the Mann–Kendall/Sen test (at least 3). */
    public TrackerRules withMinPointsSen(int n) {
        if (n < 3) {
            throw DrugstatsException.of("tracker minimum points for Sen's slope must be >= 3, got %d", n);
        }
        return new TrackerRules(baselineYear, alpha, n, minPointsApc);
    }

    /** Fewest points for the log-linear APC (at least 3: one degree of freedom). */
    public TrackerRules withMinPointsApc(int n) {
        if (n < 3) {
            throw DrugstatsException.of("tracker minimum points for the APC must be >= 3, got %d", n);
        }
        return new TrackerRules(baselineYear, alpha, minPointsSen, n);
    }

    public int baselineYear() {
        return baselineYear;
    }

    public double alpha() {
        return alpha;
    }

    public int minPointsSen() {
        return minPointsSen;
    }

    public int minPointsApc() {
        return minPointsApc;
    }

    /** Applies the rule to {@code series}. */
    public Assessment assess(TrackedSeries series) {
        YearValue baseline = null;
        for (YearValue v : series.values()) {
            if (v.year() <= baselineYear) {
                baseline = v;
            }
        }
        List<YearValue> values = series.values();
        YearValue lastValue = values.isEmpty() ? null : values.get(values.size() - 1);
        if (baseline == null) {
            String why = values.isEmpty() ? "the run has no value of this series"
                    : "the series starts in " + values.get(0).year() + ", after the " + baselineYear + " baseline";
            return notMeasurable(null, null, 0, why);
        }
        if (lastValue.year() <= baselineYear) {
            return notMeasurable(baseline, null, 1, "the data end in " + lastValue.year() + ", before any year after "
                    + "the " + baselineYear + " baseline");
        }
        YearValue latest = lastValue;
        List<YearValue> window = new ArrayList<>();
        for (YearValue v : values) {
            if (v.year() >= baseline.year()) {
                window.add(v);
            }
        }
        int n = window.size();
        double change = latest.value() - baseline.value();
        double changePercent = baseline.value() != 0 ? 100 * change / baseline.value() : Double.NaN;
        if (n >= minPointsSen) {
            MannKendall.Result mk = MannKendall.withDefaults().withAlpha(alpha).test(series(series, window));
            boolean significant = mk.pValue() < alpha && (mk.senLower() > 0 || mk.senUpper() < 0);
            Direction d = !significant ? Direction.NO_SIGNIFICANT_CHANGE
                    : mk.senSlope() > 0 ? Direction.INCREASE : Direction.DECREASE;
            return new Assessment(baseline, latest, change, changePercent, n, TrendMethod.SEN_SLOPE, mk.senSlope(),
                    mk.senLower(), mk.senUpper(), mk.pValue(), d, "");
        }
        if (baseline.hasRange() && latest.hasRange()) {
            Direction d = latest.lower() > baseline.upper() ? Direction.INCREASE
                    : latest.upper() < baseline.lower() ? Direction.DECREASE : Direction.NO_SIGNIFICANT_CHANGE;
            return new Assessment(baseline, latest, change, changePercent, n, TrendMethod.RANGE_COMPARISON,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, d, "");
        }
        boolean positive = window.stream().allMatch(v -> v.value() > 0);
        if (n >= minPointsApc && positive) {
            LogLinearTrend.Result r = LogLinearTrend.withDefaults().withConfidenceLevel(1 - alpha)
                    .fit(series(series, window));
            Direction d = !(r.pValue() < alpha) ? Direction.NO_SIGNIFICANT_CHANGE
                    : r.apc() > 0 ? Direction.INCREASE : Direction.DECREASE;
            return new Assessment(baseline, latest, change, changePercent, n, TrendMethod.APC, r.apc(), r.apcLower(),
                    r.apcUpper(), r.pValue(), d, "");
        }
        String why = n >= minPointsApc ? n + " values, not all positive, without ranges: no test is possible"
                : n + " values without ranges: no test is possible";
        return new Assessment(baseline, latest, change, changePercent, n, TrendMethod.NONE, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Direction.NOT_MEASURABLE, why);
    }

    private static Assessment notMeasurable(YearValue baseline, YearValue latest, int points, String why) {
        return new Assessment(baseline, latest, Double.NaN, Double.NaN, points, TrendMethod.NONE, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Direction.NOT_MEASURABLE, why);
    }

    private static TrendSeries series(TrackedSeries s, List<YearValue> window) {
        double[] x = new double[window.size()];
        double[] y = new double[window.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = window.get(i).year();
            y[i] = window.get(i).value();
        }
        return TrendSeries.of(s.indicator() + "|" + s.refArea(), x, y);
    }
}
