package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.drugstats.cli.DrugstatsCli;
import org.drugstats.core.data.Extract;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.data.ResultContractCheck;
import org.drugstats.core.results.ResultTable;
import org.drugstats.core.results.ResultsLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code drugstats run} end to end on the fixture: outputs, manifest, reruns, failures. */
class RunPipelineTest {

    @TempDir
    static Path tmp;

    static Path data;
    static Path out;
    static Map<String, String> firstRun;

    @BeforeAll
    static void runOnce() throws IOException {
        SparkTestSession.get();
        data = Fixture.write(tmp.resolve("data"));
        out = tmp.resolve("out");
        Result r = run("run", "--data", data.toString(), "--out", out.toString());
        assertEquals(0, r.status, r.err);
        firstRun = checksums(out);
    }

    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        CommandLine cl = DrugstatsCli.commandLine();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int status = cl.execute(args);
        return new Result(status, o.toString(), e.toString());
    }

    /** SHA-256 of every file under a directory except the manifest (which holds times). */
    static Map<String, String> checksums(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString();
                // the manifest and the report carry the run's own times; result data must be byte-identical
                if (!rel.equals("manifest.json") && !rel.startsWith("report/")) {
                    m.put(rel, InputFiles.sha256(p));
                }
            }
        }
        return m;
    }

    @Test
    void publishesResultsQuarantineAndManifest() throws IOException {
        assertTrue(firstRun.containsKey("results/observations/part-00000.parquet"), firstRun.keySet().toString());
        assertTrue(firstRun.containsKey("quarantine/unodc_prevalence.csv"));
        assertTrue(Files.isRegularFile(out.resolve("report/index.html")), "the run ends with the report");
        assertTrue(firstRun.containsKey("quarantine/population.csv"));
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("succeeded", m.get("status").asText());
        JsonNode inputs = m.get("inputs");
        assertEquals(3, inputs.size());
        for (JsonNode in : inputs) {
            assertEquals(in.get("rows_read").asLong(),
                    in.get("rows_accepted").asLong() + in.get("rows_quarantined").asLong(), in.toString());
            assertEquals(64, in.get("sha256").asText().length());
        }
        JsonNode prev = inputs.get(2);
        assertEquals("unodc/prevalence.parquet", prev.get("path").asText());
        assertEquals(72, prev.get("rows_read").asLong());
        assertEquals(3, prev.get("rows_quarantined").asLong());
        assertEquals(InputFiles.sha256(data.resolve("unodc/prevalence.parquet")), prev.get("sha256").asText());
        List<String> steps = new java.util.ArrayList<>();
        m.get("steps").forEach(st -> steps.add(st.get("name").asText()));
        assertEquals(List.of("inputs", "validate", "seizure-totals", "observations", "aggregate", "trend", "indicators",
                "estimates", "youth-estimates", "tracker"), steps, "the fixture has seizure events");
        assertTrue(m.get("parameters").has("seed"));
        assertTrue(m.get("versions").get("spark").asText().startsWith("4."));
        // the manifest lists every published file (all but itself and the report), each with its checksum
        Map<String, String> listed = new TreeMap<>();
        for (JsonNode o : m.get("outputs")) {
            listed.put(o.get("path").asText(), o.get("sha256").asText());
        }
        assertEquals(firstRun, listed);
        // the fixture has no consumption data, hence no inequality outputs
        assertEquals(List.of("quarantine/population.csv", "quarantine/seizure-events.csv",
                "quarantine/unodc_prevalence.csv", "results/aggregates/part-00000.parquet",
                "results/estimates/part-00000.parquet", "results/indicators/part-00000.parquet",
                "results/observations/part-00000.parquet", "results/tracker/part-00000.parquet",
                "results/trend_points/part-00000.parquet", "results/trends/part-00000.parquet",
                "results/youth_estimates/part-00000.parquet"),
                List.copyOf(listed.keySet()));
        List<String> lines = Files.readAllLines(out.resolve("quarantine/unodc_prevalence.csv"));
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).endsWith("reason,sheet,row,column,raw_value,detail"));
    }

    /**
     * The fixture is a small run (under {@code spark.small_run_rows}): its extracts validated on the driver, every
     * shuffle and the cached analysis inputs in one partition. The general path (the key 0: the configured shuffle partitions, the analysis inputs in the
     * default parallelism) must publish the same bytes, so the shortcut can never change a result.
     */
    @Test
    void aSmallRunInOnePartitionPublishesTheSameBytesAsTheGeneralPath() throws IOException {
        Path config = tmp.resolve("general-path.yaml");
        Files.writeString(config, "spark.small_run_rows: 0\nreport.enabled: false\n");
        Path general = tmp.resolve("out-general-path");
        Result r = run("run", "--data", data.toString(), "--out", general.toString(), "--config", config.toString());
        assertEquals(0, r.status, r.err);
        assertEquals(firstRun, checksums(general));
    }

    /**
     * The guard of the results contract: every table directory the run writes under {@code results/} is a
     * {@link ResultTable}, with the contract's column names in order, types, schema tag and (where the table's
     * {@link ResultTable#nullabilityWritten()}) required or optional columns. A table added without the contract
     * fails here.
     */
    @Test
    void everyTableTheRunWritesIsInTheResultsContract() throws IOException {
        assertEquals(List.of(), ResultContractCheck.differences(out));
        List<String> written;
        try (Stream<Path> s = Files.list(out.resolve(ResultsLayout.RESULTS))) {
            written = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        // the fixture writes these (the check above had something to check)
        assertTrue(written.containsAll(List.of("aggregates", "indicators", "observations", "trend_points", "trends")),
                written.toString());
        // a directory that is not a table of the contract is named
        Path extra = out.resolve(ResultsLayout.RESULTS).resolve("not_in_the_contract");
        Files.createDirectories(extra);
        try {
            assertEquals(List.of(extra + ": a result table that is not in the results contract (ResultTable)"),
                    ResultContractCheck.differences(out));
        } finally {
            Files.delete(extra);
        }
    }

    @Test
    void publishedObservationsAreReadableByCoreWithProvenance() {
        Extract e = ParquetExtracts.read(out.resolve("results/observations"));
        // 69 prevalence + 72 population + 18 seizure totals (3 countries x 2 drugs x 3 years)
        assertEquals(69 + 72 + 18, e.size());
        assertEquals(List.of("test-population", "test-events", "test-prevalence"),
                e.origins().stream().map(o -> o.id()).toList());
    }

    @Test
    void corruptInputFailsNamingTheFileAndPublishesNothing() throws IOException {
        Path bad = tmp.resolve("bad-data");
        Fixture.write(bad);
        Path f = bad.resolve("population.parquet");
        byte[] bytes = Files.readAllBytes(f);
        for (int i = bytes.length - 40; i < bytes.length - 8; i++) {
            bytes[i] = (byte) 0x5a;
        }
        Files.write(f, bytes);
        Path o = tmp.resolve("out-corrupt");
        Result r = run("run", "--data", bad.toString(), "--out", o.toString());
        assertEquals(1, r.status);
        assertTrue(r.err.startsWith("drugstats: error: "), r.err);
        assertTrue(r.err.contains("population.parquet"), r.err);
        assertFalse(Files.exists(o));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".out-corrupt.staging")));
        }
    }

    @Test
    void runKilledMidwayLeavesThePreviousOutputAndARerunIsIdentical() throws Exception {
        Path o = tmp.resolve("out-kill");
        copyTree(out, o);
        String manifest = Files.readString(o.resolve("manifest.json"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx1g"));
        cmd.addAll(List.of(System.getProperty("drugstats.test.jvmflags", "").split("\\s+")));
        cmd.removeIf(String::isBlank);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.drugstats.cli.DrugstatsCli", "run",
                "--data", data.toString(), "--out", o.toString()));
        cmd.add("--verbose");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("killed-run.log").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        try {
            // wait until the run has published its first files into staging, then kill it (SIGKILL)
            long deadline = System.nanoTime() + 120_000_000_000L;
            boolean midway = false;
            while (System.nanoTime() < deadline && p.isAlive() && !midway) {
                try (Stream<Path> s = Files.list(tmp)) {
                    midway = s.filter(x -> x.getFileName().toString().startsWith(".out-kill.staging-"))
                            .anyMatch(x -> Files.isDirectory(x.resolve("quarantine")));
                }
                Thread.sleep(20);
            }
            assertTrue(midway, "the run did not reach the staging step: " + Files.readString(tmp.resolve("killed-run.log")));
            p.destroyForcibly();
            p.waitFor();
        } finally {
            p.destroyForcibly();
        }
        assertEquals(firstRun, checksums(o));
        assertEquals(manifest, Files.readString(o.resolve("manifest.json")));
        // the rerun in another JVM: byte identity must not depend on the process (hash orders, time zones)
        Process again = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("rerun.log").toFile()).start();
        assertEquals(0, again.waitFor(), Files.readString(tmp.resolve("rerun.log")));
        assertEquals(firstRun, checksums(o));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(x -> x.getFileName().toString().startsWith(".out-kill.staging-")));
        }
    }

    @Test
    void runTerminatedMidwayCleansUpAndLeavesThePreviousOutput() throws Exception {
        Path o = tmp.resolve("out-term");
        copyTree(out, o);
        String manifest = Files.readString(o.resolve("manifest.json"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx1g"));
        cmd.addAll(List.of(System.getProperty("drugstats.test.jvmflags", "").split("\\s+")));
        cmd.removeIf(String::isBlank);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.drugstats.cli.DrugstatsCli", "run",
                "--data", data.toString(), "--out", o.toString(), "--verbose"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("terminated-run.log").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        try {
            // wait until the run has written into its staging folder, then stop it as a scheduler would (SIGTERM)
            long deadline = System.nanoTime() + 120_000_000_000L;
            boolean midway = false;
            while (System.nanoTime() < deadline && p.isAlive() && !midway) {
                try (Stream<Path> s = Files.list(tmp)) {
                    midway = s.filter(x -> x.getFileName().toString().startsWith(".out-term.staging-"))
                            .anyMatch(x -> Files.isDirectory(x.resolve("quarantine")));
                }
                Thread.sleep(20);
            }
            assertTrue(midway, "the run did not reach the staging step: "
                    + Files.readString(tmp.resolve("terminated-run.log")));
            p.destroy(); // SIGTERM: the shutdown hooks run
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run did not end on SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(firstRun, checksums(o), "the previous output changed");
        assertEquals(manifest, Files.readString(o.resolve("manifest.json")));
        // nothing of the stopped run is left beside the output: no staging folder, no output set aside
        try (Stream<Path> s = Files.list(tmp)) {
            List<String> left = s.map(x -> x.getFileName().toString())
                    .filter(n -> n.startsWith(".out-term.") && !n.equals(".out-term.lock")).toList();
            assertEquals(List.of(), left, Files.readString(tmp.resolve("terminated-run.log")));
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    @Test
    void corruptPageInsideAnInputFailsTheJobNamingTheFile() throws IOException {
        Path bad = tmp.resolve("bad-pages");
        Fixture.write(bad);
        Path f = bad.resolve("unodc/prevalence.parquet");
        byte[] bytes = Files.readAllBytes(f);
        // the first data page starts after the 4-byte magic; flip bytes inside it, keep the footer intact
        for (int i = 40; i < 80; i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        Files.write(f, bytes);
        Path o = tmp.resolve("out-pages");
        Result r = run("run", "--data", bad.toString(), "--out", o.toString());
        assertEquals(1, r.status);
        assertTrue(r.err.contains("prevalence.parquet"), r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertFalse(Files.exists(o));
    }

    @Test
    void failedRunLeavesThePreviousOutputIntact() throws IOException {
        Path o = tmp.resolve("out-keep");
        copyTree(out, o);
        Map<String, String> before = checksums(o);
        String manifest = Files.readString(o.resolve("manifest.json"));
        Result r = run("run", "--data", tmp.resolve("no-such-dir").toString(), "--out", o.toString());
        assertEquals(1, r.status);
        assertTrue(r.err.contains("no-such-dir"), r.err);
        Path bad = Fixture.write(tmp.resolve("bad-data-2"));
        Files.write(bad.resolve("population.parquet"), new byte[] {1, 2, 3});
        r = run("run", "--data", bad.toString(), "--out", o.toString());
        assertEquals(1, r.status);
        assertTrue(r.err.contains("population.parquet") && r.err.contains("not a readable Parquet file"), r.err);
        assertEquals(before, checksums(o));
        assertEquals(manifest, Files.readString(o.resolve("manifest.json")));
    }

    @Test
    void badConfigFailsBeforeAnyWorkNamingTheKey() throws IOException {
        Path c = tmp.resolve("bad.yaml");
        Files.writeString(c, "trend:\n  max_joinpoint: 2\n");
        Path o = tmp.resolve("out-config");
        Result r = run("run", "--data", data.toString(), "--out", o.toString(), "--config", c.toString());
        assertEquals(1, r.status);
        assertTrue(r.err.contains("unknown key 'trend.max_joinpoint'"), r.err);
        assertFalse(Files.exists(o));
    }

    @Test
    void refusesToReplaceADirectoryThatIsNotADrugstatsOutput() throws IOException {
        Path o = tmp.resolve("someone-elses");
        Files.createDirectories(o);
        Files.writeString(o.resolve("thesis.tex"), "precious");
        Result r = run("run", "--data", data.toString(), "--out", o.toString());
        assertEquals(1, r.status);
        assertTrue(r.err.contains("not a drugstats output"), r.err);
        assertEquals("precious", Files.readString(o.resolve("thesis.tex")));
    }
}
