package org.drugstats.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.trend.Joinpoint;
import org.drugstats.core.stats.trend.MannKendall;
import org.drugstats.core.stats.trend.Scale;
import org.drugstats.core.stats.trend.SelectionMethod;
import org.drugstats.core.stats.trend.TrendBatch;
import org.drugstats.core.stats.trend.TrendCsv;
import org.drugstats.core.stats.trend.TrendJson;
import org.drugstats.core.stats.trend.TrendSeries;
import org.drugstats.core.stats.trend.Weighting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code drugstats trend}: trend statistics for every series of a CSV file ({@code series,x,y[,se]}), written as a
 * JSON array (see {@link TrendJson} for the fields). Only wires options to
 * {@link org.drugstats.core.stats.trend.TrendBatch}.
 */
@Command(name = "trend", mixinStandardHelpOptions = true,
        description = {"Joinpoint regression (NCI method), log-linear APC or Mann-Kendall/Sen trend per series.",
            "Input CSV columns: series,x,y and optionally se; an empty y is a missing observation.",
            "On the linear scale (joinpoint without --log) the apc fields hold the annual change (slope) and aapc the"
                    + " average annual change."})
public final class TrendCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "CSV", description = "Input CSV file.")
    Path input;

    @Option(names = "--method", required = true, paramLabel = "METHOD",
            description = "joinpoint, loglinear or mann-kendall.")
    String method;

    @Option(names = "--log", description = "Joinpoint on ln(y) (APCs); loglinear always uses ln(y).")
    boolean log;

    @Option(names = "--weights", defaultValue = "none", paramLabel = "W",
            description = "none, se (y^2/se^2 on the log scale, 1/se^2 linear) or poisson (default: ${DEFAULT-VALUE}).")
    String weights;

    @Option(names = "--selection", defaultValue = "permutation", paramLabel = "S",
            description = "permutation, bic, bic3 or wbic (default: ${DEFAULT-VALUE}).")
    String selection;

    @Option(names = "--max-joinpoints", paramLabel = "K",
            description = "Maximum number of joinpoints (default: NCI table by number of points).")
    Integer maxJoinpoints;

    @Option(names = "--permutations", defaultValue = "4499", paramLabel = "N",
            description = "Permutations per test (default: ${DEFAULT-VALUE}).")
    int permutations;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "Seed of the permutation test; a series' result depends only on the seed and its data"
                    + " (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "A",
            description = "Significance level of the permutation procedure; intervals are (1 - A) (default:"
                    + " ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--period", paramLabel = "P", description = "Seasonal Mann-Kendall with period P (integer x).")
    Integer period;

    @Option(names = "--out", required = true, paramLabel = "FILE.json", description = "Output JSON file.")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TrendBatch.Method m = Usage.option(spec, "--method", () -> TrendBatch.Method.parse(method));
        Joinpoint jp = Usage.option(spec, "trend options", () -> {
            Joinpoint j = Joinpoint.withDefaults().withScale(log ? Scale.LOG : Scale.LINEAR)
                    .withWeighting(weighting(weights)).withSelection(selectionMethod(selection))
                    .withPermutations(permutations).withAlpha(alpha).withConfidenceLevel(1 - alpha);
            return maxJoinpoints == null ? j : j.withMaxJoinpoints(maxJoinpoints);
        });
        Usage.require(spec, period == null || m == TrendBatch.Method.MANN_KENDALL,
                "--period applies to --method mann-kendall only");
        MannKendall mk = Usage.option(spec, "--period/--alpha", () -> {
            MannKendall k = MannKendall.withDefaults().withAlpha(alpha);
            return period == null ? k : k.withPeriod(period);
        });
        List<TrendSeries> series = Inputs.naming(input, () -> TrendCsv.read(input));
        var results = Inputs.naming(input, () -> TrendBatch.of(m, jp, mk, seed).run(series));
        org.drugstats.core.io.FiniteNumbers.require(results, "trend of " + input);
        TrendJson.write(out, results);
        return 0;
    }

    private static Weighting weighting(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "none" -> Weighting.NONE;
            case "se" -> Weighting.STANDARD_ERROR;
            case "poisson" -> Weighting.POISSON;
            default -> throw DrugstatsException.of("unknown --weights '%s', expected none, se or poisson", s);
        };
    }

    private static SelectionMethod selectionMethod(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "permutation" -> SelectionMethod.PERMUTATION;
            case "bic" -> SelectionMethod.BIC;
            case "bic3" -> SelectionMethod.BIC3;
            case "wbic" -> SelectionMethod.WBIC;
            default -> throw DrugstatsException.of("unknown --selection '%s', expected permutation, bic, bic3 or wbic",
                    s);
        };
    }
}
