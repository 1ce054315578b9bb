package org.drugstats.spark;

import org.drugstats.core.results.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest's accounting travels from the report beside an extract into the run's manifest. */
class IngestReportsTest {

    @TempDir
    Path tmp;

    private InputFiles.Input input(String rel) throws IOException {
        Path p = tmp.resolve("data").resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {1});
        return new InputFiles.Input(rel, p, List.of(p), InputFiles.Kind.EXTRACT, "00", 1, null, List.of(), false);
    }

    @Test
    void theReportBesideAnExtractBecomesTheManifestEntryAndItsQuarantineIsCopied() throws IOException {
        InputFiles.Input in = input("unodc-wdr2025-prevalence/extract.parquet");
        Path dir = in.path().getParent();
        Files.writeString(dir.resolve("ingest-report.json"), """
                {"kind": "unodc-annex-prevalence", "input": "1.2.xlsx", "row_unit": "value cell: ...",
                 "rows_read": 6102, "rows_accepted": 6087, "rows_quarantined": 15,
                 "quarantined_by_reason": {"malformed-row": 3, "unmapped-area": 12},
                 "origin": {"sha256": "d9b4"}}""");
        Files.writeString(dir.resolve("quarantine.csv"), "reason\nunmapped-area\n");
        Path staging = tmp.resolve("staging");
        Manifest.IngestEntry e = IngestReports.read(in, staging).orElseThrow();
        assertEquals(6102, e.rowsRead());
        assertEquals(15, e.rowsQuarantined());
        assertEquals(Map.of("malformed-row", 3L, "unmapped-area", 12L), e.quarantinedByReason());
        assertEquals("d9b4", e.inputSha256());
        assertEquals("quarantine/ingest/unodc-wdr2025-prevalence.csv", e.quarantine());
        assertEquals("reason\nunmapped-area\n", Files.readString(staging.resolve(e.quarantine())));
        // the manifest field, and its absence for inputs without an ingest report
        ObjectMapper m = new ObjectMapper();
        JsonNode with = m.valueToTree(new Manifest.InputEntry("a", "extract", "00", 1, 6087, 6087, 0, "q", false, e));
        assertEquals(15, with.path("ingest").path("rows_quarantined").asLong());
        JsonNode without = m.valueToTree(new Manifest.InputEntry("a", "extract", "00", 1, 1, 1, 0, "q", false));
        assertTrue(without.path("ingest").isMissingNode());
    }

    @Test
    void inputsNotWrittenByAnIngestHaveNoEntry() throws IOException {
        InputFiles.Input in = input("unodc/prevalence.parquet");
        Files.writeString(in.path().resolveSibling("ingest-report.json"), "{}");
        assertTrue(IngestReports.read(in, tmp.resolve("staging")).isEmpty());
    }

    @Test
    void aReportWhoseAccountingDoesNotBalanceFailsNamingIt() throws IOException {
        InputFiles.Input in = input("x/extract.parquet");
        Files.writeString(in.path().resolveSibling("ingest-report.json"),
                "{\"rows_read\": 10, \"rows_accepted\": 8, \"rows_quarantined\": 1}");
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> IngestReports.read(in, tmp.resolve("staging")));
        assertTrue(e.getMessage().contains("ingest-report.json: ingest row accounting broken"), e.getMessage());
    }
}
