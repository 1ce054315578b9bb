package org.drugstats.spark.bench;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.SeizureEvents;
import org.drugstats.spark.InputFiles;
import org.drugstats.spark.ValidateStep;
import org.drugstats.spark.generate.SeizureEventWriter;

/**
 * {@code drugstats bench --step validate}: the pipeline's validation of seizure events ({@link ValidateStep}:
 * core's {@link SeizureEvents#checkRow} on every row, then repeated event ids after their first row) with Spark,
 * against DuckDB running the same checks in SQL on the same files, with the same quarantine counts per reason.
 *
 * <p>Generated events are all valid, so the bench appends one file of {@value #FAULTS} faulty events to the input
 * (one per check, in turn: a lower-case area code, a year outside [1900, 2100], a blank drug group, a blank drug,
 * NaN, negative and 10^9 kilograms, and event ids repeated two and three times): both engines must quarantine the
 * same rows for the same reasons, so the check compares the count and the sum of row numbers per reason. Required
 * columns of the seizure-event schema cannot hold nulls in a file written to it; the null checks run in both engines
 * all the same.
 */
public final class ValidateBench {

    /** Faulty events appended to the generated input. */
    static final int FAULTS = 1_000;

    private ValidateBench() {
    }

    /** Count and sum of row numbers of the quarantined rows of each reason, and the accepted rows ("accepted"). */
    record Tally(Map<String, long[]> byReason) {
    }

    /** The validation of the generated events in {@code dir} ({@code rows} rows) plus the faults file. */
    public static Bench.Outcome run(SparkSession spark, Path dir, long rows, Bench.DuckSettings duckSettings,
            int repeat) {
        Path faultsDir;
        try {
            faultsDir = Files.createTempDirectory("drugstats-bench-faults");
        } catch (java.io.IOException e) {
            throw DrugstatsException.of(e, "bench: cannot create a temporary directory: %s", e.getMessage());
        }
        Path faults = faultsDir.resolve("faults.parquet");
        try {
            writeFaults(faults);
            InputFiles.Input gen = InputFiles.inspect(dir.getParent(), dir);
            List<Path> parts = new ArrayList<>(gen.parts());
            parts.add(faults);
            InputFiles.Input input = new InputFiles.Input(gen.name(), gen.path(), List.copyOf(parts), gen.kind(),
                    gen.sha256(), gen.bytes(), gen.schemaVersion(), gen.origins(), gen.synthetic());
            long total = rows + FAULTS;
            // warm-up on the first part (JIT, code generation; DuckDB's Parquet paths), untimed
            InputFiles.Input warm = new InputFiles.Input(gen.name(), gen.path(), List.of(gen.parts().get(0), faults),
                    gen.kind(), gen.sha256(), gen.bytes(), gen.schemaVersion(), gen.origins(), gen.synthetic());
            spark(spark, warm);
            duck(duckSettings, warm);
            Tally s = null;
            Tally d = null;
            Bench.Timings sparkT = new Bench.Timings();
            Bench.Timings duckT = new Bench.Timings();
            for (int run = 0; run < repeat; run++) {
                MemoryProbe.reset();
                long t0 = System.nanoTime();
                s = spark(spark, input);
                sparkT.add((System.nanoTime() - t0) / 1e9, MemoryProbe.read());
                MemoryProbe.reset();
                long t1 = System.nanoTime();
                d = duck(duckSettings, input);
                duckT.add((System.nanoTime() - t1) / 1e9, MemoryProbe.read());
            }
            String check = check(s, d, total);
            return new Bench.Outcome(sparkT.measurement("spark", total), duckT.measurement("duckdb", total), check);
        } finally {
            try {
                Files.deleteIfExists(faults);
                Files.deleteIfExists(faultsDir);
            } catch (java.io.IOException e) {
                // a temporary file left behind is not an error of the bench
            }
        }
    }

