package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.drugstats.core.SharedData;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.QuarantineRow;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest that spills its rows to temporary files ({@link IngestSpill}) gives exactly what the in-memory ingest
 * gives: every embedded extract of {@code data/} is rebuilt with the rows spilled from the first row (and from the
 * 1000th) and compared byte for byte with the committed files; synthetic inputs with repeated keys under every
 * {@link RepeatedKeyRule}, sorted in many short runs, give the same accepted and quarantined rows, in the same order,
 * and the same warnings as the in-memory resolution.
 */
class SpilledIngestTest {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> spilledIngestOfTheEmbeddedDataIsByteIdentical() throws IOException {
        Path data = SharedData.projectRoot().resolve("data");
        List<EmbeddedDataTest.Dataset> sets = EmbeddedDataTest.datasets();
        assertEquals(18, sets.size()); // the datasets of data/datasets.csv, annex 10.1 (crimes) among them
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            EmbeddedDataTest.Dataset d = sets.get(i);
            long spillAt = i % 2 == 0 ? 0 : 1000;
            tests.add(DynamicTest.dynamicTest(d.dir() + " spilled at " + spillAt, () -> {
                Path out = tmp.resolve(d.dir());
                Ingest.Outcome o = Ingest.run(IngestKinds.byName(d.kind()), SharedData.file(d.input()), out,
                        OutputFormat.PARQUET, IngestContext.withDefaults().withArea(d.area()).withSpillAt(spillAt));
                for (String f : List.of("quarantine.csv", "ingest-report.json", "extract.parquet")) {
                    assertArrayEquals(Files.readAllBytes(data.resolve(d.dir()).resolve(f)),
                            Files.readAllBytes(out.resolve(f)), d.dir() + "/" + f + " differs when the rows spill");
                }
                assertTrue(o.result().rowsRead() > 0);
            }));
        }
        return tests.stream();
    }

    @Test
    void externalSortIsAStableSortAcrossManyRuns() {
        Random rnd = new Random(19);
        List<long[]> in = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            in.add(new long[] {rnd.nextInt(50), i});
        }
        SpillFile.Codec<long[]> codec = new SpillFile.Codec<>() {
            @Override
            public void write(java.io.DataOutput out, long[] v) throws IOException {
                out.writeLong(v[0]);
                out.writeLong(v[1]);
            }

            @Override
            public long[] read(java.io.DataInput in) throws IOException {
                return new long[] {in.readLong(), in.readLong()};
            }
        };
        // 5000 records in runs of 7: 715 runs, more than the fan-in of 64, so the merge takes three levels
        SpillFile<long[]> sorted = ExternalSort.sort(in, codec, java.util.Comparator.comparingLong(v -> v[0]), 7, tmp,
                "t");
        List<long[]> expected = new ArrayList<>(in);
        expected.sort(java.util.Comparator.comparingLong(v -> v[0]));
        List<long[]> got = new ArrayList<>();
        sorted.forEach(got::add);
        assertEquals(expected.size(), got.size());
        for (int i = 0; i < got.size(); i++) {
            assertArrayEquals(expected.get(i), got.get(i), "position " + i);
        }
    }

    /** Rows with repeated keys (same values, different values, several notes), random but fixed. */
    private static IngestResult collect(RepeatedKeyRule rule, long spillAt, long seed, int rows) {
        SourceFile file = new SourceFile(Path.of("synthetic.csv"), "synthetic.csv", "0".repeat(64));
        IngestCollector out = new IngestCollector(file, "synthetic", rule, spillAt);
        Random rnd = new Random(seed);
        String[] areas = {"AFG", "ALB", "DZA", "ITA", "BEL"};
        for (int i = 0; i < rows; i++) {
            out.read();
            Candidate c = out.candidate(i % 3 == 0 ? "S" + (i % 2) : null, i + 2)
                    .set(Column.INDICATOR, "ind" + rnd.nextInt(2))
                    .set(Column.REF_AREA, areas[rnd.nextInt(areas.length)], "area", "raw area")
                    .set(Column.TIME_PERIOD, Integer.toString(2000 + rnd.nextInt(3)))
                    .set(Column.SEX, Sex.TOTAL.code())
                    .set(Column.AGE, "_T")
                    .set(Column.UNIT, Unit.COUNT.code())
                    .set(Column.UNIT_MULT, "0")
                    .set(Column.OBS_STATUS, ObsStatus.NORMAL.code())
                    .set(Column.ORIGIN, "o1");
            if (rnd.nextInt(4) == 0) {
                c.note("note " + rnd.nextInt(2));
            }
            if (rnd.nextInt(20) == 0) {
                out.quarantine(c, QuarantineReason.NON_NUMERIC, Column.VALUE, "bad value");
                continue;
            }
            String v = Integer.toString(rnd.nextInt(3));
            c.set(Column.VALUE, v, "value", v);
            out.submit(c);
        }
        Origin origin = IngestSupport.origin("synthetic", file, "p", "t", "c", "https://example.org", "l", null);
        return out.finish(origin, "cell");
    }

    @Test
    void spilledResolutionOfRepeatedKeysIsTheInMemoryOne() {
        for (RepeatedKeyRule rule : RepeatedKeyRule.values()) {
            for (long seed : new long[] {1, 2, 3}) {
                IngestResult memory = collect(rule, Long.MAX_VALUE, seed, 3000);
                for (long spillAt : new long[] {0, 500}) {
                    IngestResult spilled = collect(rule, spillAt, seed, 3000);
                    String what = rule + " seed " + seed + " spilled at " + spillAt;
                    assertTrue(spilled.accepted() instanceof SpilledList, what);
                    assertEquals(memory.rowsRead(), spilled.rowsRead(), what);
                    assertEquals(memory.accepted(), new ArrayList<Observation>(spilled.accepted()), what);
                    assertEquals(memory.quarantined(), new ArrayList<QuarantineRow>(spilled.quarantined()), what);
                    assertEquals(memory.warnings(), spilled.warnings(), what);
                    assertEquals(memory.flagged(), spilled.flagged(), what);
                    assertEquals(memory.quarantinedByReason(), spilled.quarantinedByReason(), what);
                    assertEquals(memory.keysWithMultipleRecords(), spilled.keysWithMultipleRecords(), what);
                    assertEquals(memory.rowsInMultipleRecords(), spilled.rowsInMultipleRecords(), what);
                    spilled.release();
                }
                // the input exercises what the rule decides: duplicates quarantined, or records numbered
                assertTrue(rule == RepeatedKeyRule.EVERY_ROW_A_RECORD
                        ? memory.keysWithMultipleRecords() > 0 && memory.warnings().toString().contains("same values")
                        : memory.quarantined(QuarantineReason.DUPLICATE_KEY) > 500, rule + " " + memory.warnings());
            }
        }
    }
}
