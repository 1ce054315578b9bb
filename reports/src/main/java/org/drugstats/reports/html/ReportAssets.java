package org.drugstats.reports.html;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.drugstats.core.DrugstatsException;
import org.drugstats.reports.chart.BuiltChart;
import org.drugstats.reports.chart.ChartFiles;
import org.drugstats.reports.chart.ReportTheme;

/**
 * The files of a report being written into a directory: charts (queued, then rendered to PNG and SVG in
 * parallel by {@link #renderCharts}), table CSVs (written at once, RFC 4180, UTF-8) and copied data files.
 * Hands out the {@link Figure} and {@link TableView} blocks that link to them, and refuses duplicate names so
 * that no file silently overwrites another.
 */
public final class ReportAssets {

    /** Sub-directory of charts. */
    public static final String CHARTS = "charts";
    /** Sub-directory of table CSVs. */
    public static final String TABLES = "tables";
    /** Sub-directory of copied data files. */
    public static final String DATA = "data";

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();

    private record ChartJob(String name, BuiltChart chart) {
    }

    private final Path root;
    private final ReportTheme theme;
    private final Set<String> names = new HashSet<>();
    private final List<ChartJob> jobs = new ArrayList<>();
    private int tables;
    private int charts;

    /** Assets written under {@code root} with this chart theme. */
    public ReportAssets(Path root, ReportTheme theme) {
        this.root = Objects.requireNonNull(root, "root");
        this.theme = Objects.requireNonNull(theme, "theme");
    }

    /** The chart theme. */
    public ReportTheme theme() {
        return theme;
    }

    /** Queues a chart for rendering as {@code charts/name.png|svg} and returns its figure block. */
    public Figure chart(String name, BuiltChart chart, String caption) {
        claim("chart " + name);
        jobs.add(new ChartJob(name, chart));
        charts++;
        return new Figure("fig-" + name, CHARTS + "/" + name + ".png", CHARTS + "/" + name + ".svg", chart.altText(),
                caption, chart.width(), chart.height());
    }

    /** Writes the table's CSV to {@code tables/id.csv} and returns its page form. */
    public TableView table(TableBuilder table) {
        claim("table " + table.id());
        Path file = root.resolve(TABLES).resolve(table.id() + ".csv");
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CSVPrinter p = new CSVPrinter(w, CSV)) {
                p.printRecord(table.headers());
                for (List<String> row : table.csvRows()) {
                    p.printRecord(row);
                }
            }
        } catch (IOException e) {
            throw new DrugstatsException(file + ": cannot write table: " + e.getMessage(), e);
        }
        tables++;
        return table.view(TABLES + "/" + table.id() + ".csv");
    }

    /** Copies a file into {@code data/sub/} and returns its relative href. */
    public String copy(Path source, String sub) {
        String name = source.getFileName().toString();
        claim("data " + sub + "/" + name);
        Path target = root.resolve(DATA).resolve(sub).resolve(name);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DrugstatsException(source + ": cannot copy into the report: " + e.getMessage(), e);
        }
        return DATA + "/" + sub + "/" + name;
    }

    /** Renders every queued chart with up to {@code threads} threads; the first failure is rethrown. */
    public void renderCharts(int threads) {
        Path dir = root.resolve(CHARTS);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<ChartFiles.Written>> done = new ArrayList<>();
            for (ChartJob j : jobs) {
                done.add(pool.submit(() -> ChartFiles.write(j.chart(), dir, j.name())));
            }
            for (Future<ChartFiles.Written> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DrugstatsException("chart rendering interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DrugstatsException de) {
                throw de;
            }
            throw new DrugstatsException("chart rendering failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        jobs.clear();
    }

    /** Number of charts handed out. */
    public int chartCount() {
        return charts;
    }

    /** Number of tables written. */
    public int tableCount() {
        return tables;
    }

    private void claim(String name) {
        if (!names.add(name)) {
            throw DrugstatsException.of("report: two assets are named '%s'", name);
        }
    }
}
