package org.drugstats.spark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.SeizureEventCodes;
import org.drugstats.spark.EventCodes;
import org.drugstats.spark.Schemas;
import org.drugstats.spark.SeizureTotalsStep;
import org.drugstats.spark.TrendStep;

/**
 * One pipeline step on the same files with Spark and with DuckDB ({@code duckdb_jdbc}, in the same JVM), timed,
 * with peak memory, and checked to give the same numbers.
 *
 * <ul>
 * <li>{@code aggregate}: seizure events → country × year × drug totals, the pipeline's {@link SeizureTotalsStep}
 * (number of events and exact milligram sums) against {@code GROUP BY} with the same integer milligram sum in SQL;
 * on coded files also both engines by names and by the coded keys. Check: every total identical (events and
 * milligrams) in every variant.</li>
 * <li>{@code trend}: a country panel → the pipeline's {@link TrendStep} (log-linear, joinpoint with BIC or the
 * configured selection, Mann–Kendall per series) against SQL computing what SQL can: the log-linear slope
 * ({@code regr_slope(ln(y), x)}) and the Mann–Kendall S (a self-join). Check: slopes within 1e-9 (relative) and S
 * identical for every series. DuckDB does not fit joinpoints, so the ratio compares unequal work.</li>
 * </ul>
 */
public final class Bench {

    private Bench() {
    }

    /** One engine's measurement: the median wall time of the runs, the largest peaks, every run's time. */
    public record Measurement(String engine, long rows, double seconds, MemoryProbe.Peak peak, List<Double> runs) {
        /** Rows per second. */
        public double rowsPerSecond() {
            return rows / seconds;
        }
    }

    /** Both measurements and the check; {@code more}: other variants timed in the same runs (may be empty). */
    public record Outcome(Measurement spark, Measurement duckdb, String check, List<Measurement> more) {

        /** Both measurements and the check, no other variant. */
        public Outcome(Measurement spark, Measurement duckdb, String check) {
            this(spark, duckdb, check, List.of());
        }

        /** The measurement of a variant of {@link #more()} by its engine name. */
        public java.util.Optional<Measurement> more(String engine) {
            return more.stream().filter(m -> m.engine().equals(engine)).findFirst();
        }

        /** Wall-time ratio Spark / DuckDB. */
        public double ratio() {
            return spark.seconds() / duckdb.seconds();
        }
    }

    /** DuckDB settings: threads and memory limit (e.g. "4GB"). */
    public record DuckSettings(int threads, String memoryLimit) {
    }

    private static String glob(Path dir) {
        return dir.toAbsolutePath().resolve("part-*.parquet").toString().replace("'", "''");
    }

