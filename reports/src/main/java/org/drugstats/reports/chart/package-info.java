/**
 * Chart builders for the report: small data records in, a themed JFreeChart with alt text out
 * ({@link org.drugstats.reports.chart.BuiltChart}), rendered headless to PNG and SVG by
 * {@link org.drugstats.reports.chart.ChartFiles}. One theme ({@link org.drugstats.reports.chart.ReportTheme})
 * is applied explicitly to every chart; every chart has a title, axis labels with units and a source line.
 */
package org.drugstats.reports.chart;
