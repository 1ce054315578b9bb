package org.drugstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every subcommand has help that renders cleanly; errors and usage errors have their exit codes. */
class CliHelpTest {

    @Test
    void everySubcommandRendersItsHelpWithoutWarnings() {
        CommandLine root = DrugstatsCli.commandLine();
        List<String> names = root.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
        assertTrue(names.containsAll(List.of("catalog", "extract", "run", "trend", "aggregate", "inequality")), names.toString());
        PrintStream oldErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String name : names) {
                CommandLine cl = DrugstatsCli.commandLine();
                StringWriter out = new StringWriter();
                cl.setOut(new PrintWriter(out));
                assertEquals(0, cl.execute(name, "--help"), name);
                assertTrue(out.toString().startsWith("Usage: drugstats " + name), out.toString());
            }
        } finally {
            System.setErr(oldErr);
        }
        String err = captured.toString(StandardCharsets.UTF_8);
        assertFalse(err.contains("WARN"), err);
    }

    @Test
    void unknownOptionIsAUsageErrorWithStatusTwo() {
        CommandLine cl = DrugstatsCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("extract", "show", "--bogus"));
        assertTrue(err.toString().startsWith("drugstats: usage error:"), err.toString());
    }

    @Test
    void failureIsOneLineWithStatusOne() {
        CommandLine cl = DrugstatsCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(1, cl.execute("extract", "show", "does-not-exist.parquet"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("drugstats: error: does-not-exist.parquet: no such file"), err.toString());
    }
}
