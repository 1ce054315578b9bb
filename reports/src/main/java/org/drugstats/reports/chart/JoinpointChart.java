package org.drugstats.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.drugstats.core.DrugstatsException;
import org.drugstats.reports.format.Numbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A fitted trend over its data: observed values as filled markers (imputed ones hollow), the fitted
 * joinpoint (or log-linear) model as a line, each joinpoint as a dashed vertical line, and each segment
 * labelled with its annual percent change and confidence interval.
 */
public final class JoinpointChart {

    /**
     * One data point with the model's fitted value at its time.
     *
     * @param x time
     * @param y observed value (NaN when only a fitted value exists)
     * @param fitted fitted value (NaN when none)
     * @param kind observed or imputed
     */
    public record Point(double x, double y, double fitted, PointKind kind) {
        public Point {
            Objects.requireNonNull(kind, "kind");
            if (!Double.isFinite(x)) {
                throw DrugstatsException.of("trend point needs a finite time, got %s", x);
            }
        }
    }

    /**
     * A segment of the fitted model.
     *
     * @param start first time of the segment
     * @param end last time of the segment
     * @param apc annual percent change
     * @param lower lower bound of the APC's confidence interval (NaN when none)
     * @param upper upper bound (NaN when none)
     */
    public record Segment(double start, double end, double apc, double lower, double upper) {
        /** "APC +5.1% (2.0 to 8.3)" or "APC +5.1%" without an interval. */
        public String label() {
            String s = "APC " + Numbers.signedPercent(apc);
            if (Double.isFinite(lower) && Double.isFinite(upper)) {
                s += " (" + Numbers.signedPercent(lower) + " to " + Numbers.signedPercent(upper) + ")";
            }
            return s;
        }
    }

    /**
     * The data of one fitted series.
     *
     * @param points the data points with fitted values
     * @param segments the model's segments in time order (one for a log-linear fit; none for a test-only result)
     * @param modelLabel legend label of the fitted line, e.g. "Joinpoint model (1 joinpoint, permutation test)"
     */
    public record Data(List<Point> points, List<Segment> segments, String modelLabel) {
        public Data {
            points = points.stream().sorted(Comparator.comparingDouble(Point::x)).toList();
            segments = segments.stream().sorted(Comparator.comparingDouble(Segment::start)).toList();
            Objects.requireNonNull(modelLabel, "modelLabel");
            if (points.stream().noneMatch(p -> Double.isFinite(p.y()))) {
                throw DrugstatsException.of("trend chart: no observed values to draw");
            }
        }
    }

    /** Average width of a character of the annotation font, in pixels (DejaVu Sans 12 px). */
    private static final double CHAR_PIXELS = 7.4;
    /** Height of a label's box in pixels (12 px font and its padding). */
    private static final double LABEL_PIXELS = 17;
    /** Clearance between a label and a marker or the line, in pixels (marker radius and a gap). */
    private static final double GAP_PIXELS = 6;
    /** The value axis' margin above the data, as a share of its range. */
    private static final double UPPER_MARGIN = 0.18;

    /**
     * Where one APC label goes, in data units: centred at x; its baseline (above the data) or top (below) at y;
     * the box spans x ± halfWidth and height upward (above) or downward (below).
     */
    record LabelBox(String text, double x, double y, boolean above, double halfWidth, double height) {
        double bottom() {
            return above ? y : y - height;
        }

        double top() {
            return above ? y + height : y;
        }

        boolean overlaps(LabelBox o) {
            return Math.abs(x - o.x) < halfWidth + o.halfWidth && bottom() < o.top() && o.bottom() < top();
        }

        /** True when a marker at (px, py), of half-size (rx, ry) in data units, touches the box. */
        boolean covers(double px, double py, double rx, double ry) {
            return Math.abs(px - x) < halfWidth + rx && py + ry > bottom() && py - ry < top();
        }
    }

    /** The labels of a chart and the value axis' range they need. */
    record Labels(List<LabelBox> boxes, double axisLow, double axisHigh, boolean raisedTop) {
    }

    private JoinpointChart() {
    }

