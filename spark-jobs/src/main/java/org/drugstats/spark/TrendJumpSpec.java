package org.drugstats.spark;

/**
 * One entry of {@code trend.jumps}: {@code indicator=X} (jump model at X) or {@code indicator=X:R:V}
 * (comparability-ratio model, ratio R, variance V).
 */
public record TrendJumpSpec(String indicator, double at, double ratio, double variance) {
    /** Parses an entry; IllegalArgumentException with the expected form otherwise. */
    public static TrendJumpSpec parse(String s) {
        int eq = s.indexOf('=');
        String form = "expected \"indicator=X\" or \"indicator=X:R:V\", got '" + s + "'";
        if (eq <= 0) {
            throw new IllegalArgumentException(form);
        }
        String[] p = s.substring(eq + 1).split(":", -1);
        try {
            double at = Double.parseDouble(p[0]);
            if (!Double.isFinite(at) || (p.length != 1 && p.length != 3)) {
                throw new IllegalArgumentException(form);
            }
            if (p.length == 1) {
                return new TrendJumpSpec(s.substring(0, eq), at, Double.NaN, Double.NaN);
            }
            double r = Double.parseDouble(p[1]);
            double v = Double.parseDouble(p[2]);
            if (!(r >= 0.01 && r <= 100 && v >= 0 && v <= 100)) {
                throw new IllegalArgumentException("comparability ratio in [0.01, 100] and variance in [0, 100]"
                        + " expected, got '" + s + "'");
            }
            return new TrendJumpSpec(s.substring(0, eq), at, r, v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(form, e);
        }
    }
}
