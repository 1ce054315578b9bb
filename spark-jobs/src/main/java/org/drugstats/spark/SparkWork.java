package org.drugstats.spark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;

/**
 * Counts the Spark work of a run per pipeline step: jobs started and stages run (stages skipped because their
 * shuffle output already existed are not counted), attributed to a step by the job group the {@link Pipeline}
 * sets at the start of each step ({@link #GROUP_PREFIX} + step name). Jobs outside any step group are counted
 * under {@code "-"}.
 *
 * <p>For small inputs the cost of a Spark run is the number of jobs and stages (each is planned, compiled,
 * scheduled and run as tasks), not the rows; this is the count that {@code BENCHMARKS.md} reports and a test bounds.
 */
public final class SparkWork implements AutoCloseable {

    /** Prefix of the job group id of a pipeline step. */
    public static final String GROUP_PREFIX = "drugstats:";

    /** Jobs and stages of one step. */
    public record Count(long jobs, long stages) {
        Count plus(Count o) {
            return new Count(jobs + o.jobs, stages + o.stages);
        }
    }

    private final SparkSession spark;
    private final Map<Integer, String> stageGroup = new ConcurrentHashMap<>();
    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    private final Map<String, Integer> firstSeen = new ConcurrentHashMap<>();
    private final SparkListener listener;

    private SparkWork(SparkSession spark) {
        this.spark = spark;
        this.listener = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                String g = group(start.properties() == null ? null
                        : start.properties().getProperty("spark.jobGroup.id"));
                add(g, new Count(1, 0));
                scala.collection.Iterator<StageInfo> it = start.stageInfos().iterator();
                while (it.hasNext()) {
                    stageGroup.putIfAbsent(it.next().stageId(), g);
                }
            }

            @Override
            public void onStageCompleted(SparkListenerStageCompleted done) {
                add(stageGroup.getOrDefault(done.stageInfo().stageId(), "-"), new Count(0, 1));
            }
        };
        spark.sparkContext().addSparkListener(listener);
    }

    /** Starts counting the jobs and stages of this session. */
    public static SparkWork attach(SparkSession spark) {
        return new SparkWork(spark);
    }

    private static String group(String id) {
        return id != null && id.startsWith(GROUP_PREFIX) ? id.substring(GROUP_PREFIX.length()) : "-";
    }

    private void add(String step, Count c) {
        firstSeen.putIfAbsent(step, firstSeen.size());
        counts.merge(step, c, Count::plus);
    }

    /** Waits until the listener has seen every event posted so far (events reach listeners asynchronously). */
    public void drain() {
        try {
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Spark's listener bus did not drain", e);
        }
    }

    /** Counts so far by step, in the order the steps were first seen. */
    public Map<String, Count> byStep() {
        drain();
        Map<String, Count> m = new LinkedHashMap<>();
        firstSeen.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> m.put(e.getKey(), counts.get(e.getKey())));
        return Collections.unmodifiableMap(m);
    }

    /** Counts of one step so far (zero when it ran no Spark job). */
    public Count of(String step) {
        drain();
        return counts.getOrDefault(step, new Count(0, 0));
    }

    /** The sum over all steps. */
    public Count total() {
        return byStep().values().stream().reduce(new Count(0, 0), Count::plus);
    }

    @Override
    public void close() {
        spark.sparkContext().removeSparkListener(listener);
    }
}
