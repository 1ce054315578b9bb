package org.drugstats.spark;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Console progress of a run, on standard error: quiet for short runs, a line every
 * {@code progress.seconds} for a step that runs longer (step, input rows read so far, tasks done, elapsed),
 * and every step's start and end with {@code --verbose}.
 *
 * <p>With {@code --verbose} each step's end also gives its Spark jobs and stages ({@link SparkWork}).
 *
 * <p>Rows come from a Spark listener that adds up the input records of finished tasks; tasks from Spark's
 * status tracker.
 */
public final class Progress implements AutoCloseable {

    private final PrintStream err;
    private final boolean verbose;
    private final int everySeconds;
    private final SparkSession spark;
    private final ScheduledExecutorService timer;
    private final AtomicLong rowsRead = new AtomicLong();
    private final SparkListener listener;
    private final SparkWork work;
    private volatile String step;
    private volatile long stepStart;
    private ScheduledFuture<?> ticker;

    private Progress(SparkSession spark, PrintStream err, boolean verbose, int everySeconds) {
        this.spark = spark;
        this.err = err;
        this.verbose = verbose;
        this.everySeconds = everySeconds;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drugstats-progress");
            t.setDaemon(true);
            return t;
        });
        this.listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskMetrics() != null) {
                    rowsRead.addAndGet(end.taskMetrics().inputMetrics().recordsRead());
                }
            }
        };
        if (spark != null) {
            spark.sparkContext().addSparkListener(listener);
        }
        this.work = spark != null && verbose ? SparkWork.attach(spark) : null;
    }

    /** Progress on {@code err}; {@code everySeconds} 0 turns the periodic lines off. */
    public static Progress of(SparkSession spark, PrintStream err, boolean verbose, int everySeconds) {
        return new Progress(spark, err, verbose, everySeconds);
    }

    /** Marks the start of a step. */
    public void start(String name) {
        step = name;
        stepStart = System.nanoTime();
        rowsRead.set(0);
        if (verbose) {
            line("%s: started", name);
        }
        if (ticker != null) {
            ticker.cancel(false);
        }
        if (everySeconds > 0) {
            ticker = timer.scheduleAtFixedRate(this::tick, everySeconds, everySeconds, TimeUnit.SECONDS);
        }
    }

    /** Marks the end of the current step; prints it when verbose or when the step was long. */
    public double end(long rowsIn, long rowsOut) {
        double s = (System.nanoTime() - stepStart) / 1e9;
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
        if (work != null) {
            SparkWork.Count c = work.of(step);
            line("%s: done in %.1f s (rows in %,d, out %,d; %d Spark jobs, %d stages)", step, s, rowsIn, rowsOut,
                    c.jobs(), c.stages());
        } else if (verbose || (everySeconds > 0 && s >= everySeconds)) {
            line("%s: done in %.1f s (rows in %,d, out %,d)", step, s, rowsIn, rowsOut);
        }
        return s;
    }

    /** A line that is always printed (warnings, the final summary). */
    public void always(String format, Object... args) {
        line(format, args);
    }

    /** A line printed only with {@code --verbose}. */
    public void detail(String format, Object... args) {
        if (verbose) {
            line(format, args);
        }
    }

    private void tick() {
        double s = (System.nanoTime() - stepStart) / 1e9;
        String tasks = "";
        if (spark != null) {
            int done = 0;
            int total = 0;
            var tracker = spark.sparkContext().statusTracker();
            for (int id : tracker.getActiveStageIds()) {
                scala.Option<SparkStageInfo> info = tracker.getStageInfo(id);
                if (info.isDefined()) {
                    done += info.get().numCompletedTasks();
                    total += info.get().numTasks();
                }
            }
            if (total > 0) {
                tasks = String.format(Locale.ROOT, ", tasks %d/%d", done, total);
            }
        }
        line("%s: running, %.0f s, %,d input rows read%s", step, s, rowsRead.get(), tasks);
    }

    private synchronized void line(String format, Object... args) {
        err.println("drugstats: " + String.format(Locale.ROOT, format, args));
        err.flush();
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.cancel(false);
        }
        timer.shutdownNow();
        if (spark != null) {
            spark.sparkContext().removeSparkListener(listener);
        }
        if (work != null) {
            work.close();
        }
    }
}
