package org.drugstats.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.drugstats.core.stats.aggregate.AggregateReport;
import org.drugstats.core.stats.aggregate.AggregationRule;
import org.drugstats.core.stats.aggregate.AggregationState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drugstats aggregate}: population-weighted subregion, region and world aggregates of area rates. */
@Command(name = "aggregate", mixinStandardHelpOptions = true,
        description = "Population-weighted aggregates (subregion, region, world) of area rates; areas without "
                + "data imputed from their subregion (else region, else world) average; an aggregate whose "
                + "coverage is below the minimum has value null and a reason. Input CSV columns: "
                + "area,subregion,region,population,value[,lower,upper] (empty value = no data).")
public final class AggregateCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "CSV with area,subregion,region,population,value[,lower,upper]")
    Path input;

    @Option(names = "--min-coverage", description = "minimum population coverage, 0-1 (default: ${DEFAULT-VALUE})",
            defaultValue = "" + AggregationRule.DEFAULT_MINIMUM_COVERAGE)
    double minCoverage;

    @Option(names = "--out", required = true, description = "output JSON file (written atomically)")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AggregationRule rule = Usage.option(spec, "--min-coverage",
                () -> AggregationRule.withDefaults().withMinimumCoverage(minCoverage));
        var aggregates = Inputs.naming(input, () -> AggregationState.of(AggregateReport.readCsv(input)).finish(rule));
        org.drugstats.core.io.FiniteNumbers.require(AggregateReport.toJsonTree(aggregates), "aggregate of " + input);
        AtomicOutput.writeString(out, AggregateReport.toJson(aggregates));
        return 0;
    }
}
