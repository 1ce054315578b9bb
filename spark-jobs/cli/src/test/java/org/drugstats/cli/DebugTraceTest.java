package org.drugstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code -Ddrugstats.debug=true} prints the stack trace of every error, drugstats' own ones included. */
class DebugTraceTest {

    private static String[] run(boolean debug, String... args) {
        String saved = System.getProperty("drugstats.debug");
        try {
            if (debug) {
                System.setProperty("drugstats.debug", "true");
            } else {
                System.clearProperty("drugstats.debug");
            }
            CommandLine cl = DrugstatsCli.commandLine();
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err, true));
            int status = cl.execute(args);
            return new String[] {String.valueOf(status), err.toString()};
        } finally {
            if (saved == null) {
                System.clearProperty("drugstats.debug");
            } else {
                System.setProperty("drugstats.debug", saved);
            }
        }
    }

    @Test
    void aDrugstatsErrorIsOneLineAndWithDebugItsTrace(@TempDir Path dir) {
        Path missing = dir.resolve("missing.csv");
        String[] plain = run(false, "aggregate", "--input", missing.toString(), "--out", dir.resolve("o.json")
                .toString());
        assertEquals("1", plain[0]);
        assertEquals(1, plain[1].strip().lines().count(), plain[1]);
        assertTrue(plain[1].startsWith("drugstats: error: "), plain[1]);
        assertFalse(plain[1].contains("\tat "), plain[1]);

        String[] debug = run(true, "aggregate", "--input", missing.toString(), "--out", dir.resolve("o.json")
                .toString());
        assertEquals("1", debug[0]);
        assertEquals(plain[1].lines().findFirst().orElseThrow(), debug[1].lines().findFirst().orElseThrow(),
                "the same one-line message first");
        assertTrue(debug[1].contains("org.drugstats.core.DrugstatsException"), debug[1]);
        assertTrue(debug[1].contains("\tat org.drugstats."), debug[1]);
    }
}
