package org.drugstats.core.io;

import java.io.IOException;
import java.nio.file.Path;
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

    /** Deletes {@code path} (a file or a folder tree) if the JVM is terminated before the registration is closed. */
    public static Registration deleteOnSignal(Path path) {
        return onSignal(() -> {
            try {
                PathTrees.delete(path);
            } catch (IOException ignored) {
                // the process is ending; nothing else can be done
            }
        });
    }

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
