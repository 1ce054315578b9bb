package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.QuarantineRow;
import org.drugstats.core.data.SeizureEventCodes;
import org.drugstats.core.data.SeizureEvents;
import org.drugstats.spark.generate.SeizureEventWriter;
import org.drugstats.spark.generate.SeizureEventWriter.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coded seizure events (issue 18): the validation gives core's verdict on every row of a coded file — a code that
 * is missing, unlisted, out of any array's range or standing for other names is quarantined, never accepted — and
 * the totals grouped by the codes are those grouped by the names.
 */
class SeizureCodesTest {

    @TempDir
    Path tmp;

    private static final Origin ORIGIN = new Origin("t", "Test", "Events", "c", null, "CC0", null, null, null, null,
            true);
    private static final SeizureEventCodes.Drug CRACK = new SeizureEventCodes.Drug("Cocaine-type", "Cocaine",
            "\"Crack\" cocaine");
    private static final SeizureEventCodes.Drug LEAF = new SeizureEventCodes.Drug("Cocaine-type", "Coca-type",
            "Coca leaf");
    private static final SeizureEventCodes.Drug KHAT = new SeizureEventCodes.Drug("Other", null, "Khat");
    private static final SeizureEventCodes CODES = SeizureEventCodes.of(Map.of(68, "BOL", 170, "COL", 604, "PER"),
            Map.of(42, CRACK, 41, LEAF, 7, KHAT));
    private static final String[] AREAS = {"BOL", "COL", "PER"};
    private static final SeizureEventCodes.Drug[] DRUGS = {CRACK, LEAF, KHAT};
    private static final Integer[] BAD_AREA_CODES = {68, 170, 604, 999, -1, 0, Integer.MAX_VALUE, null};
    private static final Integer[] BAD_DRUG_CODES = {42, 41, 7, 43, -7, 0, Integer.MIN_VALUE, null};

