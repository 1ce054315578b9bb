package org.drugstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Without the bench module on the class path (the production run's class path), the command line has every other
 * subcommand, and {@code bench} is an unknown subcommand (status 2), not a failure to load DuckDB.
 */
class SubcommandsTest {

    @Test
    void theProductionCommandLineHasNoBenchNorGenerate() {
        CommandLine cl = DrugstatsCli.commandLine();
        assertEquals(List.of("aggregate", "catalog", "extract", "ingest", "inequality", "report", "run", "trend",
                "help"), List.copyOf(cl.getSubcommands().keySet()));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(2, cl.execute("bench", "--rows", "10"));
        assertTrue(err.toString().startsWith("drugstats: usage error: Unmatched arguments from index 0: 'bench'"), err.toString());
    }
}
