package org.drugstats.core.stats.trend;

import java.util.Arrays;
import java.util.Objects;
import org.drugstats.core.DrugstatsException;

/**
 * One named series of observations (x<sub>i</sub>, y<sub>i</sub>), optionally with a standard error per
 * observation.
 *
 * <p>x must be finite; it need not be sorted, evenly spaced or distinct (several y at the same x are allowed by
 * the regression methods). A {@code NaN} y is a missing observation: it is skipped by every method, never read as
 * zero. Standard errors are used only with {@link Weighting#STANDARD_ERROR}; there a missing ({@code NaN}) SE on an
 * observed y is an error. Immutable: arrays are copied in and out.
 */
public final class TrendSeries {
    private final String name;
    private final double[] x;
    private final double[] y;
    private final double[] se;

    private TrendSeries(String name, double[] x, double[] y, double[] se) {
        this.name = name;
        this.x = x;
        this.y = y;
        this.se = se;
    }

    /**
     * A series without standard errors.
     *
     * @throws DrugstatsException if lengths differ or an x is not finite
     */
    public static TrendSeries of(String name, double[] x, double[] y) {
        return of(name, x, y, null);
    }

    /**
     * A series with a standard error per observation ({@code se} may be {@code null}).
     *
     * @throws DrugstatsException if lengths differ or an x is not finite
     */
    public static TrendSeries of(String name, double[] x, double[] y, double[] se) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length || (se != null && se.length != x.length)) {
            throw DrugstatsException.of("series '%s': x, y%s must have the same length, got %d, %d%s", name,
                    se == null ? "" : " and se", x.length, y.length, se == null ? "" : ", " + se.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw DrugstatsException.of("series '%s': x must be finite, got %s at index %d", name, x[i], i);
            }
        }
        return new TrendSeries(name, x.clone(), y.clone(), se == null ? null : se.clone());
    }

    /** The series name (used in error messages and outputs). */
    public String name() {
        return name;
    }

    /** A copy of x. */
    public double[] x() {
        return x.clone();
    }

    /** A copy of y ({@code NaN} = missing). */
    public double[] y() {
        return y.clone();
    }

    /** A copy of the standard errors, or {@code null} if none were given. */
    public double[] standardErrors() {
        return se == null ? null : se.clone();
    }

    /** Whether standard errors were given. */
    public boolean hasStandardErrors() {
        return se != null;
    }

    /** Number of rows, missing ones included. */
    public int size() {
        return x.length;
    }

    /** Number of observed (non-NaN) y values. */
    public int observedCount() {
        int c = 0;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                c++;
            }
        }
        return c;
    }

    double xAt(int i) {
        return x[i];
    }

    double yAt(int i) {
        return y[i];
    }

    double seAt(int i) {
        return se == null ? Double.NaN : se[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrendSeries t && name.equals(t.name) && Arrays.equals(x, t.x) && Arrays.equals(y, t.y)
                && Arrays.equals(se, t.se);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y), Arrays.hashCode(se));
    }

    @Override
    public String toString() {
        return "TrendSeries[" + name + ", n=" + x.length + "]";
    }
}
