package org.drugstats.spark.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.drugstats.core.DrugstatsException;

/** Runs the generators' independent tasks (one per file, one per cell) on a fixed pool and waits for all. */
final class Parallel {

    private Parallel() {
    }

    /**
     * Runs every task on {@code threads} threads (at least one) and returns when all have ended; the first failure
     * (in task order) is rethrown as it was thrown when it is unchecked, and the pool is stopped.
     */
    static void run(int threads, List<Runnable> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (Runnable t : tasks) {
                fs.add(pool.submit(t));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DrugstatsException.of(e, "generate: interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
