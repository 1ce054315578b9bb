package org.drugstats.reports.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run manifest ({@code manifest.json}): inputs with checksums and row accounting, parameters, versions,
 * timing, steps and outputs. Fields that are absent read as empty.
 */
public record Manifest(List<Input> inputs, Map<String, String> parameters, Map<String, String> versions,
        String started, String ended, List<Step> steps, List<Output> outputs) {

    /**
     * An input file and its row accounting in the run, with the accounting of the ingest that made it (null when
     * the input was not written by {@code drugstats ingest}, or the manifest predates the field).
     */
    public record Input(String path, String sha256, long rowsRead, long rowsAccepted, long rowsQuarantined,
            Ingest ingest) {
        /** True when read = accepted + quarantined. */
        public boolean balanced() {
            return rowsRead == rowsAccepted + rowsQuarantined;
        }
    }

    /**
     * What the ingest did with the published file ({@code inputs[].ingest} of the manifest).
     *
     * @param kind the ingest kind
     * @param input the published file's name
     * @param rowsRead rows read from it
     * @param rowsAccepted rows written to the extract
     * @param rowsQuarantined rows set aside by the ingest
     * @param byReason the ingest's quarantined rows by reason
     * @param quarantine its quarantine CSV, relative to the run directory, or "" when none was copied
     */
    public record Ingest(String kind, String input, long rowsRead, long rowsAccepted, long rowsQuarantined,
            Map<String, Long> byReason, String quarantine) {
        public Ingest {
            byReason = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byReason));
        }

        /** True when read = accepted + quarantined. */
        public boolean balanced() {
            return rowsRead == rowsAccepted + rowsQuarantined;
        }
    }

    /** A pipeline step with its timing and row counts. */
    public record Step(String name, double seconds, long rowsIn, long rowsOut) {
    }

    /** An output file. */
    public record Output(String path, long rows, String sha256) {
    }

    public Manifest {
        inputs = List.copyOf(inputs);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        versions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        steps = List.copyOf(steps);
        outputs = List.copyOf(outputs);
    }

    static Manifest fromJson(JsonNode n) {
        List<Input> inputs = new ArrayList<>();
        for (JsonNode i : n.path("inputs")) {
            JsonNode g = i.path("ingest");
            Ingest ingest = null;
            if (g.isObject()) {
                Map<String, Long> reasons = new LinkedHashMap<>();
                g.path("quarantined_by_reason").fields().forEachRemaining(e -> reasons.put(e.getKey(),
                        e.getValue().asLong()));
                ingest = new Ingest(text(g, "kind"), text(g, "input"), g.path("rows_read").asLong(-1),
                        g.path("rows_accepted").asLong(-1), g.path("rows_quarantined").asLong(-1), reasons,
                        text(g, "quarantine"));
            }
            inputs.add(new Input(text(i, "path"), text(i, "sha256"), i.path("rows_read").asLong(-1),
                    i.path("rows_accepted").asLong(-1), i.path("rows_quarantined").asLong(-1), ingest));
        }
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : n.path("steps")) {
            steps.add(new Step(text(s, "name"), s.path("seconds").asDouble(Double.NaN), s.path("rows_in").asLong(-1),
                    s.path("rows_out").asLong(-1)));
        }
        List<Output> outputs = new ArrayList<>();
        for (JsonNode o : n.path("outputs")) {
            outputs.add(new Output(text(o, "path"), o.path("rows").asLong(-1), text(o, "sha256")));
        }
        return new Manifest(inputs, flatten(n.path("parameters")), flatten(n.path("versions")), text(n, "started"),
                text(n, "ended"), steps, outputs);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString();
    }

    /** Nested objects as dotted keys, arrays and values as their JSON text. */
    private static Map<String, String> flatten(JsonNode obj) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", obj, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (!n.isMissingNode() && !prefix.isEmpty()) {
            out.put(prefix, n.isValueNode() ? n.asText() : n.toString());
        }
    }
}
