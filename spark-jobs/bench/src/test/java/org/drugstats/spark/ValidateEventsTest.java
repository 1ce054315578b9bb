package org.drugstats.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.drugstats.core.data.QuarantineRow;
import org.drugstats.core.data.SeizureEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seizure-event validation with its fast path and its proof of distinct ids gives exactly what core's check on
 * every row gives (accepted events and quarantine rows, field by field), on generated rows full of the values that
 * sit at the edges of core's checks: nulls, blanks of every kind of white space, lower-case, non-ASCII and
 * multi-byte area codes, years at the bounds, NaN, infinities, -0.0 and 10^9 kilograms, repeated ids within and
 * across part files.
 */
class ValidateEventsTest {

    @TempDir
    Path tmp;

    private static final StructType RAW = new StructType()
            .add(SeizureEvents.EVENT_ID, DataTypes.LongType, true)
            .add(SeizureEvents.REF_AREA, DataTypes.StringType, true)
            .add(SeizureEvents.YEAR, DataTypes.IntegerType, true)
            .add(SeizureEvents.DRUG_GROUP, DataTypes.StringType, true)
            .add(SeizureEvents.DRUG_SUBGROUP, DataTypes.StringType, true)
            .add(SeizureEvents.DRUG, DataTypes.StringType, true)
            .add(SeizureEvents.KILOGRAMS, DataTypes.DoubleType, true);

    private static final String[] AREAS = {"COL", "AFG", "ZZZ", "AAA", "col", "CO", "COLL", "C L", "C\u00c9L", "[AB",
        "A[B", "AB[", "@BC", "\u00c5BC", "", " ", null, "C\u0000L", "AB@", "ABZ", "\u00c9A", "AZ\u00c9"};
    private static final String[] TEXTS = {"cocaine", "Cocaine-type", "!", "~x", "", " ", "\t", "\u00a0x",
        "\u3000", "\u2007", "\u00e9ther", "\u007f", "\u001c", "1", " cocaine", "\u2028", null, "\u00a0"};
    private static final Integer[] YEARS = {null, 1899, 1900, 2000, 2100, 2101, -5, Integer.MIN_VALUE, 2023};
    private static final Double[] KGS = {null, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
        0.0, 1.5, -1e-300, 999_999_999.9999999, 1e9, Math.nextDown(1e9), Double.MIN_VALUE, Double.MAX_VALUE, 12.0};

