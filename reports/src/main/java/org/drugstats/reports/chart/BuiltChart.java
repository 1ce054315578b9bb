package org.drugstats.reports.chart;

import java.util.Objects;
import org.jfree.chart.JFreeChart;

/**
 * A chart ready to render, with the alt text that says in words what it shows, and its size in pixels.
 *
 * @param chart the JFreeChart, themed
 * @param altText what the chart shows, composed from its data
 * @param width width in pixels
 * @param height height in pixels
 */
public record BuiltChart(JFreeChart chart, String altText, int width, int height) {
    public BuiltChart {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(altText, "altText");
    }
}
