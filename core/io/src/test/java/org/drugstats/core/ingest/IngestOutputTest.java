package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.SharedData;
import org.drugstats.core.data.CsvExtracts;
import org.drugstats.core.data.Extract;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.ParquetExtracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files an ingest writes: contents, determinism, atomic replacement. */
class IngestOutputTest {

    @TempDir
    Path dir;

    private static final Path COCA = SharedData.file(IngestRealFilesTest.COCA);

    private static Ingest.Outcome run(String kind, Path input, Path out, OutputFormat format) {
        return Ingest.run(IngestKinds.byName(kind), input, out, format, IngestContext.withDefaults());
    }

    @Test
    void writesExtractQuarantineAndReport() throws IOException {
        Ingest.Outcome o = run("unodc-annex-cultivation", COCA, dir.resolve("coca"), OutputFormat.PARQUET);
        assertEquals(List.of("extract.parquet", "ingest-report.json", "quarantine.csv"), list(dir.resolve("coca")));
        Extract e = ParquetExtracts.read(dir.resolve("coca/extract.parquet"));
        assertEquals(57, e.size());
        Origin origin = e.origins().get(0);
        assertEquals(SourceFile.sha256(COCA), origin.sha256());
        assertEquals("CC BY 3.0 IGO", origin.licence());
        assertEquals(o.result().accepted(), e.observations());
        assertEquals(1, Files.readAllLines(dir.resolve("coca/quarantine.csv")).size()); // header only
        assertTrue(Files.readAllLines(dir.resolve("coca/quarantine.csv")).get(0).endsWith(
                ",reason,sheet,row,column,raw_value,detail"));

        JsonNode report = new ObjectMapper().readTree(dir.resolve("coca/ingest-report.json").toFile());
        assertEquals(57, report.get("rows_read").asLong());
        assertEquals(report.get("rows_read").asLong(),
                report.get("rows_accepted").asLong() + report.get("rows_quarantined").asLong());
        assertTrue(report.get("unmapped_names").isArray());
        assertTrue(report.get("warnings").isArray());
        assertTrue(report.get("row_unit").asText().startsWith("year cell"));
        JsonNode org = report.get("origin");
        assertEquals("6.1.1_coca_bush_cultivation.xlsx", org.get("file_name").asText());
        assertEquals(SourceFile.sha256(COCA), org.get("sha256").asText());
        assertEquals("United Nations Office on Drugs and Crime (UNODC)", org.get("publisher").asText());
        assertEquals("CC BY 3.0 IGO", org.get("licence").asText());
        assertEquals(5, report.get("blank_rows_skipped").asLong());
    }

    @Test
    void outputIsByteIdenticalRunAfterRun() throws IOException {
        run("unodc-annex-cultivation", COCA, dir.resolve("a"), OutputFormat.PARQUET);
        run("unodc-annex-cultivation", COCA, dir.resolve("b"), OutputFormat.PARQUET);
        for (String f : List.of("extract.parquet", "quarantine.csv", "ingest-report.json")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b")
                    .resolve(f)), f);
        }
    }

    @Test
    void csvFormatWritesTheCanonicalCsv() {
        run("unodc-annex-cultivation", COCA, dir.resolve("c"), OutputFormat.CSV);
        assertEquals(57, CsvExtracts.readRaw(dir.resolve("c/extract.csv")).size());
        assertEquals(OutputFormat.CSV, OutputFormat.ofCode(" CSV "));
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> OutputFormat.ofCode("xlsx"));
        assertEquals("unknown format 'xlsx'; expected one of [parquet, csv]", e.getMessage());
    }

    @Test
    void aFailedIngestLeavesThePreviousOutputIntact() throws IOException {
        Path out = dir.resolve("out");
        run("unodc-annex-cultivation", COCA, out, OutputFormat.PARQUET);
        byte[] extract = Files.readAllBytes(out.resolve("extract.parquet"));
        byte[] report = Files.readAllBytes(out.resolve("ingest-report.json"));
        Path seizures = SharedData.file(IngestRealFilesTest.SEIZURES);
        assertThrows(DrugstatsException.class, () -> run("unodc-annex-cultivation", seizures, out,
                OutputFormat.PARQUET));
        assertArrayEquals(extract, Files.readAllBytes(out.resolve("extract.parquet")));
        assertArrayEquals(report, Files.readAllBytes(out.resolve("ingest-report.json")));
        assertEquals(List.of("out"), list(dir)); // no temporary folders left behind
        // a successful run replaces the folder, including files it no longer writes
        Files.writeString(out.resolve("stale.txt"), "old");
        run("unodc-annex-cultivation", COCA, out, OutputFormat.CSV);
        assertEquals(List.of("extract.csv", "ingest-report.json", "quarantine.csv"), list(out));
        assertEquals(List.of("out"), list(dir));
    }

    @Test
    void outputPathThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> run("unodc-annex-cultivation", COCA, file, OutputFormat.PARQUET));
        assertEquals(file + " exists and is not a folder; expected an output folder", e.getMessage());
    }

    @Test
    void unknownKindListsTheKinds() {
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> IngestKinds.byName("wdr-annex"));
        assertEquals("unknown source kind 'wdr-annex'; expected one of [euda-wastewater, euda-wastewater-sites, "
                + "incb-consumption, incb-table-xii, m49, nchs-drug-poisoning, sdg-open-csv, unodc-annex-crimes, "
                + "unodc-annex-cultivation, "
                + "unodc-annex-expert-perception, unodc-annex-prevalence, unodc-annex-prevalence-youth, "
                + "unodc-annex-prices, unodc-annex-seizures, wpp-population]",
                e.getMessage());
    }

    private static List<String> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
