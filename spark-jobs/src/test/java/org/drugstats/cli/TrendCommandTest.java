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
}
