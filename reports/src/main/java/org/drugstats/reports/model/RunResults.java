package org.drugstats.reports.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.ParquetTables;
import org.drugstats.core.results.ResultTable;
import org.drugstats.core.results.ResultsLayout;
import tech.tablesaw.api.Table;

/**
 * What a run published (the files of the results contract), read through core without Spark. Every part is
 * optional: an absent file is an empty list (or an empty optional) and the report says "no data in this run
 * for …". A file that is present but cannot be read is also treated as absent, and its one-line error is
 * kept in {@link #warnings()}, which the report prints on its overview and quality pages and the command
 * prints to standard error: a damaged file never passes silently.
 *
 * <p>Layout (core's {@link ResultsLayout}), relative to the run's output directory ({@code out/} by default):
 * {@code manifest.json},
 * {@code quarantine/*.csv}, {@code results/observations}, {@code results/aggregates},
 * {@code results/indicators}, {@code results/trends}, {@code results/trend_points},
 * {@code results/inequality} and {@code results/inequality.json}.
 */
public final class RunResults {

    /** Relative paths of the contract's files (core's {@link ResultsLayout} and {@link ResultTable}). */
    public static final String MANIFEST = ResultsLayout.MANIFEST;
    public static final String QUARANTINE = ResultsLayout.QUARANTINE;
    public static final String OBSERVATIONS = ResultTable.OBSERVATIONS.dir();
    public static final String AGGREGATES = ResultTable.AGGREGATES.dir();
    public static final String INDICATORS = ResultTable.INDICATORS.dir();
    public static final String TRENDS = ResultTable.TRENDS.dir();
    public static final String TREND_POINTS = ResultTable.TREND_POINTS.dir();
    public static final String INEQUALITY = ResultTable.INEQUALITY.dir();
    public static final String INEQUALITY_JSON = ResultsLayout.INEQUALITY_JSON;
    /** Estimates of people who use drugs (issue 12; schema drugstats-estimates/1). */
    public static final String ESTIMATES = ResultTable.ESTIMATES.dir();
    /** Drug use among students and youth (issue 12; schema drugstats-youth-estimates/1). */
    public static final String YOUTH_ESTIMATES = ResultTable.YOUTH_ESTIMATES.dir();
    /** The morphine-equivalent Lorenz curve of the latest INCB Table XII year. */
    public static final String INEQUALITY_ME = ResultTable.INEQUALITY_ME.dir();
    public static final String INEQUALITY_ME_JSON = ResultsLayout.INEQUALITY_ME_JSON;
    public static final String TRACKER = ResultTable.TRACKER.dir();
    /** The trend step's extension models (written only when an NCI Joinpoint 5 option is set). */
    public static final String TREND_EXTENSIONS = ResultTable.TREND_EXTENSIONS.dir();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path runDir;
    private final List<ResultObservation> observations;
    private final List<ResultObservation> aggregates;
    private final List<ResultObservation> indicators;
    private final List<TrendRow> trends;
    private final List<TrendPointRow> trendPoints;
    private final List<LorenzRow> lorenz;
    private final List<EstimateRow> estimates;
    private final List<YouthRow> youth;
    private final List<org.drugstats.core.tracker.TrackerRow> tracker;
    private final Optional<InequalitySummary> inequality;
    private final List<LorenzRow> lorenzMe;
    private final Optional<InequalitySummary> inequalityMe;
    private final Optional<Manifest> manifest;
    private final List<QuarantineFile> quarantine;
    private final Map<String, Origin> origins;
    private final Map<String, Integer> rowCounts;
    private final Map<String, List<Origin>> fileOrigins;
    private final List<String> warnings;

