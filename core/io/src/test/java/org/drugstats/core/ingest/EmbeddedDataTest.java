package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.drugstats.core.SharedData;
import org.drugstats.core.data.CsvExtracts;
import org.drugstats.core.data.ParquetExtracts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed extracts in {@code data/} are exactly what the ingest makes from {@code ../shared/data}: each
 * line of {@code data/datasets.csv} is re-run; its quarantine file, report and Parquet extract must be
 * byte-identical (the footer's hash-ordered lists are sorted on write, {@link
 * org.drugstats.core.data.ParquetFooters}); {@code data/README.md} must name each command, the sha256 of each
 * extract's rows and of its file, and of each input. Fails (never skips) when the shared files are missing.
 */
class EmbeddedDataTest {

    @TempDir
    Path tmp;

    record Dataset(String dir, String kind, String input, String area) {
        String command() {
            return "./drugstats ingest --source " + kind + " --input ../shared/data/" + input + " --out data/" + dir
                    + (area == null ? "" : " --area " + area);
        }
    }

    static List<Dataset> datasets() throws IOException {
        List<Dataset> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(SharedData.projectRoot().resolve("data/datasets.csv"),
                StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.startsWith("#") || line.startsWith("dir,") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            assertTrue(f.length == 3 || f.length == 4, line);
            out.add(new Dataset(f[0], f[1], f[2], f.length == 4 && !f[3].isBlank() ? f[3] : null));
        }
        return out;
    }

    /** sha256 of the extract's rows as canonical CSV: what {@code drugstats extract show FILE | sha256sum} gives. */
    static String rowsSha256(Path parquet) throws IOException {
        java.io.StringWriter w = new java.io.StringWriter();
        CsvExtracts.write(w, ParquetExtracts.read(parquet).observations());
        Path f = Files.createTempFile("rows", ".csv");
        try {
            Files.writeString(f, w.toString(), StandardCharsets.UTF_8);
            return SourceFile.sha256(f);
        } finally {
            Files.delete(f);
        }
    }

    @TestFactory
    Stream<DynamicTest> committedExtractsAreWhatTheIngestProduces() throws IOException {
        Path data = SharedData.projectRoot().resolve("data");
        String readme = Files.readString(data.resolve("README.md"), StandardCharsets.UTF_8);
        List<Dataset> sets = datasets();
        assertEquals(18, sets.size());
        return sets.stream().map(d -> DynamicTest.dynamicTest(d.dir(), () -> {
            Path out = tmp.resolve(d.dir());
            Ingest.run(IngestKinds.byName(d.kind()), SharedData.file(d.input()), out, OutputFormat.PARQUET,
                    IngestContext.withDefaults().withArea(d.area()));
            Path committedDir = data.resolve(d.dir());
            for (String f : List.of("quarantine.csv", "ingest-report.json", "extract.parquet")) {
                assertTrue(Files.isRegularFile(committedDir.resolve(f)), committedDir.resolve(f)
                        + " is missing; run data/rebuild.sh");
            }
            for (String f : List.of("quarantine.csv", "ingest-report.json", "extract.parquet")) {
                assertArrayEquals(Files.readAllBytes(out.resolve(f)), Files.readAllBytes(committedDir.resolve(f)),
                        committedDir.resolve(f) + " differs from what the ingest produces now; run data/rebuild.sh "
                                + "and update data/README.md");
            }

            assertTrue(readme.contains("`" + d.command() + "`"), "README lacks the command " + d.command());
            String fileSha = SourceFile.sha256(committedDir.resolve("extract.parquet"));
            assertTrue(readme.contains("file `" + fileSha + "`"), "README lacks the sha256 of " + d.dir()
                    + "/extract.parquet: " + fileSha);
            String rowsSha = rowsSha256(committedDir.resolve("extract.parquet"));
            assertTrue(readme.contains("rows `" + rowsSha + "`"), "README lacks the rows sha256 of " + d.dir() + ": "
                    + rowsSha);
            assertTrue(readme.contains(SourceFile.sha256(SharedData.file(d.input()))),
                    "README lacks the sha256 of the input " + d.input());
        }));
    }
}
