package org.drugstats.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.drugstats.core.DrugstatsException;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one theme of the report's charts: fonts (DejaVu Sans, present on the build machines, so PNGs look the
 * same everywhere), the Okabe–Ito colour-blind-safe palette, sizes, and the title, subtitle and source line
 * every chart carries. Chart builders call {@link #decorate} on each chart they build; the global
 * {@code ChartFactory} theme is never set or used.
 *
 * <p>Palette (Okabe and Ito 2008, "Color Universal Design", https://jfly.uni-koeln.de/color/), in the order
 * series receive it: blue #0072B2, orange #E69F00, bluish green #009E73, vermillion #D55E00, reddish purple
 * #CC79A7, sky blue #56B4E9, black, yellow #F0E442 (last: weak contrast on white). Series beyond eight reuse
 * the palette with a dashed stroke, so two series never look the same.
 *
 * <p>Immutable; {@link #standard()} gives the report's theme, {@link #withFontFamily} another font family
 * (for tests or other machines).
 */
public final class ReportTheme {

    /** The Okabe–Ito colours in series order. */
    public static final List<Color> PALETTE = List.of(
            new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00),
            new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442));

    private static final Color TEXT = new Color(0x222222);
    private static final Color MUTED = new Color(0x555555);
    private static final Color GRID = new Color(0xDDDDDD);

    private final String fontFamily;
    private final int width;
    private final int height;

    private ReportTheme(String fontFamily, int width, int height) {
        this.fontFamily = fontFamily;
        this.width = width;
        this.height = height;
    }

    /** The report theme: DejaVu Sans, 900 × 520 px charts. */
    public static ReportTheme standard() {
        return new ReportTheme("DejaVu Sans", 900, 520);
    }

    /** The same theme with another font family. */
    public ReportTheme withFontFamily(String family) {
        if (family == null || family.isBlank()) {
            throw DrugstatsException.of("theme font family must not be blank, got '%s'", family);
        }
        return new ReportTheme(family, width, height);
    }

    /** The same theme with another default chart size in pixels. */
    public ReportTheme withSize(int w, int h) {
        if (!(w >= 200 && h >= 150)) {
            throw DrugstatsException.of("chart size must be at least 200 × 150 px, got %d × %d", w, h);
        }
        return new ReportTheme(fontFamily, w, h);
    }

    public String fontFamily() {
        return fontFamily;
    }

    /** Default chart width in pixels. */
    public int width() {
        return width;
    }

    /** Default chart height in pixels. */
    public int height() {
        return height;
    }

    /** Title font. */
    public Font titleFont() {
        return new Font(fontFamily, Font.BOLD, 17);
    }

    /** Subtitle font. */
    public Font subtitleFont() {
        return new Font(fontFamily, Font.PLAIN, 13);
    }

    /** Axis label font. */
    public Font axisLabelFont() {
        return new Font(fontFamily, Font.PLAIN, 13);
    }

    /** Tick label and legend font. */
    public Font tickFont() {
        return new Font(fontFamily, Font.PLAIN, 12);
    }

    /** Annotation font (segment labels, marked points). */
    public Font annotationFont() {
        return new Font(fontFamily, Font.PLAIN, 12);
    }

    /** Source line font. */
    public Font sourceFont() {
        return new Font(fontFamily, Font.PLAIN, 11);
    }

    /** Colour of series {@code i} (0-based; wraps after eight). */
    public Color color(int i) {
        return PALETTE.get(Math.floorMod(i, PALETTE.size()));
    }

    /** The translucent fill of series {@code i}'s uncertainty band. */
    public Color bandColor(int i) {
        Color c = color(i);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 56);
    }

    /** Line stroke of series {@code i}: solid for the first eight, dashed after. */
    public Stroke lineStroke(int i) {
        return i < PALETTE.size() ? new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f);
    }

    /** A thin dashed stroke for reference lines (equality line, joinpoint markers). */
    public Stroke referenceStroke() {
        return new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f);
    }

    /** Stroke of error bars. */
    public Stroke errorStroke() {
        return new BasicStroke(1.4f);
    }

    /** Marker of observed points. */
    public Shape pointShape() {
        return new Ellipse2D.Double(-4, -4, 8, 8);
    }

    /** Marker of a point in a ranked dot plot. */
    public Shape dotShape() {
        return new Ellipse2D.Double(-4.5, -4.5, 9, 9);
    }

    /** Legend marker for a band. */
    public Shape bandLegendShape() {
        return new Rectangle2D.Double(-7, -5, 14, 10);
    }

    /** Grey for text that is secondary (source line, annotations). */
    public Color mutedColor() {
        return MUTED;
    }

    /** Colour of reference lines. */
    public Color referenceColor() {
        return new Color(0x777777);
    }

    /** Number format for years on axes: no grouping ("2010", not "2,010"). */
    public NumberFormat yearFormat() {
        DecimalFormat f = new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setGroupingUsed(false);
        return f;
    }

    /** Number format for values on axes: grouped thousands, up to two decimals. */
    public NumberFormat valueFormat() {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private StandardChartTheme jfreeTheme() {
        StandardChartTheme t = new StandardChartTheme("drugstats", false);
        t.setExtraLargeFont(titleFont());
        t.setLargeFont(axisLabelFont());
        t.setRegularFont(tickFont());
        t.setSmallFont(sourceFont());
        t.setTitlePaint(TEXT);
        t.setSubtitlePaint(MUTED);
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setPlotOutlinePaint(GRID);
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setLegendItemPaint(TEXT);
        t.setDomainGridlinePaint(GRID);
        t.setRangeGridlinePaint(GRID);
        t.setBaselinePaint(MUTED);
        t.setAxisLabelPaint(TEXT);
        t.setTickLabelPaint(TEXT);
        t.setItemLabelPaint(TEXT);
        t.setErrorIndicatorPaint(TEXT);
        t.setShadowVisible(false);
        t.setBarPainter(new StandardBarPainter());
        t.setXYBarPainter(new StandardXYBarPainter());
        t.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        Paint[] paints = PALETTE.toArray(new Paint[0]);
        t.setDrawingSupplier(new DefaultDrawingSupplier(paints, paints, new Paint[] {GRID},
                new Stroke[] {lineStroke(0)}, new Stroke[] {new BasicStroke(0.5f)}, new Shape[] {pointShape()}));
        return t;
    }

    /**
     * Applies the theme to a chart and adds its texts: the title, the subtitle (if any) under it, and the
     * source line at the foot, left-aligned. Call once per chart, after building the plot and before setting
     * series colours (the theme resets renderer defaults, not per-series paints).
     */
    public void decorate(JFreeChart chart, ChartText text) {
        jfreeTheme().apply(chart);
        chart.setTitle(new TextTitle(text.title(), titleFont()));
        chart.getTitle().setPaint(TEXT);
        chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.getTitle().setTextAlignment(HorizontalAlignment.LEFT);
        chart.getTitle().setMargin(new RectangleInsets(4, 8, 2, 8));
        chart.clearSubtitles();
        if (text.subtitle() != null && !text.subtitle().isBlank()) {
            TextTitle sub = new TextTitle(text.subtitle(), subtitleFont());
            sub.setPaint(MUTED);
            sub.setPosition(RectangleEdge.TOP);
            sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
            sub.setTextAlignment(HorizontalAlignment.LEFT);
            sub.setMargin(new RectangleInsets(0, 8, 6, 8));
            chart.addSubtitle(sub);
        }
        TextTitle source = new TextTitle("Source: " + text.source(), sourceFont());
        source.setPaint(MUTED);
        source.setPosition(RectangleEdge.BOTTOM);
        source.setHorizontalAlignment(HorizontalAlignment.LEFT);
        source.setTextAlignment(HorizontalAlignment.LEFT);
        source.setMargin(new RectangleInsets(6, 8, 4, 8));
        source.setMaximumLinesToDisplay(3);
        chart.addSubtitle(source);
        stylePlot(chart.getPlot());
        chart.setPadding(new RectangleInsets(6, 6, 4, 10));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
    }

    /** Solid light gridlines on XY and category plots. */
    private static void stylePlot(org.jfree.chart.plot.Plot plot) {
        BasicStroke grid = new BasicStroke(0.7f);
        if (plot instanceof org.jfree.chart.plot.XYPlot xy) {
            xy.setDomainGridlineStroke(grid);
            xy.setRangeGridlineStroke(grid);
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setOutlineVisible(false);
        } else if (plot instanceof org.jfree.chart.plot.CategoryPlot cat) {
            cat.setRangeGridlineStroke(grid);
            cat.setRangeGridlinePaint(GRID);
            cat.setDomainGridlinesVisible(false);
            cat.setOutlineVisible(false);
        }
    }

    /** Adds a legend at the top, under the subtitle, in the theme's font (charts are built without one). */
    public void addLegend(JFreeChart chart) {
        LegendTitle legend = new LegendTitle(chart.getPlot());
        legend.setItemFont(tickFont());
        legend.setItemPaint(TEXT);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        legend.setPosition(RectangleEdge.TOP);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        legend.setMargin(new RectangleInsets(0, 4, 4, 4));
        chart.addSubtitle(chart.getSubtitleCount() > 0 ? chart.getSubtitleCount() - 1 : 0, legend);
    }

    /** Styles an axis: label and tick fonts and colours. */
    public void styleAxis(Axis axis) {
        axis.setLabelFont(axisLabelFont());
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(tickFont());
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(MUTED);
        axis.setTickMarkPaint(MUTED);
    }
}