    /** Rows mostly valid (so that both paths carry rows), each field replaced by an edge value now and then. */
    private static List<Row> rows(Random rnd, int n, long firstId, boolean repeatIds) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Long id = repeatIds ? Long.valueOf(firstId + rnd.nextInt(n / 3)) : Long.valueOf(firstId + i);
            if (rnd.nextInt(40) == 0) {
                id = null;
            }
            String area = rnd.nextInt(3) == 0 ? AREAS[rnd.nextInt(AREAS.length)] : "BOL";
            Integer year = rnd.nextInt(3) == 0 ? YEARS[rnd.nextInt(YEARS.length)] : Integer.valueOf(2019);
            String group = rnd.nextInt(3) == 0 ? TEXTS[rnd.nextInt(TEXTS.length)] : "cocaine-type";
            String sub = rnd.nextInt(2) == 0 ? null : TEXTS[rnd.nextInt(TEXTS.length)];
            String drug = rnd.nextInt(3) == 0 ? TEXTS[rnd.nextInt(TEXTS.length)] : "cocaine hydrochloride";
            Double kg = rnd.nextInt(3) == 0 ? KGS[rnd.nextInt(KGS.length)] : Double.valueOf(rnd.nextDouble() * 100);
            out.add(RowFactory.create(id, area, year, group, sub, drug, kg));
        }
        return out;
    }

    /** Writes each list as one part file of {@code dir}, in order. */
    private Path write(SparkSession spark, String name, List<List<Row>> parts) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        for (int p = 0; p < parts.size(); p++) {
            Path staging = tmp.resolve(name + "-staging-" + p);
            spark.createDataFrame(parts.get(p), RAW).coalesce(1).write().parquet(staging.toString());
            try (Stream<Path> s = Files.list(staging)) {
                Path file = s.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
                Files.move(file, dir.resolve(String.format("part-%05d.parquet", p)));
            }
        }
        return dir;
    }

    /** What core's check on every row and the duplicate rule give: accepted rows and quarantine rows, by row. */
    private record Expected(Map<Long, Row> accepted, Map<Long, Row> quarantined, long fastCandidates) {
    }

    private static Expected expected(String input, List<List<Row>> parts) {
        Map<Long, Row> accepted = new HashMap<>();
        Map<Long, Row> quarantined = new HashMap<>();
        Map<Long, Long> firstRow = new HashMap<>();
        long row = 0;
        long valid = 0;
        for (List<Row> part : parts) {
            for (Row r : part) {
                row++;
                Optional<QuarantineRow> q = SeizureEvents.checkRow(input, row, (Long) r.get(0), r.getString(1),
                        (Integer) r.get(2), r.getString(3), r.getString(4), r.getString(5), (Double) r.get(6));
                if (q.isPresent()) {
                    quarantined.put(row, ValidateStep.quarantineRow(q.get(), input));
                    continue;
                }
                valid++;
                Long first = firstRow.putIfAbsent(r.getLong(0), row);
                if (first != null) {
                    quarantined.put(row, ValidateStep.quarantineRow(SeizureEvents.duplicate(input, row, first,
                            (Long) r.get(0), r.getString(1), (Integer) r.get(2), r.getString(3), r.getString(4),
                            r.getString(5), (Double) r.get(6)), input));
                } else {
                    accepted.put(row, RowFactory.create(input, row, r.get(0), r.get(1), r.get(2), r.get(3), r.get(4),
                            r.get(5), r.get(6), null, null));
                }
            }
        }
        return new Expected(accepted, quarantined, valid);
    }

    private static void assertSameAsCore(SparkSession spark, Path dir, List<List<Row>> parts,
            Map<String, List<List<Long>>> suspect) {
        InputFiles.Input in = InputFiles.inspect(dir.getParent(), dir);
        assertEquals(InputFiles.Kind.SEIZURE_EVENTS, in.kind());
        Expected want = expected(in.name(), parts);
        Dataset raw = new Dataset(ValidateEvents.read(spark, List.of(in), Map.of()));
        Map<String, List<List<Long>>> gotSuspect = new HashMap<>();
        EventIdRuns.suspectRanges(EventIdRuns.idRanges(raw.d(), ValidateEvents.surelyAccepted())).forEach((k, v) -> gotSuspect.put(k,
                v.stream().map(x -> List.of(x[0], x[1])).toList()));
        assertEquals(suspect, gotSuspect, "the id ranges where ids may repeat");

        // the predicate holds only for rows core accepts, and for most of the valid ones (it is not vacuous)
        List<Row> fast = raw.d().filter(coalesce(ValidateEvents.surelyAccepted(), lit(false)))
                .select(col(Schemas.ROW)).collectAsList();
        long core = 0;
        for (Row r : fast) {
            long row = r.getLong(0);
            Row q = want.quarantined().get(row);
            // core accepts it: it is either accepted or, among core's accepted rows, a repeated id
            String verdict = q == null ? "accepted" : q.getString(org.drugstats.core.data.Column.values().length);
            assertTrue(verdict.equals("accepted") || verdict.equals("duplicate-key"),
                    "the fast path accepts row " + row + ", which core quarantines: " + q);
            core++;
        }
        assertTrue(core > want.fastCandidates() / 2 && core < want.fastCandidates(),
                "fast path took " + core + " of the " + want.fastCandidates() + " rows core accepts");

        ValidateStep.Result r = ValidateEvents.validate(spark, List.of(in));
        Map<Long, Row> gotAccepted = new HashMap<>();
        for (Row e : r.events().collectAsList()) {
            assertEquals(null, gotAccepted.put(e.getLong(1), e), "row " + e.getLong(1) + " accepted twice");
        }
        assertEquals(want.accepted(), gotAccepted);
        Map<Long, Row> gotQuarantined = new HashMap<>();
        int rowField = org.drugstats.core.data.Column.values().length + 2;
        for (Row q : r.quarantine().collectAsList()) {
            assertEquals(null, gotQuarantined.put(q.getLong(rowField), q), "row quarantined twice");
        }
        assertEquals(want.quarantined().keySet(), gotQuarantined.keySet());
        for (Map.Entry<Long, Row> e : want.quarantined().entrySet()) {
            assertEquals(e.getValue(), gotQuarantined.get(e.getKey()), "quarantine row " + e.getKey());
        }
        long rows = parts.stream().mapToLong(List::size).sum();
        assertEquals(rows, gotAccepted.size() + gotQuarantined.size(), "rows read = accepted + quarantined");
    }

    /** A holder so the raw dataset's name reads well above. */
    private record Dataset(org.apache.spark.sql.Dataset<Row> d) {
    }

    @Test
    void repeatedIdsWithinAndAcrossFilesAreFoundExactly() throws IOException {
        SparkSession spark = SparkTestSession.get();
        Random rnd = new Random(18);
        List<List<Row>> parts = List.of(rows(rnd, 900, 0, true), rows(rnd, 700, 0, true));
        assertSameAsCore(spark, write(spark, "repeated", parts), parts, Map.of("repeated", List.of(List.of(0L, 299L))));
    }

    @Test
    void increasingIdsAreProvenDistinctWithoutAGroupBy() throws IOException {
        SparkSession spark = SparkTestSession.get();
        Random rnd = new Random(19);
        List<List<Row>> parts = List.of(rows(rnd, 1_000, 1, false), rows(rnd, 800, 1_001, false),
                rows(rnd, 300, 5_000, false));
        assertSameAsCore(spark, write(spark, "increasing", parts), parts, Map.of());
    }

    @Test
    void onlyTheRangesOfUnorderedOrOverlappingFilesTakeTheExactCheck() throws IOException {
        SparkSession spark = SparkTestSession.get();
        Random rnd = new Random(21);
        // clean files around a file whose ids repeat within [3000, 3199] (like the bench's faults file)
        List<List<Row>> parts = List.of(rows(rnd, 1_000, 1, false), rows(rnd, 600, 3_000, true),
                rows(rnd, 800, 1_001, false));
        List<Row> repeats = parts.get(1);
        long lo = repeats.stream().filter(r -> !r.isNullAt(0)).mapToLong(r -> r.getLong(0)).min().orElseThrow();
        long hi = repeats.stream().filter(r -> !r.isNullAt(0)).mapToLong(r -> r.getLong(0)).max().orElseThrow();
        assertSameAsCore(spark, write(spark, "mixed", parts), parts, Map.of("mixed", List.of(List.of(lo, hi))));
    }

    @Test
    void distinctIdsOutOfOrderTakeTheExactPath() throws IOException {
        SparkSession spark = SparkTestSession.get();
        Random rnd = new Random(20);
        List<Row> a = rows(rnd, 600, 1, false);
        List<Row> b = new ArrayList<>(rows(rnd, 600, 601, false));
        java.util.Collections.reverse(b);
        List<List<Row>> parts = List.of(a, b);
        assertSameAsCore(spark, write(spark, "reversed", parts), parts,
                Map.of("reversed", List.of(List.of(601L, 1200L))));
    }

    private static List<List<Long>> suspect(EventIdRuns.IdRange... runs) {
        return EventIdRuns.suspectRanges(List.of(runs)).getOrDefault("a", List.of()).stream()
                .map(x -> List.of(x[0], x[1])).toList();
    }

    @Test
    void suspectRangesAreTheUnorderedAndOverlappingRunsMerged() {
        var a1 = new EventIdRuns.IdRange("a", 1, 10, true);
        var a2 = new EventIdRuns.IdRange("a", 11, 20, true);
        var b1 = new EventIdRuns.IdRange("b", 5, 15, true);
        assertTrue(EventIdRuns.suspectRanges(List.of(a2, b1, a1)).isEmpty(), "other inputs may share ids");
        assertEquals(List.of(List.of(1L, 12L)), suspect(a1, new EventIdRuns.IdRange("a", 10, 12, true),
                new EventIdRuns.IdRange("a", 13, 20, true)));
        assertEquals(List.of(List.of(1L, 20L)), suspect(a1, new EventIdRuns.IdRange("a", 10, 12, true), a2));
        assertEquals(List.of(List.of(11L, 20L)), suspect(a1, new EventIdRuns.IdRange("a", 11, 20, false)));
        // a wide run overlapping two narrow ones that do not overlap each other: all three
        assertEquals(List.of(List.of(1L, 100L)), suspect(new EventIdRuns.IdRange("a", 1, 100, true),
                new EventIdRuns.IdRange("a", 50, 60, true), new EventIdRuns.IdRange("a", 70, 80, true),
                new EventIdRuns.IdRange("a", 200, 300, true)));
        // separate suspect ranges stay separate
        assertEquals(List.of(List.of(-1000L, -1L), List.of(500L, 600L)), suspect(
                new EventIdRuns.IdRange("a", -1000, -1, false), a1, a2, new EventIdRuns.IdRange("a", 500, 550, true),
                new EventIdRuns.IdRange("a", 540, 600, true)));
        assertTrue(EventIdRuns.suspectRanges(List.of()).isEmpty());
        assertTrue(Arrays.asList(ValidateStep.EVENTS.fieldNames()).contains(SeizureEvents.EVENT_ID));
    }
}
