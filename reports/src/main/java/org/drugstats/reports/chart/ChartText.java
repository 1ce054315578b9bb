package org.drugstats.reports.chart;

import org.drugstats.core.DrugstatsException;

/**
 * The words on a chart: title, optional subtitle, axis labels with units, and the source line (origin and
 * year) printed at its foot. The subject is the phrase the alt text uses ("coca bush cultivation in
 * Colombia"); by default the title in lower case.
 *
 * @param title chart title, required
 * @param subtitle one line under the title, or null
 * @param xLabel horizontal axis label with unit, e.g. "Year"
 * @param yLabel vertical axis label with unit, e.g. "Hectares"
 * @param source origin and year, e.g. "UNODC, World Drug Report 2025, annex table 6.1.1"; required
 * @param subject what the chart shows, for the alt text
 */
public record ChartText(String title, String subtitle, String xLabel, String yLabel, String source, String subject) {

    public ChartText {
        if (title == null || title.isBlank()) {
            throw DrugstatsException.of("a chart needs a title");
        }
        if (source == null || source.isBlank()) {
            throw DrugstatsException.of("chart '%s' needs a source line (origin and year)", title);
        }
        if (xLabel == null || yLabel == null) {
            throw DrugstatsException.of("chart '%s' needs both axis labels (with units)", title);
        }
        if (subject == null || subject.isBlank()) {
            subject = Character.toLowerCase(title.charAt(0)) + title.substring(1);
        }
    }

    /** Texts with the subject taken from the title. */
    public static ChartText of(String title, String subtitle, String xLabel, String yLabel, String source) {
        return new ChartText(title, subtitle, xLabel, yLabel, source, null);
    }

    /** The same texts with another alt-text subject. */
    public ChartText withSubject(String s) {
        return new ChartText(title, subtitle, xLabel, yLabel, source, s);
    }
}
