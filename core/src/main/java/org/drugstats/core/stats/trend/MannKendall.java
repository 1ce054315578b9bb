package org.drugstats.core.stats.trend;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.drugstats.core.DrugstatsException;

/**
 * Mann–Kendall trend test with tie correction, Kendall's tau, and Sen's slope with its confidence interval; optionally
 * seasonal (Hirsch, Slack and Smith 1982, Water Resour Res 18:107, doi:10.1029/WR018i001p00107).
 *
 * <p>Observations are ordered by x (missing y skipped; repeated x is an error: the test needs one value per time).
 * <ul>
 *   <li>S = Σ<sub>i&lt;j</sub> sgn(y<sub>j</sub> − y<sub>i</sub>);
 *       Var(S) = [n(n−1)(2n+5) − Σ<sub>p</sub> t<sub>p</sub>(t<sub>p</sub>−1)(2t<sub>p</sub>+5)]/18 over groups of
 *       tied y; Z = (S − 1)/√Var if S &gt; 0, 0 if S = 0, (S + 1)/√Var if S &lt; 0; two-sided p = 2(1 − Φ(|Z|));
 *       tau = S/(n(n−1)/2) (Mann 1945; Kendall 1975).
 *   <li>Sen's slope (Sen 1968, JASA 63:1379, doi:10.1080/01621459.1968.10480934) = median of the pairwise slopes
 *       (y<sub>j</sub> − y<sub>i</sub>)/(x<sub>j</sub> − x<sub>i</sub>), per unit of x (with consecutive x this is
 *       the index-based slope of R {@code trend::sens.slope} and {@code pymannkendall}). Interval: with
 *       C = z<sub>1−α/2</sub>·√Var(S) and N pairwise slopes sorted, the slopes of (1-based) ranks
 *       round((N − C)/2) and round((N + C)/2 + 1), round half to even as in R (ranks clamped to 1..N).
 *   <li>Intercept ({@link SenIntercept}): by default Conover's median(y) − b·median(x), as
 *       {@code scipy.stats.theilslopes} and {@code pymannkendall} (with their x); or median(y − b·x).
 *   <li>Seasonal variant ({@link #withPeriod(int)}, integer x such as month numbers): season = x mod P; S, Var(S)
 *       and the number of pairs are summed over seasons, slopes are the within-season pairwise slopes (still per unit
 *       of x, so per month for monthly x; multiply by P for per year).
 * </ul>
 * Edge cases: fewer than 2 observations (per season: fewer than 2 in every season) is an error; if Var(S) = 0
 * (all y tied) Z = 0 and p = 1.
 */
public final class MannKendall {
    /** Convention for the intercept of the Sen line. */
    public enum SenIntercept {
        /** median(y) − slope·median(x) (Conover 1980; scipy.stats.theilslopes, pymannkendall). */
        CONOVER,
        /** median(y − slope·x). */
        MEDIAN_RESIDUAL
    }

    private final double alpha;
    private final int period;
    private final SenIntercept intercept;

    private MannKendall(double alpha, int period, SenIntercept intercept) {
        this.alpha = alpha;
        this.period = period;
        this.intercept = intercept;
    }

    /** α = 0.05 for the slope interval, not seasonal, Conover intercept. */
    public static MannKendall withDefaults() {
        return new MannKendall(0.05, 0, SenIntercept.CONOVER);
    }

    /** 1 − confidence level of the Sen slope interval. */
    public MannKendall withAlpha(double a) {
        if (!(a > 0 && a < 1)) {
            throw DrugstatsException.of("alpha must be in (0, 1), got %s", a);
        }
        return new MannKendall(a, period, intercept);
    }

    /** Seasonal test with period P ≥ 2 (seasons x mod P). */
    public MannKendall withPeriod(int p) {
        if (!(p >= 2)) {
            throw DrugstatsException.of("season period must be >= 2, got %d", p);
        }
        return new MannKendall(alpha, p, intercept);
    }

    public MannKendall withIntercept(SenIntercept c) {
        return new MannKendall(alpha, period, Objects.requireNonNull(c));
    }

    /**
     * Test result.
     *
     * @param n observations used
     * @param period season period, 0 when not seasonal
     * @param s Mann–Kendall S
     * @param varS its variance with tie correction
     * @param z normal score with continuity correction
     * @param pValue two-sided p-value
     * @param tau S over the number of pairs
     * @param senSlope Sen's slope per unit of x
     * @param senIntercept intercept of the Sen line (see {@link SenIntercept})
     * @param senLower lower limit of the slope interval
     * @param senUpper upper limit
     */
    public record Result(int n, int period, long s, double varS, double z, double pValue, double tau,
            double senSlope, double senIntercept, double senLower, double senUpper) {
    }

