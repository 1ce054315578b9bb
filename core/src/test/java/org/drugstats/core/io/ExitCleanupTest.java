package org.drugstats.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM stopped by SIGTERM removes the temporary output it registered (the ingest's {@code .DIR.tmp-PID} folder is
 * registered this way): a child JVM creates a temporary folder, registers it and waits; the test sends SIGTERM
 * ({@link Process#destroy()} on Linux) and checks that the folder is gone.
 */
class ExitCleanupTest {

    @TempDir
    Path dir;

    /** The child: creates args[0]/.out.tmp-PID with a file in it, registers it, says "ready" and sleeps. */
    public static void main(String[] args) throws Exception {
        Path tmp = Path.of(args[0]).resolve(".out.tmp-" + ProcessHandle.current().pid());
        Files.createDirectories(tmp);
        Files.writeString(tmp.resolve("extract.parquet"), "partial");
        ExitCleanup.deleteOnSignal(tmp);
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(60_000);
    }

    @Test
    void sigtermRemovesTheRegisteredTemporaryFolder() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ExitCleanupTest.class.getName(), dir.toString()).redirectErrorStream(true).start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
        assertEquals("ready", line);
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "the child's temporary folder exists before the signal");
        }
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the child did not end after SIGTERM");
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "a temporary folder is left after SIGTERM");
        }
    }
}
