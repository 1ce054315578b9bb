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

    /**
     * A writer that keeps creating files in the folder while it is removed (as a Spark task still writing its part
     * file when the shutdown hooks run): one pass of deletion leaves a folder behind; the settled removal repeats
     * until the writer has stopped and the folder stays gone.
     */
    @Test
    void removalAtExitOutlastsAWriterStillWritingIntoTheFolder() throws Exception {
        Path staging = dir.resolve(".out.staging-1");
        Files.createDirectories(staging.resolve("results"));
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        Thread writer = new Thread(() -> {
            long stop = System.nanoTime() + 500_000_000L;
            while (System.nanoTime() < stop) {
                try {
                    Path f = staging.resolve("results").resolve("part-" + written.incrementAndGet());
                    Files.createDirectories(f.getParent());
                    Files.writeString(f, "rows");
                } catch (IOException ignored) {
                    // the folder was being removed: write again
                }
            }
        });
        writer.start();
        Thread.sleep(50);
        assertTrue(ExitCleanup.deleteSettled(staging, java.time.Duration.ofSeconds(10)));
        writer.join();
        assertTrue(written.get() > 1, "the writer wrote while the folder was removed");
        assertTrue(Files.notExists(staging), "the folder came back after the removal");
    }

    /** Nothing to remove: the settled removal says the path is absent. */
    @Test
    void settledRemovalOfAnAbsentPathSaysItIsAbsent() {
        assertTrue(ExitCleanup.deleteSettled(dir.resolve("absent"), java.time.Duration.ofSeconds(1)));
    }
}
