package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.drugstats.cli.DrugstatsCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The number of Spark jobs and stages of {@code drugstats run} on the fixture, per step, bounded: on small inputs a
 * run's time is its jobs and stages (each planned, compiled, scheduled), so a change that adds work per check, per
 * input or per indicator shows here as a count, not as a timing (issue 18). The bounds are the counts measured
 * when this test was written (in the comment beside each) plus a margin of about 15% for changes of plan that
 * adaptive execution makes; a step that grows beyond it must be looked at (and the bound raised only with a reason,
 * in {@code BENCHMARKS.md}).
 */
class SparkWorkCountTest {

    @TempDir
    Path tmp;

    /**
     * Upper bounds of jobs and stages per step of the fixture run: measured on 2026-12-07 (main 6fb4f88 plus the
     * job groups; local[2], 8 shuffle partitions, AQE on) in the comment, plus about 15%.
     */
    private static final Map<String, SparkWork.Count> BOUNDS = Map.of(
            "validate", new SparkWork.Count(27, 27), // 23 jobs, 23 stages
            "seizure-totals", new SparkWork.Count(5, 5), // 4, 4
            "observations", new SparkWork.Count(4, 4), // 3, 3
            "aggregate", new SparkWork.Count(106, 106), // 92, 92
            "derived", new SparkWork.Count(4, 4), // 3, 3
            "trend", new SparkWork.Count(18, 17), // 15, 14
            "indicators", new SparkWork.Count(107, 107), // 93, 93
            "estimates", new SparkWork.Count(6, 6), // 5, 5
            "youth-estimates", new SparkWork.Count(5, 5), // 4, 4 (the step of issue 12, measured after its merge)
            "tracker", new SparkWork.Count(10, 10)); // 8, 8

    /** The whole run: 246 jobs, 245 stages measured. */
    private static final long TOTAL_JOBS = 283;
    private static final long TOTAL_STAGES = 282;

    @Test
    void theFixtureRunStaysWithinItsJobsAndStages() {
        var spark = SparkTestSession.get();
        Path data = Fixture.write(tmp.resolve("data"));
        try (SparkWork work = SparkWork.attach(spark)) {
            CommandLine cl = DrugstatsCli.commandLine();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(new StringWriter(), true));
            cl.setErr(new PrintWriter(err, true));
            int status = cl.execute("run", "--data", data.toString(), "--out", tmp.resolve("out").toString());
            assertEquals(0, status, err.toString());
            Map<String, SparkWork.Count> counts = work.byStep();
            StringBuilder all = new StringBuilder();
            counts.forEach((k, v) -> all.append(k).append('=').append(v).append(' '));
            assertTrue(counts.containsKey("validate") && counts.get("validate").jobs() > 0,
                    "the pipeline's steps set their job groups: " + all);
            assertEquals(BOUNDS.keySet(), new java.util.TreeSet<>(counts.keySet()).stream()
                    .filter(k -> !k.equals("-")).collect(java.util.stream.Collectors.toSet()),
                    "every step with Spark jobs has a bound: " + all);
            BOUNDS.forEach((step, bound) -> {
                SparkWork.Count c = counts.getOrDefault(step, new SparkWork.Count(0, 0));
                assertTrue(c.jobs() <= bound.jobs() && c.stages() <= bound.stages(),
                        step + ": " + c + " exceeds " + bound + " (all: " + all + ")");
            });
            SparkWork.Count total = work.total();
            assertTrue(total.jobs() <= TOTAL_JOBS && total.stages() <= TOTAL_STAGES,
                    "total " + total + " exceeds jobs " + TOTAL_JOBS + ", stages " + TOTAL_STAGES + " (" + all + ")");
        }
    }
}
