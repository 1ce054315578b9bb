package org.drugstats.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.ingest.Ingest;
import org.drugstats.core.results.Manifest;

/**
 * The ingest's accounting of an input, carried from the published file to the run: an extract that
 * {@code drugstats ingest} wrote ({@code DIR/extract.parquet}) has its {@code ingest-report.json} and
 * {@code quarantine.csv} beside it; the report becomes the input's {@code ingest} entry in the manifest, and the
 * ingest's quarantine file is copied to {@code OUT/quarantine/ingest/<input>.csv} so that the report can list and
 * link the rows set aside before the run ever saw them.
 */
final class IngestReports {

    /** Folder of the ingest quarantine copies, relative to OUT. */
    static final String DIR = "quarantine/ingest";
    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestReports() {
    }

    /** The report beside an input, if it was written by an ingest: the input is {@code extract.parquet}. */
    static Optional<Path> reportOf(InputFiles.Input in) {
        Path p = in.path();
        if (!Files.isRegularFile(p) || !p.getFileName().toString().equals("extract.parquet")) {
            return Optional.empty();
        }
        Path report = p.resolveSibling(Ingest.REPORT_FILE);
        return Files.isRegularFile(report) ? Optional.of(report) : Optional.empty();
    }

    /**
     * Reads the ingest report of an input and copies its quarantine file into {@code staging/quarantine/ingest/}.
     *
     * @return the manifest entry, or empty when the input has no ingest report
     * @throws DrugstatsException naming the report when it is unreadable or its accounting does not balance
     */
    static Optional<Manifest.IngestEntry> read(InputFiles.Input in, Path staging) {
        Optional<Path> report = reportOf(in);
        if (report.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(report.get().toFile());
            long read = n.path("rows_read").asLong(-1);
            long accepted = n.path("rows_accepted").asLong(-1);
            long quarantined = n.path("rows_quarantined").asLong(-1);
            if (read < 0 || read != accepted + quarantined) {
                throw DrugstatsException.of("%s: ingest row accounting broken or missing: read %d, accepted %d, "
                        + "quarantined %d; expected read = accepted + quarantined", report.get(), read, accepted,
                        quarantined);
            }
            Map<String, Long> reasons = new TreeMap<>();
            n.path("quarantined_by_reason").fields().forEachRemaining(e -> reasons.put(e.getKey(),
                    e.getValue().asLong()));
            String rel = null;
            Path q = report.get().resolveSibling(Ingest.QUARANTINE_FILE);
            if (Files.isRegularFile(q)) {
                rel = DIR + "/" + in.quarantineName() + ".csv";
                Path target = staging.resolve(rel);
                Files.createDirectories(target.getParent());
                Files.copy(q, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return Optional.of(new Manifest.IngestEntry(n.path("kind").asText(null), n.path("input").asText(null),
                    n.path("origin").path("sha256").asText(null), n.path("row_unit").asText(null), read, accepted,
                    quarantined, reasons, rel));
        } catch (IOException e) {
            throw new DrugstatsException(report.get() + ": cannot read the ingest report: " + e.getMessage(), e);
        }
    }
}
