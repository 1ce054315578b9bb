package org.drugstats.core.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A program embedding core, run in its own JVM on core's class path (as Maven gives it to a user: compile and
 * runtime dependencies), prints only its own output: no "No SLF4J providers" warnings, nothing on standard error.
 */
class EmbeddedRunIsQuietTest {

    @Test
    void theReadmeExampleWritesNothingToStandardError() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("drugstats.project.root", ".."));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                ReadmeExample.class.getName(), root.resolve("data").toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the example finishes");
        assertEquals(0, p.exitValue(), err);
        assertEquals("", err, "standard error of an embedded run");
    }
}
