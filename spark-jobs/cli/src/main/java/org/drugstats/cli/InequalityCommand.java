package org.drugstats.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.drugstats.core.stats.inequality.InequalityReport;
import org.drugstats.core.stats.inequality.Ranking;
import org.drugstats.core.stats.inequality.Reading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drugstats inequality}: Gini, Lorenz curve and bottom-share readings of consumption by area. */
@Command(name = "inequality", mixinStandardHelpOptions = true,
        description = "Lorenz curve (areas ranked by per-capita consumption, ascending), Gini and "
                + "'bottom X%% of population -> Y%% of consumption' readings (interpolated). Input CSV columns: "
                + "area,population,consumption. Shares are fractions 0-1.")
public final class InequalityCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "CSV with columns area,population,consumption")
    Path input;

    @Option(names = "--population-share", description = "bottom population share X (0-1); repeatable")
    List<Double> populationShares = new ArrayList<>();

    @Option(names = "--consumption-share", description = "bottom consumption share Y (0-1); repeatable")
    List<Double> consumptionShares = new ArrayList<>();

    @Option(names = "--out", required = true, description = "output JSON file (written atomically)")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        for (double x : populationShares) {
            Usage.require(spec, x > 0 && x < 1, "--population-share must be in (0, 1), got %s", x);
        }
        for (double y : consumptionShares) {
            Usage.require(spec, y > 0 && y < 1, "--consumption-share must be in (0, 1), got %s", y);
        }
        InequalityReport r = Inputs.naming(input, () -> InequalityReport.of(InequalityReport.readCsv(input),
                populationShares, consumptionShares, Ranking.PER_CAPITA_ASCENDING, Reading.INTERPOLATED));
        org.drugstats.core.io.FiniteNumbers.require(r.toJsonTree(), "inequality of " + input);
        AtomicOutput.writeString(out, r.toJson());
        return 0;
    }
}
