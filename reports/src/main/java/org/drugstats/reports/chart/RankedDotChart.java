package org.drugstats.reports.chart;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.drugstats.core.DrugstatsException;
import org.drugstats.reports.format.Numbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A ranked dot plot: one row per item (country), ranked from highest to lowest value, a dot at the value
 * and a line from the lower to the upper bound where given; dots coloured by group (e.g. region or adequacy
 * category). The height grows with the number of rows.
 */
public final class RankedDotChart {

    /** Value axis scale. */
    public enum Scale {
        /** Linear from zero. */
        LINEAR,
        /** Logarithmic (for values spanning orders of magnitude); values ≤ 0 cannot be drawn and are left out. */
        LOG
    }

    /**
     * One row.
     *
     * @param label row label (country name)
     * @param value the value
     * @param lower lower bound, NaN when none
     * @param upper upper bound, NaN when none
     * @param group colour group
     */
    public record Dot(String label, double value, double lower, double upper, String group) {
        public Dot {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(group, "group");
            if (!Double.isFinite(value)) {
                throw DrugstatsException.of("dot '%s' needs a finite value, got %s", label, value);
            }
        }

        boolean hasBounds() {
            return Double.isFinite(lower) && Double.isFinite(upper);
        }
    }

    private RankedDotChart() {
    }

    /**
     * Builds the chart; groups are coloured in {@code groupOrder} (groups not listed follow in order of
     * appearance).
     */
    public static BuiltChart build(ReportTheme theme, ChartText text, List<Dot> dots, List<String> groupOrder,
            Scale scale) {
        List<Dot> drawn = dots.stream().filter(d -> scale == Scale.LINEAR || d.value() > 0)
                .sorted(Comparator.comparingDouble(Dot::value).reversed().thenComparing(Dot::label)).toList();
        if (drawn.isEmpty()) {
            throw DrugstatsException.of("chart '%s': nothing to draw%s", text.title(),
                    scale == Scale.LOG ? " (a log scale cannot show values ≤ 0)" : "");
        }
        Map<String, YIntervalSeries> groups = new LinkedHashMap<>();
        for (String g : groupOrder) {
            groups.put(g, new YIntervalSeries(g, false, true));
        }
        String[] labels = new String[drawn.size()];
        boolean anyBounds = false;
        for (int i = 0; i < drawn.size(); i++) {
            Dot d = drawn.get(i);
            labels[i] = d.label();
            double lo = d.hasBounds() ? Math.min(d.lower(), d.value()) : d.value();
            double hi = d.hasBounds() ? Math.max(d.upper(), d.value()) : d.value();
            if (scale == Scale.LOG && lo <= 0) {
                lo = d.value();
            }
            groups.computeIfAbsent(d.group(), g -> new YIntervalSeries(g, false, true)).add(i, d.value(), lo, hi);
            anyBounds |= d.hasBounds();
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        for (YIntervalSeries s : groups.values()) {
            if (s.getItemCount() > 0) {
                dataset.addSeries(s);
            }
        }
        SymbolAxis rows = new SymbolAxis(text.xLabel(), labels);
        rows.setInverted(true);
        rows.setGridBandsVisible(false);
        rows.setLowerMargin(0.0);
        ValueAxis values;
        if (scale == Scale.LOG) {
            LogAxis log = new LogAxis(text.yLabel());
            log.setNumberFormatOverride(theme.valueFormat());
            log.setSmallestValue(1e-6);
            log.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            log.setMinorTickMarksVisible(true);
            values = log;
        } else {
            NumberAxis lin = new NumberAxis(text.yLabel());
            lin.setAutoRangeIncludesZero(true);
            lin.setNumberFormatOverride(theme.valueFormat());
            values = lin;
        }
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setDefaultLinesVisible(false);
        r.setDefaultShapesVisible(true);
        r.setCapLength(5);
        XYPlot plot = new XYPlot(dataset, rows, values, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setDomainGridlinesVisible(true);
        JFreeChart chart = new JFreeChart(text.title(), theme.titleFont(), plot, false);
        theme.decorate(chart, text);
        theme.styleAxis(rows);
        theme.styleAxis(values);
        rows.setTickLabelFont(theme.tickFont().deriveFont(11f));
        r.setErrorStroke(new BasicStroke(1.4f));
        r.setErrorPaint(null);
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            int colour = dataset.getSeriesCount() == 1 ? 0 : indexOf(groups, dataset.getSeriesKey(i).toString());
            r.setSeriesPaint(i, theme.color(colour));
            r.setSeriesShape(i, theme.dotShape());
        }
        if (dataset.getSeriesCount() > 1) {
            theme.addLegend(chart);
        }
        int height = Math.max(320, 170 + 17 * drawn.size());
        return new BuiltChart(chart, altText(text, drawn, dots.size() - drawn.size(), anyBounds, scale),
                theme.width(), height);
    }

    private static int indexOf(Map<String, YIntervalSeries> groups, String key) {
        int i = 0;
        for (String k : groups.keySet()) {
            if (k.equals(key)) {
                return i;
            }
            i++;
        }
        return i;
    }

    private static String altText(ChartText text, List<Dot> drawn, int leftOut, boolean bounds, Scale scale) {
        StringBuilder sb = new StringBuilder("Ranked dot plot of ").append(text.subject()).append(", ")
                .append(drawn.size()).append(drawn.size() == 1 ? " row" : " rows").append(", ")
                .append(text.yLabel().toLowerCase(java.util.Locale.ROOT))
                .append(scale == Scale.LOG ? " on a logarithmic scale" : "")
                .append(bounds ? ", with lower\u2013upper bounds as lines" : "").append(". Highest: ");
        List<String> top = new ArrayList<>();
        for (Dot d : drawn.subList(0, Math.min(3, drawn.size()))) {
            top.add(d.label() + " " + Numbers.number(d.value()));
        }
        sb.append(String.join(", ", top));
        Dot last = drawn.get(drawn.size() - 1);
        if (drawn.size() > 3) {
            sb.append("; lowest: ").append(last.label()).append(' ').append(Numbers.number(last.value()));
        }
        sb.append('.');
        if (leftOut > 0) {
            sb.append(' ').append(leftOut).append(leftOut == 1 ? " row" : " rows")
                    .append(" with a value of zero not drawn on the logarithmic scale.");
        }
        return sb.toString();
    }
}