    /** Spark: the pipeline's validation; the per-row checks persisted once, as the pipeline does. */
    static Tally spark(SparkSession spark, InputFiles.Input input) {
        ValidateStep.Result r = ValidateStep.run(spark, List.of(input));
        List<Dataset<Row>> cached = new ArrayList<>();
        for (Dataset<Row> c : r.checked()) {
            cached.add(c.persist(StorageLevel.MEMORY_AND_DISK()));
        }
        try {
            Map<String, long[]> m = new TreeMap<>();
            // the accepted events' count and row numbers in one pass (the pipeline reads them once, into its cache)
            Row acc = r.events().agg(org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.lit(1)),
                    org.apache.spark.sql.functions.sum(col("row"))).first();
            m.put("accepted", new long[] {acc.getLong(0), acc.isNullAt(1) ? 0 : acc.getLong(1)});
            for (Row row : r.quarantine().groupBy(col("reason"))
                    .agg(org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.lit(1)),
                            org.apache.spark.sql.functions.sum(col("row")))
                    .collectAsList()) {
                m.put(row.getString(0), new long[] {row.getLong(1), row.getLong(2)});
            }
            return new Tally(m);
        } finally {
            for (Dataset<Row> c : cached) {
                c.unpersist();
            }
        }
    }

    /**
     * The same checks in SQL: the first failing check of {@link SeizureEvents#checkRow} names the reason; of the
     * rows that pass, every row whose event id appeared at an earlier row number is a duplicate. Row numbers are
     * those of the pipeline: the parts in order, each part's rows after the rows of the parts before it.
     */
    static String sql(InputFiles.Input input) {
        StringBuilder files = new StringBuilder();
        StringBuilder offsets = new StringBuilder();
        long offset = 0;
        for (Path p : input.parts()) {
            String f = p.toAbsolutePath().toString().replace("'", "''");
            files.append(files.length() == 0 ? "" : ", ").append('\'').append(f).append('\'');
            offsets.append(offsets.length() == 0 ? "" : ", ").append("('").append(f).append("', ").append(offset)
                    .append(')');
            offset += rowCount(p);
        }
        // String.isBlank: empty or only Character.isWhitespace characters (the ASCII ones here; generated text is ASCII)
        String blank = "(%1$s IS NULL OR trim(%1$s, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) "
                + "|| chr(28) || chr(29) || chr(30) || chr(31)) = '')";
        String reason = "CASE WHEN event_id IS NULL THEN '" + QuarantineReason.MISSING_REQUIRED.code() + "'"
                + " WHEN " + String.format(Locale.ROOT, blank, "ref_area") + " THEN '" + QuarantineReason.MISSING_REQUIRED.code() + "'"
                + " WHEN NOT regexp_full_match(ref_area, '[A-Z]{3}') THEN '" + QuarantineReason.UNKNOWN_CODE.code() + "'"
                + " WHEN year IS NULL THEN '" + QuarantineReason.MISSING_REQUIRED.code() + "'"
                + " WHEN year < " + SeizureEvents.MIN_YEAR + " OR year > " + SeizureEvents.MAX_YEAR + " THEN '"
                + QuarantineReason.OUT_OF_DOMAIN.code() + "'"
                + " WHEN " + String.format(Locale.ROOT, blank, "drug_group") + " THEN '"
                + QuarantineReason.MISSING_REQUIRED.code() + "'"
                + " WHEN " + String.format(Locale.ROOT, blank, "drug") + " THEN '"
                + QuarantineReason.MISSING_REQUIRED.code() + "'"
                + " WHEN kilograms IS NULL THEN '" + QuarantineReason.MISSING_REQUIRED.code() + "'"
                + " WHEN NOT isfinite(kilograms) THEN '" + QuarantineReason.NON_NUMERIC.code() + "'"
                + " WHEN NOT (kilograms >= 0 AND kilograms < 1e9) THEN '" + QuarantineReason.OUT_OF_DOMAIN.code() + "'"
                + " END";
        return "WITH o(filename, off) AS (VALUES " + offsets + "), "
                + "e AS (SELECT r.*, o.off + r.file_row_number + 1 AS row FROM read_parquet([" + files
                + "], filename = true, file_row_number = true) r JOIN o USING (filename)), "
                + "c AS (SELECT event_id, row, " + reason + " AS reason FROM e), "
                + "k AS (SELECT row, reason FROM c WHERE reason IS NOT NULL UNION ALL "
                + "SELECT row, CASE WHEN row > min(row) OVER (PARTITION BY event_id) THEN '"
                + QuarantineReason.DUPLICATE_KEY.code() + "' ELSE 'accepted' END FROM c WHERE reason IS NULL) "
                + "SELECT reason, count(*), CAST(sum(row) AS BIGINT) FROM k GROUP BY reason";
    }

    static Tally duck(Bench.DuckSettings settings, InputFiles.Input input) {
        Map<String, long[]> m = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET threads = " + settings.threads());
            st.execute("SET memory_limit = '" + settings.memoryLimit().replace("'", "") + "'");
            st.execute("SET preserve_insertion_order = false");
            try (ResultSet rs = st.executeQuery(sql(input))) {
                while (rs.next()) {
                    m.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        } catch (SQLException e) {
            throw DrugstatsException.of(e, "bench: DuckDB failed: %s", e.getMessage());
        }
        return new Tally(m);
    }

    /**
     * Both engines accept and quarantine the same rows: the same count and sum of row numbers per reason, and
     * every row accounted for.
     *
     * @throws DrugstatsException naming the first reason that differs
     */
    static String check(Tally s, Tally d, long rows) {
        if (!s.byReason().keySet().equals(d.byReason().keySet())) {
            throw DrugstatsException.of("bench: Spark gives reasons %s, DuckDB %s", s.byReason().keySet(),
                    d.byReason().keySet());
        }
        long counted = 0;
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, long[]> e : s.byReason().entrySet()) {
            long[] o = d.byReason().get(e.getKey());
            if (o[0] != e.getValue()[0] || o[1] != e.getValue()[1]) {
                throw DrugstatsException.of("bench: %s differs: Spark %d rows (row numbers summing to %d), DuckDB %d (%d)",
                        e.getKey(), e.getValue()[0], e.getValue()[1], o[0], o[1]);
            }
            counted += o[0];
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", o[0]));
        }
        if (counted != rows) {
            throw DrugstatsException.of("bench: %d rows accounted for, the input holds %d", counted, rows);
        }
        return "the same rows accepted and quarantined in both engines (count and row numbers per reason): " + sb;
    }

    /**
     * The faults file: {@value #FAULTS} events, each failing one check in turn, or repeating an event id (ids below
     * zero, which generated events never use: twice, then three times).
     */
    static void writeFaults(Path file) {
        Origin o = new Origin("bench-faults", "drugstats bench", "Faulty seizure events for the validate bench",
                "drugstats bench (generated)", null, "CC BY 4.0", "2026", "faults.parquet", null,
                "written by drugstats bench --step validate", true);
        try (SeizureEventWriter w = SeizureEventWriter.open(file, List.of(o))) {
            for (int i = 0; i < FAULTS; i++) {
                long id = -1 - i;
                String area = "COL";
                int year = 2020;
                String group = "cocaine-type";
                String drug = "cocaine hydrochloride";
                double kg = 1.5;
                switch (i % 10) {
                    case 0 -> area = "col";
                    case 1 -> year = 1850;
                    case 2 -> group = " ";
                    case 3 -> drug = "";
                    case 4 -> kg = Double.NaN;
                    case 5 -> kg = -1;
                    case 6 -> kg = 2e9;
                    case 8 -> id = -1 - (i - 1);
                    case 9 -> id = -1 - (i - 2);
                    default -> {
                        // 7: a valid event, whose id rows 8 and 9 repeat
                    }
                }
                w.write(new SeizureEventWriter.Event(id, area, year, group, null, drug, kg));
            }
        }
    }

    private static long rowCount(Path part) {
        try (ParquetFileReader r = ParquetFileReader.open(org.drugstats.core.data.PathInputFile.of(part))) {
            return r.getRecordCount();
        } catch (java.io.IOException e) {
            throw DrugstatsException.of(e, "%s: not a readable Parquet file (%s)", part, e.getMessage());
        }
    }
}
