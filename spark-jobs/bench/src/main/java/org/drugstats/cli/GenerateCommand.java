package org.drugstats.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.spark.InputFiles;
import org.drugstats.spark.generate.Generated;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drugstats generate}: synthetic data at scale, labelled synthetic, never inside data/. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate synthetic data for runs and benchmarks at scale, streamed in part files (constant memory, deterministic for a seed).",
            "seizure-events: individual seizure records whose country x drug x year totals are exactly the annex 7.1 totals (heavy-tailed sizes).",
            "country-panel: countries x indicators x years of a prevalence-like percentage with 0-2 joinpoints per series, for trend fitting."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "seizure-events or country-panel.")
    String kind;

    @Option(names = "--rows", required = true, paramLabel = "N", description = "Number of rows (up to 10^9 and more).")
    long rows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (must not exist; never inside data/).")
    Path out;

    @Option(names = "--totals", paramLabel = "PATH",
            description = "seizure-events: extract (or directory of extracts) with the seizures_quantity totals to follow (default: the embedded data/).")
    Path totals;

    @Option(names = "--countries-from", paramLabel = "PATH",
            description = "country-panel: directory of extracts whose countries the panel uses (default: the embedded data/).")
    Path countriesFrom;

    @Option(names = "--years", paramLabel = "Y", defaultValue = "20", description = "country-panel: years per series (default: ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--rows-per-file", paramLabel = "M", defaultValue = "5000000",
            description = "Rows per part file (default: ${DEFAULT-VALUE}).")
    long rowsPerFile;

    @Option(names = "--threads", paramLabel = "T", description = "Writer threads (default: the number of processors).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Generated.Kind k = Usage.option(spec, "--kind", () -> Generated.Kind.ofCode(kind));
        Usage.require(spec, rows > 0, "--rows must be positive, got %d", rows);
        Usage.require(spec, threads == null || threads > 0, "--threads must be positive, got %s", threads);
        Path embedded = Home.path("data");
        Generated.refuseInside(out, embedded);
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        long start = System.nanoTime();
        Generated.Description d = switch (k) {
            case SEIZURE_EVENTS -> Generated.seizureEvents(totals == null ? embedded : totals, rows, seed, out,
                    rowsPerFile, t);
            case COUNTRY_PANEL -> Generated.countryPanel(countries(countriesFrom == null ? embedded : countriesFrom),
                    rows, years, seed, out, rowsPerFile, t);
        };
        spec.commandLine().getOut().printf(java.util.Locale.ROOT, "generated %,d %s rows (synthetic) in %d files into %s in %.1f s%n",
                d.rows(), d.kind(), d.files(), out, (System.nanoTime() - start) / 1e9);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The countries (ISO3) with accepted observations in the (published) extracts under {@code dir}, sorted. */
    static List<String> countries(Path dir) {
        TreeSet<String> iso3 = new TreeSet<>();
        for (InputFiles.Input in : InputFiles.discover(dir)) {
            if (in.kind() != InputFiles.Kind.EXTRACT || in.synthetic()) {
                continue;
            }
            for (Observation o : ParquetExtracts.readValidated(in.path()).result().accepted()) {
                if (o.refArea().matches("[A-Z]{3}") && !o.refArea().equals("WLD")
                        && !o.hasFlag(QualityFlag.PUBLISHED_AGGREGATE) && !o.hasFlag(QualityFlag.RESIDUAL_AREA)) {
                    iso3.add(o.refArea());
                }
            }
        }
        if (iso3.isEmpty()) {
            throw DrugstatsException.of("generate: no country observations under %s to build a panel on (--countries-from)", dir);
        }
        return new ArrayList<>(iso3);
    }
}
