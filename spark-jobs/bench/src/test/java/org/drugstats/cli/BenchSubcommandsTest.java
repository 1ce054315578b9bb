package org.drugstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * With this module on the class path the command line has {@code bench} and {@code generate} (found through the
 * ServiceLoader), listed where they were when every subcommand lived in one module, and their usage errors keep
 * their exit status.
 */
class BenchSubcommandsTest {

    @TempDir
    Path dir;

    @Test
    void benchAndGenerateAreFoundAndListedInTheirPlace() {
        CommandLine cl = DrugstatsCli.commandLine();
        assertEquals(List.of("aggregate", "bench", "catalog", "extract", "generate", "ingest", "inequality", "report",
                "run", "trend", "help"), List.copyOf(cl.getSubcommands().keySet()));
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("generate", "--help"));
        assertTrue(out.toString().startsWith("Usage: drugstats generate"), out.toString());
    }

    @Test
    void aNonPositiveRowCountIsAUsageError() {
        CommandLine cl = DrugstatsCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(2, cl.execute("generate", "--kind", "seizure-events", "--rows", "0", "--seed", "1", "--out",
                dir.resolve("g").toString()));
        assertTrue(err.toString().startsWith("drugstats: usage error: --rows must be positive, got 0"), err.toString());
        assertTrue(Files.notExists(dir.resolve("g")));
    }
}