    private RunResults(Builder b) {
        this.runDir = b.runDir;
        this.observations = List.copyOf(b.observations);
        this.aggregates = List.copyOf(b.aggregates);
        this.indicators = List.copyOf(b.indicators);
        this.trends = List.copyOf(b.trends);
        this.trendPoints = List.copyOf(b.trendPoints);
        this.lorenz = List.copyOf(b.lorenz);
        this.estimates = List.copyOf(b.estimates);
        this.youth = List.copyOf(b.youth);
        this.tracker = List.copyOf(b.tracker);
        this.inequality = Optional.ofNullable(b.inequality);
        this.lorenzMe = List.copyOf(b.lorenzMe);
        this.inequalityMe = Optional.ofNullable(b.inequalityMe);
        this.manifest = Optional.ofNullable(b.manifest);
        this.quarantine = List.copyOf(b.quarantine);
        this.origins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.origins));
        this.rowCounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.rowCounts));
        this.fileOrigins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.fileOrigins));
        this.warnings = List.copyOf(b.warnings);
    }

    /**
     * The run directory that {@code dir} names: the directory itself when it holds {@code results/} or
     * {@code manifest.json}; its parent when {@code dir} is the {@code results} directory.
     *
     * @throws DrugstatsException when {@code dir} does not exist or holds neither
     */
    public static Path runDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw DrugstatsException.of("%s: no such directory; expected the output directory of 'drugstats run' "
                    + "(with results/ and manifest.json)", dir);
        }
        if (Files.isDirectory(dir.resolve(ResultsLayout.RESULTS)) || Files.isRegularFile(dir.resolve(MANIFEST))) {
            return dir;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (dir.getFileName() != null && dir.getFileName().toString().equals(ResultsLayout.RESULTS) && parent != null) {
            return parent;
        }
        throw DrugstatsException.of("%s: holds neither results/ nor manifest.json; expected the output directory "
                + "of 'drugstats run'", dir);
    }

    /** Reads a run's results (see the class description for what is tolerated), one file after the other. */
    public static RunResults load(Path dir) {
        return load(dir, 1);
    }

    /**
     * Reads a run's results with up to {@code threads} threads (one result table per thread; the JSON and
     * quarantine files on the caller's). The result does not depend on the number of threads: the tables are
     * merged (origins, row counts, warnings) in the same order as when read one after the other.
     */
    public static RunResults load(Path dir, int threads) {
        Path run = runDirectory(dir);
        Builder b = new Builder(run);
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "report-read");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            Future<Read<ResultObservation>> observations = b.read(OBSERVATIONS, ResultObservation::fromTable, pool);
            Future<Read<ResultObservation>> aggregates = b.read(AGGREGATES, ResultObservation::fromTable, pool);
            Future<Read<ResultObservation>> indicators = b.read(INDICATORS, ResultObservation::fromTable, pool);
            Future<Read<TrendRow>> trends = b.read(TRENDS, TrendRow::fromTable, pool);
            Future<Read<TrendPointRow>> trendPoints = b.read(TREND_POINTS, TrendPointRow::fromTable, pool);
            Future<Read<LorenzRow>> lorenz = b.read(INEQUALITY, LorenzRow::fromTable, pool);
            Future<Read<EstimateRow>> estimates = b.read(ESTIMATES, EstimateRow::fromTable, pool);
            Future<Read<YouthRow>> youth = b.read(YOUTH_ESTIMATES, YouthRow::fromTable, pool);
            Future<Read<LorenzRow>> lorenzMe = b.read(INEQUALITY_ME, LorenzRow::fromTable, pool);
            Future<Read<org.drugstats.core.tracker.TrackerRow>> tracker = b.read(TRACKER, TrackerRows::fromTable,
                    pool);
            b.observations = b.table(observations);
            b.aggregates = b.table(aggregates);
            b.indicators = b.table(indicators);
            b.trends = b.table(trends);
            b.trendPoints = b.table(trendPoints);
            b.lorenz = b.table(lorenz);
            b.estimates = b.table(estimates);
            b.youth = b.table(youth);
            b.inequality = b.json(INEQUALITY_JSON, InequalitySummary::fromJson);
            b.lorenzMe = b.table(lorenzMe);
            b.inequalityMe = b.json(INEQUALITY_ME_JSON, InequalitySummary::fromJson);
            b.tracker = b.table(tracker);
            b.manifest = b.json(MANIFEST, Manifest::fromJson);
            b.readQuarantine();
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new RunResults(b);
    }

    public Path runDir() {
        return runDir;
    }

    /** All accepted input observations. */
    public List<ResultObservation> observations() {
        return observations;
    }

    /** Regional and world aggregates. */
    public List<ResultObservation> aggregates() {
        return aggregates;
    }

    /** World, regional, sub-regional and country estimates of drug use ({@code results/estimates}). */
    public List<EstimateRow> estimates() {
        return estimates;
    }

    /** Drug use among students and youth: latest per country and UNODC summaries ({@code results/youth_estimates}). */
    public List<YouthRow> youth() {
        return youth;
    }

    /** Derived indicators. */
    public List<ResultObservation> indicators() {
        return indicators;
    }

    /** Fitted trend segments and Mann–Kendall results. */
    public List<TrendRow> trends() {
        return trends;
    }

    /** Data points of fitted series. */
    public List<TrendPointRow> trendPoints() {
        return trendPoints;
    }

    /** Lorenz points. */
    public List<LorenzRow> lorenz() {
        return lorenz;
    }

    /** The road-to-2029 tracker's rows (empty for a run that wrote none). */
    public List<org.drugstats.core.tracker.TrackerRow> tracker() {
        return tracker;
    }

    /** The inequality summary, if the run wrote one. */
    public Optional<InequalitySummary> inequality() {
        return inequality;
    }

    /** Lorenz points of morphine-equivalent consumption in the latest INCB Table XII year (empty when absent). */
    public List<LorenzRow> lorenzMe() {
        return lorenzMe;
    }

    /** The summary of {@link #lorenzMe()}, if the run wrote one. */
    public Optional<InequalitySummary> inequalityMe() {
        return inequalityMe;
    }

    /** The run manifest, if present. */
    public Optional<Manifest> manifest() {
        return manifest;
    }

    /** Quarantine files, by name. */
    public List<QuarantineFile> quarantine() {
        return quarantine;
    }

    /** Origins of all result files, by id (first occurrence wins). */
    public Map<String, Origin> origins() {
        return origins;
    }

    /** The origins a result file carries (by its relative path, e.g. {@link #INEQUALITY}); empty when absent. */
    public List<Origin> originsOf(String rel) {
        return fileOrigins.getOrDefault(rel, List.of());
    }

    /** Rows read per result file that was present. */
    public Map<String, Integer> rowCounts() {
        return rowCounts;
    }

    /** One line per file that was present but could not be read. */
    public List<String> warnings() {
        return warnings;
    }

    /** True when the run directory holds no result at all. */
    public boolean isEmpty() {
        return observations.isEmpty() && aggregates.isEmpty() && indicators.isEmpty() && trends.isEmpty()
                && lorenz.isEmpty() && inequality.isEmpty() && manifest.isEmpty() && quarantine.isEmpty();
    }

    /**
     * One result table as read: absent ({@code file} null, no warning), unreadable ({@code file} null and a
     * {@code warning}), read but with rows that could not be converted ({@code file} and a {@code warning}), or its
     * file and rows.
     */
    private record Read<T>(String rel, ParquetTables.TableFile file, List<T> rows, String warning) {

        static <T> Read<T> of(Path runDir, String rel, Function<Table, List<T>> rows) {
            Path p = runDir.resolve(rel);
            Path file = Files.exists(p) ? p : runDir.resolve(rel + ".parquet");
            if (!Files.exists(file)) {
                return new Read<>(rel, null, List.of(), null);
            }
            ParquetTables.TableFile tf;
            try {
                tf = ParquetTables.read(file);
            } catch (DrugstatsException e) {
                return new Read<>(rel, null, List.of(), e.getMessage());
            }
            try {
                return new Read<>(rel, tf, rows.apply(tf.table()), null);
            } catch (DrugstatsException e) {
                return new Read<>(rel, tf, List.of(), e.getMessage());
            }
        }
    }

    private static final class Builder {
        private final Path runDir;
        private List<ResultObservation> observations = List.of();
        private List<ResultObservation> aggregates = List.of();
        private List<ResultObservation> indicators = List.of();
        private List<TrendRow> trends = List.of();
        private List<TrendPointRow> trendPoints = List.of();
        private List<LorenzRow> lorenz = List.of();
        private List<EstimateRow> estimates = List.of();
        private List<YouthRow> youth = List.of();
        private List<org.drugstats.core.tracker.TrackerRow> tracker = List.of();
        private InequalitySummary inequality;
        private List<LorenzRow> lorenzMe = List.of();
        private InequalitySummary inequalityMe;
        private Manifest manifest;
        private final List<QuarantineFile> quarantine = new ArrayList<>();
        private final Map<String, Origin> origins = new LinkedHashMap<>();
        private final Map<String, Integer> rowCounts = new LinkedHashMap<>();
        private final Map<String, List<Origin>> fileOrigins = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();

        Builder(Path runDir) {
            this.runDir = runDir;
        }

        /** Reads a result table on the pool (on the caller's thread when there is none). */
        <T> Future<Read<T>> read(String rel, Function<Table, List<T>> rows, ExecutorService pool) {
            Callable<Read<T>> job = () -> Read.of(runDir, rel, rows);
            if (pool != null) {
                return pool.submit(job);
            }
            try {
                return CompletableFuture.completedFuture(job.call());
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        /** The rows of a table read by {@link #read}, its origins, row count or warning merged in. */
        <T> List<T> table(Future<Read<T>> pending) {
            Read<T> r;
            try {
                r = pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DrugstatsException(runDir + ": reading the results was interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new DrugstatsException(runDir + ": cannot read the results: " + e.getCause(), e.getCause());
            }
            if (r.file() != null) {
                r.file().origins().forEach(o -> origins.putIfAbsent(o.id(), o));
                rowCounts.put(r.rel(), r.file().table().rowCount());
                fileOrigins.put(r.rel(), r.file().origins());
            }
            if (r.warning() != null) {
                warnings.add(r.warning());
                return List.of();
            }
            return r.rows();
        }

        <T> T json(String rel, Function<JsonNode, T> parse) {
            Path file = runDir.resolve(rel);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try {
                return parse.apply(JSON.readTree(file.toFile()));
            } catch (IOException | RuntimeException e) {
                warnings.add(file + ": cannot read JSON: " + e.getMessage().lines().findFirst().orElse(""));
                return null;
            }
        }

        void readQuarantine() {
            Path dir = runDir.resolve(QUARANTINE);
            if (!Files.isDirectory(dir)) {
                return;
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                    try {
                        quarantine.add(QuarantineFile.read(f));
                    } catch (DrugstatsException e) {
                        warnings.add(e.getMessage());
                    }
                }
            } catch (IOException e) {
                warnings.add(dir + ": cannot list: " + e.getMessage());
            }
        }
    }
}
