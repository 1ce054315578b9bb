package org.drugstats.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.drugstats.core.DrugstatsException;
import org.drugstats.spark.InputFiles;
import org.drugstats.spark.RunConfig;
import org.drugstats.spark.SparkSessions;
import org.drugstats.spark.TrendStep;
import org.drugstats.spark.bench.Bench;
import org.drugstats.spark.bench.ValidateBench;
import org.drugstats.spark.generate.Generated;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drugstats bench}: one step with Spark and with DuckDB on the same generated files. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark a pipeline step with Spark and with DuckDB (duckdb_jdbc, same JVM) on the same generated files, check that both give the same numbers, and print rows, wall time, rows/s and peak memory for each, ending with 'spark/duckdb = R'.",
            "Data are generated under --bench-data (default bench-data/) keyed by kind, rows and seed, and reused."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--rows", required = true, paramLabel = "N", description = "Rows of generated data.")
    long rows;

    @Option(names = "--step", defaultValue = "aggregate", paramLabel = "STEP",
            description = "aggregate (seizure events -> country totals), validate (the pipeline's checks of seizure events, with a file of faulty events appended; DuckDB runs the same checks in SQL) or trend (country panel -> trends) (default: ${DEFAULT-VALUE}).")
    String step;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the generated data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bench-data", paramLabel = "DIR", description = "Where generated data are kept (default: bench-data/ in the installation).")
    Path benchData;

    @Option(names = "--config", paramLabel = "FILE", description = "Run configuration (Spark settings, trend settings).")
    Path configFile;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*]).")
    String master;

    @Option(names = "--duckdb-threads", paramLabel = "T", description = "DuckDB threads (default: the number of processors).")
    Integer duckThreads;

    @Option(names = "--repeat", defaultValue = "1", paramLabel = "K",
            description = "Timed runs per engine, alternating; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--duckdb-memory", defaultValue = "4GB", paramLabel = "M", description = "DuckDB memory limit (default: ${DEFAULT-VALUE}).")
    String duckMemory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Usage.require(spec, step.equals("aggregate") || step.equals("validate") || step.equals("trend"),
                "unknown --step '%s'; expected aggregate, validate or trend", step);
        Usage.require(spec, rows > 0, "--rows must be positive, got %d", rows);
        Usage.require(spec, repeat >= 1 && repeat <= 100, "--repeat must be in [1, 100], got %d", repeat);
        RunConfig config = configFile == null ? RunConfig.defaults() : RunConfig.load(configFile);
        Path dataHome = benchData != null ? benchData : Home.path("bench-data");
        boolean events = !step.equals("trend");
        String kind = events ? "seizure-events" : "country-panel";
        Path dir = dataHome.resolve(String.format(Locale.ROOT, "%s-n%d-s%d", kind, rows, seed));
        PrintWriter out = spec.commandLine().getOut();
        Generated.Description d = Files.isDirectory(dir) ? Generated.read(dir) : null;
        if (d != null && events
                && !d.source().endsWith("sha256:" + InputFiles.sha256OfPath(Home.path("data")))) {
            // the events follow the seizure totals of data/; after data/ changed they follow other totals
            out.printf(Locale.ROOT, "bench: %s was generated from another data/ (%s); generating it afresh%n", dir,
                    d.source());
            Generated.delete(dir);
            d = null;
        }
        if (d == null) {
            Generated.refuseInside(dir, Home.path("data"));
            out.printf(Locale.ROOT, "bench: generating %,d %s rows into %s%n", rows, kind, dir);
            out.flush();
            int threads = Runtime.getRuntime().availableProcessors();
            // ten files whatever the size (at least 100,000 rows each), so that both engines can read in parallel
            long perFile = Math.max(100_000L, (rows + 9) / 10);
            d = events ? Generated.seizureEvents(Home.path("data"), rows, seed, dir, perFile, threads)
                    : Generated.countryPanel(GenerateCommand.countries(Home.path("data")), rows, 20, seed, dir,
                            perFile, threads);
        } else {
            out.printf(Locale.ROOT, "bench: reusing %s%n", dir);
        }
        // read every file once so that both engines start from the same (warm) page cache
        String sha = InputFiles.sha256OfPath(dir);
        long bytes = dirBytes(dir);
        Bench.DuckSettings duck = new Bench.DuckSettings(
                duckThreads == null ? Runtime.getRuntime().availableProcessors() : duckThreads, duckMemory);
        Bench.Outcome o;
        try (SparkSessions.Handle h = SparkSessions.create(config, master, "drugstats bench")) {
            // a first small action so that session start-up is not counted as the step's time
            h.session().range(1).count();
            o = step.equals("aggregate") ? Bench.aggregate(h.session(), dir, d.rows(), duck, repeat)
                    : step.equals("validate") ? ValidateBench.run(h.session(), dir, d.rows(), duck, repeat)
                    : Bench.trend(h.session(), dir, d.rows(), TrendStep.Settings.of(config), duck, repeat);
            out.printf(Locale.ROOT, "bench %s: %,d rows, %d files, %.2f GB (sha256 %s...), spark %s with %s shuffle partitions, AQE %s, %s serializer; duckdb %d threads, memory limit %s; JVM max heap %.1f GB%n",
                    step, d.rows(), d.files(), bytes / 1e9, sha.substring(0, 12), h.session().sparkContext().master(),
                    config.shufflePartitions(), config.adaptive() ? "on" : "off",
                    config.serializer().name().toLowerCase(Locale.ROOT), duck.threads(), duck.memoryLimit(),
                    Runtime.getRuntime().maxMemory() / 1e9);
        }
        List<Bench.Measurement> all = new java.util.ArrayList<>(List.of(o.spark(), o.duckdb()));
        all.addAll(o.more());
        for (Bench.Measurement m : all) {
            out.printf(Locale.ROOT, "%-6s: rows %,d, wall %.2f s%s, %,.0f rows/s, peak heap %s, peak RSS %s%n",
                    m.engine(), m.rows(), m.seconds(), m.runs().size() > 1 ? " (median of " + m.runs().stream()
                            .map(x -> String.format(Locale.ROOT, "%.2f", x)).toList() + ")" : "",
                    m.rowsPerSecond(), gb(OptionalLong.of(m.peak().heapBytes())), gb(m.peak().rssBytes()));
        }
        out.println("check : " + o.check());
        out.printf(Locale.ROOT, "spark/duckdb = %.2f%n", o.ratio());
        // on coded files: the same job in both engines (both by the coded keys, both by names)
        o.more("duckdb-codes").ifPresent(m -> out.printf(Locale.ROOT, "spark/duckdb-codes = %.2f%n",
                o.spark().seconds() / m.seconds()));
        o.more("spark-names").ifPresent(m -> out.printf(Locale.ROOT, "spark-names/duckdb = %.2f%n",
                m.seconds() / o.duckdb().seconds()));
        out.flush();
        return 0;
    }

    private static String gb(OptionalLong b) {
        return b.isPresent() ? String.format(Locale.ROOT, "%.2f GB", b.getAsLong() / 1e9) : "n/a";
    }

    private static long dirBytes(Path dir) {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).mapToLong(p -> p.toFile().length()).sum();
        } catch (java.io.IOException e) {
            throw DrugstatsException.of(e, "%s: cannot list: %s", dir, e.getMessage());
        }
    }
}
