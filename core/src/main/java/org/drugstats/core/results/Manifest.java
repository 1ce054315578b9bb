package org.drugstats.core.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Origin;

/**
 * {@code OUT/manifest.json} ({@link ResultsLayout#MANIFEST}): what a run read, with which parameters and versions,
 * when, how long each step took, and what it published. The pipeline writes it ({@link #toJson()}), the report
 * reads it ({@link #read(Path)}, {@link #fromJson(JsonNode)}); field names are those of
 * {@code spark-jobs/RESULTS.md}.
 *
 * @param schema the manifest's own schema tag
 * @param status {@code succeeded} (a published manifest is always of a finished run)
 * @param inputs every input with its checksum and row accounting
 * @param parameters the effective run configuration and the command-line options
 * @param versions drugstats, Spark, Java
 * @param started start time (ISO-8601, UTC)
 * @param ended end time (ISO-8601, UTC)
 * @param seconds wall time of the run
 * @param steps per-step timings and row accounting, in execution order
 * @param outputs every published file (path relative to OUT) with its rows and SHA-256
 * @param origins the union of the inputs' origins (provenance of everything published)
 */
@JsonPropertyOrder({"schema", "status", "inputs", "parameters", "versions", "started", "ended", "seconds", "steps",
    "outputs", "origins"})
public record Manifest(
        @JsonProperty("schema") String schema,
        @JsonProperty("status") String status,
        @JsonProperty("inputs") List<InputEntry> inputs,
        @JsonProperty("parameters") Map<String, Object> parameters,
        @JsonProperty("versions") Map<String, String> versions,
        @JsonProperty("started") String started,
        @JsonProperty("ended") String ended,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("steps") List<StepEntry> steps,
        @JsonProperty("outputs") List<OutputEntry> outputs,
        @JsonProperty("origins") List<Origin> origins) {

    /** Schema tag of the manifest. */
    public static final String SCHEMA = "drugstats-manifest/1";

    /**
     * One input.
     *
     * @param path path relative to the data directory
     * @param kind {@code extract} or {@code seizure-events}
     * @param sha256 checksum of the file (or of its parts concatenated in name order)
     * @param bytes size
     * @param rowsRead rows in the file
     * @param rowsAccepted rows that passed validation
     * @param rowsQuarantined rows set aside (see {@code quarantine})
     * @param quarantine path of the quarantine CSV, relative to OUT
     * @param synthetic true for generated data
     * @param ingest the accounting of the {@code drugstats ingest} run that made the input from a published file
     *     (its {@code ingest-report.json} beside the extract), or null when there is none
     */
    @JsonPropertyOrder({"path", "kind", "sha256", "bytes", "rows_read", "rows_accepted", "rows_quarantined",
        "quarantine", "synthetic", "ingest"})
    public record InputEntry(
            @JsonProperty("path") String path,
            @JsonProperty("kind") String kind,
            @JsonProperty("sha256") String sha256,
            @JsonProperty("bytes") long bytes,
            @JsonProperty("rows_read") long rowsRead,
            @JsonProperty("rows_accepted") long rowsAccepted,
            @JsonProperty("rows_quarantined") long rowsQuarantined,
            @JsonProperty("quarantine") String quarantine,
            @JsonProperty("synthetic") boolean synthetic,
            @JsonProperty("ingest") @JsonInclude(JsonInclude.Include.NON_NULL) IngestEntry ingest) {

        /** An input without an ingest report. */
        public InputEntry(String path, String kind, String sha256, long bytes, long rowsRead, long rowsAccepted,
                long rowsQuarantined, String quarantine, boolean synthetic) {
            this(path, kind, sha256, bytes, rowsRead, rowsAccepted, rowsQuarantined, quarantine, synthetic, null);
        }
    }

    /**
     * What the ingest that made an input did with the published file (from {@code ingest-report.json}): the
     * extract holds its accepted rows, so its {@code rows_accepted} is the run's {@code rows_read} of the input.
     *
     * @param kind the ingest kind
     * @param input the published file's name
     * @param inputSha256 the published file's SHA-256
     * @param rowUnit what one row read is for the kind
     * @param rowsRead rows read from the published file
     * @param rowsAccepted rows written to the extract
     * @param rowsQuarantined rows the ingest set aside
     * @param quarantinedByReason the ingest's quarantined rows by reason
     * @param quarantine path of the ingest's quarantine CSV as copied into OUT
     */
    @JsonPropertyOrder({"kind", "input", "input_sha256", "row_unit", "rows_read", "rows_accepted", "rows_quarantined",
        "quarantined_by_reason", "quarantine"})
    public record IngestEntry(
            @JsonProperty("kind") String kind,
            @JsonProperty("input") String input,
            @JsonProperty("input_sha256") String inputSha256,
            @JsonProperty("row_unit") String rowUnit,
            @JsonProperty("rows_read") long rowsRead,
            @JsonProperty("rows_accepted") long rowsAccepted,
            @JsonProperty("rows_quarantined") long rowsQuarantined,
            @JsonProperty("quarantined_by_reason") Map<String, Long> quarantinedByReason,
            @JsonProperty("quarantine") String quarantine) {
    }

    /**
     * One step.
     *
     * @param name step name
     * @param seconds wall time
     * @param rowsIn rows the step read
     * @param rowsOut rows the step produced
     * @param detail step-specific counts (e.g. series fitted, quarantined rows)
     */
    @JsonPropertyOrder({"name", "seconds", "rows_in", "rows_out", "detail"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record StepEntry(
            @JsonProperty("name") String name,
            @JsonProperty("seconds") double seconds,
            @JsonProperty("rows_in") long rowsIn,
            @JsonProperty("rows_out") long rowsOut,
            @JsonProperty("detail") Map<String, Object> detail) {
    }

    /**
     * One published file.
     *
     * @param path path relative to OUT
     * @param rows data rows (records)
     * @param sha256 checksum
     */
    @JsonPropertyOrder({"path", "rows", "sha256"})
    public record OutputEntry(
            @JsonProperty("path") String path,
            @JsonProperty("rows") long rows,
            @JsonProperty("sha256") String sha256) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The manifest as indented JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a manifest from its JSON tree; fields a newer or older writer added or left out are tolerated (absent
     * numbers read as 0, absent text and lists as null).
     *
     * @throws DrugstatsException when the tree is not a manifest object
     */
    public static Manifest fromJson(JsonNode tree) {
        try {
            return JSON.treeToValue(tree, Manifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw DrugstatsException.of(e, "not a drugstats manifest: %s", e.getMessage());
        }
    }

    /** The JSON tree of any value, by the manifest's own mapper (e.g. {@link #parameters()} as a tree). */
    public static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    /** Reads a manifest. */
    public static Manifest read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Manifest.class);
        } catch (IOException e) {
            throw DrugstatsException.of(e, "%s: not a readable drugstats manifest: %s", file, e.getMessage());
        }
    }
}
