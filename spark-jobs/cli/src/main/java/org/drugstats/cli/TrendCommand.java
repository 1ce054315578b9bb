package org.drugstats.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.trend.ComparisonJson;
import org.drugstats.core.stats.trend.Joinpoint;
import org.drugstats.core.stats.trend.JoinpointAnalysis;
import org.drugstats.core.stats.trend.MannKendall;
import org.drugstats.core.stats.trend.Scale;
import org.drugstats.core.stats.trend.SelectionMethod;
import org.drugstats.core.stats.trend.SeriesComparison;
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

    @Option(names = "--selection", paramLabel = "S",
            description = "permutation, bic, bic3 or wbic (default: permutation; wbic with --preset nci5).")
    String selection;

    @Option(names = "--preset", paramLabel = "P",
            description = "nci5: NCI Joinpoint 5 defaults (WBIC selection, empirical-quantile intervals); options"
                    + " given explicitly override the preset. The maximum number of joinpoints stays the 4.9 table"
                    + " by number of points (0-6 -> 0, 7-11 -> 1, ..., 27+ -> 5; --max-joinpoints to change): NCI's"
                    + " own statement of Joinpoint 5's default maximum was not found (README).")
    String preset;

    @Option(names = "--jump-at", paramLabel = "X",
            description = "Jump model: a discontinuity between two observed x (e.g. 1998.5), estimated with the"
                    + " joinpoints; output field 'jump'.")
    Double jumpAt;

    @Option(names = "--comparability-ratio", paramLabel = "R",
            description = "Comparability-ratio model: y before --jump-at are multiplied by R (new/old coding)"
                    + " instead of estimating the jump.")
    Double comparabilityRatio;

    @Option(names = "--cr-variance", paramLabel = "V",
            description = "Variance of the comparability ratio (with --weights se; default 0).")
    Double crVariance;

    @Option(names = "--ci", paramLabel = "M",
            description = "parametric or empirical (adds empirical-quantile APC/AAPC intervals by resampling"
                    + " residuals; default: parametric; empirical with --preset nci5).")
    String ci;

    @Option(names = "--autocorrelation", paramLabel = "estimate|R",
            description = "AR(1) errors: 'estimate' (iterated from the residuals) or a lag-1 autocorrelation R in"
                    + " (-1, 1); needs equally spaced x without gaps; not with --compare (as in NCI Joinpoint).")
    String autocorrelation;

    @Option(names = "--compare", paramLabel = "A,B",
            description = "Compare two series of the input (--method joinpoint): tests of coincidence and parallelism"
                    + " by permutation (Kim et al. 2004); writes one comparison object instead of per-series fits.")
    String compare;

    @Option(names = "--resamples", defaultValue = "1000", paramLabel = "N",
            description = "Resampled data sets per series for --ci empirical (default: ${DEFAULT-VALUE}).")
    int resamples;

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
        boolean nci5 = false;
        if (preset != null) {
            if (!"nci5".equals(preset.toLowerCase(Locale.ROOT))) {
                throw DrugstatsException.of("unknown --preset '%s', expected nci5", preset);
            }
            nci5 = true;
        }
        String sel = selection != null ? selection : nci5 ? "wbic" : "permutation";
        String interval = ci != null ? ci : nci5 ? "empirical" : "parametric";
        Joinpoint jp = Usage.option(spec, "trend options", () -> {
            Joinpoint j = Joinpoint.withDefaults().withScale(log ? Scale.LOG : Scale.LINEAR)
                    .withWeighting(weighting(weights)).withSelection(selectionMethod(sel))
                    .withPermutations(permutations).withAlpha(alpha).withConfidenceLevel(1 - alpha);
            return maxJoinpoints == null ? j : j.withMaxJoinpoints(maxJoinpoints);
        });
        Usage.require(spec, period == null || m == TrendBatch.Method.MANN_KENDALL,
                "--period applies to --method mann-kendall only");
        MannKendall mk = Usage.option(spec, "--period/--alpha", () -> {
            MannKendall k = MannKendall.withDefaults().withAlpha(alpha);
            return period == null ? k : k.withPeriod(period);
        });
        JoinpointAnalysis analysis = JoinpointAnalysis.of(jp)
                .withIntervals(JoinpointAnalysis.IntervalMethod.parse(interval), resamples);
        if (comparabilityRatio != null || crVariance != null) {
            if (jumpAt == null || comparabilityRatio == null) {
                throw DrugstatsException.of("--comparability-ratio needs --jump-at, and --cr-variance needs"
                        + " --comparability-ratio");
            }
            analysis = analysis.withComparabilityRatio(jumpAt, comparabilityRatio,
                    crVariance == null ? 0 : crVariance);
        } else if (jumpAt != null) {
            analysis = analysis.withJumpAt(jumpAt);
        }
        if (autocorrelation != null) {
            if ("estimate".equals(autocorrelation.toLowerCase(Locale.ROOT))) {
                analysis = analysis.withEstimatedAutocorrelation();
            } else {
                double r;
                try {
                    r = Double.parseDouble(autocorrelation);
                } catch (NumberFormatException e) {
                    throw DrugstatsException.of(e, "--autocorrelation expects 'estimate' or a number in (-1, 1), got"
                            + " '%s'", autocorrelation);
                }
                analysis = analysis.withAutocorrelation(r);
            }
        }
        if (m == TrendBatch.Method.MANN_KENDALL && !analysis.isPlain()) {
            throw DrugstatsException.of("--jump-at, --comparability-ratio, --autocorrelation and --ci empirical"
                    + " apply to joinpoint and loglinear, not mann-kendall");
        }
        List<TrendSeries> series = Inputs.naming(input, () -> TrendCsv.read(input));
        if (compare != null) {
            if (m != TrendBatch.Method.JOINPOINT || !analysis.isPlain()) {
                throw DrugstatsException.of("--compare needs --method joinpoint and cannot be combined with"
                        + " --jump-at, --comparability-ratio, --autocorrelation (NCI Joinpoint does not offer"
                        + " autocorrelated errors with the comparison tests) or --ci empirical");
            }
            String[] names = compare.split(",", -1);
            if (names.length != 2 || names[0].isEmpty() || names[1].isEmpty()) {
                throw DrugstatsException.of("--compare expects two series names separated by a comma, got '%s'",
                        compare);
            }
            TrendSeries a = find(series, names[0]);
            TrendSeries b = find(series, names[1]);
            SeriesComparison.Result r = SeriesComparison.of(jp).compare(a, b, TrendBatch.randomFor(seed, compare));
            TrendJson.write(out, List.of(ComparisonJson.of(r, seed)));
            return 0;
        }
        JoinpointAnalysis a = analysis;
        var results = Inputs.naming(input, () -> TrendBatch.of(m, a, mk, seed).run(series));
        org.drugstats.core.io.FiniteNumbers.require(results, "trend of " + input);
        TrendJson.write(out, results);
        return 0;
    }

    private TrendSeries find(List<TrendSeries> series, String name) {
        for (TrendSeries s : series) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw DrugstatsException.of("%s: --compare names series '%s', which is not in the file", input, name);
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
