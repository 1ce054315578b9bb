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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.drugstats.core.DrugstatsException;
import org.drugstats.reports.chart.BuiltChart;
import org.drugstats.reports.chart.ChartFiles;
import org.drugstats.reports.chart.ReportTheme;

/**
 * The files of a report being written into a directory: charts (rendered to PNG and SVG by a pool of threads from
 * the moment they are handed in, while the pages go on being built; {@link #awaitCharts} waits for them), table
 * CSVs (written at once, RFC 4180, UTF-8), copied data files, and other writing handed to the pool
 * ({@link #inBackground}). Hands out the {@link Figure} and {@link TableView} blocks that link to them, and
 * refuses duplicate names so that no file silently overwrites another.
 *
 * <p>Determinism: every chart and background job writes its own files, named by the page code, so the files do
 * not depend on the number of threads or the order in which the jobs finish; a failure is reported for the first
 * job in submission order that failed. Memory: a chart's image exists only while one of the pool's threads renders
 * it, so at most as many images as threads are held at once.
 *
 * <p>Not thread-safe: one thread (the one building the pages) hands in the assets. {@link #close} stops the pool.
 */
public final class ReportAssets implements AutoCloseable {

    /** Sub-directory of charts. */
    public static final String CHARTS = "charts";
    /** Sub-directory of table CSVs. */
    public static final String TABLES = "tables";
    /** Sub-directory of copied data files. */
    public static final String DATA = "data";

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();

    private final Path root;
    private final ReportTheme theme;
    private final ExecutorService pool;
    private final Set<String> names = new HashSet<>();
    private final List<Future<?>> jobs = new ArrayList<>();
    private int tables;
    private int charts;

    /**
     * Assets written under {@code root} with this chart theme; charts and background jobs run on {@code threads}
     * threads (at least 1) beside the caller's.
     */
    public ReportAssets(Path root, ReportTheme theme, int threads) {
        if (threads < 1) {
            throw DrugstatsException.of("report threads must be at least 1, got %d", threads);
        }
        this.root = Objects.requireNonNull(root, "root");
        this.theme = Objects.requireNonNull(theme, "theme");
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "report-render-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The chart theme. */
    public ReportTheme theme() {
        return theme;
    }

    /**
     * Hands a chart to the pool for rendering as {@code charts/name.png|svg} and returns its figure block. The
     * chart must not be changed afterwards.
     */
    public Figure chart(String name, BuiltChart chart, String caption) {
        claim("chart " + name);
        Path dir = root.resolve(CHARTS);
        jobs.add(pool.submit(() -> ChartFiles.write(chart, dir, name)));
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

    /**
     * Runs {@code job} on the pool (e.g. writing a data file that no page depends on); {@link #awaitCharts} waits
     * for it too. The job must write only files that nothing else writes.
     */
    public void inBackground(Runnable job) {
        jobs.add(pool.submit(Objects.requireNonNull(job, "job")));
    }

    /**
     * Waits until every chart and background job handed in so far is written; the first failure in submission
     * order is rethrown (the remaining jobs are then cancelled).
     *
     * @throws DrugstatsException when a job failed or the wait was interrupted
     */
    public void awaitCharts() {
        try {
            for (Future<?> f : jobs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new DrugstatsException("chart rendering interrupted", e);
        } catch (ExecutionException e) {
            close();
            if (e.getCause() instanceof DrugstatsException de) {
                throw de;
            }
            throw new DrugstatsException("chart rendering failed: " + e.getCause(), e.getCause());
        }
        jobs.clear();
    }

    /**
     * Stops the pool: jobs not yet started are cancelled, and the call returns once the running ones have ended (so
     * that no file is written after it), or after a minute; a no-op after {@link #awaitCharts}.
     */
    @Override
    public void close() {
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
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
