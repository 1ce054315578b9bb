package org.drugstats.reports.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.geo.M49Country;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * A world choropleth map of one value per country (ISO3 codes), in the report's theme: Equal Earth projection,
 * quantile classes with a legend, "No data" distinct from zero, the source line and the United Nations disclaimer on
 * boundaries under the map.
 */
public final class WorldMapChart {
    /** The disclaimer printed under every map. */
    public static final String DISCLAIMER = "The boundaries and names shown and the designations used on this map do"
            + " not imply official endorsement or acceptance by the United Nations. Boundaries: Natural Earth 1:110m"
            + " (public domain) via world-atlas 2.0.2.";

    private WorldMapChart() {
    }

    /**
     * The map.
     *
     * @param values value per country, by ISO3 code (countries absent or null: no data)
     * @param unit the unit shown in the legend (e.g. "%", "mg per capita")
     * @param classes number of colour classes (1–5)
     */
    public static BuiltChart build(ReportTheme theme, ChartText text, Map<String, Double> values, String unit,
            int classes, Geography geography) {
        Map<String, String> m49ByIso3 = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (M49Country c : geography.countries()) {
            m49ByIso3.put(c.iso3(), normalise(c.m49()));
            names.put(c.iso3(), c.name());
        }
        MapGeometry world = MapGeometry.world();
        Map<String, MapGeometry.Country> drawn = world.byCode();
        Map<String, Double> byM49 = new LinkedHashMap<>();
        List<String> notDrawn = new ArrayList<>();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                continue;
            }
            String m49 = m49ByIso3.get(e.getKey());
            if (m49 != null && drawn.containsKey(m49)) {
                byM49.put(m49, e.getValue());
            } else {
                notDrawn.add(e.getKey());
            }
        }
        MapClasses mc = MapClasses.quantiles(new ArrayList<>(values.values().stream()
                .filter(v -> v != null && Double.isFinite(v)).toList()), classes);
        ChoroplethPlot plot = new ChoroplethPlot(world, byM49, mc, unit);
        JFreeChart chart = new JFreeChart(text.title(), theme.titleFont(), plot, false);
        theme.decorate(chart, text);
        theme.addLegend(chart);
        TextTitle disclaimer = new TextTitle(DISCLAIMER + (notDrawn.isEmpty() ? ""
                : " Too small to show at this scale: " + String.join(", ", notDrawn.stream().sorted().toList()) + "."),
                theme.sourceFont().deriveFont(10f));
        disclaimer.setPaint(theme.mutedColor());
        disclaimer.setPosition(RectangleEdge.BOTTOM);
        disclaimer.setHorizontalAlignment(HorizontalAlignment.LEFT);
        disclaimer.setTextAlignment(HorizontalAlignment.LEFT);
        disclaimer.setMargin(new RectangleInsets(0, 8, 4, 8));
        disclaimer.setMaximumLinesToDisplay(4);
        chart.addSubtitle(disclaimer);
        return new BuiltChart(chart, altText(text, values, names, unit), theme.width(), 560);
    }

    private static String normalise(String m49) {
        try {
            return String.format(Locale.ROOT, "%03d", Integer.parseInt(m49.strip()));
        } catch (NumberFormatException e) {
            return m49;
        }
    }

    private static String altText(ChartText text, Map<String, Double> values, Map<String, String> names,
            String unit) {
        List<Map.Entry<String, Double>> with = values.entrySet().stream()
                .filter(e -> e.getValue() != null && Double.isFinite(e.getValue()))
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).toList();
        StringBuilder sb = new StringBuilder("World map of ").append(text.subject()).append(": ")
                .append(with.size()).append(with.size() == 1 ? " country" : " countries").append(" with data");
        if (!with.isEmpty()) {
            sb.append("; highest ");
            for (int i = 0; i < Math.min(3, with.size()); i++) {
                Map.Entry<String, Double> e = with.get(i);
                sb.append(i == 0 ? "" : ", ").append(names.getOrDefault(e.getKey(), e.getKey())).append(" ")
                        .append(String.format(Locale.ROOT, "%.3g", e.getValue())).append(unit.isEmpty() ? "" : " " + unit);
            }
        }
        sb.append("; other countries have no data. Source: ").append(text.source()).append('.');
        return sb.toString();
    }
}
