package org.drugstats.spark.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Extract;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.data.Unit;
import org.drugstats.spark.InputFiles;
import org.drugstats.spark.SeizureTotalsStep;
import org.drugstats.spark.SparkTestSession;
import org.drugstats.spark.generate.Generated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --step validate}: Spark's validation and the SQL checks quarantine the same rows. */
class ValidateBenchTest {

    @TempDir
    Path tmp;

    private Path events(long rows) {
        Origin o = new Origin("t", "Test", "Totals", "c", null, "CC0", null, null, null, null, false);
        List<Observation> totals = new ArrayList<>();
        String[] areas = {"AFG", "BOL", "COL"};
        for (int i = 0; i < areas.length; i++) {
            for (int y = 2019; y <= 2021; y++) {
                totals.add(Observation.builder().indicator(SeizureTotalsStep.INDICATOR).refArea(areas[i])
                        .timePeriod(y).age("_T").value(10.0 + 100 * i + y % 5).unit(Unit.KILOGRAMS).drugGroup("G")
                        .drug("Cocaine").origin("t").build());
            }
        }
        Path t = tmp.resolve("totals.parquet");
        ParquetExtracts.write(t, Extract.of(totals, List.of(o)));
        Path dir = tmp.resolve("events");
        Generated.seizureEvents(t, rows, 5, dir, rows / 2, 2);
        return dir;
    }

    @Test
    void bothEnginesQuarantineTheFaultsForTheSameReasons() {
        Path dir = events(20_000);
        Bench.Outcome o = ValidateBench.run(SparkTestSession.get(), dir, 20_000, new Bench.DuckSettings(2, "1GB"), 1);
        // per ten faulty events (counted by hand from ValidateBench.writeFaults): a lower-case area (unknown-code);
        // year 1850, -1 kg and 2e9 kg (out-of-domain); a blank drug group and an empty drug (missing-required);
        // NaN kg (non-numeric); one valid event whose id the next two repeat (two duplicate-key)
        assertEquals("the same rows accepted and quarantined in both engines (count and row numbers per reason): "
                + "accepted 20,100, duplicate-key 200, missing-required 200, non-numeric 100, out-of-domain 300, "
                + "unknown-code 100", o.check());
        assertEquals(21_000, o.spark().rows());
        assertEquals(21_000, o.duckdb().rows());
    }

    @Test
    void theSqlChecksFindTheSameRowsAsSpark() throws Exception {
        Path dir = events(10_000);
        Path faults = tmp.resolve("faults.parquet");
        ValidateBench.writeFaults(faults);
        InputFiles.Input gen = InputFiles.inspect(dir.getParent(), dir);
        List<Path> parts = new ArrayList<>(gen.parts());
        parts.add(faults);
        InputFiles.Input in = new InputFiles.Input(gen.name(), gen.path(), parts, gen.kind(), gen.sha256(),
                gen.bytes(), gen.schemaVersion(), gen.origins(), gen.synthetic());
        ValidateBench.Tally s = ValidateBench.spark(SparkTestSession.get(), in);
        ValidateBench.Tally d = ValidateBench.duck(new Bench.DuckSettings(2, "1GB"), in);
        assertEquals(s.byReason().keySet(), d.byReason().keySet());
        for (Map.Entry<String, long[]> e : s.byReason().entrySet()) {
            assertArrayEquals(e.getValue(), d.byReason().get(e.getKey()), e.getKey());
        }
        // the first faulty rows follow the 10,000 generated ones: rows 10,001 (lower-case area) and 10,010 (the
        // second repeat of the event id of row 10,008) are the first of their reasons
        assertEquals(100, s.byReason().get("unknown-code")[0]);
        long unknownRows = 0;
        for (int i = 0; i < 100; i++) {
            unknownRows += 10_001 + 10L * i;
        }
        assertEquals(unknownRows, s.byReason().get("unknown-code")[1]);
        long dupRows = 0;
        for (int i = 0; i < 100; i++) {
            dupRows += (10_009 + 10L * i) + (10_010 + 10L * i);
        }
        assertEquals(dupRows, d.byReason().get("duplicate-key")[1]);
        // a count that differs is named
        ValidateBench.Tally off = new ValidateBench.Tally(new java.util.TreeMap<>(d.byReason()));
        off.byReason().put("non-numeric", new long[] {99, 1});
        DrugstatsException x = assertThrows(DrugstatsException.class, () -> ValidateBench.check(s, off, 11_000));
        assertEquals("bench: non-numeric differs: Spark 100 rows (row numbers summing to "
                + s.byReason().get("non-numeric")[1] + "), DuckDB 99 (1)", x.getMessage());
    }
}
