package org.drugstats.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;
import org.drugstats.core.DrugstatsException;
import org.drugstats.reports.format.Numbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A Lorenz curve: cumulative share of population (countries ranked from lowest to highest per-capita
 * consumption) against cumulative share of consumption, with the line of equality and one reading marked,
 * e.g. "84% of the population, 7.5% of consumption". The Gini coefficient goes in the subtitle.
 */
public final class LorenzChart {

    /**
     * The curve and the reading to mark.
     *
     * @param populationShare cumulative population shares in [0, 1], ascending, starting at 0
     * @param consumptionShare cumulative consumption shares in [0, 1], same length
     * @param gini the Gini coefficient
     * @param markPopulation population share of the marked reading (NaN for none)
     * @param markConsumption consumption share of the marked reading
     */
    public record Data(double[] populationShare, double[] consumptionShare, double gini, double markPopulation,
            double markConsumption) {
        public Data {
            Objects.requireNonNull(populationShare, "populationShare");
            Objects.requireNonNull(consumptionShare, "consumptionShare");
            if (populationShare.length != consumptionShare.length || populationShare.length < 2) {
                throw DrugstatsException.of("Lorenz curve needs at least two points with both shares, got %d and %d",
                        populationShare.length, consumptionShare.length);
            }
            for (int i = 0; i < populationShare.length; i++) {
                if (!(populationShare[i] >= -1e-9 && populationShare[i] <= 1 + 1e-9 && consumptionShare[i] >= -1e-9
                        && consumptionShare[i] <= 1 + 1e-9)) {
                    throw DrugstatsException.of("Lorenz point %d (%s, %s) is outside [0, 1]", i, populationShare[i],
                            consumptionShare[i]);
                }
            }
            populationShare = populationShare.clone();
            consumptionShare = consumptionShare.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Data d && java.util.Arrays.equals(populationShare, d.populationShare)
                    && java.util.Arrays.equals(consumptionShare, d.consumptionShare) && Double.compare(gini, d.gini) == 0
                    && Double.compare(markPopulation, d.markPopulation) == 0
                    && Double.compare(markConsumption, d.markConsumption) == 0;
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(populationShare) * 31 + java.util.Arrays.hashCode(consumptionShare);
        }

        @Override
        public String toString() {
            return "Lorenz[" + populationShare.length + " points, gini " + gini + "]";
        }

        boolean hasMark() {
            return Double.isFinite(markPopulation) && Double.isFinite(markConsumption);
        }
    }

    private LorenzChart() {
    }

    /** Builds the chart; square plot area. */
    public static BuiltChart build(ReportTheme theme, ChartText text, Data data) {
        XYSeries curve = new XYSeries("Lorenz curve", false, true);
        if (data.populationShare()[0] > 0) {
            curve.add(0, 0);
        }
        for (int i = 0; i < data.populationShare().length; i++) {
            curve.add(100 * data.populationShare()[i], 100 * data.consumptionShare()[i]);
        }
        XYSeries equality = new XYSeries("Line of equality", false, true);
        equality.add(0, 0);
        equality.add(100, 100);
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(curve);
        dataset.addSeries(equality);
        NumberAxis x = new NumberAxis(text.xLabel());
        NumberAxis y = new NumberAxis(text.yLabel());
        DecimalFormat pct = new DecimalFormat("0'%'", DecimalFormatSymbols.getInstance(Locale.ROOT));
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setRange(0, 100);
            a.setTickUnit(new NumberTickUnit(10, pct));
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(dataset, x, y, r);
        JFreeChart chart = new JFreeChart(text.title(), theme.titleFont(), plot, false);
        theme.decorate(chart, text);
        theme.styleAxis(x);
        theme.styleAxis(y);
        Color curveColor = theme.color(0);
        r.setSeriesPaint(0, curveColor);
        r.setSeriesStroke(0, new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        r.setSeriesPaint(1, theme.referenceColor());
        r.setSeriesStroke(1, theme.referenceStroke());

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("Lorenz curve (Gini " + Numbers.fixed(data.gini(), 3) + ")", null, null, null,
                false, new Line2D.Double(), false, curveColor, false, curveColor, new BasicStroke(1f), true,
                new Line2D.Double(-10, 0, 10, 0), new BasicStroke(2.6f), curveColor));
        legend.add(new LegendItem("Line of equality", null, null, null, false, new Line2D.Double(), false,
                theme.referenceColor(), false, theme.referenceColor(), new BasicStroke(1f), true,
                new Line2D.Double(-10, 0, 10, 0), theme.referenceStroke(), theme.referenceColor()));
        if (data.hasMark()) {
            double mx = 100 * data.markPopulation();
            double my = 100 * data.markConsumption();
            Color mark = theme.color(3);
            BasicStroke guide = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                    new float[] {2f, 3f}, 0f);
            plot.addAnnotation(new XYLineAnnotation(mx, 0, mx, my, guide, mark));
            plot.addAnnotation(new XYLineAnnotation(0, my, mx, my, guide, mark));
            plot.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(mx - 1.1, my - 1.1, 2.2, 2.2),
                    new BasicStroke(1f), mark, mark));
            XYPointerAnnotation label = new XYPointerAnnotation(markLabel(data), mx, my, Math.PI * 1.25);
            label.setFont(theme.annotationFont());
            label.setPaint(mark.darker());
            label.setArrowPaint(mark);
            label.setBaseRadius(70);
            label.setTipRadius(6);
            label.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
            label.setBackgroundPaint(new Color(255, 255, 255, 230));
            plot.addAnnotation(label);
            legend.add(new LegendItem("marked reading", null, null, null, new Ellipse2D.Double(-4, -4, 8, 8), mark));
        }
        plot.setFixedLegendItems(legend);
        theme.addLegend(chart);
        int side = theme.height() + 150;
        return new BuiltChart(chart, altText(text, data), Math.min(theme.width(), side), side);
    }

    /** "84% of the population, 7.5% of consumption". */
    static String markLabel(Data data) {
        return Numbers.percent(100 * data.markPopulation()) + " of the population: "
                + Numbers.percent(100 * data.markConsumption()) + " of consumption";
    }

    private static String altText(ChartText text, Data data) {
        StringBuilder sb = new StringBuilder("Lorenz curve of ").append(text.subject())
                .append(": cumulative share of population (horizontal, countries ranked from lowest to highest per "
                        + "capita consumption) against cumulative share of consumption (vertical), ")
                .append(data.populationShare().length).append(" points, with the diagonal line of equality. Gini ")
                .append(Numbers.fixed(data.gini(), 3)).append('.');
        if (data.hasMark()) {
            sb.append(" Marked: ").append(markLabel(data)).append('.');
        }
        return sb.toString();
    }
}
