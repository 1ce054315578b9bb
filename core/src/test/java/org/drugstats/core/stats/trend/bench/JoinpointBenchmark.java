package org.drugstats.core.stats.trend.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.drugstats.core.stats.trend.Joinpoint;
import org.drugstats.core.stats.trend.JoinpointResult;
import org.drugstats.core.stats.trend.SelectionMethod;
import org.drugstats.core.stats.trend.TrendSeries;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of joinpoint fits (one operation = one series), single thread: 20-point annual series, up to 4
 * joinpoints, NumObsEnd = NumObsBetween = 2 (537 candidate models per series). The series are 64 simulated log-linear
 * trends with 0–2 random changes of slope and 3% noise, cycled through.
 * {@code permutationNciDefault} keeps NCI's default maximum from the number of points (3 at 20 points).
 *
 * <p>Run (from the repository root):
 * <pre>
 * mvn -B -o -q -pl core test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath org.openjdk.jmh.Main JoinpointBenchmark"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class JoinpointBenchmark {
    private static final int SERIES = 64;

    private TrendSeries[] series;
    private Joinpoint bic;
    private Joinpoint wbic;
    private Joinpoint permutation;
    private Joinpoint permutationNciDefault;
    private UniformRandomProvider rng;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        series = SimulatedSeries.of(SERIES, 2024L);
        Joinpoint base = Joinpoint.withDefaults().withMaxJoinpoints(4);
        bic = base.withSelection(SelectionMethod.BIC);
        wbic = base.withSelection(SelectionMethod.WBIC);
        permutation = base.withSelection(SelectionMethod.PERMUTATION); // 4499 permutations, alpha 0.05
        // NCI's defaults throughout: the maximum from the table by number of points, 3 for these 20-point series
        permutationNciDefault = Joinpoint.withDefaults();
        rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
    }

    private TrendSeries nextSeries() {
        TrendSeries s = series[next];
        next = (next + 1) % SERIES;
        return s;
    }

    @Benchmark
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 3)
    public JoinpointResult bic() {
        return bic.fit(nextSeries());
    }

    @Benchmark
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 3)
    public JoinpointResult wbic() {
        return wbic.fit(nextSeries());
    }

    @Benchmark
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 5, time = 10)
    public JoinpointResult permutation() {
        return permutation.fit(nextSeries(), rng);
    }

    @Benchmark
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 5, time = 10)
    public JoinpointResult permutationNciDefault() {
        return permutationNciDefault.fit(nextSeries(), rng);
    }
}
