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
     * Upper bounds of jobs and stages per step of the fixture run: measured on 2026-12-07 after the plans were cut
     * at the step boundaries and a small run computes in one partition (local[2], AQE on) in the comment, plus about
     * 15%. The cuts of the observations and of the analysis inputs count in seizure-totals and observations (a
     * checkpoint is three jobs). Before (main 6fb4f88 plus the job groups): validate 23, seizure-totals 4,
     * observations 3, aggregate 92, derived 3, trend 15, indicators 93, estimates 5, youth-estimates 4, tracker 8;
     * 246 jobs, 245 stages in all. The aggregate step as one keyed pass (groupByKey + flatMapGroups, population and
     * membership collected on the driver) went from 61 jobs, 61 stages to 10, 10; its bound from 70 to 12.
     * The indicators step computed in one group-by of plain Java (IndicatorGroups,
     * 2026-12-07, BENCHMARKS.md): 30 jobs, 30 stages before, 11 and 11 after; its bound lowered from 35 to 13.
     * The bounds below were set again after the fifth session's merge (same day): the measured counts in the comment
     * beside each (printed by this test), plus about 15% and at least one.
     */
    private static final Map<String, SparkWork.Count> BOUNDS = Map.of(
            "validate", new SparkWork.Count(19, 19), // 16, 16 (22, 22 before the extracts were read into one partition)
            "seizure-totals", new SparkWork.Count(12, 12), // 10, 10 (9, 9 when the observations were cached first)
            "observations", new SparkWork.Count(8, 8), // 7, 7 (8, 8 before results were coalesced into one file)
            "aggregate", new SparkWork.Count(11, 11), // 9, 9 (61, 61 before the one keyed pass of s18g)
            "derived", new SparkWork.Count(6, 4), // 5, 3
            "trend", new SparkWork.Count(14, 14), // 12, 12 (16, 16 before the series stayed in one partition)
            "indicators", new SparkWork.Count(12, 12), // 10, 10 (30, 30 before IndicatorGroups)
            "estimates", new SparkWork.Count(7, 7), // 6, 6
            "youth-estimates", new SparkWork.Count(4, 4), // 3, 3
            "tracker", new SparkWork.Count(7, 7)); // 6, 6

    /** The whole run: 84 jobs, 82 stages measured (168, 166 when the bounds were first set). */
    private static final long TOTAL_JOBS = 97;
    private static final long TOTAL_STAGES = 95;

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
            // the measured counts, for the comments beside the bounds when a change lowers them
            System.out.println("SparkWorkCountTest counts: " + all + "total=" + work.total());
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