    /** Lowest and highest fitted value over [from, to] (interpolated at the ends); NaN when none. */
    static double[] fittedRange(Data data, double from, double to) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double t : new double[] {from, to}) {
            double v = fittedAt(data, t);
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        for (Point p : data.points()) {
            if (p.x() >= from && p.x() <= to && Double.isFinite(p.fitted())) {
                lo = Math.min(lo, p.fitted());
                hi = Math.max(hi, p.fitted());
            }
        }
        return lo > hi ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
    }

    /** Builds the chart. */
    public static BuiltChart build(ReportTheme theme, ChartText text, Data data) {
        XYSeries observed = new XYSeries("Observed", false, true);
        XYSeries imputed = new XYSeries("Imputed", false, true);
        XYSeries fitted = new XYSeries(data.modelLabel(), false, true);
        for (Point p : data.points()) {
            if (Double.isFinite(p.y())) {
                (p.kind() == PointKind.IMPUTED ? imputed : observed).add(p.x(), p.y());
            }
            if (Double.isFinite(p.fitted())) {
                fitted.add(p.x(), p.fitted());
            }
        }
        XYSeriesCollection points = new XYSeriesCollection();
        points.addSeries(observed);
        points.addSeries(imputed);
        XYSeriesCollection line = new XYSeriesCollection(fitted);

        NumberAxis x = new NumberAxis(text.xLabel());
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setNumberFormatOverride(theme.yearFormat());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(text.yLabel());
        y.setAutoRangeIncludesZero(true);
        y.setNumberFormatOverride(theme.valueFormat());

        XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(points, x, y, pointRenderer);
        plot.setDataset(1, line);
        plot.setRenderer(1, lineRenderer);
        JFreeChart chart = new JFreeChart(text.title(), theme.titleFont(), plot, false);
        theme.decorate(chart, text);
        theme.styleAxis(x);
        theme.styleAxis(y);

        Color dataColor = theme.color(0);
        Color fitColor = theme.color(3);
        pointRenderer.setSeriesPaint(0, dataColor);
        pointRenderer.setSeriesShape(0, theme.pointShape());
        pointRenderer.setSeriesPaint(1, dataColor);
        pointRenderer.setSeriesShape(1, theme.pointShape());
        pointRenderer.setSeriesShapesFilled(1, false);
        pointRenderer.setSeriesOutlineStroke(1, new BasicStroke(1.6f));
        pointRenderer.setUseOutlinePaint(false);
        lineRenderer.setSeriesPaint(0, fitColor);
        lineRenderer.setSeriesStroke(0, new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("Observed", null, null, null, true, theme.pointShape(), true, dataColor, false,
                dataColor, new BasicStroke(1f), false, new Line2D.Double(), new BasicStroke(1f), dataColor));
        if (imputed.getItemCount() > 0) {
            legend.add(new LegendItem("Imputed (hollow)", null, null, null, true, theme.pointShape(), false,
                    Color.WHITE, true, dataColor, new BasicStroke(1.6f), false, new Line2D.Double(),
                    new BasicStroke(1f), dataColor));
        }
        if (fitted.getItemCount() > 0) {
            legend.add(new LegendItem(data.modelLabel(), null, null, null, false, new Line2D.Double(), false, fitColor,
                    false, fitColor, new BasicStroke(1f), true, new Line2D.Double(-10, 0, 10, 0),
                    new BasicStroke(2.6f), fitColor));
        }
        if (data.segments().size() > 1) {
            legend.add(new LegendItem("joinpoint", null, null, null, false, new Line2D.Double(), false,
                    theme.referenceColor(), false, theme.referenceColor(), new BasicStroke(1f), true,
                    new Line2D.Double(0, -6, 0, 6), theme.referenceStroke(), theme.referenceColor()));
        }
        plot.setFixedLegendItems(legend);
        theme.addLegend(chart);

        for (int i = 1; i < data.segments().size(); i++) {
            double jp = data.segments().get(i).start();
            ValueMarker m = new ValueMarker(jp, theme.referenceColor(), theme.referenceStroke());
            m.setLabel(Numbers.year(jp));
            m.setLabelFont(theme.annotationFont());
            m.setLabelPaint(theme.mutedColor());
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            m.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
            m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        y.setUpperMargin(UPPER_MARGIN);
        Labels labels = placeLabels(data, theme.width() - 160.0, theme.height() - 170.0);
        for (LabelBox b : labels.boxes()) {
            XYTextAnnotation a = new XYTextAnnotation(b.text(), b.x(), b.y());
            a.setFont(theme.annotationFont());
            a.setPaint(fitColor.darker());
            a.setBackgroundPaint(new Color(255, 255, 255, 220));
            a.setTextAnchor(b.above() ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
            plot.addAnnotation(a);
        }
        if (labels.raisedTop()) {
            y.setRange(labels.axisLow(), labels.axisHigh());
        }
        return new BuiltChart(chart, altText(text, data), theme.width(), theme.height());
    }

    /**
     * Places the segment labels clear of every marker, of the fitted line and of each other. Each label is centred
     * on its segment (kept inside the data's time range); it goes above the highest marker or fitted value under
     * its width, or below the lowest (segments alternate, so neighbours do not collide), whichever fits inside the
     * value axis and clear of the labels already placed; when neither fits it goes above and the axis is raised.
     * Sizes are estimated from the font (characters × {@value #CHAR_PIXELS} px, {@value #LABEL_PIXELS} px high).
     *
     * @param plotWidth width of the data area in pixels
     * @param plotHeight height of the data area in pixels
     */
    static Labels placeLabels(Data data, double plotWidth, double plotHeight) {
        Labels l = place(data, plotWidth, plotHeight, Double.NaN);
        // a raised axis changes the data height of a pixel: place again on the new axis until nothing moves
        for (int pass = 0; pass < 3 && l.raisedTop(); pass++) {
            Labels again = place(data, plotWidth, plotHeight, l.axisHigh());
            if (!again.raisedTop()) {
                return new Labels(again.boxes(), again.axisLow(), l.axisHigh(), true);
            }
            l = again;
        }
        return l;
    }

    private static Labels place(Data data, double plotWidth, double plotHeight, double givenHigh) {
        double lo = 0;
        double hi = 0;
        for (Point p : data.points()) {
            for (double v : new double[] {p.y(), p.fitted()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        double axisLow = lo;
        double axisHigh = Double.isFinite(givenHigh) ? givenHigh : hi + UPPER_MARGIN * (hi - lo);
        double perPixelY = (axisHigh - axisLow) / plotHeight;
        double xMin = data.points().get(0).x();
        double xMax = data.points().get(data.points().size() - 1).x();
        double xRange = Math.max(1e-9, xMax - xMin);
        double perPixelX = xRange / plotWidth;
        double height = LABEL_PIXELS * perPixelY;
        double gap = GAP_PIXELS * perPixelY;
        double rx = GAP_PIXELS * perPixelX;
        boolean raised = false;
        List<LabelBox> placed = new java.util.ArrayList<>();
        for (int i = 0; i < data.segments().size(); i++) {
            Segment s = data.segments().get(i);
            double halfWidth = 0.5 * s.label().length() * CHAR_PIXELS * perPixelX;
            double centre = Math.min(Math.max((s.start() + s.end()) / 2, xMin + halfWidth), xMax - halfWidth);
            double[] line = fittedRange(data, centre - halfWidth - rx, centre + halfWidth + rx);
            if (!Double.isFinite(line[0])) {
                continue;
            }
            double under = line[1];
            double over = line[0];
            for (Point p : data.points()) {
                if (Double.isFinite(p.y()) && Math.abs(p.x() - centre) < halfWidth + rx) {
                    under = Math.max(under, p.y());
                    over = Math.min(over, p.y());
                }
            }
            LabelBox above = new LabelBox(s.label(), centre, under + gap, true, halfWidth, height);
            LabelBox below = new LabelBox(s.label(), centre, over - gap, false, halfWidth, height);
            List<LabelBox> order = i % 2 == 0 ? List.of(above, below) : List.of(below, above);
            final double top = axisHigh;
            final double bottom = axisLow;
            LabelBox chosen = order.stream().filter(b -> b.top() <= top && b.bottom() >= bottom
                    && placed.stream().noneMatch(b::overlaps)).findFirst().orElse(null);
            if (chosen == null) {
                double y = above.y();
                for (LabelBox b : placed) {
                    if (Math.abs(b.x() - centre) < b.halfWidth() + halfWidth) {
                        y = Math.max(y, b.top() + gap);
                    }
                }
                chosen = new LabelBox(s.label(), centre, y, true, halfWidth, height);
                if (chosen.top() + gap > axisHigh) {
                    axisHigh = chosen.top() + gap;
                    raised = true;
                }
            }
            placed.add(chosen);
        }
        return new Labels(List.copyOf(placed), axisLow, axisHigh, raised);
    }

    /** The fitted value at time t, interpolated linearly between fitted points. */
    static double fittedAt(Data data, double t) {
        Point prev = null;
        for (Point p : data.points()) {
            if (!Double.isFinite(p.fitted())) {
                continue;
            }
            if (p.x() == t) {
                return p.fitted();
            }
            if (p.x() > t) {
                if (prev == null) {
                    return p.fitted();
                }
                double w = (t - prev.x()) / (p.x() - prev.x());
                return prev.fitted() + w * (p.fitted() - prev.fitted());
            }
            prev = p;
        }
        return prev == null ? Double.NaN : prev.fitted();
    }

    private static String altText(ChartText text, Data data) {
        List<Point> pts = data.points();
        StringBuilder sb = new StringBuilder("Scatter chart of ").append(text.subject()).append(", ")
                .append(Numbers.year(pts.get(0).x())).append('\u2013').append(Numbers.year(pts.get(pts.size() - 1).x()))
                .append(", ").append(text.yLabel().toLowerCase(java.util.Locale.ROOT)).append(", with ")
                .append(data.modelLabel().toLowerCase(java.util.Locale.ROOT)).append(" drawn as a line");
        if (data.segments().isEmpty()) {
            return sb.append('.').toString();
        }
        List<String> parts = new ArrayList<>();
        for (Segment s : data.segments()) {
            parts.add(Numbers.year(s.start()) + "\u2013" + Numbers.year(s.end()) + " " + s.label());
        }
        sb.append(data.segments().size() == 1 ? ". One segment: " : ". " + data.segments().size() + " segments: ");
        return sb.append(String.join("; ", parts)).append('.').toString();
    }
}
