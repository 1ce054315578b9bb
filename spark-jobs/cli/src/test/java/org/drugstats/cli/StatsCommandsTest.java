package org.drugstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StatsCommandsTest {

    private static int run(StringWriter err, String... args) {
        CommandLine cl = DrugstatsCli.commandLine();
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void inequalityWritesTheDocumentedJson(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("c.csv");
        Files.writeString(in, "area,population,consumption\nA,10,50\nB,20,10\nC,30,300\nD,25,0\nE,15,150\n");
        Path out = dir.resolve("out/ineq.json");
        StringWriter err = new StringWriter();
        int code = run(err, "inequality", "--input", in.toString(), "--population-share", "0.5",
                "--consumption-share", "0.2", "--out", out.toString());
        assertEquals(0, code, err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        List<String> names = new ArrayList<>();
        j.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("gini", "lorenz", "consumption_share_of_bottom", "population_share_of_bottom", "ranking",
                "reading"), names);
        // numpy 1.24.2 (core/src/test/reference/inequality_reference.py, toy data)
        assertEquals(0.4794117647058824, j.get("gini").asDouble(), 1e-12);
        assertEquals(0.06862745098039214, j.get("consumption_share_of_bottom").get("0.5").asDouble(), 1e-12);
        assertEquals(0.592, j.get("population_share_of_bottom").get("0.2").asDouble(), 1e-12);
        assertEquals("per-capita ascending", j.get("ranking").asText());
        assertEquals("interpolated", j.get("reading").asText());
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertEquals(List.of(out), s.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aggregateWritesLevelsAndWithheldValues(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("a.csv");
        Files.writeString(in, "area,subregion,region,population,value,lower,upper\n"
                + "A1,Sub A,Region A,100,2.0,1.5,2.5\nA2,Sub A,Region A,300,4.0,3.0,5.0\nA3,Sub A,Region A,200,,,\n"
                + "A4,Sub B,Region A,150,,,\n");
        Path out = dir.resolve("agg.json");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "aggregate", "--input", in.toString(), "--out", out.toString()), err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertEquals(4, j.size());
        // hand computation: Sub A has data for A1 (100) and A2 (300) of 600: value (2*100 + 4*300)/400 = 3.5,
        // bounds (1.5*100 + 3*300)/400 = 2.625 and (2.5*100 + 5*300)/400 = 4.375, coverage 400/600; A3 imputed
        assertLevel(j.get(0), "subregion", "Sub A", 3.5, 2.625, 4.375, 400, 600, 2, 3, List.of("A3"));
        // Sub B has no data (coverage 0 of 150): withheld with the reason
        assertLevel(j.get(1), "subregion", "Sub B", Double.NaN, Double.NaN, Double.NaN, 0, 150, 0, 1, List.of("A4"));
        assertEquals("coverage 0.0000 (population with data / population) is below the minimum 0.5000",
                j.get(1).get("reason").asText());
        // Region A: 3.5 x 600 + 3.5 x 150 (A4 imputed from the region mean 3.5) over 750 = 3.5; coverage 400/750;
        // the world is the one region
        assertLevel(j.get(2), "region", "Region A", 3.5, 2.625, 4.375, 400, 750, 2, 4, List.of("A3", "A4"));
        assertLevel(j.get(3), "world", "World", 3.5, 2.625, 4.375, 400, 750, 2, 4, List.of("A3", "A4"));
        // a minimum coverage of 0.6 withholds the region (coverage 400/750 = 0.533)
        assertEquals(0, run(err, "aggregate", "--input", in.toString(), "--min-coverage", "0.6", "--out",
                out.toString()));
        JsonNode region = new ObjectMapper().readTree(out.toFile()).get(2);
        assertLevel(region, "region", "Region A", Double.NaN, Double.NaN, Double.NaN, 400, 750, 2, 4,
                List.of("A3", "A4"));
        assertEquals("coverage 0.5333 (population with data / population) is below the minimum 0.6000",
                region.get("reason").asText());
    }

    /** One level of the aggregate JSON; a NaN value means withheld (JSON null with a reason). */
    private static void assertLevel(JsonNode n, String level, String name, double value, double lower, double upper,
            double popWithData, double pop, int areasWithData, int areas, List<String> imputed) {
        assertEquals(level, n.get("level").asText(), n.toString());
        assertEquals(name, n.get("name").asText(), n.toString());
        if (Double.isNaN(value)) {
            for (String f : List.of("value", "lower", "upper")) {
                assertTrue(n.get(f).isNull(), f + " withheld: " + n);
            }
        } else {
            assertEquals(value, n.get("value").asDouble(), 1e-12, n.toString());
            assertEquals(lower, n.get("lower").asDouble(), 1e-12, n.toString());
            assertEquals(upper, n.get("upper").asDouble(), 1e-12, n.toString());
            assertTrue(n.get("reason").isNull(), n.toString());
        }
        assertEquals(popWithData / pop, n.get("coverage").asDouble(), 1e-15, n.toString());
        assertEquals(pop, n.get("population").asDouble(), 0.0, n.toString());
        assertEquals(popWithData, n.get("population_with_data").asDouble(), 0.0, n.toString());
        assertEquals(areas, n.get("areas").asInt(), n.toString());
        assertEquals(areasWithData, n.get("areas_with_data").asInt(), n.toString());
        List<String> imp = new ArrayList<>();
        n.get("imputed_areas").forEach(a -> imp.add(a.asText()));
        assertEquals(imputed, imp, n.toString());
    }

    @Test
    void badRowIsOneLineErrorAndExitOne(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "area,subregion,region,population,value\nA,s,r,1x0,2\n");
        StringWriter err = new StringWriter();
        int code = run(err, "aggregate", "--input", in.toString(), "--out", dir.resolve("o.json").toString());
        assertEquals(1, code);
        String msg = err.toString().strip();
        assertEquals("drugstats: error: " + in + ", line 2, column 'population': value '1x0' is not valid; "
                + "expected a finite number", msg);
        assertFalse(Files.exists(dir.resolve("o.json")));
    }
}
