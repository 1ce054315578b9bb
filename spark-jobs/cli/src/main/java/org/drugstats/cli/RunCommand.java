package org.drugstats.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.drugstats.spark.Pipeline;
import org.drugstats.spark.Progress;
import org.drugstats.spark.RunConfig;
import org.drugstats.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code drugstats run}: the batch pipeline (validate, aggregate, trends, indicators, publish) on the embedded
 * data or another data directory, locally or on a cluster. This command builds the SparkSession and hands it to
 * {@link Pipeline}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the batch pipeline: validate every extract (quarantining bad rows), aggregate to regions and the world, fit trends, derive indicators, and publish Parquet results and manifest.json atomically into OUT.",
            "Configuration keys and defaults: drugstats run --print-config."})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory of Parquet extracts (default: the embedded data/ of the installation).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory, replaced atomically (default: out/).")
    Path out;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (.yaml, .yml or .json).")
    Path configFile;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: what spark-submit set, else local[*]).")
    String master;

    @Option(names = "--verbose", description = "Print every step and more log output (drugstats at INFO).")
    boolean verbose;

    @Option(names = "--print-config", description = "Print the effective configuration (with each key's meaning) and exit.")
    boolean printConfig;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunConfig config = configFile == null ? RunConfig.defaults() : RunConfig.load(configFile);
        if (printConfig) {
            spec.commandLine().getOut().print(config.toYaml());
            spec.commandLine().getOut().flush();
            return 0;
        }
        Path dataDir = data != null ? data : Home.path("data");
        Path outDir = out != null ? out : Path.of("out");
        // Checked before Spark starts: a missing data directory fails in a second, not after the session is up.
        if (!java.nio.file.Files.isDirectory(dataDir)) {
            throw org.drugstats.core.DrugstatsException.of(
                    "%s: no such directory; expected a directory of Parquet extracts (--data)", dataDir);
        }
        if (verbose) {
            Configurator.setLevel("org.drugstats", Level.INFO);
        }
        try (SparkSessions.Handle h = SparkSessions.create(config, master, "drugstats run");
                Progress progress = Progress.of(h.session(), System.err, verbose, config.progressSeconds())) {
            Pipeline.run(h.session(), config, new Pipeline.Options(dataDir, outDir, configFile, master), progress);
        }
        return 0;
    }
}
