package org.drugstats.core.tracker;

import java.util.Locale;

/**
 * The one-sentence verdict of a tracker row, built only from the numbers of its {@link Assessment}: it states the
 * baseline and latest values, the change, the test and what the test supports — never more.
 */
public final class Verdicts {
    private Verdicts() {
    }

    /** The verdict for {@code s} assessed as {@code a} with significance level {@code alpha}. */
    public static String of(TrackedSeries s, Assessment a, double alpha) {
        String v = sentence(s, a, alpha);
        return s.caveat().isEmpty() ? v : v + " " + s.caveat();
    }

    private static String sentence(TrackedSeries s, Assessment a, double alpha) {
        String subject = s.label() + " (" + s.areaName() + ")";
        if (a.baseline() == null || a.latest() == null) {
            YearValue last = s.values().isEmpty() ? null : s.values().get(s.values().size() - 1);
            String known = last == null ? ""
                    : " The last value is " + Quantities.format(last.value(), s.unit()) + " in " + last.year() + ".";
            return subject + ": not measurable since the baseline — " + a.reason() + "." + known;
        }
        String values = "from " + Quantities.format(a.baseline().value(), s.unit()) + " in " + a.baseline().year()
                + " to " + Quantities.format(a.latest().value(), s.unit()) + " in " + a.latest().year()
                + (Double.isFinite(a.changePercent()) ? " (" + Quantities.percentChange(a.changePercent()) + ")" : "");
        String level = String.format(Locale.ROOT, "%.0f%%", 100 * (1 - alpha));
        String test;
        switch (a.method()) {
            case SEN_SLOPE:
                test = "Sen's slope " + signed(a.estimate(), s.unit()) + " per year (" + level + " CI "
                        + Quantities.format(a.lower(), s.unit()) + " to " + Quantities.format(a.upper(), s.unit())
                        + "; Mann–Kendall p " + p(a.pValue()) + ", " + a.points() + " years)";
                break;
            case APC:
                test = "the annual percent change " + String.format(Locale.ROOT, "%+.1f%%", a.estimate()) + " ("
                        + level + " CI " + String.format(Locale.ROOT, "%.1f%% to %.1f%%", a.lower(), a.upper())
                        + "; p " + p(a.pValue()) + ", " + a.points() + " years)";
                break;
            case RANGE_COMPARISON:
                test = "the ranges " + range(a.baseline(), s.unit()) + " and " + range(a.latest(), s.unit())
                        + (a.direction() == Direction.NO_SIGNIFICANT_CHANGE ? ", which overlap," : ", which do not"
                                + " overlap,");
                break;
            default:
                test = "";
        }
        switch (a.direction()) {
            case INCREASE:
                return subject + " rose " + values + "; " + test + " show" + agree(a) + " a significant increase.";
            case DECREASE:
                return subject + " fell " + values + "; " + test + " show" + agree(a) + " a significant decrease.";
            case NO_SIGNIFICANT_CHANGE:
                return subject + " went " + values + "; " + test + " show" + agree(a) + " no significant change.";
            default:
                return subject + " went " + values + "; " + a.reason() + ", so the change is untested.";
        }
    }

    private static String agree(Assessment a) {
        return a.method() == TrendMethod.RANGE_COMPARISON ? "" : "s";
    }

    private static String p(double p) {
        String s = Quantities.pValue(p);
        return s.startsWith("<") ? s : "= " + s;
    }

    private static String signed(double v, String unit) {
        String f = Quantities.format(v, unit);
        return v > 0 ? "+" + f : f;
    }

    private static String range(YearValue v, String unit) {
        return Quantities.format(v.lower(), unit) + "–" + Quantities.format(v.upper(), unit) + " (" + v.year() + ")";
    }
}