    private static Connection duck(DuckSettings s) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = c.createStatement()) {
            st.execute("SET threads = " + s.threads());
            st.execute("SET memory_limit = '" + s.memoryLimit().replace("'", "") + "'");
            st.execute("SET preserve_insertion_order = false");
        }
        return c;
    }

    /** The first part file of {@code dir}, for warm-up runs. */
    private static Path firstPart(Path dir) {
        try (var s = java.nio.file.Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().findFirst()
                    .orElseThrow(() -> DrugstatsException.of("bench: %s holds no part files", dir));
        } catch (java.io.IOException e) {
            throw DrugstatsException.of(e, "bench: cannot list %s: %s", dir, e.getMessage());
        }
    }

    private static String aggregateSql(String files) {
        return "SELECT ref_area, year, drug_group, drug_subgroup, drug, count(*) AS events, "
                + "sum(CAST(floor(kilograms * 1e6 + 0.5) AS BIGINT)) AS milligrams FROM read_parquet('" + files + "') "
                + "GROUP BY ref_area, year, drug_group, drug_subgroup, drug";
    }

    /**
     * DuckDB's aggregation by the coded keys: the same totals grouped by (area_code, year, drug_code), the names
     * attached to the groups by joining the dictionary (as {@code VALUES} tables), as the pipeline's coded path does.
     */
    static String aggregateCodedSql(String files, SeizureEventCodes codes) {
        StringBuilder areas = new StringBuilder();
        codes.areas().forEach((k, v) -> areas.append(areas.length() == 0 ? "" : ", ").append('(').append(k)
                .append(", ").append(quote(v)).append(')'));
        StringBuilder drugs = new StringBuilder();
        codes.drugs().forEach((k, v) -> drugs.append(drugs.length() == 0 ? "" : ", ").append('(').append(k)
                .append(", ").append(quote(v.group())).append(", ").append(quote(v.subgroup())).append(", ")
                .append(quote(v.drug())).append(')'));
        return "WITH t AS (SELECT area_code, year, drug_code, count(*) AS events, "
                + "sum(CAST(floor(kilograms * 1e6 + 0.5) AS BIGINT)) AS milligrams FROM read_parquet('" + files + "') "
                + "GROUP BY area_code, year, drug_code), "
                + "a(area_code, ref_area) AS (VALUES " + areas + "), "
                + "d(drug_code, drug_group, drug_subgroup, drug) AS (VALUES " + drugs + ") "
                + "SELECT a.ref_area, t.year, d.drug_group, d.drug_subgroup, d.drug, t.events, t.milligrams "
                + "FROM t LEFT JOIN a ON t.area_code = a.area_code LEFT JOIN d ON t.drug_code = d.drug_code";
    }

    private static String quote(String s) {
        return s == null ? "CAST(NULL AS VARCHAR)" : "'" + s.replace("'", "''") + "'";
    }

    /** The part files of {@code dir}, in name order. */
    private static List<Path> parts(Path dir) {
        try (var s = java.nio.file.Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        } catch (java.io.IOException e) {
            throw DrugstatsException.of(e, "bench: cannot list %s: %s", dir, e.getMessage());
        }
    }

    /** One way of computing the totals, timed: Spark or DuckDB, by names or by the coded keys. */
    private interface Variant {
        void run(Path files, boolean full, Map<String, long[]> into);
    }

    private static Variant spark(SparkSession spark, boolean coded) {
        return (files, full, into) -> {
            String in = "bench";
            Dataset<Row> events = spark.read().parquet(files.toAbsolutePath().toString()).withColumn(Schemas.INPUT, lit(in));
            Map<String, SeizureEventCodes> codes = new HashMap<>();
            if (coded) {
                // the dictionary is read from the footers, as the pipeline does, inside the timed run
                EventCodes.read(full ? parts(files) : List.of(files)).ifPresent(c -> codes.put(in, c));
            }
            for (Row r : SeizureTotalsStep.totals(events, List.of(in), codes).collectAsList()) {
                into.put(key(r.getString(1), r.getInt(2), r.getString(3), r.getString(4), r.getString(5)),
                        new long[] {r.getLong(6), r.getLong(7)});
            }
        };
    }

    private static Variant duckdb(DuckSettings settings, boolean coded) {
        return (files, full, into) -> {
            String f = full ? glob(files) : files.toAbsolutePath().toString().replace("'", "''");
            String sql = coded ? aggregateCodedSql(f, EventCodes.read(full ? parts(files) : List.of(files))
                    .orElseThrow()) : aggregateSql(f);
            try (Connection c = duck(settings); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    into.put(key(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                            new long[] {rs.getLong(6), rs.getLong(7)});
                }
            } catch (SQLException e) {
                throw DrugstatsException.of(e, "bench: DuckDB failed: %s", e.getMessage());
            }
        };
    }

    /**
     * The aggregate step on seizure events in {@code dir} ({@code rows} rows). Each engine first runs the same
     * query once, untimed, on the first part file (JIT and code generation for Spark, file-format paths for
     * DuckDB); then the full run is timed {@code repeat} times, the engines alternating, and the median is
     * reported (so that a load spike from another process on a shared machine hits one run, not the figure).
     *
     * <p>{@code spark} is the pipeline's step ({@link SeizureTotalsStep#totals(Dataset, List, Map)}: by the coded
     * keys when the files are coded) and {@code duckdb} the {@code GROUP BY} of the names. On coded files two more
     * are timed in the same alternation ({@link Outcome#more()}): {@code spark-names}, Spark grouping by the names
     * (the step before the codes), and {@code duckdb-codes}, DuckDB doing the coded job (grouping by the codes,
     * the names joined afterwards). All give the same totals.
     */
    public static Outcome aggregate(SparkSession spark, Path dir, long rows, DuckSettings duckSettings, int repeat) {
        Path first = firstPart(dir);
        boolean coded = EventCodes.read(parts(dir)).isPresent();
        Map<String, Variant> variants = new java.util.LinkedHashMap<>();
        variants.put("spark", spark(spark, true));
        variants.put("duckdb", duckdb(duckSettings, false));
        if (coded) {
            variants.put("spark-names", spark(spark, false));
            variants.put("duckdb-codes", duckdb(duckSettings, true));
        }
        Map<String, Timings> timings = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Variant> v : variants.entrySet()) {
            v.getValue().run(first, false, new HashMap<>());
            timings.put(v.getKey(), new Timings());
        }
        Map<String, Map<String, long[]>> results = new java.util.LinkedHashMap<>();
        for (int run = 0; run < repeat; run++) {
            for (Map.Entry<String, Variant> v : variants.entrySet()) {
                Map<String, long[]> totals = new HashMap<>();
                MemoryProbe.reset();
                long t0 = System.nanoTime();
                v.getValue().run(dir, true, totals);
                timings.get(v.getKey()).add((System.nanoTime() - t0) / 1e9, MemoryProbe.read());
                results.put(v.getKey(), totals);
            }
        }
        Map<String, long[]> s = results.get("spark");
        String check = totalsCheck(s, results.get("duckdb"), rows);
        for (String other : results.keySet()) {
            try {
                totalsCheck(s, results.get(other), rows);
            } catch (DrugstatsException e) {
                throw DrugstatsException.of(e, "%s (compared: spark and %s)", e.getMessage(), other);
            }
        }
        if (coded) {
            check += "; the same in Spark and DuckDB by names and by coded keys";
        }
        List<Measurement> more = new java.util.ArrayList<>();
        for (Map.Entry<String, Timings> t : timings.entrySet()) {
            if (!t.getKey().equals("spark") && !t.getKey().equals("duckdb")) {
                more.add(t.getValue().measurement(t.getKey(), rows));
            }
        }
        return new Outcome(timings.get("spark").measurement("spark", rows),
                timings.get("duckdb").measurement("duckdb", rows), check, more);
    }

    /**
     * The aggregate bench's check: both engines give the same totals (events and milligrams) for every key, and
     * the totals count every event of the files.
     *
     * @throws DrugstatsException naming the first key that differs, or the counts
     */
    static String totalsCheck(Map<String, long[]> s, Map<String, long[]> d, long rows) {
        if (s.size() != d.size()) {
            throw DrugstatsException.of("bench: Spark gives %d totals, DuckDB %d", s.size(), d.size());
        }
        long counted = 0;
        for (Map.Entry<String, long[]> e : s.entrySet()) {
            long[] o = d.get(e.getKey());
            if (o == null || o[0] != e.getValue()[0] || o[1] != e.getValue()[1]) {
                throw DrugstatsException.of("bench: totals differ for %s: Spark %s, DuckDB %s", e.getKey(),
                        java.util.Arrays.toString(e.getValue()), o == null ? "none" : java.util.Arrays.toString(o));
            }
            counted += o[0];
        }
        if (counted != rows) {
            throw DrugstatsException.of("bench: totals count %d events, the files hold %d", counted, rows);
        }
        String check = String.format(Locale.ROOT,
                "%,d country x year x drug totals identical in both engines (events and milligrams; %,d events)",
                s.size(), counted);
        return check;
    }

    /** The trend step on a country panel in {@code dir} ({@code rows} rows). */
    public static Outcome trend(SparkSession spark, Path dir, long rows, TrendStep.Settings settings,
            DuckSettings duckSettings, int repeat) {
        Path first = firstPart(dir);
        TrendStep.fit(TrendStep.points(spark.read().parquet(first.toAbsolutePath().toString())
                .withColumn("imputed", lit(false)).limit(20_000)), settings).trends().count();
        String src = "read_parquet('" + glob(dir) + "')";
        String points = "SELECT indicator, ref_area, sex, age, coalesce(drug, '') AS drug, unit, "
                + "CAST(time_period AS DOUBLE) AS x, value * pow(10, unit_mult) AS y FROM " + src
                + " WHERE value IS NOT NULL";
        String sqlSlope = "WITH p AS (" + points + ") SELECT indicator, ref_area, sex, age, drug, unit, "
                + "regr_slope(ln(y), x) FROM p GROUP BY ALL";
        String sqlMk = "WITH p AS (" + points + ") SELECT a.indicator, a.ref_area, a.sex, a.age, a.drug, a.unit, "
                + "sum(sign(b.y - a.y)) FROM p a JOIN p b ON a.indicator = b.indicator AND a.ref_area = b.ref_area "
                + "AND a.sex = b.sex AND a.age = b.age AND a.drug = b.drug AND a.unit = b.unit AND b.x > a.x GROUP BY ALL";
        Map<String, Double> slope = new HashMap<>();
        Map<String, Double> mkS = new HashMap<>();
        Map<String, Double> dSlope = new HashMap<>();
        Map<String, Double> dS = new HashMap<>();
        long trendRows = 0;
        Timings spark1 = new Timings();
        Timings duck1 = new Timings();
        for (int run = 0; run < repeat; run++) {
            slope.clear();
            mkS.clear();
            dSlope.clear();
            dS.clear();
            MemoryProbe.reset();
            long t0 = System.nanoTime();
            Dataset<Row> obs = spark.read().parquet(dir.toAbsolutePath().toString()).withColumn("imputed", lit(false));
            TrendStep.Fitted fitted = new TrendStep.Fitted(
                    TrendStep.fit(TrendStep.points(obs), settings).all().persist(StorageLevel.MEMORY_AND_DISK()));
            List<Row> summary = fitted.trends()
                    .filter(col("method").isin("loglinear", "mann-kendall"))
                    .select(col("indicator"), col("ref_area"), col("sex"), col("age"), col("drug"), col("unit"),
                            col("method"), col("slope"), col("mk_s"), col("n"))
                    .collectAsList();
            trendRows = fitted.trends().count();
            spark1.add((System.nanoTime() - t0) / 1e9, MemoryProbe.read());
            fitted.all().unpersist();
            for (Row r : summary) {
                String k = key(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5));
                if ("loglinear".equals(r.getString(6))) {
                    slope.put(k, r.isNullAt(7) ? null : r.getDouble(7));
                } else {
                    mkS.put(k, r.isNullAt(8) ? null : r.getDouble(8));
                }
            }
            MemoryProbe.reset();
            long t1 = System.nanoTime();
            try (Connection c = duck(duckSettings); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery(sqlSlope)) {
                    while (rs.next()) {
                        dSlope.put(key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)), rs.getDouble(7));
                    }
                }
                try (ResultSet rs = st.executeQuery(sqlMk)) {
                    while (rs.next()) {
                        dS.put(key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)), rs.getDouble(7));
                    }
                }
            } catch (SQLException e) {
                throw DrugstatsException.of(e, "bench: DuckDB failed: %s", e.getMessage());
            }
            duck1.add((System.nanoTime() - t1) / 1e9, MemoryProbe.read());
        }

        if (slope.size() != dSlope.size() || mkS.size() != dS.size()) {
            throw DrugstatsException.of("bench: Spark fitted %d/%d series, DuckDB %d/%d", slope.size(), mkS.size(),
                    dSlope.size(), dS.size());
        }
        double worst = 0;
        for (Map.Entry<String, Double> e : slope.entrySet()) {
            Double o = dSlope.get(e.getKey());
            if (e.getValue() == null || o == null) {
                throw DrugstatsException.of("bench: no log-linear slope for %s (Spark %s, DuckDB %s)", e.getKey(),
                        e.getValue(), o);
            }
            double rel = Math.abs(e.getValue() - o) / Math.max(1e-12, Math.abs(o));
            worst = Math.max(worst, rel);
            if (!(Math.abs(e.getValue() - o) <= 1e-9 * Math.max(1e-6, Math.abs(o)))) {
                throw DrugstatsException.of("bench: log-linear slopes differ for %s: Spark %s, DuckDB %s", e.getKey(),
                        e.getValue(), o);
            }
        }
        for (Map.Entry<String, Double> e : mkS.entrySet()) {
            if (!Objects.equals(e.getValue(), dS.get(e.getKey()))) {
                throw DrugstatsException.of("bench: Mann-Kendall S differs for %s: Spark %s, DuckDB %s", e.getKey(),
                        e.getValue(), dS.get(e.getKey()));
            }
        }
        String check = String.format(Locale.ROOT,
                "%,d series: log-linear slopes agree (largest relative difference %.1e) and Mann-Kendall S identical; "
                        + "Spark also fitted joinpoint models (%,d trend rows), which SQL cannot",
                slope.size(), worst, trendRows);
        return new Outcome(spark1.measurement("spark", rows), duck1.measurement("duckdb", rows), check);
    }

    /** Wall times and peaks of repeated runs: the median time, the largest peaks. */
    static final class Timings {
        private final List<Double> seconds = new java.util.ArrayList<>();
        private long heap;
        private long rss = -1;

        void add(double s, MemoryProbe.Peak p) {
            seconds.add(s);
            heap = Math.max(heap, p.heapBytes());
            if (p.rssBytes().isPresent()) {
                rss = Math.max(rss, p.rssBytes().getAsLong());
            }
        }

        Measurement measurement(String engine, long rows) {
            List<Double> sorted = seconds.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Measurement(engine, rows, median, new MemoryProbe.Peak(heap,
                    rss < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(rss)), List.copyOf(seconds));
        }
    }

    private static String key(String a, int y, String b, String c, String d) {
        return a + "|" + y + "|" + b + "|" + (c == null ? "" : c) + "|" + d;
    }

    private static String key(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            sb.append(p == null ? "" : p).append('|');
        }
        return sb.toString();
    }
}