    /** Events with right codes mostly; now and then a wrong code, a wrong sub-group, or a fault in the names. */
    private static List<Event> events(Random rnd, int n, long firstId) {
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int a = rnd.nextInt(AREAS.length);
            SeizureEventCodes.Drug d = DRUGS[rnd.nextInt(DRUGS.length)];
            String area = rnd.nextInt(40) == 0 ? "bol" : AREAS[a];
            Integer areaCode = CODES.areaCode(AREAS[a]).getAsInt();
            Integer drugCode = CODES.drugCode(d.group(), d.subgroup(), d.drug()).getAsInt();
            String sub = d.subgroup();
            switch (rnd.nextInt(12)) {
                case 0 -> areaCode = BAD_AREA_CODES[rnd.nextInt(BAD_AREA_CODES.length)];
                case 1 -> drugCode = BAD_DRUG_CODES[rnd.nextInt(BAD_DRUG_CODES.length)];
                case 2 -> sub = rnd.nextBoolean() ? null : "Coca-type";
                default -> { }
            }
            double kg = rnd.nextInt(50) == 0 ? -1.0 : Math.floor(rnd.nextDouble() * 1e6) / 1e3;
            out.add(new Event(firstId + i, area, 2019 + rnd.nextInt(3), d.group(), sub, d.drug(), kg, areaCode,
                    drugCode));
        }
        return out;
    }

    private Path write(String name, List<List<Event>> parts, List<SeizureEventCodes> codes) throws Exception {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        for (int p = 0; p < parts.size(); p++) {
            try (SeizureEventWriter w = SeizureEventWriter.open(dir.resolve(String.format("part-%05d.parquet", p)),
                    List.of(ORIGIN), codes.get(p))) {
                parts.get(p).forEach(w::write);
            }
        }
        return dir;
    }

    private static Map<Long, String> verdicts(String input, List<List<Event>> parts, SeizureEventCodes codes) {
        Map<Long, String> want = new TreeMap<>();
        long row = 0;
        for (List<Event> part : parts) {
            for (Event e : part) {
                row++;
                Optional<QuarantineRow> q = SeizureEvents.checkRow(input, row, e.eventId(), e.refArea(), e.year(),
                        e.drugGroup(), e.drugSubgroup(), e.drug(), e.kilograms(), e.areaCode(), e.drugCode(), codes);
                want.put(row, q.map(x -> x.reason().code() + " " + x.column()).orElse("accepted"));
            }
        }
        return want;
    }

    private static Map<Long, String> validated(ValidateStep.Result r) {
        Map<Long, String> got = new TreeMap<>();
        for (Row e : r.events().collectAsList()) {
            assertEquals(null, got.put(e.getLong(1), "accepted"), "row " + e.getLong(1) + " twice");
        }
        int n = org.drugstats.core.data.Column.values().length;
        for (Row q : r.quarantine().collectAsList()) {
            assertEquals(null, got.put(q.getLong(n + 2), q.getString(n) + " " + q.getString(n + 3)), "row twice");
        }
        return got;
    }

    /** Core's verdict on every row, and no row lost or doubled (rows read = accepted + quarantined). */
    private static void assertSame(Map<Long, String> want, Map<Long, String> got) {
        List<String> diff = new ArrayList<>();
        for (Long row : want.keySet()) {
            if (!want.get(row).equals(got.get(row))) {
                diff.add("row " + row + ": core " + want.get(row) + ", validation " + got.get(row));
            }
        }
        assertEquals(List.of(), diff);
        assertEquals(want.keySet(), got.keySet());
    }

    private static List<String> sorted(Dataset<Row> totals) {
        return totals.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    @Test
    void everyWrongCodeIsQuarantinedAndTheCodedTotalsAreTheNamedOnes() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Random rnd = new Random(18);
        List<List<Event>> parts = List.of(events(rnd, 1_500, 1), events(rnd, 1_000, 2_001));
        Path dir = write("coded", parts, List.of(CODES, CODES));
        InputFiles.Input in = InputFiles.inspect(tmp, dir);
        assertEquals(Optional.of(CODES), EventCodes.read(in.parts()));

        Map<Long, String> want = verdicts(in.name(), parts, CODES);
        ValidateStep.Result r = ValidateEvents.validate(spark, List.of(in));
        assertSame(want, validated(r));
        long mismatches = want.values().stream().filter(v -> v.startsWith("code-mismatch")).count();
        long unknown = want.values().stream().filter(v -> v.startsWith("unknown-code")).count();
        assertTrue(mismatches > 100 && unknown > 20, mismatches + " mismatches, " + unknown + " unknown codes");

        // the pipeline's totals group by the codes; they are the totals by names, group by group
        Dataset<Row> events = r.events();
        Dataset<Row> coded = SeizureTotalsStep.totals(events, List.of(in.name()), EventCodes.byInput(List.of(in)));
        String plan = coded.queryExecution().executedPlan().toString();
        assertTrue(plan.contains("area_code") && plan.contains("drug_code"), "grouped by the codes: " + plan);
        List<String> byName = sorted(SeizureTotalsStep.totals(events));
        assertEquals(byName, sorted(coded));
        assertEquals(3 * 3 * 3, byName.size(), "every area x year x drug");
        long accepted = want.values().stream().filter("accepted"::equals).count();
        assertEquals(accepted, coded.collectAsList().stream().mapToLong(x -> x.getLong(6)).sum());
    }

    @Test
    void anInputWhosePartsCarryDifferentDictionariesIsReadByItsNames() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Random rnd = new Random(19);
        List<List<Event>> parts = List.of(events(rnd, 300, 1), events(rnd, 300, 301));
        SeizureEventCodes other = SeizureEventCodes.of(Map.of(68, "BOL", 171, "COL", 604, "PER"),
                Map.of(42, CRACK, 41, LEAF, 7, KHAT));
        Path dir = write("disagree", parts, List.of(CODES, other));
        InputFiles.Input in = InputFiles.inspect(tmp, dir);
        assertEquals(Optional.empty(), EventCodes.read(in.parts()));
        Map<Long, String> want = verdicts(in.name(), parts, null);
        assertSame(want, validated(ValidateEvents.validate(spark, List.of(in))));
        assertTrue(want.values().stream().noneMatch(v -> v.contains("area_code") || v.contains("drug_code")));
    }
}
