package org.drugstats.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.catalog.Catalog;
import org.drugstats.core.catalog.IndicatorDefinition;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.io.PathTrees;
import org.drugstats.reports.chart.ReportTheme;
import org.drugstats.reports.data.ResultsDataset;
import org.drugstats.reports.html.HtmlRenderer;
import org.drugstats.reports.html.Page;
import org.drugstats.reports.html.ReportAssets;
import org.drugstats.reports.model.AreaNames;
import org.drugstats.reports.model.Headline;
import org.drugstats.reports.model.RunResults;
import org.drugstats.reports.pages.PageContext;
import org.drugstats.reports.pages.Pages;

/**
 * Renders the HTML report of a run: reads the results directory (the output of {@code drugstats run}), builds
 * the pages, renders the charts (PNG and SVG) and tables (CSV), and writes {@code index.html} and the linked
 * pages into the output directory — atomically: everything is rendered into a hidden staging directory beside
 * the target, which then replaces the target, so a failed rendering leaves any previous report intact.
 *
 * <p>Safety: an existing output directory is replaced only when it is empty or a previous report (it holds
 * {@code index.html} and {@code report.css}); a directory that holds run results is never replaced.
 *
 * <p>Immutable; {@link #withDefaults()} uses the standard theme, the headline figures of core's catalog and
 * one rendering thread per processor.
 */
public final class Report {

    private final ReportTheme theme;
    private final List<Headline> headlines;
    private final Map<String, String> indicatorNames;
    private final int threads;
    private final Geography geography;

    private Report(ReportTheme theme, List<Headline> headlines, Map<String, String> indicatorNames, int threads,
            Geography geography) {
        this.theme = theme;
        this.geography = geography;
        this.headlines = List.copyOf(headlines);
        this.indicatorNames = Map.copyOf(indicatorNames);
        this.threads = threads;
    }

    /**
     * Standard theme, the catalog's headline figures and indicator names, core's geography for area names, one
     * thread per processor.
     */
    public static Report withDefaults() {
        Catalog catalog = Catalog.load();
        Map<String, String> names = new LinkedHashMap<>();
        for (IndicatorDefinition d : catalog.indicators()) {
            names.put(d.id(), d.name());
        }
        return new Report(ReportTheme.standard(), Headline.of(catalog), names,
                Runtime.getRuntime().availableProcessors(), Geography.fromResources());
    }

    /** The same report with another chart theme. */
    public Report withTheme(ReportTheme t) {
        return new Report(Objects.requireNonNull(t, "theme"), headlines, indicatorNames, threads, geography);
    }

    /** The same report with other headline figures (e.g. for a fixture). */
    public Report withHeadlines(List<Headline> h) {
        return new Report(theme, h, indicatorNames, threads, geography);
    }

    /** The same report rendering charts with {@code n} threads (n ≥ 1). */
    public Report withThreads(int n) {
        if (!(n >= 1)) {
            throw DrugstatsException.of("report threads must be at least 1, got %d", n);
        }
        return new Report(theme, headlines, indicatorNames, n, geography);
    }

    /**
     * Renders the report of the run in {@code resultsDir} (the run's output directory, or its {@code results}
     * sub-directory) into {@code outDir}.
     *
     * @throws DrugstatsException when the results directory does not exist, the output directory may not be
     *     replaced, or a file cannot be written
     */
    public ReportSummary render(Path resultsDir, Path outDir) {
        long start = System.nanoTime();
        Map<String, Double> phases = new LinkedHashMap<>();
        RunResults run = RunResults.load(resultsDir, threads);
        long t = lap(phases, "read", start);
        Path out = outDir.toAbsolutePath().normalize();
        checkReplaceable(out, run.runDir().toAbsolutePath().normalize());
        Path parent = out.getParent();
        Path staging = parent.resolve("." + out.getFileName() + ".staging-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(parent);
            PathTrees.delete(staging);
            Files.createDirectories(staging);
            String runLabel = run.manifest().map(m -> m.ended().isEmpty() ? "" : "run of " + m.ended()).orElse("");
            List<Page> pages;
            int chartCount;
            int tableCount;
            try (ReportAssets assets = new ReportAssets(staging, theme, threads)) {
                // the downloadable dataset depends on the results only: it is written on the pool while the pages
                // are built and their charts rendered
                assets.inBackground(() -> ResultsDataset.write(run, staging.resolve(ReportAssets.DATA)));
                PageContext ctx = new PageContext(run, AreaNames.from(run, geography), assets, headlines,
                        indicatorNames, runLabel.isEmpty() ? "this run" : runLabel);
                pages = Pages.build(ctx);
                t = lap(phases, "build", t);
                assets.awaitCharts();
                t = lap(phases, "charts", t);
                chartCount = assets.chartCount();
                tableCount = assets.tableCount();
            }
            HtmlRenderer html = HtmlRenderer.create();
            // no path in the pages: the report may be rendered in a staging directory and moved, and a report of
            // the same results should not depend on where they lie
            String footer = "drugstats report" + (runLabel.isEmpty() ? "" : " \u00b7 " + runLabel)
                    + " \u00b7 every table has a CSV download; every chart is SVG with a PNG download.";
            for (Page p : pages) {
                html.write(staging, p, pages, footer, run.warnings());
            }
            HtmlRenderer.writeCss(staging);
            replace(staging, out);
            lap(phases, "html", t);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new ReportSummary(out, pages.stream().map(Page::file).toList(), chartCount, tableCount,
                    run.warnings(), seconds, phases);
        } catch (IOException e) {
            throw new DrugstatsException(out + ": cannot write report: " + e.getMessage(), e);
        } finally {
            try {
                PathTrees.delete(staging);
            } catch (IOException ignored) {
                // the staging directory is hidden and named for this process; a later run removes it
            }
        }
    }

    private static long lap(Map<String, Double> phases, String name, long since) {
        long now = System.nanoTime();
        phases.put(name, (now - since) / 1e9);
        return now;
    }

    private static void checkReplaceable(Path out, Path runDir) {
        if (out.equals(runDir) || runDir.startsWith(out)) {
            throw DrugstatsException.of("%s: the report directory must not be the run directory or contain it (%s)",
                    out, runDir);
        }
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw DrugstatsException.of("%s: exists and is not a directory; expected a report directory", out);
        }
        if (Files.exists(out.resolve("results")) || Files.exists(out.resolve(RunResults.MANIFEST))) {
            throw DrugstatsException.of("%s: holds run results; refusing to replace it with a report", out);
        }
        boolean previousReport = Files.isRegularFile(out.resolve("index.html"))
                && Files.isRegularFile(out.resolve(HtmlRenderer.CSS));
        try (Stream<Path> s = Files.list(out)) {
            if (!previousReport && s.findAny().isPresent()) {
                throw DrugstatsException.of("%s: exists, is not empty and is not a previous report; refusing to "
                        + "replace it", out);
            }
        } catch (IOException e) {
            throw new DrugstatsException(out + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static void replace(Path staging, Path out) throws IOException {
        if (Files.exists(out)) {
            Path old = out.getParent().resolve("." + out.getFileName() + ".old-" + ProcessHandle.current().pid());
            PathTrees.delete(old);
            Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
            PathTrees.delete(old);
        } else {
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
