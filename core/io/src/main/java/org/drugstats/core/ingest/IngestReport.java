package org.drugstats.core.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drugstats.core.data.Origin;

/**
 * The {@code ingest-report.json} of an ingest: row accounting ({@code rows_read = rows_accepted +
 * rows_quarantined}), what one row is ({@code row_unit}), rows that are not data, quarantine reasons, quality
 * flags, the keys published with several records and their rows ({@code keys_with_multiple_records},
 * {@code rows_in_multiple_records}), unmapped names, warnings, the input's provenance and the output files.
 * Deterministic: no times or dates, keys in a fixed order, {@code \n} line ends.
 */
public final class IngestReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestReport() {
    }

    /** The report's fields, in order. */
    public static Map<String, Object> fields(IngestResult r, OutputFormat format) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", r.kind());
        m.put("input", r.origin().fileName());
        m.put("row_unit", r.rowUnit());
        m.put("rows_read", r.rowsRead());
        m.put("rows_accepted", r.rowsAccepted());
        m.put("rows_quarantined", r.rowsQuarantined());
        m.put("blank_rows_skipped", r.blankRowsSkipped());
        m.put("non_data_rows_skipped", r.nonDataRowsSkipped());
        m.put("quarantined_by_reason", r.quarantinedByReason());
        m.put("flagged", r.flagged());
        m.put("keys_with_multiple_records", r.keysWithMultipleRecords());
        m.put("rows_in_multiple_records", r.rowsInMultipleRecords());
        m.put("unmapped_names", r.unmappedNames());
        m.put("warnings", r.warnings());
        m.put("origin", origin(r.origin()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("extract", format.extractFileName());
        out.put("format", format.code());
        out.put("quarantine", Ingest.QUARANTINE_FILE);
        m.put("outputs", out);
        return m;
    }

    private static Map<String, Object> origin(Origin o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("file_name", o.fileName());
        m.put("sha256", o.sha256());
        m.put("publisher", o.producer());
        m.put("title", o.title());
        m.put("citation", o.citation());
        m.put("url", o.url());
        m.put("licence", o.licence());
        m.put("date_published", o.datePublished());
        m.put("processing", o.processing());
        return m;
    }

    /** The report as pretty-printed JSON ending in a newline. */
    public static String json(IngestResult r, OutputFormat format) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(pp).writeValueAsString(fields(r, format)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
