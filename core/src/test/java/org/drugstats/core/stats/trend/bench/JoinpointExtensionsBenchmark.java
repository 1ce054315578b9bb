package org.drugstats.core.stats.trend.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.drugstats.core.stats.trend.Joinpoint;
import org.drugstats.core.stats.trend.JoinpointAnalysis;
import org.drugstats.core.stats.trend.JoinpointResult;
import org.drugstats.core.stats.trend.JumpModel;
import org.drugstats.core.stats.trend.SelectionMethod;
import org.drugstats.core.stats.trend.SeriesComparison;
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
 * Throughput of the NCI Joinpoint 5 options (one operation = one series; one pair for the comparison), single
 * thread, on {@link JoinpointBenchmark}'s workload (64 simulated 20-point series, up to 4 joinpoints,
 * NumObsEnd = NumObsBetween = 2):
 * <ul>
 *   <li>{@code jumpBic}, {@code jumpPermutation}: jump model at 2009.5 with BIC, and with the permutation test at
 *       NCI's defaults (4499 permutations, α = 0.05);
 *   <li>{@code comparison}: coincidence and parallelism tests of series i and i+1 (BIC selection of K, 4499
 *       permutations per test, NCI's default);
 *   <li>{@code autocorrelationEstimate}: BIC with the AR(1) ρ estimated (iterated fits);
 *   <li>{@code empirical}: WBIC plus empirical-quantile intervals, 1000 resamples (= {@code --preset nci5}).
 * </ul>
 *
 * <p>Run: as {@link JoinpointBenchmark}, with {@code JoinpointExtensionsBenchmark} as the pattern.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Threads(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 6)
public class JoinpointExtensionsBenchmark {
    private static final int SERIES = 64;

    private TrendSeries[] series;
    private JumpModel jumpBic;
    private JumpModel jumpPermutation;
    private SeriesComparison comparison;
    private JoinpointAnalysis autocorrelation;
    private JoinpointAnalysis empirical;
    private UniformRandomProvider rng;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        series = SimulatedSeries.of(SERIES, 2024L);
        Joinpoint base = Joinpoint.withDefaults().withMaxJoinpoints(4);
        jumpBic = JumpModel.estimated(base.withSelection(SelectionMethod.BIC), 2009.5);
        jumpPermutation = JumpModel.estimated(base, 2009.5);
        comparison = SeriesComparison.of(base.withSelection(SelectionMethod.BIC));
        autocorrelation = JoinpointAnalysis.of(base.withSelection(SelectionMethod.BIC)).withEstimatedAutocorrelation();
        empirical = JoinpointAnalysis.of(base.withSelection(SelectionMethod.WBIC))
                .withIntervals(JoinpointAnalysis.IntervalMethod.EMPIRICAL, 1000);
        rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
    }

    private TrendSeries nextSeries() {
        TrendSeries s = series[next];
        next = (next + 1) % SERIES;
        return s;
    }

    @Benchmark
    public JoinpointResult jumpBic() {
        return jumpBic.fit(nextSeries(), null);
    }

    @Benchmark
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 10)
    public JoinpointResult jumpPermutation() {
        return jumpPermutation.fit(nextSeries(), rng);
    }

    @Benchmark
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 10)
    public SeriesComparison.Result comparison() {
        return comparison.compare(nextSeries(), series[next], rng);
    }

    @Benchmark
    public JoinpointResult autocorrelationEstimate() {
        return autocorrelation.fit(nextSeries(), 7L);
    }

    @Benchmark
    public JoinpointResult empirical() {
        return empirical.fit(nextSeries(), 7L);
    }
}
