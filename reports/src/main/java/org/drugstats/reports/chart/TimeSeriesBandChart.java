package org.drugstats.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.drugstats.core.DrugstatsException;
import org.drugstats.reports.format.Numbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Time series with uncertainty bands: one line per series through its values, a translucent band from the
 * lower to the upper bound where the data give bounds, filled markers for observed values and hollow ones
 * for imputed values.
 */
public final class TimeSeriesBandChart {

    /**
     * One value of a series.
     *
     * @param x the time (year; fiscal years as their first year)
     * @param y the best estimate
     * @param lower lower bound, NaN when none
     * @param upper upper bound, NaN when none
     * @param kind observed or imputed
     */
    public record Point(double x, double y, double lower, double upper, PointKind kind) {
        public Point {
            Objects.requireNonNull(kind, "kind");
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw DrugstatsException.of("time series point needs a finite time and value, got (%s, %s)", x, y);
            }
        }

        /** True when both bounds are given. */
        public boolean hasBounds() {
            return Double.isFinite(lower) && Double.isFinite(upper);
        }
    }

    /**
     * A named series.
     *
     * @param name legend label
     * @param points values, in any order (sorted by time when drawn)
     */
    public record Series(String name, List<Point> points) {
        public Series {
            Objects.requireNonNull(name, "name");
            points = points.stream().sorted(java.util.Comparator.comparingDouble(Point::x)).toList();
            if (points.isEmpty()) {
                throw DrugstatsException.of("time series '%s' has no points", name);
            }
        }
    }

    private TimeSeriesBandChart() {
    }

    /**
     * Builds the chart.
     *
     * @throws DrugstatsException when there are no series
     */
    public static BuiltChart build(ReportTheme theme, ChartText text, List<Series> series) {
        return build(theme, text, series, BOUNDS);
    }

    /** What the band of most charts shows: each value's own lower and upper bound. */
    public static final String BOUNDS = "lower\u2013upper bound";

    /**
     * Builds the chart with the band named for what it is (legend "shaded: …" and alt text), e.g.
     * "interquartile range of the sites" where the band is a spread across sites rather than a value's bounds.
     *
     * @throws DrugstatsException when there are no series
     */
    public static BuiltChart build(ReportTheme theme, ChartText text, List<Series> series, String bandLabel) {
        if (series.isEmpty()) {
            throw DrugstatsException.of("chart '%s': no series to draw", text.title());
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        boolean anyBand = false;
        boolean anyImputed = false;
        for (Series s : series) {
            YIntervalSeries ys = new YIntervalSeries(s.name(), false, true);
            for (Point p : s.points()) {
                double lo = p.hasBounds() ? Math.min(p.lower(), p.y()) : p.y();
                double hi = p.hasBounds() ? Math.max(p.upper(), p.y()) : p.y();
                ys.add(p.x(), p.y(), lo, hi);
                anyBand |= p.hasBounds();
                anyImputed |= p.kind() == PointKind.IMPUTED;
            }
            dataset.addSeries(ys);
        }
        NumberAxis x = new NumberAxis(text.xLabel());
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setNumberFormatOverride(theme.yearFormat());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(text.yLabel());
        y.setAutoRangeIncludesZero(true);
        y.setNumberFormatOverride(theme.valueFormat());
        DeviationRenderer r = new KindAwareRenderer(series);
        r.setAlpha(1f);
        XYPlot plot = new XYPlot(dataset, x, y, r);
        JFreeChart chart = new JFreeChart(text.title(), theme.titleFont(), plot, false);
        theme.decorate(chart, text);
        theme.styleAxis(x);
        theme.styleAxis(y);
        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, theme.color(i));
            r.setSeriesFillPaint(i, theme.bandColor(i));
            r.setSeriesStroke(i, theme.lineStroke(i));
            r.setSeriesShape(i, theme.pointShape());
            r.setSeriesOutlinePaint(i, theme.color(i));
            r.setSeriesOutlineStroke(i, new BasicStroke(1.6f));
            legend.add(new LegendItem(series.get(i).name(), null, null, null, true, theme.pointShape(), true,
                    theme.color(i), false, theme.color(i), new BasicStroke(1f), true, new Line2D.Double(-9, 0, 9, 0),
                    theme.lineStroke(i), theme.color(i)));
        }
        r.setUseOutlinePaint(true);
        r.setDrawOutlines(true);
        if (anyBand) {
            legend.add(new LegendItem("shaded: " + bandLabel, null, null, null, theme.bandLegendShape(),
                    theme.bandColor(0)));
        }
        if (anyImputed) {
            legend.add(new LegendItem("hollow marker: imputed", null, null, null, true, theme.pointShape(), false,
                    Color.WHITE, true, theme.mutedColor(), new BasicStroke(1.6f), false, new Line2D.Double(),
                    new BasicStroke(1f), Color.WHITE));
        }
        plot.setFixedLegendItems(legend);
        theme.addLegend(chart);
        return new BuiltChart(chart, altText(text, series, anyBand, anyImputed, bandLabel), theme.width(), theme.height());
    }

    private static String altText(ChartText text, List<Series> series, boolean band, boolean imputed,
            String bandLabel) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            min = Math.min(min, s.points().get(0).x());
            max = Math.max(max, s.points().get(s.points().size() - 1).x());
        }
        StringBuilder sb = new StringBuilder("Line chart of ").append(text.subject());
        if (series.size() > 1 || !text.subject().contains(series.get(0).name())) {
            sb.append(series.size() == 1 ? " (" : " for ");
            List<String> names = new ArrayList<>();
            series.forEach(s -> names.add(s.name()));
            sb.append(AltText.list(names));
            if (series.size() == 1) {
                sb.append(')');
            }
        }
        sb.append(", ").append(Numbers.year(min)).append(min == max ? "" : "\u2013" + Numbers.year(max));
        sb.append(", ").append(text.yLabel().toLowerCase(java.util.Locale.ROOT));
        sb.append(band ? "; best estimate with a band showing the " + bandLabel : "; best estimate");
        if (imputed) {
            sb.append("; imputed values marked with hollow markers");
        }
        sb.append(". Latest values: ");
        List<String> latest = new ArrayList<>();
        for (Series s : series) {
            Point p = s.points().get(s.points().size() - 1);
            latest.add(s.name() + " " + Numbers.number(p.y())
                    + (p.hasBounds() ? " (" + Numbers.range(p.lower(), p.upper()) + ")" : "") + " in "
                    + Numbers.year(p.x()));
        }
        sb.append(String.join("; ", latest)).append('.');
        return sb.toString();
    }

    /** A deviation renderer that draws imputed values with hollow markers. */
    private static final class KindAwareRenderer extends DeviationRenderer {
        private static final long serialVersionUID = 1L;
        private final transient List<Series> series;

        KindAwareRenderer(List<Series> series) {
            super(true, true);
            this.series = List.copyOf(series);
        }

        @Override
        public boolean getItemShapeFilled(int seriesIndex, int item) {
            return series.get(seriesIndex).points().get(item).kind() == PointKind.OBSERVED;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KindAwareRenderer k && super.equals(o) && Objects.equals(series, k.series);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }
}
