package org.drugstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.drugstats.core.catalog.Catalog;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CatalogCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = DrugstatsCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void defaultIsCsvWithTheExactHeader() {
        assertEquals(0, run("catalog"));
        String[] lines = out.toString().split("\n");
        assertEquals("id,title,value,lower,upper,unit,year,scope,sdg,source_document,source_locator,upstream_source",
                lines[0]);
        assertEquals(Catalog.load().entries().size() + 1, lines.length);
        assertTrue(lines[1].startsWith("people_with_dud.global.2021,\"People with drug use disorders, world\",39500000,,,"),
                lines[1]);
    }

    @Test
    void jsonIsTheArrayOfFullEntries() throws Exception {
        assertEquals(0, run("catalog", "--format", "json"));
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertTrue(root.isArray());
        assertEquals(Catalog.load().entries().size(), root.size());
        assertEquals("people_with_dud.global.2021", root.get(0).get("id").asText());
        assertEquals(6, root.get(0).get("unit_multiplier").intValue());
        assertEquals("WDR 2023", root.get(0).get("edition").asText());
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertEquals(2, run("catalog", "--format", "xml"));
        assertTrue(err.toString().contains("unknown format 'xml'; expected one of [csv, json]"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void helpListsTheFormats() {
        assertEquals(0, run("catalog", "--help"));
        assertTrue(out.toString().contains("Output format: csv, json (default: csv)."), out.toString());
    }
}
