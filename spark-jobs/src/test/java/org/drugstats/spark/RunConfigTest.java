package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigTest {

    @TempDir
    Path tmp;

    Path file(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    String error(Path p) {
        return assertThrows(DrugstatsException.class, () -> RunConfig.load(p)).getMessage();
    }

    @Test
    void defaultsAreDocumentedAndComplete() {
        RunConfig d = RunConfig.defaults();
        assertEquals(8, d.shufflePartitions());
        assertTrue(d.adaptive());
        assertEquals(RunConfig.Serializer.KRYO, d.serializer());
        assertEquals(0.5, d.minCoverage());
        assertEquals("bic", d.trendSelection());
        assertEquals(RunConfig.Key.values().length, d.asMap().size());
        for (RunConfig.Key k : RunConfig.Key.values()) {
            assertTrue(d.toYaml().contains("\n" + k.key() + ":"), k.key());
            assertTrue(!k.description().isBlank(), k.key());
        }
    }

    @Test
    void yamlNestedAndDottedKeysAndJsonGiveTheSameConfiguration() throws IOException {
        RunConfig a = RunConfig.load(file("a.yaml", "spark:\n  shuffle_partitions: 64\ntrend:\n  selection: wbic\n"));
        RunConfig b = RunConfig.load(file("b.yml", "spark.shuffle_partitions: 64\ntrend.selection: wbic\n"));
        RunConfig c = RunConfig.load(file("c.json", "{\"spark\": {\"shuffle_partitions\": 64}, \"trend.selection\": \"wbic\"}"));
        assertEquals(a, b);
        assertEquals(a, c);
        assertEquals(64, a.shufflePartitions());
        assertEquals(RunConfig.defaults().with(RunConfig.Key.SHUFFLE_PARTITIONS, 64)
                .with(RunConfig.Key.TREND_SELECTION, "wbic"), a);
        // the printed configuration reads back as the same configuration
        assertEquals(a, RunConfig.load(file("again.yaml", a.toYaml())));
    }

    @Test
    void anyTextReadsBackFromThePrintedYaml() throws IOException {
        String hostile = "a \"quoted\" C:\\dir\\ # not a comment: {x} [y]\ttab";
        RunConfig a = RunConfig.load(file("h.json", "{\"spark.conf.spark.driver.extraJavaOptions\": "
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(hostile) + "}"));
        assertEquals(hostile, a.sparkConf().get("spark.driver.extraJavaOptions"));
        String yaml = a.toYaml();
        assertTrue(yaml.endsWith("\nspark.conf.spark.driver.extraJavaOptions: \"a \\\"quoted\\\" C:\\\\dir\\\\ # not a "
                + "comment: {x} [y]\\ttab\"\n"), yaml);
        assertEquals(a, RunConfig.load(file("h.yaml", yaml)));
        assertEquals(RunConfig.defaults(), RunConfig.load(file("d.yaml", RunConfig.defaults().toYaml())));
    }

    @Test
    void badFilesFailNamingTheFileAndTheKey() throws IOException {
        assertTrue(error(file("u.yaml", "trend:\n  max_joinpoint: 2\n")).contains("unknown key 'trend.max_joinpoint'"));
        String e = error(file("t.yaml", "aggregate.min_coverage: 1.5\n"));
        assertTrue(e.contains("t.yaml") && e.contains("key 'aggregate.min_coverage'") && e.contains("1.5"), e);
        assertTrue(error(file("n.json", "{\"aggregate\": {\"min_coverage\": \"half\"}}"))
                .contains("key 'aggregate.min_coverage': expected a number"));
        assertTrue(error(file("s.yaml", "trend.selection: aic\n")).contains("expected one of [bic, bic3, wbic, permutation]"));
        assertTrue(error(file("i.yaml", "spark.shuffle_partitions: 2.5\n")).contains("expected an integer"));
        assertTrue(error(file("d.yaml", "spark:\n  adaptive: true\nspark.adaptive: false\n")).contains("given twice"));
        // adaptive execution off fails in Spark 4.0.4 on the run's cached datasets (SPARK-59009): refused up front
        String aqe = error(file("a.yaml", "spark.adaptive: false\n"));
        assertTrue(aqe.contains("a.yaml") && aqe.contains("key 'spark.adaptive'") && aqe.contains("SPARK-59009")
                && aqe.endsWith("got false"), aqe);
        String aqeConf = error(file("ac.yaml", "spark.conf.spark.sql.adaptive.enabled: false\n"));
        assertTrue(aqeConf.contains("key 'spark.conf.spark.sql.adaptive.enabled'") && aqeConf.contains("SPARK-59009"),
                aqeConf);
        assertTrue(RunConfig.load(file("at.yaml", "spark.adaptive: true\n")).adaptive());
        assertTrue(error(file("dup.json", "{\"seed\": 1, \"seed\": 2}")).contains("not valid JSON"));
        assertTrue(error(file("x.txt", "seed: 1\n")).contains("expected a .yaml, .yml or .json file"));
        assertTrue(error(file("l.yaml", "- 1\n- 2\n")).contains("expected a mapping"));
        assertTrue(error(file("sh.yaml", "inequality.population_shares: [0.5, 1.2]\n")).contains("fractions in (0, 1)"));
        assertTrue(error(tmp.resolve("missing.yaml")).contains("no such file"));
    }

    @Test
    void sparkSettingsPassThroughVerbatim() throws IOException {
        RunConfig c = RunConfig.load(file("s.yaml",
                "spark:\n  conf:\n    spark.memory.offHeap.enabled: true\n    spark.sql.ansi.enabled: false\n"));
        assertEquals(Map.of("spark.memory.offHeap.enabled", "true", "spark.sql.ansi.enabled", "false"), c.sparkConf());
        assertEquals("false", SparkSessions.conf(c, "local[1]", "t").get("spark.sql.ansi.enabled"));
        assertEquals("true", c.asMap().get("spark.conf.spark.memory.offHeap.enabled"));
        assertTrue(error(file("bad.yaml", "spark.conf.memory: 1\n")).contains("expected a Spark setting"));
    }

    @Test
    void emptyFileMeansDefaultsAndListsAreChecked() throws IOException {
        assertEquals(RunConfig.defaults(), RunConfig.load(file("e.yaml", "")));
        RunConfig c = RunConfig.load(file("l.yaml", "trend.exclude_indicators: [population_15_64]\n"));
        assertEquals(List.of("population_15_64"), c.trendExclude());
        assertEquals(List.of(0.5, 0.84), RunConfig.defaults().inequalityPopulationShares());
        assertTrue(RunConfig.defaults().adequacyBenchmark().isEmpty());
    }

    @Test
    void joinpointFiveOptionsAreCheckedAndReadBack() throws IOException {
        RunConfig c = RunConfig.load(file("j.yaml", "trend:\n  preset: nci5\n  autocorrelation: \"0.3\"\n"
                + "  jumps: [\"people_who_use_drugs=2021.5\", \"deaths=1998.5:0.9677:0.00001024\"]\n"));
        assertEquals(List.of("people_who_use_drugs=2021.5", "deaths=1998.5:0.9677:0.00001024"), c.trendJumps());
        TrendStep.Settings s = TrendStep.Settings.of(c);
        assertEquals("wbic", s.selection());
        assertEquals("empirical", s.ci());
        assertTrue(s.extended());
        assertTrue(!TrendStep.Settings.of(RunConfig.defaults()).extended());
        assertEquals(c, RunConfig.load(file("j2.yaml", c.toYaml())));
        assertTrue(error(file("a.yaml", "trend.autocorrelation: \"1.2\"\n")).contains("number in (-1, 1)"));
        assertTrue(error(file("b.yaml", "trend.jumps: [\"deaths:1998.5\"]\n"))
                .contains("expected \"indicator=X\" or \"indicator=X:R:V\", got 'deaths:1998.5'"));
        assertTrue(error(file("c.yaml", "trend.jumps: [\"d=1998.5\", \"d=2001.5\"]\n")).contains("two jumps"));
    }
}
