package org.drugstats.core.stats.trend.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.drugstats.core.stats.trend.Joinpoint;
import org.drugstats.core.stats.trend.JumpModel;
import org.drugstats.core.stats.trend.TrendSeries;

/**
 * Series per second of <b>thread CPU time</b> (and of wall time beside it) of the permutation test at NCI's defaults (4499 permutations,
 * α = 0.05), without and with a jump at 2009.5, on {@link JoinpointBenchmark}'s workload (64 simulated 20-point
 * series, up to 4 joinpoints). JMH measures wall time, which on a shared machine counts the time the thread waits
 * for a core; CPU time counts only the work (it still includes the cache and SMT effects of the neighbours). The
 * two tests alternate on the same series in blocks, so both see the same machine; the first rounds warm the JIT.
 *
 * <p>Run (repository root, after the classpath step of BENCHMARKS.md):
 * <pre>
 * taskset -c 1 java -cp core/target/test-classes:core/target/classes:$(cat /tmp/cp.txt) \
 *     org.drugstats.core.stats.trend.bench.PermutationCpuTime 6 16
 * </pre>
 * (arguments: rounds, series per block, and optionally the maximum number of joinpoints: a number, default 4, or
 * {@code table} for the default by number of points, which is 3 for these 20-point series, i.e. NCI's default).
 */
public final class PermutationCpuTime {
    private PermutationCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        int block = Integer.parseInt(args[1]);
        TrendSeries[] series = SimulatedSeries.of(64, 2024L);
        Joinpoint plain = args.length < 3 ? Joinpoint.withDefaults().withMaxJoinpoints(4)
                : "table".equals(args[2]) ? Joinpoint.withDefaults().withDefaultMaxJoinpoints()
                : Joinpoint.withDefaults().withMaxJoinpoints(Integer.parseInt(args[2]));
        JumpModel jump = JumpModel.estimated(plain, 2009.5);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int next = 0;
        for (int r = 0; r < rounds; r++) {
            long w0 = System.nanoTime();
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < block; i++) {
                plain.fit(series[(next + i) % series.length], rng);
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            long w1 = System.nanoTime();
            for (int i = 0; i < block; i++) {
                jump.fit(series[(next + i) % series.length], rng);
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            long w2 = System.nanoTime();
            next = (next + block) % series.length;
            System.out.printf(Locale.ROOT, "round %d: permutation %.1f (wall %.1f), jump permutation %.1f (wall %.1f)"
                    + " series per CPU-second (per wall second)%n", r, block / ((t1 - t0) / 1e9),
                    block / ((w1 - w0) / 1e9), block / ((t2 - t1) / 1e9), block / ((w2 - w1) / 1e9));
        }
    }
}