    /** Runs the (seasonal) test on {@code series}. */
    public Result test(TrendSeries series) {
        int[] order = IntStream.range(0, series.size()).filter(i -> !Double.isNaN(series.yAt(i))).boxed()
                .sorted((a, b) -> Double.compare(series.xAt(a), series.xAt(b))).mapToInt(Integer::intValue)
                .toArray();
        int n = order.length;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = series.xAt(order[k]);
            y[k] = series.yAt(order[k]);
            if (!Double.isFinite(y[k])) {
                throw DrugstatsException.of("series '%s': y must be finite or missing, got %s at x = %s",
                        series.name(), y[k], PreparedSeries.fmt(x[k]));
            }
            if (k > 0 && x[k] == x[k - 1]) {
                throw DrugstatsException.of(
                        "series '%s': Mann-Kendall needs one observation per x, x = %s appears more than once",
                        series.name(), PreparedSeries.fmt(x[k]));
            }
        }
        if (n < 2) {
            throw DrugstatsException.of("series '%s': Mann-Kendall needs at least 2 observations, got %d",
                    series.name(), n);
        }
        int[] season = new int[n];
        int seasons = 1;
        if (period > 0) {
            seasons = period;
            for (int k = 0; k < n; k++) {
                if (x[k] != Math.rint(x[k])) {
                    throw DrugstatsException.of(
                            "series '%s': the seasonal test needs integer x (e.g. month numbers), got %s",
                            series.name(), x[k]);
                }
                season[k] = (int) Math.floorMod((long) x[k], (long) period);
            }
        }
        long s = 0;
        long var18 = 0;
        long pairs = 0;
        int slopeCount = 0;
        for (int g = 0; g < seasons; g++) {
            int c = 0;
            for (int k = 0; k < n; k++) {
                if (season[k] == g) {
                    c++;
                }
            }
            slopeCount += c * (c - 1) / 2;
        }
        if (slopeCount == 0) {
            throw DrugstatsException.of("series '%s': no season has 2 or more observations (period %d)",
                    series.name(), period);
        }
        double[] slopes = new double[slopeCount];
        int ns = 0;
        for (int g = 0; g < seasons; g++) {
            final int gg = g;
            int[] idx = IntStream.range(0, n).filter(k -> season[k] == gg).toArray();
            int c = idx.length;
            if (c < 2) {
                continue;
            }
            double[] ys = new double[c];
            for (int a = 0; a < c; a++) {
                ys[a] = y[idx[a]];
                for (int b = 0; b < a; b++) {
                    // sgn of the difference, not Double.compare: -0.0 and 0.0 are a tie (as in the tie groups)
                    s += (long) Math.signum(y[idx[a]] - y[idx[b]]);
                    slopes[ns++] = (y[idx[a]] - y[idx[b]]) / (x[idx[a]] - x[idx[b]]);
                }
            }
            pairs += (long) c * (c - 1) / 2;
            var18 += varianceS18(ys);
        }
        double var = var18 / 18.0;
        double z;
        if (s > 0) {
            z = (s - 1) / Math.sqrt(var);
        } else if (s < 0) {
            z = (s + 1) / Math.sqrt(var);
        } else {
            z = 0;
        }
        if (!(var > 0)) {
            z = 0;
        }
        NormalDistribution std = NormalDistribution.of(0, 1);
        double p = 2 * std.survivalProbability(Math.abs(z));
        Arrays.sort(slopes);
        double slope = median(slopes);
        double cc = std.inverseCumulativeProbability(1 - alpha / 2) * Math.sqrt(var);
        int lo = (int) Math.rint((slopeCount - cc) / 2);
        int hi = (int) Math.rint((slopeCount + cc) / 2 + 1);
        lo = Math.max(1, Math.min(slopeCount, lo));
        hi = Math.max(1, Math.min(slopeCount, hi));
        double b0;
        if (intercept == SenIntercept.CONOVER) {
            double[] xs = x.clone();
            double[] ys = y.clone();
            Arrays.sort(xs);
            Arrays.sort(ys);
            b0 = median(ys) - slope * median(xs);
        } else {
            double[] r = new double[n];
            for (int k = 0; k < n; k++) {
                r[k] = y[k] - slope * x[k];
            }
            Arrays.sort(r);
            b0 = median(r);
        }
        return new Result(n, period, s, var, z, p, s / (double) pairs, slope, b0, slopes[lo - 1], slopes[hi - 1]);
    }

    /** 18·Var(S), exact in integers. */
    private static long varianceS18(double[] ys) {
        int n = ys.length;
        double[] sorted = ys.clone();
        Arrays.sort(sorted);
        long ties = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[i]) {
                j++;
            }
            long t = j - i + 1;
            ties += t * (t - 1) * (2 * t + 5);
            i = j + 1;
        }
        return (long) n * (n - 1) * (2L * n + 5) - ties;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
