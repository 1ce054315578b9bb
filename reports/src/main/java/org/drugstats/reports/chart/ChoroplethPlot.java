package org.drugstats.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;

/**
 * A JFreeChart plot that draws a world choropleth in the Equal Earth projection: each country filled by its
 * {@link MapClasses} class, borders in white, the oceans pale; its legend items are the classes, zero and no data.
 * Antarctica (M49 010) is left out: no drug indicator covers it and it would take a fifth of the height.
 */
final class ChoroplethPlot extends Plot {
    private static final long serialVersionUID = 1L;
    private static final Color OCEAN = new Color(0xd6e4ee);
    private static final Color BORDER = Color.WHITE;

    private final transient MapGeometry geometry;
    private final transient Map<String, Double> valuesByM49;
    private final transient MapClasses classes;
    private final String unit;

    ChoroplethPlot(MapGeometry geometry, Map<String, Double> valuesByM49, MapClasses classes, String unit) {
        this.geometry = geometry;
        this.valuesByM49 = Map.copyOf(valuesByM49);
        this.classes = classes;
        this.unit = unit;
        setOutlineVisible(false);
    }

    @Override
    public String getPlotType() {
        return "Choropleth map";
    }

    @Override
    public LegendItemCollection getLegendItems() {
        LegendItemCollection items = new LegendItemCollection();
        for (Object[] c : classes.legend(unit)) {
            LegendItem li = new LegendItem((String) c[0], null, null, null, new Rectangle2D.Double(-7, -5, 14, 10),
                    (Color) c[1], new BasicStroke(0.8f), new Color(0x999999));
            items.add(li);
        }
        return items;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
        if (info != null) {
            info.setPlotArea(area);
            info.setDataArea(area);
        }
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double hw = EqualEarth.halfWidth();
        double top = EqualEarth.project(0, 84).y;
        double bottom = EqualEarth.project(0, -58).y;
        double sx = area.getWidth() / (2 * hw);
        double sy = area.getHeight() / (top - bottom);
        double s = Math.min(sx, sy);
        double cx = area.getCenterX();
        double cy = area.getY() + (area.getHeight() - s * (top - bottom)) / 2 + s * top;
        AffineTransform t = new AffineTransform(s, 0, 0, -s, cx, cy);
        Shape clip = g2.getClip();
        Rectangle2D frame = new Rectangle2D.Double(cx - s * hw, cy - s * top, 2 * s * hw, s * (top - bottom));
        g2.clip(frame);
        Shape globe = t.createTransformedShape(MapGeometry.sphere());
        g2.setPaint(OCEAN);
        g2.fill(globe);
        g2.clip(globe);
        g2.setStroke(new BasicStroke(0.5f));
        for (MapGeometry.Country c : geometry.countries()) {
            if (c.m49().equals("010")) {
                continue;
            }
            Shape shape = t.createTransformedShape(MapGeometry.projected(c));
            g2.setPaint(classes.colour(c.m49().isEmpty() ? null : valuesByM49.get(c.m49())));
            g2.fill(shape);
            g2.setPaint(BORDER);
            g2.draw(shape);
        }
        g2.setClip(clip);
    }

    List<Object[]> legend() {
        return classes.legend(unit);
    }
}
