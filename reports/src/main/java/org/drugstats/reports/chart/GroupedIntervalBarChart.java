package org.drugstats.reports.chart;

import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.drugstats.core.DrugstatsException;
import org.drugstats.reports.format.Numbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Grouped bars with interval whiskers: one group per category (e.g. a drug), one bar per series within it
 * (e.g. a region), each bar with a whisker from its lower to its upper bound where the data give bounds.
 * A missing value leaves a gap, never a zero bar.
 */
public final class GroupedIntervalBarChart {

    /** Direction of the bars. */
    public enum Orientation {
        /** Bars grow upwards; categories along the bottom. */
        VERTICAL,
        /** Bars grow to the right; categories down the left (long labels). */
        HORIZONTAL
    }

    /**
     * One bar.
     *
     * @param series the bar's series (legend entry)
     * @param category the group it belongs to
     * @param value best estimate
     * @param lower lower bound, NaN when none
     * @param upper upper bound, NaN when none
     */
    public record Bar(String series, String category, double value, double lower, double upper) {
        public Bar {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(category, "category");
            if (!Double.isFinite(value)) {
                throw DrugstatsException.of("bar %s / %s needs a finite value, got %s", series, category, value);
            }
        }

        boolean hasBounds() {
            return Double.isFinite(lower) && Double.isFinite(upper);
        }
    }

    private GroupedIntervalBarChart() {
    }

    /** Builds the chart; series and categories keep the order of their first appearance. */
    public static BuiltChart build(ReportTheme theme, ChartText text, List<Bar> bars, Orientation orientation) {
        if (bars.isEmpty()) {
            throw DrugstatsException.of("chart '%s': no bars to draw", text.title());
        }
        Set<String> seriesKeys = new LinkedHashSet<>();
        Set<String> categories = new LinkedHashSet<>();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Map<List<String>, Bar> byKey = new HashMap<>();
        for (Bar b : bars) {
            seriesKeys.add(b.series());
            categories.add(b.category());
        }
        for (String s : seriesKeys) {
            for (String c : categories) {
                dataset.addValue(null, s, c);
            }
        }
        boolean anyBounds = false;
        for (Bar b : bars) {
            dataset.setValue(b.value(), b.series(), b.category());
            byKey.put(List.of(b.series(), b.category()), b);
            anyBounds |= b.hasBounds();
        }
        CategoryAxis catAxis = new CategoryAxis(text.xLabel());
        NumberAxis valueAxis = new NumberAxis(text.yLabel());
        valueAxis.setNumberFormatOverride(theme.valueFormat());
        valueAxis.setUpperMargin(0.08);
        WhiskerBarRenderer r = new WhiskerBarRenderer(byKey, theme);
        CategoryPlot plot = new CategoryPlot(dataset, catAxis, valueAxis, r);
        plot.setOrientation(orientation == Orientation.HORIZONTAL ? PlotOrientation.HORIZONTAL
                : PlotOrientation.VERTICAL);
        JFreeChart chart = new JFreeChart(text.title(), theme.titleFont(), plot, false);
        theme.decorate(chart, text);
        theme.styleAxis(catAxis);
        theme.styleAxis(valueAxis);
        catAxis.setCategoryMargin(0.18);
        catAxis.setMaximumCategoryLabelLines(2);
        if (orientation == Orientation.VERTICAL && categories.size() > 6) {
            catAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        r.setItemMargin(0.04);
        r.setDrawBarOutline(false);
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.12);
        int i = 0;
        for (String s : seriesKeys) {
            r.setSeriesPaint(i, theme.color(i));
            i++;
        }
        theme.addLegend(chart);
        int height = theme.height();
        if (orientation == Orientation.HORIZONTAL) {
            height = Math.max(theme.height(), 140 + categories.size() * (seriesKeys.size() * 14 + 16));
        }
        return new BuiltChart(chart, altText(text, bars, seriesKeys, categories, anyBounds), theme.width(), height);
    }

    private static String altText(ChartText text, List<Bar> bars, Set<String> series, Set<String> categories,
            boolean bounds) {
        StringBuilder sb = new StringBuilder("Grouped bar chart of ").append(text.subject()).append(" by ")
                .append(text.xLabel().toLowerCase(java.util.Locale.ROOT)).append(" (")
                .append(AltText.list(new ArrayList<>(categories))).append(") and series (")
                .append(AltText.list(new ArrayList<>(series))).append("), ")
                .append(text.yLabel().toLowerCase(java.util.Locale.ROOT))
                .append(bounds ? "; whiskers show lower\u2013upper bounds. " : ". ");
        List<String> values = new ArrayList<>();
        for (Bar b : bars) {
            values.add(b.category() + ", " + b.series() + ": " + Numbers.number(b.value())
                    + (b.hasBounds() ? " (" + Numbers.range(b.lower(), b.upper()) + ")" : ""));
        }
        if (values.size() > 24) {
            sb.append("Values for ").append(values.size()).append(" bars are in the table below the chart.");
        } else {
            sb.append(String.join("; ", values)).append('.');
        }
        return sb.toString();
    }

    /** A bar renderer that draws a whisker (lower to upper bound) over each bar that has bounds. */
    private static final class WhiskerBarRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;
        private final transient Map<List<String>, Bar> bars;
        private final transient ReportTheme theme;

        WhiskerBarRenderer(Map<List<String>, Bar> bars, ReportTheme theme) {
            this.bars = bars;
            this.theme = theme;
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea,
                CategoryPlot plot, CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row,
                int column, int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            Number v = dataset.getValue(row, column);
            if (v == null) {
                return;
            }
            Bar bar = bars.get(List.of(dataset.getRowKey(row).toString(), dataset.getColumnKey(column).toString()));
            if (bar == null || !bar.hasBounds()) {
                return;
            }
            PlotOrientation orientation = plot.getOrientation();
            double w0 = calculateBarW0(plot, orientation, dataArea, domainAxis, state, row, column);
            double centre = w0 + state.getBarWidth() / 2.0;
            RectangleEdge edge = plot.getRangeAxisEdge();
            double lo = rangeAxis.valueToJava2D(bar.lower(), dataArea, edge);
            double hi = rangeAxis.valueToJava2D(bar.upper(), dataArea, edge);
            double cap = Math.min(6, state.getBarWidth() / 3.0);
            g2.setPaint(new java.awt.Color(0x222222));
            g2.setStroke(theme.errorStroke());
            if (orientation == PlotOrientation.VERTICAL) {
                g2.draw(new Line2D.Double(centre, lo, centre, hi));
                g2.draw(new Line2D.Double(centre - cap, lo, centre + cap, lo));
                g2.draw(new Line2D.Double(centre - cap, hi, centre + cap, hi));
            } else {
                g2.draw(new Line2D.Double(lo, centre, hi, centre));
                g2.draw(new Line2D.Double(lo, centre - cap, lo, centre + cap));
                g2.draw(new Line2D.Double(hi, centre - cap, hi, centre + cap));
            }
        }

        @Override
        public org.jfree.data.Range findRangeBounds(CategoryDataset dataset) {
            org.jfree.data.Range r = super.findRangeBounds(dataset);
            double hi = r == null ? 0 : r.getUpperBound();
            double lo = r == null ? 0 : r.getLowerBound();
            for (Bar b : bars.values()) {
                if (b.hasBounds()) {
                    hi = Math.max(hi, b.upper());
                    lo = Math.min(lo, b.lower());
                }
            }
            return new org.jfree.data.Range(Math.min(0, lo), hi);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WhiskerBarRenderer w && super.equals(o) && Objects.equals(bars, w.bars);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }
}
