package org.drugstats.reports;

import java.nio.file.Path;
import java.util.List;

/**
 * What a report rendering produced.
 *
 * @param outDir the report directory ({@code index.html} inside)
 * @param pages page file names, in navigation order
 * @param charts number of charts (each as PNG and SVG)
 * @param tables number of tables (each with a CSV)
 * @param warnings result files that were present but could not be read
 * @param seconds wall-clock rendering time
 * @param phases wall-clock seconds per phase: read (results), build (pages, tables, CSV; the charts and the
 *     dataset are being written on other threads meanwhile), charts (waiting for the charts and the dataset still
 *     being written when the pages are built), html (pages and the atomic move)
 */
public record ReportSummary(Path outDir, List<String> pages, int charts, int tables, List<String> warnings,
        double seconds, java.util.Map<String, Double> phases) {
    public ReportSummary {
        pages = List.copyOf(pages);
        warnings = List.copyOf(warnings);
        phases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phases));
    }
}
