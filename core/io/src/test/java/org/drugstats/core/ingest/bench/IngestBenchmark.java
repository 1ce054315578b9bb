package org.drugstats.core.ingest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.drugstats.core.SharedData;
import org.drugstats.core.ingest.Ingest;
import org.drugstats.core.ingest.IngestContext;
import org.drugstats.core.ingest.IngestKind;
import org.drugstats.core.ingest.IngestKinds;
import org.drugstats.core.ingest.IngestResult;
import org.drugstats.core.ingest.OutputFormat;
import org.drugstats.core.ingest.SourceFile;
import org.drugstats.core.ingest.XlsxWorkbook;
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
 * Time to ingest WDR 2025 annex table 1.2 (1.2_prevalence_general_population_national.xlsx, 348 KB, ten sheets,
 * 6,102 value cells, 3,847 blank padding rows), single thread, warm JVM:
 * {@code read} = POI event-API read of every sheet; {@code ingest} = read + shape check + parse + validation +
 * duplicate resolution; {@code ingestAndWrite} = {@code ingest} + Parquet extract, quarantine CSV and report
 * written atomically to a temporary folder.
 *
 * <p>Run (from the repository root):
 * <pre>
 * mvn -B -o -q -pl core test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:exec -Dexec.executable=java \
 *     -Dexec.classpathScope=test -Dexec.args="-cp %classpath org.openjdk.jmh.Main IngestBenchmark"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(1)
public class IngestBenchmark {

    private SourceFile file;
    private IngestKind kind;
    private IngestContext context;
    private Path out;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = SourceFile.of(SharedData.file("unodc-wdr2025/1.2_prevalence_general_population_national.xlsx"));
        kind = IngestKinds.byName("unodc-annex-prevalence");
        context = IngestContext.withDefaults();
        out = Files.createTempDirectory("ingest-bench").resolve("out");
    }

    @Benchmark
    public XlsxWorkbook read() {
        return XlsxWorkbook.read(file, "unodc-annex-prevalence");
    }

    @Benchmark
    public IngestResult ingest() {
        return kind.ingest(file, context);
    }

    @Benchmark
    public Ingest.Outcome ingestAndWrite() {
        return Ingest.run(kind, file.path(), out, OutputFormat.PARQUET, context);
    }
}
