package org.drugstats.core.stats.trend;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.drugstats.core.DrugstatsException;

/**
 * The observed part of a {@link TrendSeries}, sorted by x, with the response on the fitting scale and the weights.
 *
 * <p>Rows with a {@code NaN} y are dropped. The sort is stable, so observations that share an x keep their input
 * order. {@code ux} holds the distinct x values (the joinpoint grid) and {@code pos[i]} the grid position of
 * observation i.
 */
final class PreparedSeries {
    final String name;
    final Scale scale;
    final Weighting weighting;
    final int n;
    /** Sorted x. */
    final double[] x;
    /** Observed y, in x order. */
    final double[] y;
    /** Response on the fitting scale: ln(y + offset) or y. */
    final double[] z;
    /** Weights (all 1 without weighting). */
    final double[] w;
    /** Square roots of the weights. */
    final double[] sw;
    /** Distinct x values, ascending. */
    final double[] ux;
    /** Grid position of each observation. */
    final int[] pos;
    /**
     * Extra design columns shared by every candidate model (unweighted, in x order), appended after β0, β1 and the
     * hinges; empty for the standard joinpoint model, one step column 1(x &gt; J) for the jump model.
     */
    final double[][] extra;
    /**
     * Lag-1 autocorrelation ρ of the errors (0: independent). With ρ ≠ 0 every weighted vector √w·v (responses and
     * design columns) is whitened by {@link #whiten(double[], int)} before least squares.
     */
    final double rho;

    private PreparedSeries(String name, Scale scale, Weighting weighting, double[] x, double[] y, double[] z,
            double[] w) {
        this(name, scale, weighting, x, y, z, w, new double[0][], 0);
    }

