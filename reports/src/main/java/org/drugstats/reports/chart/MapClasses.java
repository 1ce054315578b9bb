package org.drugstats.reports.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The classes of a choropleth map: values above zero split at quantiles of the countries with data (so that each
 * colour holds about as many countries, the usual choice for skewed drug indicators), breaks rounded down to two
 * significant digits (class i starts at the value of rank ⌊i·n/k⌋ of the n positive values); zero, where it occurs, is a class of its own; countries without data are a separate "No data"
 * class, never confused with zero.
 *
 * <p>Colours: ColorBrewer "YlGnBu" (Brewer, Hatchard and Harrower 2003, ColorBrewer 2.0, colorbrewer2.org),
 * sequential and colour-blind safe; no data is a mid grey outside the scale, zero white.
 */
public final class MapClasses {
    private static final List<Color> YLGNBU = List.of(new Color(0xffffcc), new Color(0xa1dab4),
            new Color(0x41b6c4), new Color(0x2c7fb8), new Color(0x253494));
    /** Fill of countries without data. */
    public static final Color NO_DATA = new Color(0xb8b8b8);
    /** Fill of countries whose value is zero. */
    public static final Color ZERO = Color.WHITE;

    private final double[] upper;
    private final boolean zeros;

    private MapClasses(double[] upper, boolean zeros) {
        this.upper = upper;
        this.zeros = zeros;
    }

    /** Up to {@code k} (1–5) quantile classes of the positive values, and a zero class when a value is zero. */
    public static MapClasses quantiles(List<Double> values, int k) {
        if (k < 1 || k > YLGNBU.size()) {
            throw new IllegalArgumentException("classes must be 1 to 5, got " + k);
        }
        double[] pos = values.stream().filter(v -> v != null && v > 0).mapToDouble(Double::doubleValue).sorted()
                .toArray();
        boolean zeros = values.stream().anyMatch(v -> v != null && v == 0);
        TreeSet<Double> breaks = new TreeSet<>();
        if (pos.length > 0) {
            for (int i = 1; i < Math.min(k, pos.length); i++) {
                double q = pos[(int) ((long) i * pos.length / k)];
                breaks.add(floor2(q));
            }
            breaks.add(Double.POSITIVE_INFINITY);
        }
        return new MapClasses(breaks.stream().mapToDouble(Double::doubleValue).toArray(), zeros);
    }

    /** The fill of a value (null: no data). */
    public Color colour(Double v) {
        if (v == null || v.isNaN()) {
            return NO_DATA;
        }
        if (v <= 0 && zeros) {
            return ZERO;
        }
        return YLGNBU.get(scaleIndex(index(v)));
    }

    /** The legend: label and colour of each class, then zero and no data. */
    public List<Object[]> legend(String unit) {
        List<Object[]> out = new ArrayList<>();
        if (zeros) {
            out.add(new Object[] {"0", ZERO});
        }
        double lo = 0;
        for (int i = 0; i < upper.length; i++) {
            String label = upper[i] == Double.POSITIVE_INFINITY
                    ? (i == 0 ? "above 0" : "≥ " + fmt(lo))
                    : (i == 0 ? "below " + fmt(upper[i]) : fmt(lo) + " – " + fmt(upper[i]));
            out.add(new Object[] {label + (unit.isEmpty() ? "" : " " + unit), YLGNBU.get(scaleIndex(i))});
            lo = upper[i];
        }
        out.add(new Object[] {"No data", NO_DATA});
        return out;
    }

    /** Class boundaries (upper bounds, exclusive; the last is infinity). */
    public double[] upperBounds() {
        return Arrays.copyOf(upper, upper.length);
    }

    private int index(double v) {
        for (int i = 0; i < upper.length; i++) {
            if (v < upper[i]) {
                return i;
            }
        }
        return upper.length - 1;
    }

    /** Spreads n classes over the five colours (3 classes: light, middle, dark). */
    private int scaleIndex(int i) {
        int n = upper.length;
        return n <= 1 ? 2 : (int) Math.round((double) i * (YLGNBU.size() - 1) / (n - 1));
    }

    /** v rounded down to two significant digits, so that the value that starts a class stays in it. */
    static double floor2(double v) {
        if (v == 0) {
            return 0;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 1);
        return Math.floor(v / mag * (1 + 1e-12)) * mag;
    }

    private static String fmt(double v) {
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
