package org.drugstats.core.stats.uncertainty;

import java.io.Serializable;
import org.drugstats.core.DrugstatsException;

/**
 * A published range: lower bound, best estimate and upper bound, with {@code low <= best <= high}, all
 * finite. An exact value is the degenerate range {@code (v, v, v)}.
 *
 * @param low lower bound
 * @param best best (point) estimate
 * @param high upper bound
 */
public record Interval(double low, double best, double high) implements Serializable {

    /** Validates the bounds; NaN and infinities fail. */
    public Interval {
        if (!(Double.isFinite(low) && Double.isFinite(best) && Double.isFinite(high))) {
            throw DrugstatsException.of("range (%s, %s, %s) must be finite", low, best, high);
        }
        if (!(low <= best && best <= high)) {
            throw DrugstatsException.of(
                    "range (low %s, best %s, high %s) must satisfy low <= best <= high", low, best, high);
        }
    }

    /** The range (low, best, high). */
    public static Interval of(double low, double best, double high) {
        return new Interval(low, best, high);
    }

    /** The degenerate range (v, v, v) for a value known without uncertainty. */
    public static Interval exact(double value) {
        return new Interval(value, value, value);
    }

    /** True when low == high: the value carries no range. */
    public boolean isExact() {
        return low == high;
    }

    /** high − low. */
    public double width() {
        return high - low;
    }

    /** This range multiplied by a non-negative constant (exact: bounds scale linearly). */
    public Interval scale(double factor) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw DrugstatsException.of("scale factor must be finite and >= 0, got %s", factor);
        }
        return new Interval(low * factor, best * factor, high * factor);
    }
}