    private PreparedSeries(String name, Scale scale, Weighting weighting, double[] x, double[] y, double[] z,
            double[] w, double[][] extra, double rho) {
        this.name = name;
        this.extra = extra;
        this.rho = rho;
        this.scale = scale;
        this.weighting = weighting;
        this.n = x.length;
        this.x = x;
        this.y = y;
        this.z = z;
        this.w = w;
        this.sw = new double[n];
        for (int i = 0; i < n; i++) {
            sw[i] = Math.sqrt(w[i]);
        }
        this.pos = new int[n];
        int m = 0;
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            if (i == 0 || x[i] != x[i - 1]) {
                u[m++] = x[i];
            }
            pos[i] = m - 1;
        }
        this.ux = Arrays.copyOf(u, m);
    }

    /**
     * Two prepared series pooled into one, sorted by x; at equal x the observations of {@code a} come first, each
     * series keeping its order. {@code fromB[i]} (out, length n<sub>a</sub> + n<sub>b</sub>) tells which series
     * observation i came from.
     */
    static PreparedSeries pooled(String name, PreparedSeries a, PreparedSeries b, boolean[] fromB) {
        int n = a.n + b.n;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        double[] w = new double[n];
        int i = 0;
        int j = 0;
        for (int k = 0; k < n; k++) {
            boolean takeB = i >= a.n || (j < b.n && b.x[j] < a.x[i]);
            PreparedSeries s = takeB ? b : a;
            int idx = takeB ? j++ : i++;
            x[k] = s.x[idx];
            y[k] = s.y[idx];
            z[k] = s.z[idx];
            w[k] = s.w[idx];
            fromB[k] = takeB;
        }
        return new PreparedSeries(name, a.scale, a.weighting, x, y, z, w);
    }

    /** A copy with one more shared design column (length n, x order). */
    PreparedSeries withExtraColumn(double[] column) {
        if (column.length != n) {
            throw new IllegalArgumentException("column length " + column.length + " != " + n);
        }
        double[][] e = Arrays.copyOf(extra, extra.length + 1);
        e[extra.length] = column.clone();
        return new PreparedSeries(name, scale, weighting, x, y, z, w, e, rho);
    }

    /** A copy with another response on the fitting scale (same x, weights and extra columns). */
    PreparedSeries withResponse(double[] response) {
        if (response.length != n) {
            throw new IllegalArgumentException("response length " + response.length + " != " + n);
        }
        return new PreparedSeries(name, scale, weighting, x, y, response.clone(), w, extra, rho);
    }

    /** A copy with other weights (same x, response and extra columns). */
    PreparedSeries withWeights(double[] weights) {
        if (weights.length != n) {
            throw new IllegalArgumentException("weights length " + weights.length + " != " + n);
        }
        return new PreparedSeries(name, scale, weighting, x, y, z, weights.clone(), extra, rho);
    }

    /**
     * A copy with AR(1) errors of lag-1 autocorrelation ρ, |ρ| &lt; 1; needs one observation per x and equally
     * spaced x (consecutive observations one lag apart).
     *
     * @throws DrugstatsException otherwise, naming the series and the first offending x
     */
    PreparedSeries withAutocorrelation(double r) {
        if (!(Math.abs(r) < 1)) {
            throw DrugstatsException.of("series '%s': autocorrelation must be in (-1, 1), got %s", name, r);
        }
        if (n != ux.length) {
            throw DrugstatsException.of("series '%s': autocorrelated errors need one observation per x;"
                    + " %d observations share an x", name, n - ux.length);
        }
        if (n >= 3) {
            double step = x[1] - x[0];
            for (int i = 2; i < n; i++) {
                if (Math.abs(x[i] - x[i - 1] - step) > 1e-9 * Math.max(1, Math.abs(step))) {
                    throw DrugstatsException.of("series '%s': autocorrelated errors need equally spaced x with no"
                            + " missing value; the spacing changes at x = %s (%s instead of %s)", name,
                            fmt(x[i]), fmt(x[i] - x[i - 1]), fmt(step));
                }
            }
        }
        return new PreparedSeries(name, scale, weighting, x, y, z, w, extra, r);
    }

    /**
     * Prais–Winsten whitening of an n-long vector at {@code off}, in place: v1 ← √(1 − ρ²)·v1,
     * v<sub>t</sub> ← v<sub>t</sub> − ρ·v<sub>t−1</sub> (original values). For AR(1) errors with correlation
     * ρ<sup>|s−t|</sup> the result has independent errors of the innovation variance. No-op when ρ = 0.
     */
    void whiten(double[] v, int off) {
        if (rho == 0) {
            return;
        }
        for (int t = n - 1; t >= 1; t--) {
            v[off + t] -= rho * v[off + t - 1];
        }
        v[off] *= Math.sqrt(1 - rho * rho);
    }

    /** Inverse of {@link #whiten(double[], int)}. */
    void unwhiten(double[] v, int off) {
        if (rho == 0) {
            return;
        }
        v[off] /= Math.sqrt(1 - rho * rho);
        for (int t = 1; t < n; t++) {
            v[off + t] += rho * v[off + t - 1];
        }
    }

    /** Number of distinct x values. */
    int distinctCount() {
        return ux.length;
    }

    /**
     * Largest |x| and |fitted y| a fit accepts: squares and cross-products of values up to 1e100, summed over up to
     * 10^6 points and scaled by weights up to 1e100, stay far below the largest double (1.8e308), so no sum of
     * squares, slope or test statistic overflows to Infinity or NaN.
     */
    static final double MAX_MAGNITUDE = 1e100;
    /** Smallest weight accepted (the largest is its inverse). */
    static final double MIN_WEIGHT = 1e-100;

    static PreparedSeries of(TrendSeries s, Scale scale, Weighting weighting, double logOffset) {
        int size = s.size();
        Integer[] order = IntStream.range(0, size).filter(i -> !Double.isNaN(s.yAt(i))).boxed()
                .toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(s::xAt));
        int n = order.length;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            x[k] = s.xAt(i);
            y[k] = s.yAt(i);
            if (!Double.isFinite(y[k])) {
                throw DrugstatsException.of("series '%s': y must be finite or missing (NaN), got %s at x = %s",
                        s.name(), y[k], fmt(x[k]));
            }
            double v = scale == Scale.LOG ? y[k] + logOffset : y[k];
            if (scale == Scale.LOG) {
                if (!(v > 0)) {
                    throw DrugstatsException.of(
                            "series '%s': y = %s at x = %s is not > 0, so ln(y) is undefined; a log-scale trend"
                                    + " needs y > 0 (drop the point, fit on the linear scale, or set an explicit"
                                    + " log offset)%s",
                            s.name(), fmt(y[k]), fmt(x[k]), logOffset == 0 ? "" : " (offset " + fmt(logOffset) + ")");
                }
                z[k] = Math.log(v);
            } else {
                z[k] = v;
            }
            switch (weighting) {
                case NONE -> w[k] = 1;
                case STANDARD_ERROR -> {
                    double se = s.seAt(i);
                    if (!s.hasStandardErrors()) {
                        throw DrugstatsException.of(
                                "series '%s': standard-error weighting needs a standard error per observation,"
                                        + " none given", s.name());
                    }
                    if (!(se > 0) || se == Double.POSITIVE_INFINITY) {
                        throw DrugstatsException.of(
                                "series '%s': standard error at x = %s must be finite and > 0 for weighting, got %s",
                                s.name(), fmt(x[k]), se);
                    }
                    w[k] = scale == Scale.LOG ? (v * v) / (se * se) : 1.0 / (se * se);
                }
                case POISSON -> {
                    if (!(y[k] > 0)) {
                        throw DrugstatsException.of(
                                "series '%s': Poisson weighting needs counts y > 0, got %s at x = %s", s.name(),
                                fmt(y[k]), fmt(x[k]));
                    }
                    w[k] = scale == Scale.LOG ? y[k] : 1.0 / y[k];
                }
                default -> throw new IllegalStateException(weighting.name());
            }
            if (!(Math.abs(z[k]) <= MAX_MAGNITUDE && Math.abs(x[k]) <= MAX_MAGNITUDE)) {
                throw DrugstatsException.of("series '%s': %s = %s at x = %s is beyond %s in magnitude: the sums of squares "
                        + "of the fit would overflow (and the test statistics with them); rescale the series (e.g. y per "
                        + "1,000 or per million, x as years)%s", s.name(), Math.abs(x[k]) > MAX_MAGNITUDE ? "x" : "y",
                        Math.abs(x[k]) > MAX_MAGNITUDE ? fmt(x[k]) : fmt(y[k]), fmt(x[k]), "1e100",
                        scale == Scale.LINEAR ? " or fit on the log scale" : "");
            }
            if (!(w[k] >= MIN_WEIGHT && w[k] <= 1 / MIN_WEIGHT)) {
                throw DrugstatsException.of("series '%s': the weight at x = %s is %s, outside [1e-100, 1e100]: the "
                        + "weighted sums would overflow or underflow; rescale y and its standard errors", s.name(),
                        fmt(x[k]), w[k]);
            }
        }
        return new PreparedSeries(s.name(), scale, weighting, x, y, z, w);
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
