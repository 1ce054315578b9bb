package org.drugstats.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Removes temporary outputs when the JVM is stopped by a termination signal (SIGTERM, SIGINT, SIGHUP run the
 * shutdown hooks; SIGKILL runs nothing): a writer registers its temporary file or folder for the time it exists and
 * closes the registration when the output is committed or removed. One JVM-wide shutdown hook, installed on first
 * use, is the only state — a hook is by nature one per process.
 */
public final class ExitCleanup {

    private static final Map<Long, Runnable> ACTIONS = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT = new AtomicLong();
    private static volatile boolean installed;

    private ExitCleanup() {
    }

    /** A registration: closing it means the temporary output is gone or committed. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Deletes {@code path} (a file or a folder tree) if the JVM is terminated before the registration is closed.
     * Other threads of the ending process may still write into the folder while it is removed (a Spark task writes
     * its part file while Spark's own shutdown hook stops it), so the removal is repeated until the path stays gone,
     * for at most {@link #SETTLE}.
     */
    public static Registration deleteOnSignal(Path path) {
        return onSignal(() -> deleteSettled(path, SETTLE));
    }

    /** How long a removal at exit keeps removing what other threads of the process write after it began. */
    static final Duration SETTLE = Duration.ofSeconds(10);

    /**
     * Removes {@code path} and keeps removing it while something writes into it again, until it has stayed absent
     * for 200 ms or {@code within} has passed.
     *
     * @return whether the path is absent at the end
     */
    static boolean deleteSettled(Path path, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        long absentSince = -1;
        while (true) {
            try {
                PathTrees.delete(path);
            } catch (IOException | java.io.UncheckedIOException e) {
                // a file appeared or vanished during the walk: try again
            }
            long now = System.nanoTime();
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                absentSince = -1;
            } else if (absentSince < 0) {
                absentSince = now;
            } else if (now - absentSince >= STABLE_NANOS) {
                return true;
            }
            if (now >= end) {
                return !Files.exists(path, LinkOption.NOFOLLOW_LINKS);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !Files.exists(path, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    private static final long STABLE_NANOS = 200_000_000L;

    /** Runs {@code action} if the JVM is terminated before the registration is closed. */
    public static Registration onSignal(Runnable action) {
        install();
        long id = NEXT.incrementAndGet();
        ACTIONS.put(id, action);
        return () -> ACTIONS.remove(id);
    }

    private static void install() {
        if (installed) {
            return;
        }
        synchronized (ExitCleanup.class) {
            if (!installed) {
                Runtime.getRuntime().addShutdownHook(new Thread(ExitCleanup::runAll, "drugstats-exit-cleanup"));
                installed = true;
            }
        }
    }

    private static void runAll() {
        for (Long id : ACTIONS.keySet().stream().sorted(java.util.Comparator.reverseOrder()).toList()) {
            Runnable r = ACTIONS.remove(id);
            if (r != null) {
                r.run();
            }
        }
    }
}
