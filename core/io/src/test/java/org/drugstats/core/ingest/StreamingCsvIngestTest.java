package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.drugstats.core.SharedData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every CSV kind streams its input: a file twice the size of the heap is ingested in a child JVM whose heap
 * ({@value #HEAP}) is smaller than the file, and gives the same counts as the same rows without their padding read
 * in this JVM. The file is a real published file of the kind (the shared data), its data rows repeated up to
 * {@value #ROWS} rows, each with a column of {@value #PAD} characters that the kind does not read (an extra column,
 * or for {@code sdg-open-csv} an "Observation status" column, which it does not read either): a kind that held the
 * file, its text or its rows in memory needs more than the heap and fails with an OutOfMemoryError — as the control
 * case shows, where the same file read whole with {@code CsvTable.read} in the same heap fails. No time is asserted.
 */
class StreamingCsvIngestTest {

    static final String HEAP = "-Xmx40m";
    static final int ROWS = 2_000;
    static final int PAD = 45_000;

    @TempDir
    Path tmp;

    /** A kind, its real file and the name of the padding column. */
    record Case(String kind, String input, String padColumn) {
    }

    static final List<Case> CASES = List.of(
            new Case("m49", "geo/unsd-m49.csv", "padding"),
            new Case("incb-consumption", "consumption/incb-opioid-consumption-2015-2017.csv", "padding"),
            new Case("nchs-drug-poisoning", "deaths/nchs-drug-poisoning-mortality-by-state-1999-2017.csv", "padding"),
            new Case("euda-wastewater", "wastewater/euda-ww2025-all-data.csv", "padding"),
            new Case("euda-wastewater-sites", "wastewater/euda-ww2025-site-info-table.csv", "padding"),
            new Case("wpp-population", "population/wpp2017-population-by-age-group.csv", "padding"),
            new Case("sdg-open-csv", "sdg-3.5.1/ons-indicator_3-5-1-alcohol-england.csv", "Observation status"));

    @Test
    void everyCsvKindIsCovered() {
        List<String> csvKinds = IngestKinds.all().stream().filter(k -> k instanceof CsvIngestKind)
                .map(IngestKind::name).sorted().toList();
        assertEquals(csvKinds, CASES.stream().map(Case::kind).sorted().toList());
    }

    @TestFactory
    Stream<DynamicTest> aFileLargerThanTheHeapIsIngestedInAChildJvm() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.kind(), () -> {
            Path dir = Files.createDirectories(tmp.resolve(c.kind()));
            String name = Path.of(c.input()).getFileName().toString();
            Path big = dir.resolve("big").resolve(name);
            Path small = dir.resolve("small").resolve(name);
            write(SharedData.file(c.input()), big, c.padColumn(), PAD);
            write(SharedData.file(c.input()), small, c.padColumn(), 0);
            assertTrue(Files.size(big) > 2L * 40 * 1024 * 1024, "the input is twice the child's heap");
            IngestResult expected = IngestKinds.byName(c.kind()).ingest(SourceFile.of(small),
                    IngestContext.withDefaults());
            assertTrue(expected.rowsRead() >= ROWS, c.kind() + " reads at least one row unit per line");
            Child child = child(tmp, "ingest", c.kind(), big.toString(), dir.resolve("out").toString());
            assertEquals(0, child.exit(), c.kind() + ": " + child.stderr());
            assertEquals(String.format("read %d accepted %d quarantined %d", expected.rowsRead(),
                    expected.rowsAccepted(), expected.rowsQuarantined()), child.stdout().strip());
            assertEquals(expected.rowsRead(), expected.rowsAccepted() + expected.rowsQuarantined());
        }));
    }

    @Test
    void theHeapIsTooSmallToHoldTheFile() throws Exception {
        Case c = CASES.get(2);
        Path big = tmp.resolve(Path.of(c.input()).getFileName().toString());
        write(SharedData.file(c.input()), big, c.padColumn(), PAD);
        Child child = child(tmp, "whole", big.toString());
        assertNotEquals(0, child.exit(), child.stdout());
        assertTrue(child.stderr().contains("OutOfMemoryError"), child.stderr());
    }

    /**
     * The header of {@code source} with {@code padColumn} added, then its data rows repeated cyclically up to
     * {@link #ROWS} rows, each with {@code pad} characters in the added column.
     */
    static void write(Path source, Path target, String padColumn, int pad) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        String header = lines.get(0).replace("\uFEFF", "");
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList());
        String padding = "x".repeat(pad);
        Files.createDirectories(target.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write(header + ",\"" + padColumn + "\"\n");
            for (int i = 0; i < ROWS; i++) {
                w.write(rows.get(i % rows.size()) + "," + padding + "\n");
            }
        }
    }

    record Child(int exit, String stdout, String stderr) {
    }

    /** Runs {@link StreamingIngestChild} with {@link #HEAP} (temporary files under {@code tmp}). */
    static Child child(Path tmp, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                StreamingIngestChild.class.getName()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "child", ".out");
        Path err = Files.createTempFile(tmp, "child", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not end: " + cmd);
        }
        return new Child(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
