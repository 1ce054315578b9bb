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
import org.drugstats.spark.Schemas;
import org.drugstats.spark.SeizureTotalsStep;
import org.drugstats.spark.TrendStep;

/**
 * One pipeline step on the same files with Spark and with DuckDB ({@code duckdb_jdbc}, in the same JVM), timed,
 * with peak memory, and checked to give the same numbers.
 *
 * <ul>
 * <li>{@code aggregate}: seizure events → country × year × drug totals, the pipeline's {@link SeizureTotalsStep}
 * (number of events and exact milligram sums) against {@code GROUP BY} with the same integer milligram sum in SQL.
 * Check: every total identical (events and milligrams).</li>
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

    /** Both measurements and the check. */
    public record Outcome(Measurement spark, Measurement duckdb, String check) {
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
     * The aggregate step on seizure events in {@code dir} ({@code rows} rows). Each engine first runs the same
     * query once, untimed, on the first part file (JIT and code generation for Spark, file-format paths for
     * DuckDB); then the full run is timed {@code repeat} times, the engines alternating, and the median is
     * reported (so that a load spike from another process on a shared machine hits one run, not the figure).
     */
    public static Outcome aggregate(SparkSession spark, Path dir, long rows, DuckSettings duckSettings, int repeat) {
        Path first = firstPart(dir);
        SeizureTotalsStep.totals(spark.read().parquet(first.toAbsolutePath().toString())
                .withColumn(Schemas.INPUT, lit("warm-up"))).collectAsList();
        try (Connection c = duck(duckSettings); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(aggregateSql(first.toAbsolutePath().toString().replace("'", "''")))) {
            while (rs.next()) {
                rs.getLong(7);
            }
        } catch (SQLException e) {
            throw DrugstatsException.of(e, "bench: DuckDB failed: %s", e.getMessage());
        }
        String sql = aggregateSql(glob(dir));
        Map<String, long[]> s = new HashMap<>();
        Map<String, long[]> d = new HashMap<>();
        Timings spark1 = new Timings();
        Timings duck1 = new Timings();
        for (int run = 0; run < repeat; run++) {
            s.clear();
            d.clear();
            MemoryProbe.reset();
            long t0 = System.nanoTime();
            Dataset<Row> events = spark.read().parquet(dir.toAbsolutePath().toString())
                    .withColumn(Schemas.INPUT, lit("bench"));
            List<Row> sparkTotals = SeizureTotalsStep.totals(events).collectAsList();
            spark1.add((System.nanoTime() - t0) / 1e9, MemoryProbe.read());
            for (Row r : sparkTotals) {
                s.put(key(r.getString(1), r.getInt(2), r.getString(3), r.getString(4), r.getString(5)),
                        new long[] {r.getLong(6), r.getLong(7)});
            }
            MemoryProbe.reset();
            long t1 = System.nanoTime();
            try (Connection c = duck(duckSettings); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    d.put(key(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                            new long[] {rs.getLong(6), rs.getLong(7)});
                }
            } catch (SQLException e) {
                throw DrugstatsException.of(e, "bench: DuckDB failed: %s", e.getMessage());
            }
            duck1.add((System.nanoTime() - t1) / 1e9, MemoryProbe.read());
        }
        String check = totalsCheck(s, d, rows);
        return new Outcome(spark1.measurement("spark", rows), duck1.measurement("duckdb", rows), check);
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
