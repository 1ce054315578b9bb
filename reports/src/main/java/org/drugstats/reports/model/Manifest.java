package org.drugstats.reports.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run manifest ({@code manifest.json}): inputs with checksums and row accounting, parameters, versions,
 * timing, steps and outputs, as the report shows it; read through the results contract's model in core. Fields that
 * are absent read as empty (text, lists) or 0 (numbers).
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

    /** The report's view of a manifest read by the results contract ({@link org.drugstats.core.results.Manifest}). */
    static Manifest fromJson(JsonNode n) {
        return of(org.drugstats.core.results.Manifest.fromJson(n));
    }

    /** The report's view of the run manifest: parameters and versions flattened to dotted keys and text. */
    public static Manifest of(org.drugstats.core.results.Manifest m) {
        List<Input> inputs = new ArrayList<>();
        for (var i : nonNull(m.inputs())) {
            var g = i.ingest();
            Ingest ingest = g == null ? null : new Ingest(orEmpty(g.kind()), orEmpty(g.input()), g.rowsRead(),
                    g.rowsAccepted(), g.rowsQuarantined(), g.quarantinedByReason() == null ? Map.of()
                            : g.quarantinedByReason(), orEmpty(g.quarantine()));
            inputs.add(new Input(orEmpty(i.path()), orEmpty(i.sha256()), i.rowsRead(), i.rowsAccepted(),
                    i.rowsQuarantined(), ingest));
        }
        List<Step> steps = new ArrayList<>();
        for (var s : nonNull(m.steps())) {
            steps.add(new Step(orEmpty(s.name()), s.seconds(), s.rowsIn(), s.rowsOut()));
        }
        List<Output> outputs = new ArrayList<>();
        for (var o : nonNull(m.outputs())) {
            outputs.add(new Output(orEmpty(o.path()), o.rows(), orEmpty(o.sha256())));
        }
        return new Manifest(inputs, flatten(org.drugstats.core.results.Manifest.tree(m.parameters())),
                flatten(org.drugstats.core.results.Manifest.tree(m.versions())), orEmpty(m.started()),
                orEmpty(m.ended()), steps, outputs);
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
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
