package org.drugstats.core.stats.trend;

import org.drugstats.core.DrugstatsException;

/**
 * Two-point summaries of change.
 *
 * <ul>
 *   <li>Percent change = 100·(V<sub>2</sub> − V<sub>1</sub>)/V<sub>1</sub>; requires V<sub>1</sub> ≠ 0.
 *   <li>Compound annual growth rate CAGR = (V<sub>end</sub>/V<sub>start</sub>)<sup>1/(t<sub>end</sub> −
 *       t<sub>start</sub>)</sup> − 1, as a fraction (multiply by 100 for percent); requires both values &gt; 0 and
 *       t<sub>end</sub> &gt; t<sub>start</sub>.
 * </ul>
 *
 * <p>Both are exact arithmetic, so they are checked against hand-computed values. A CAGR between two points equals
 * the APC of the log-linear line through them, divided by 100.
 */
public final class ChangeRates {
    private ChangeRates() {
    }

    /**
     * Percent change from {@code v1} to {@code v2}.
     *
     * @throws DrugstatsException if a value is not finite or {@code v1} is 0
     */
    public static double percentChange(double v1, double v2) {
        if (!Double.isFinite(v1) || !Double.isFinite(v2)) {
            throw DrugstatsException.of("percent change needs finite values, got %s and %s", v1, v2);
        }
        if (v1 == 0) {
            throw DrugstatsException.of("percent change from 0 is undefined (to %s)", v2);
        }
        return 100.0 * (v2 - v1) / v1;
    }

    /**
     * Compound annual growth rate, as a fraction per unit of t.
     *
     * @throws DrugstatsException if a value is not strictly positive or {@code tEnd <= tStart}
     */
    public static double cagr(double vStart, double vEnd, double tStart, double tEnd) {
        if (!(vStart > 0) || !(vEnd > 0) || vStart == Double.POSITIVE_INFINITY || vEnd == Double.POSITIVE_INFINITY) {
            throw DrugstatsException.of("CAGR needs finite values > 0, got %s and %s", vStart, vEnd);
        }
        if (!(tEnd > tStart) || !Double.isFinite(tEnd - tStart)) {
            throw DrugstatsException.of("CAGR needs t_end > t_start, got %s and %s", tStart, tEnd);
        }
        return Math.expm1(Math.log(vEnd / vStart) / (tEnd - tStart));
    }
}
