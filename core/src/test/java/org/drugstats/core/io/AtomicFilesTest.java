package org.drugstats.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesCreatesTheDirectoryAndReplaces() throws IOException {
        Path f = dir.resolve("sub/a.json");
        AtomicFiles.writeString(f, "first");
        AtomicFiles.writeString(f, "second \u00e9");
        assertEquals("second \u00e9", Files.readString(f, StandardCharsets.UTF_8));
        try (Stream<Path> s = Files.list(f.getParent())) {
            assertEquals(List.of(f), s.toList(), "no temporary file left");
        }
    }

    @Test
    void aFailedWriteLeavesTheTargetAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("a.csv");
        AtomicFiles.writeString(f, "kept");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("kept", Files.readString(f));
        assertEquals(List.of("a.csv"), names());
        assertThrows(RuntimeException.class, () -> AtomicFiles.write(f, tmp -> {
            throw new IllegalStateException("bug");
        }));
        assertEquals(List.of("a.csv"), names());
    }

    @Test
    void theTemporaryFileIsHiddenBesideTheTarget() throws IOException {
        Path f = dir.resolve("x.parquet");
        try (AtomicFiles.Pending p = AtomicFiles.begin(f)) {
            assertEquals(dir.toAbsolutePath(), p.path().getParent());
            assertTrue(p.path().getFileName().toString().startsWith(".x.parquet."), p.path().toString());
            assertTrue(p.path().getFileName().toString().endsWith(".tmp"), p.path().toString());
            Files.writeString(p.path(), "abc");
            assertEquals(List.of(p.path().getFileName().toString()), names(), "not visible before the commit");
            p.commit();
            assertThrows(IllegalStateException.class, p::commit);
        }
        assertEquals(List.of("x.parquet"), names());
        assertEquals("abc", Files.readString(f));
    }

    @Test
    void threadsWritingDifferentFilesOfOneDirectoryNeverMixThem() throws Exception {
        int threads = 8;
        int rounds = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            fs.add(pool.submit(() -> {
                start.await();
                for (int r = 0; r < rounds; r++) {
                    String body = ("thread " + id + " round " + r + "\n").repeat(200);
                    AtomicFiles.writeString(dir.resolve("f" + id + ".txt"), body);
                    AtomicFiles.writeString(dir.resolve("shared.txt"), body);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        for (int t = 0; t < threads; t++) {
            assertEquals(("thread " + t + " round " + (rounds - 1) + "\n").repeat(200),
                    Files.readString(dir.resolve("f" + t + ".txt")));
        }
        String shared = Files.readString(dir.resolve("shared.txt"));
        String first = shared.lines().findFirst().orElseThrow();
        assertEquals((first + "\n").repeat(200), shared, "the shared file is one writer's whole content");
        assertEquals(threads + 1, names().size(), "no temporary file left: " + names());
    }
}
