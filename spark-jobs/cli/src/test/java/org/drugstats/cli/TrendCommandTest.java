package org.drugstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrendCommandTest {
    @TempDir
    Path dir;

    private static final double[] Y = {50.152, 52.454, 52.353, 55.686, 58.597, 59.344, 65.229, 67.110, 67.975,
        67.304, 65.251, 62.436, 59.222, 58.702, 57.472, 57.055, 60.938, 60.794, 62.060, 63.497};

    private Path input() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("series,x,y");
        for (int i = 0; i < Y.length; i++) {
            lines.add("rate," + (2000 + i) + "," + (i == 4 ? "" : Y[i]));
        }
        Path p = dir.resolve("in.csv");
        Files.write(p, lines);
        return p;
    }

    private int run(StringWriter err, String... args) {
        CommandLine cl = DrugstatsCli.commandLine();
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void joinpointWritesJson() throws Exception {
        Path out = dir.resolve("out.json");
        StringWriter err = new StringWriter();
        int code = run(err, "trend", "--input", input().toString(), "--method", "joinpoint", "--log", "--selection",
                "wbic", "--max-joinpoints", "3", "--out", out.toString());
        assertEquals(0, code, err.toString());
        JsonNode o = new ObjectMapper().readTree(out.toFile()).get(0);
        assertEquals("rate", o.get("series").asText());
        assertEquals(19, o.get("n").asInt());
        assertEquals("wbic", o.get("selection").get("method").asText());
        assertEquals(3, o.get("segments").size());
    }

    @Test
    void mannKendallAndPermutationSeed() throws Exception {
        Path out = dir.resolve("mk.json");
        assertEquals(0, run(new StringWriter(), "trend", "--input", input().toString(), "--method", "mann-kendall",
                "--out", out.toString()));
        assertTrue(new ObjectMapper().readTree(out.toFile()).get(0).has("sen_slope"));
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        for (Path p : List.of(a, b)) {
            assertEquals(0, run(new StringWriter(), "trend", "--input", input().toString(), "--method", "joinpoint",
                    "--log", "--permutations", "199", "--seed", "5", "--out", p.toString()));
        }
        assertEquals(Files.readString(a), Files.readString(b));
    }

    @Test
    void badInputIsOneLineError() throws Exception {
        Path p = dir.resolve("bad.csv");
        Files.write(p, List.of("series,x,y", "a,2001,1", "a,2002,x1"));
        StringWriter err = new StringWriter();
        int code = run(err, "trend", "--input", p.toString(), "--method", "loglinear", "--out",
                dir.resolve("o.json").toString());
        assertEquals(1, code);
        assertEquals("drugstats: error: " + p + " line 3, column y: 'x1' is not a finite number (leave the field"
                + " empty for a missing value)", err.toString().trim());
        StringWriter err2 = new StringWriter();
        // a bad option value is a usage error (status 2)
        assertEquals(2, run(err2, "trend", "--input", p.toString(), "--method", "arima", "--out", "o.json"));
        assertTrue(err2.toString().startsWith("drugstats: usage error: --method: unknown trend method 'arima'"),
                err2.toString());
        assertTrue(Files.notExists(dir.resolve("o.json")));
    }

    private Path jumpInput() throws Exception {
        // the series of core's JumpModelTest (jump_reference.R): a drop of about 7% between 1998 and 1999
        double[] y = {11.744, 12.014, 12.723, 12.329, 13.211, 13.163, 13.492, 13.814, 14.191, 13.172, 13.763,
            14.035, 14.535, 14.312, 14.849, 15.056, 15.503, 14.931, 14.328, 13.836, 13.606, 13.160, 12.606, 12.664,
            12.201};
        double[] se = {0.2178, 0.1494, 0.1769, 0.2139, 0.1612, 0.1417, 0.1471, 0.1612, 0.2587, 0.2680, 0.3404,
            0.3481, 0.2012, 0.3492, 0.2896, 0.2441, 0.2733, 0.2200, 0.2408, 0.2631, 0.3359, 0.1399, 0.2546, 0.2193,
            0.2833};
        List<String> lines = new ArrayList<>();
        lines.add("series,x,y,se");
        for (int i = 0; i < y.length; i++) {
            lines.add("mort," + (1990 + i) + "," + y[i] + "," + se[i]);
        }
        Path p = dir.resolve("jump.csv");
        Files.write(p, lines);
        return p;
    }

    @Test
    void jumpModelWritesTheJumpObject() throws Exception {
        Path out = dir.resolve("jump.json");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "trend", "--input", jumpInput().toString(), "--method", "joinpoint", "--log",
                "--selection", "bic", "--jump-at", "1998.5", "--out", out.toString()), err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toFile()).get(0).get("jump");
        List<String> names = new ArrayList<>();
        j.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("at", "value", "se", "lower", "upper", "t", "p_value", "comparability_ratio", "cr_se",
                "cr_lower", "cr_upper", "cr_p_value"), names);
        // R lm reference (core/src/test/reference/jump_reference.out, "unweighted log at joinpoints 2006")
        assertEquals(-7.55384108488152e-02, j.get("value").asDouble(), 1e-12);
        assertEquals(0.9272441136165023, j.get("comparability_ratio").asDouble(), 1e-12);

        Path cr = dir.resolve("cr.json");
        assertEquals(0, run(err, "trend", "--input", jumpInput().toString(), "--method", "joinpoint", "--log",
                "--weights", "se", "--selection", "bic", "--jump-at", "1998.5", "--comparability-ratio", "0.9677",
                "--cr-variance", "0.00001024", "--out", cr.toString()), err.toString());
        JsonNode c = new ObjectMapper().readTree(cr.toFile()).get(0).get("jump");
        assertEquals(0.9677, c.get("comparability_ratio").asDouble());
        assertEquals(0.961448396169599, c.get("cr_lower").asDouble(), 1e-12); // "CR fields: cr_lower, cr_upper"

        StringWriter bad = new StringWriter();
        assertEquals(1, run(bad, "trend", "--input", jumpInput().toString(), "--method", "joinpoint", "--log",
                "--comparability-ratio", "0.9", "--out", cr.toString()));
        assertTrue(bad.toString().contains("--comparability-ratio needs --jump-at"), bad.toString());
    }

    @Test
    void presetNci5UsesWbicAndEmpiricalIntervals() throws Exception {
        Path out = dir.resolve("nci5.json");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "trend", "--input", input().toString(), "--method", "joinpoint", "--log",
                "--preset", "nci5", "--resamples", "200", "--seed", "3", "--out", out.toString()), err.toString());
        JsonNode o = new ObjectMapper().readTree(out.toFile()).get(0);
        assertEquals("wbic", o.get("selection").get("method").asText());
        // 19 observed years (2004 missing): the 4.9 table's 17-21 -> 3, which the preset keeps
        assertEquals(3, o.get("selection").get("max_joinpoints").asInt());
        assertEquals("empirical", o.get("intervals").get("method").asText());
        assertEquals(200, o.get("intervals").get("resamples").asInt());
        assertTrue(o.get("segments").get(0).has("apc_empirical_lower"));
        assertTrue(o.get("aapc").has("empirical_upper"));
        Path p = dir.resolve("p.json");
        assertEquals(0, run(err, "trend", "--input", input().toString(), "--method", "joinpoint", "--log",
                "--preset", "nci5", "--ci", "parametric", "--out", p.toString()), err.toString());
        assertTrue(!new ObjectMapper().readTree(p.toFile()).get(0).has("intervals"));
    }

    @Test
    void helpSaysWhatThePresetsMaximumIs() {
        StringWriter out = new StringWriter();
        CommandLine cl = DrugstatsCli.commandLine();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("trend", "--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("The maximum number of joinpoints stays the 4.9 table by number of points"), help);
        assertTrue(help.contains("own statement of Joinpoint 5's default maximum was not found"), help);
    }

    @Test
    void compareWritesBothTestsAndModels() throws Exception {
        // series A and B1 of core's SeriesComparisonTest (comparison_reference.R): parallel, not coincident
        double[] b = {39.674, 41.741, 43.995, 45.445, 47.662, 50.466, 52.408, 54.200, 56.446, 54.920, 53.113,
            50.897, 49.165, 47.093, 46.595, 46.961, 47.202, 49.351, 49.954, 52.682};
        List<String> lines = new ArrayList<>();
        lines.add("series,x,y");
        for (int i = 0; i < 20; i++) {
            lines.add("A," + (2000 + i) + "," + Y[i]);
            lines.add("B," + (2000 + i) + "," + b[i]);
        }
        Path in = dir.resolve("two.csv");
        Files.write(in, lines);
        Path out = dir.resolve("cmp.json");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "trend", "--input", in.toString(), "--method", "joinpoint", "--log", "--selection",
                "bic", "--permutations", "499", "--compare", "A,B", "--out", out.toString()), err.toString());
        JsonNode o = new ObjectMapper().readTree(out.toFile()).get(0);
        assertEquals("comparison", o.get("method").asText());
        // "coincidence K=3 ... T" and "parallelism ... T" of comparison_reference.out
        assertEquals(8.53695531438429e+01, o.get("coincidence").get("statistic").asDouble(), 1e-8);
        assertEquals(0.35336445519857285, o.get("parallelism").get("statistic").asDouble(), 1e-10);
        assertEquals(-0.20595310053843519, o.get("parallelism").get("shift").asDouble(), 1e-10);
        assertEquals(3, o.get("coincidence").get("common_model").get("joinpoints").size());
        assertEquals(2, o.get("parallelism").get("separate_models").size());
        StringWriter bad = new StringWriter();
        assertEquals(1, run(bad, "trend", "--input", in.toString(), "--method", "joinpoint", "--log", "--compare",
                "A,C", "--out", out.toString()));
        assertTrue(bad.toString().contains("--compare names series 'C', which is not in the file"), bad.toString());
    }

    @Test
    void autocorrelationOptionAndItsRestrictions() throws Exception {
        Path full = dir.resolve("full.csv");
        List<String> lines = new ArrayList<>();
        lines.add("series,x,y");
        for (int i = 0; i < Y.length; i++) {
            lines.add("rate," + (2000 + i) + "," + Y[i]);
        }
        Files.write(full, lines);
        Path out = dir.resolve("ar.json");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "trend", "--input", full.toString(), "--method", "joinpoint", "--log", "--selection",
                "bic", "--autocorrelation", "0.4", "--out", out.toString()), err.toString());
        JsonNode o = new ObjectMapper().readTree(out.toFile()).get(0);
        assertEquals(0.4, o.get("autocorrelation").get("rho").asDouble());
        // core/src/test/reference/autocorrelation_reference.out, "unweighted, given rho = 0.4": APC of segment 1
        assertEquals(4.12624704722873, o.get("segments").get(0).get("apc").asDouble(), 1e-9);
        StringWriter gap = new StringWriter();
        assertEquals(1, run(gap, "trend", "--input", input().toString(), "--method", "joinpoint", "--log",
                "--selection", "bic", "--autocorrelation", "estimate", "--out", out.toString()));
        assertTrue(gap.toString().contains("equally spaced x with no missing value"), gap.toString());
        StringWriter cmp = new StringWriter();
        assertEquals(1, run(cmp, "trend", "--input", full.toString(), "--method", "joinpoint", "--log",
                "--autocorrelation", "estimate", "--compare", "rate,other", "--out", out.toString()));
        assertTrue(cmp.toString().contains("NCI Joinpoint does not offer autocorrelated errors with the comparison"),
                cmp.toString());
    }
}
