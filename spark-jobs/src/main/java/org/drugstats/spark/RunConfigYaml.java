package org.drugstats.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drugstats.core.DrugstatsException;
import org.drugstats.spark.RunConfig.Key;

/**
 * Writes a {@link RunConfig} as YAML with each key's description as a comment ({@code --print-config}). Keys and
 * values are written by Jackson's YAML generator, so any text (quotes, backslashes, colons, line breaks) reads back
 * as itself.
 */
final class RunConfigYaml {

    private RunConfigYaml() {
    }

    /** The configuration as YAML. */
    static String write(RunConfig c) {
        StringBuilder sb = new StringBuilder("# drugstats run configuration (effective values; defaults unless changed)\n");
        Map<String, Object> all = c.asMap();
        for (Key k : Key.values()) {
            sb.append("# ").append(k.description()).append('\n');
            sb.append(yamlEntry(k.key(), all.get(k.key())));
        }
        sb.append("# Any Spark setting, passed to Spark as it is (after the settings above): spark.conf.<spark key>\n");
        c.sparkConf().forEach((k, v) -> sb.append(yamlEntry(RunConfig.SPARK_CONF_PREFIX + k, v)));
        return sb.toString();
    }

    private static final ObjectMapper YAML_OUT = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private static String yamlEntry(String key, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(key, value);
        try {
            return YAML_OUT.writeValueAsString(one);
        } catch (JsonProcessingException e) {
            throw DrugstatsException.of(e, "configuration key '%s': cannot write %s as YAML", key, value);
        }
    }
}
