package org.drugstats.spark;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.drugstats.core.DrugstatsException;
import org.drugstats.spark.RunConfig.Key;

/**
 * Reads a {@link RunConfig} from a YAML or JSON file: nested objects and dotted names both accepted, duplicate
 * keys refused, every value checked by its key; errors are one line naming the file and the key.
 */
final class RunConfigFile {

    private RunConfigFile() {
    }

    /** Reads the file (see {@link RunConfig#load(Path)}). */
    static RunConfig read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper;
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            mapper = new ObjectMapper(new YAMLFactory());
        } else if (name.endsWith(".json")) {
            mapper = new ObjectMapper();
        } else {
            throw DrugstatsException.of("config %s: unknown file type; expected a .yaml, .yml or .json file", file);
        }
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        if (!Files.isRegularFile(file)) {
            throw DrugstatsException.of("config %s: no such file", file);
        }
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw DrugstatsException.of(e, "config %s: not valid %s: %s", file,
                    name.endsWith(".json") ? "JSON" : "YAML", e.getOriginalMessage());
        } catch (IOException e) {
            throw DrugstatsException.of(e, "config %s: cannot read: %s", file, e.getMessage());
        }
        EnumMap<Key, Object> m = new EnumMap<>(Key.class);
        for (Key k : Key.values()) {
            m.put(k, k.defaultValue());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new RunConfig(m, Map.of());
        }
        if (!root.isObject()) {
            throw DrugstatsException.of("config %s: expected a mapping of keys to values at the top level, got %s", file,
                    root.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        Map<String, JsonNode> flat = new LinkedHashMap<>();
        flatten(file, "", root, flat);
        Map<String, String> spark = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : flat.entrySet()) {
            if (e.getKey().startsWith(RunConfig.SPARK_CONF_PREFIX)) {
                String sparkKey = e.getKey().substring(RunConfig.SPARK_CONF_PREFIX.length());
                if (!sparkKey.startsWith("spark.") || !e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw DrugstatsException.of("config %s: key '%s': expected a Spark setting spark.conf.spark.* with a"
                            + " string, number or boolean value", file, e.getKey());
                }
                if (sparkKey.equals("spark.sql.adaptive.enabled") && !e.getValue().asText().equalsIgnoreCase("true")) {
                    throw DrugstatsException.of("config %s: key '%s': %s, got %s", file, e.getKey(),
                            RunConfig.ADAPTIVE_OFF, e.getValue());
                }
                spark.put(sparkKey, e.getValue().asText());
                continue;
            }
            Key k = Key.byName(e.getKey());
            if (k == null) {
                throw DrugstatsException.of("config %s: unknown key '%s'; known keys: %s, and spark.conf.<any Spark setting>",
                        file, e.getKey(), Arrays.stream(Key.values()).map(Key::key).toList());
            }
            m.put(k, RunConfig.parse("config " + file, k, e.getValue()));
        }
        return new RunConfig(m, spark);
    }

    private static void flatten(Path file, String prefix, JsonNode node, Map<String, JsonNode> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                flatten(file, k, e.getValue(), out);
            } else if (out.put(k, e.getValue()) != null) {
                throw DrugstatsException.of("config %s: key '%s' is given twice", file, k);
            }
        }
    }
}
