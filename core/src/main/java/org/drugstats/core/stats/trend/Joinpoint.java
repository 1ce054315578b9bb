package org.drugstats.core.stats.trend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.drugstats.core.DrugstatsException;

/**
 * Joinpoint regression as defined by the US National Cancer Institute's Joinpoint program (Kim, Fay, Feuer and
 * Midthune 2000, Stat Med 19:335–351, correction 20:655; NCI Joinpoint help, "Statistical Notes").
 *
 * <p>Model (continuous piecewise linear on the fitting {@link Scale}; z = ln y on {@link Scale#LOG}):
 * z = β0 + β1·x + Σ<sub>j=1..k</sub> δ<sub>j</sub>·(x − τ<sub>j</sub>)⁺, fitted by (weighted, see {@link Weighting})
 * least squares. The joinpoints τ are searched exhaustively over the distinct observed x values (the grid),
 * subject to NumObsEnd = E (default 2) grid points between each end of the series and the nearest joinpoint, and
 * NumObsBetween = B (default 2) grid points strictly between two joinpoints, joinpoints excluded: with 0-based grid
 * positions the first joinpoint is at ≥ E, the last at ≤ m−1−E, consecutive ones ≥ B+1 apart; k joinpoints need
 * m ≥ 2E + (k−1)B + k grid points. Constraints count distinct x values, so ties (several y at one x) never make a
 * segment look longer than it is.
 *
 * <p>The number of joinpoints is chosen by a {@link SelectionMethod} among 0..K. K defaults to NCI's older
 * recommendation by number of grid points m: 0–6 → 0, 7–11 → 1, 12–16 → 2, 17–21 → 3, 22–26 → 4, 27 or more → 5
 * (i.e. ⌊(m − 2)/5⌋, capped at 5; larger maxima are allowed explicitly but the search grows as C(m, K)); it is
 * lowered, with a note, to what the constraints allow. A series too short for any joinpoint gets the 0-joinpoint
 * (log-linear) fit and a note. Segment slopes, APCs, intervals and p-values: see {@link Segment} and
 * {@link SlopeInference}; AAPC: {@link JoinpointResult#aapc(double, double)}.
 *
 * <p>Edge cases: NaN y values are missing and skipped (the grid uses the observed x); fewer than 2 distinct
 * observed x is an error; on the log scale y ≤ 0 is an error naming the series and x unless an explicit
 * {@linkplain #withLogOffset(double) offset} c is set (then z = ln(y + c), documented in the result notes).
 * The permutation test draws from a {@link UniformRandomProvider}: the one passed to
 * {@link #fit(TrendSeries, UniformRandomProvider)}, or, when none is passed, the default generator of the series
 * ({@link TrendBatch#randomFor(long, String)} with {@link #DEFAULT_SEED} and the series name), so that
 * {@code withDefaults().fit(series)} works on its own and gives the same result every time.
 *
 * <p>Immutable and thread-safe; {@code withX} methods return modified copies.
 */
public final class Joinpoint {
    /** Seed of the permutation test's generator when a fit is given none (with the series name). */
    public static final long DEFAULT_SEED = 20_190_314L;

    /**
     * Largest number of permutations per test: the run time grows linearly with it (each permutation refits every
     * candidate model), and beyond 10^5 the Monte Carlo error of a p-value near 0.05, sqrt(p(1-p)/N) = 0.0007, no
     * longer matters to the decision; a larger request is refused instead of running for hours.
     */
    public static final int MAX_PERMUTATIONS = 100_000;
    /** NCI Joinpoint's default number of permutations. */
    public static final int DEFAULT_PERMUTATIONS = 4499;

    private final Scale scale;
    private final Weighting weighting;
    private final SelectionMethod selection;
    private final int maxJoinpoints;
    private final int numObsEnd;
    private final int numObsBetween;
    private final int permutations;
    private final double alpha;
    private final double confidenceLevel;
    private final double logOffset;
    private final SlopeInference inference;

    private Joinpoint(Scale scale, Weighting weighting, SelectionMethod selection, int maxJoinpoints, int numObsEnd,
            int numObsBetween, int permutations, double alpha, double confidenceLevel, double logOffset,
            SlopeInference inference) {
        this.scale = scale;
        this.weighting = weighting;
        this.selection = selection;
        this.maxJoinpoints = maxJoinpoints;
        this.numObsEnd = numObsEnd;
        this.numObsBetween = numObsBetween;
        this.permutations = permutations;
        this.alpha = alpha;
        this.confidenceLevel = confidenceLevel;
        this.logOffset = logOffset;
        this.inference = inference;
    }

    /**
     * Log scale, no weights, permutation test with 4499 permutations at α = 0.05, default maximum joinpoints,
     * NumObsEnd = NumObsBetween = 2, 95% intervals, {@link SlopeInference#NCI_SEGMENTED}, no log offset.
     */
    public static Joinpoint withDefaults() {
        return new Joinpoint(Scale.LOG, Weighting.NONE, SelectionMethod.PERMUTATION, -1, 2, 2, DEFAULT_PERMUTATIONS,
                0.05, 0.95, 0, SlopeInference.NCI_SEGMENTED);
    }

    public Joinpoint withScale(Scale s) {
        return new Joinpoint(java.util.Objects.requireNonNull(s), weighting, selection, maxJoinpoints, numObsEnd,
                numObsBetween, permutations, alpha, confidenceLevel, logOffset, inference);
    }

    public Joinpoint withWeighting(Weighting w) {
        return new Joinpoint(scale, java.util.Objects.requireNonNull(w), selection, maxJoinpoints, numObsEnd,
                numObsBetween, permutations, alpha, confidenceLevel, logOffset, inference);
    }

    public Joinpoint withSelection(SelectionMethod m) {
        return new Joinpoint(scale, weighting, java.util.Objects.requireNonNull(m), maxJoinpoints, numObsEnd,
                numObsBetween, permutations, alpha, confidenceLevel, logOffset, inference);
    }

    public Joinpoint withInference(SlopeInference i) {
        return new Joinpoint(scale, weighting, selection, maxJoinpoints, numObsEnd, numObsBetween, permutations, alpha,
                confidenceLevel, logOffset, java.util.Objects.requireNonNull(i));
    }

    /** Maximum number of joinpoints K ≥ 0 (lowered with a note when the series is too short). */
    public Joinpoint withMaxJoinpoints(int k) {
        if (!(k >= 0)) {
            throw DrugstatsException.of("max joinpoints must be >= 0, got %d", k);
        }
        return new Joinpoint(scale, weighting, selection, k, numObsEnd, numObsBetween, permutations, alpha,
                confidenceLevel, logOffset, inference);
    }

    /** Back to the default maximum from the number of points ({@link #defaultMaxJoinpoints(int)}). */
    public Joinpoint withDefaultMaxJoinpoints() {
        return new Joinpoint(scale, weighting, selection, -1, numObsEnd, numObsBetween, permutations, alpha,
                confidenceLevel, logOffset, inference);
    }

    /** NumObsEnd ≥ 1: grid points between either end and the nearest joinpoint (joinpoint excluded). */
    public Joinpoint withNumObsEnd(int e) {
        if (!(e >= 1)) {
            throw DrugstatsException.of("NumObsEnd must be >= 1, got %d", e);
        }
        return new Joinpoint(scale, weighting, selection, maxJoinpoints, e, numObsBetween, permutations, alpha,
                confidenceLevel, logOffset, inference);
    }

    /** NumObsBetween ≥ 0: grid points strictly between two joinpoints. */
    public Joinpoint withNumObsBetween(int b) {
        if (!(b >= 0)) {
            throw DrugstatsException.of("NumObsBetween must be >= 0, got %d", b);
        }
        return new Joinpoint(scale, weighting, selection, maxJoinpoints, numObsEnd, b, permutations, alpha,
                confidenceLevel, logOffset, inference);
    }

    /** Number of permuted data sets per test, ≥ 1. */
    public Joinpoint withPermutations(int count) {
        if (!(count >= 1 && count <= MAX_PERMUTATIONS)) {
            throw DrugstatsException.of("permutations must be in [1, %d], got %d", MAX_PERMUTATIONS, count);
        }
        return new Joinpoint(scale, weighting, selection, maxJoinpoints, numObsEnd, numObsBetween, count, alpha,
                confidenceLevel, logOffset, inference);
    }

    /** Overall significance level of the permutation procedure, 0 &lt; α &lt; 1. */
    public Joinpoint withAlpha(double a) {
        if (!(a > 0 && a < 1)) {
            throw DrugstatsException.of("alpha must be in (0, 1), got %s", a);
        }
        return new Joinpoint(scale, weighting, selection, maxJoinpoints, numObsEnd, numObsBetween, permutations, a,
                confidenceLevel, logOffset, inference);
    }

    /** Confidence level of slope, APC and AAPC intervals, 0 &lt; level &lt; 1. */
    public Joinpoint withConfidenceLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw DrugstatsException.of("confidence level must be in (0, 1), got %s", level);
        }
        return new Joinpoint(scale, weighting, selection, maxJoinpoints, numObsEnd, numObsBetween, permutations, alpha,
                level, logOffset, inference);
    }

    /**
     * Fit ln(y + c) instead of ln(y) on the log scale (c ≥ 0; default 0 = no offset, y ≤ 0 is an error). An offset
     * changes the APCs (they describe y + c, not y); results carry a note.
     */
    public Joinpoint withLogOffset(double c) {
        if (!(c >= 0) || c == Double.POSITIVE_INFINITY) {
            throw DrugstatsException.of("log offset must be finite and >= 0, got %s", c);
        }
        return new Joinpoint(scale, weighting, selection, maxJoinpoints, numObsEnd, numObsBetween, permutations, alpha,
                confidenceLevel, c, inference);
    }

    /** The configured selection method. */
    public SelectionMethod selection() {
        return selection;
    }

    /** The fitting scale. */
    public Scale scale() {
        return scale;
    }

    /** The weighting. */
    public Weighting weighting() {
        return weighting;
    }

    /** Confidence level of the intervals. */
    public double confidenceLevel() {
        return confidenceLevel;
    }

    /** The maximum number of joinpoints, or −1 for the default by number of points. */
    public int maxJoinpoints() {
        return maxJoinpoints;
    }

    /** Permuted data sets per test. */
    public int permutations() {
        return permutations;
    }

    /** Overall significance level of the permutation procedure. */
    public double alpha() {
        return alpha;
    }

    double logOffset() {
        return logOffset;
    }

    int numObsEnd() {
        return numObsEnd;
    }

    int numObsBetween() {
        return numObsBetween;
    }

    /**
     * NCI Joinpoint 4.x's default maximum number of joinpoints for a number of points: ⌊(points − 2)/5⌋ clamped to
     * [0, 5] (0–6 → 0, 7–11 → 1, 12–16 → 2, 17–21 → 3, 22–26 → 4, 27+ → 5). Under NCI's default constraints
     * (NumObsEnd = NumObsBetween = 2) every value of the table satisfies NCI's "Minimum Number of Observations
     * Required", 2·NumObsEnd + (K − 1)·NumObsBetween + K ≤ points
     * (https://surveillance.cancer.gov/help/joinpoint/setting-parameters/method-and-parameters-tab/minimum-number-of-observations-required);
     * with larger constraints {@link #fit} lowers the maximum to what the data allow and says so in a note.
     *
     * <p>Also the maximum of {@code --preset nci5} / {@code trend.preset: nci5}. NCI's page "V 5.0 – Default Settings
     * Changes" (https://surveillance.cancer.gov/help/joinpoint/joinpoint-5-0-default-settings-changes) says that
     * Joinpoint 5.0 chose new defaults for the model selection method, the confidence intervals "and the Maximum
     * Number of Joinpoints", but NCI's statement of the new maximum could not be read: the stored copy of that page
     * ends inside its first section, and NCI's page "Data Files Containing Cohorts with an Unequal Number of
     * Observations" only links to the "recommended default maximum number of Joinpoints … based on the number of
     * observations" without giving it. The one table with a longer range that was found (0–6 → 0, …, 27–31 → 5,
     * 32–36 → 6, 37+ → 7) is a third-party R package's (joinpointR, CRAN), attributed there to Kim et al. (2000),
     * not NCI's documentation of version 5, so it is not adopted; README ("Joinpoint beyond NCI Joinpoint 4.9")
     * lists what was searched.
     */
    public static int defaultMaxJoinpoints(int points) {
        return Math.max(0, Math.min(5, (points - 2) / 5));
    }

    /**
     * Fits and selects the number of joinpoints; the permutation test, if selected, draws from the series' default
     * generator ({@link TrendBatch#randomFor(long, String) randomFor}({@link #DEFAULT_SEED}, series name)).
     *
     * @throws DrugstatsException on bad data
     */
    public JoinpointResult fit(TrendSeries series) {
        return fit(series, null);
    }

    /**
     * Fits and selects the number of joinpoints; {@code rng} drives the permutation test (null: the series'
     * default generator, as {@link #fit(TrendSeries)}).
     */
    public JoinpointResult fit(TrendSeries series, UniformRandomProvider rng) {
        return fit(series, PreparedSeries.of(series, scale, weighting, logOffset), rng);
    }

    /** Fits an already prepared series (e.g. with the extra column of a {@link JumpModel}). */
    JoinpointResult fit(TrendSeries series, PreparedSeries d, UniformRandomProvider rng) {
        List<String> notes = baseNotes(series, d);
        int m = d.distinctCount();
        int requested = maxJoinpoints >= 0 ? maxJoinpoints : defaultMaxJoinpoints(m);
        int feasible = HingeSearch.maxFeasible(m, numObsEnd, numObsBetween);
        int k = Math.min(requested, feasible);
        if (k < requested) {
            notes.add(String.format(Locale.ROOT,
                    "maximum joinpoints lowered from %d to %d: %d distinct x values allow at most %d with"
                            + " NumObsEnd=%d, NumObsBetween=%d (k joinpoints need 2E+(k-1)B+k points)",
                    requested, k, m, feasible, numObsEnd, numObsBetween));
        }
        if (k == 0 && requested > 0) {
            notes.add("short series: too few points for any joinpoint, fitted a single line (0 joinpoints)");
        } else if (k == 0 && maxJoinpoints < 0) {
            notes.add(String.format(Locale.ROOT,
                    "%d distinct x values: the default maximum number of joinpoints is 0 (NCI table)", m));
        }
        if (selection == SelectionMethod.PERMUTATION && k > 0 && rng == null) {
            rng = TrendBatch.randomFor(DEFAULT_SEED, series.name());
        }

        HingeSearch search = new HingeSearch(d, k, numObsEnd, numObsBetween);
        double[] e = new double[d.n];
        for (int i = 0; i < d.n; i++) {
            e[i] = d.sw[i] * d.z[i];
        }
        d.whiten(e, 0);
        double sse0 = search.residualise(e, 0);
        double[] best = new double[k + 1];
        int[][] paths = new int[k + 1][Math.max(k, 1)];
        search.search(e, 1, k, best, paths);
        int usable = 0;
        while (usable < k && best[usable + 1] >= 0) {
            usable++;
        }
        if (usable < k) {
            notes.add(String.format(Locale.ROOT,
                    "maximum joinpoints lowered from %d to %d: larger models are not identifiable", k, usable));
            k = usable;
        }
        // The search ranks models by SSE0 minus the projection, which is exact only up to ~1e-16 of SSE0; the criteria
        // use the SSE of each k's best model recomputed from its residual vector (no cancellation). The permutation
        // test keeps the search SSEs, as its permuted data sets do. Full QR fits only where coefficients are needed
        // (the selected model and the null models of the permutation tests).
        double[][] taus = new double[k + 1][];
        double[] sse = new double[k + 1];
        double[] searchSse = new double[k + 1];
        List<ModelCriteria> criteria = new ArrayList<>();
        // An exact fit (e.g. a series interpolated linearly between anchor years) has an SSE of rounding noise,
        // ~1e-32 of Σw·z², whose logarithm would decide between models (or be −∞). Below 1e-20·Σw·z² the criteria
        // use that level instead, so exact fits tie and the penalty picks the smallest such k.
        double total = 0;
        for (int i = 0; i < d.n; i++) {
            total += d.w[i] * d.z[i] * d.z[i];
        }
        double sseFloor = 1e-20 * total + Double.MIN_NORMAL;
        int floored = 0;
        for (int j = 0; j <= k; j++) {
            taus[j] = new double[j];
            for (int a = 0; a < j; a++) {
                taus[j][a] = d.ux[paths[j][a]];
            }
            searchSse[j] = Math.max(sse0 - best[j], 0);
            sse[j] = search.pathSse(e, paths[j], j);
            if (sse[j] < sseFloor) {
                floored++;
            }
            criteria.add(InformationCriteria.criteria(d, taus[j], Math.max(sse[j], sseFloor), sse[j]));
        }
        if (floored > 0 && selection != SelectionMethod.PERMUTATION) {
            notes.add(String.format(Locale.ROOT,
                    "exact fit: %d model(s) have an SSE below the rounding level 1e-20*sum(w*z^2) = %.3g; their"
                            + " criteria use that level, so the smallest such number of joinpoints is preferred",
                    floored, sseFloor));
        }
        WeightedFit[] fits = new WeightedFit[k + 1];
        int selected;
        List<PermutationTest> tests = new ArrayList<>();
        switch (selection) {
            case BIC -> selected = InformationCriteria.argmin(criteria, ModelCriteria::bic);
            case BIC3 -> selected = InformationCriteria.argmin(criteria, ModelCriteria::bic3);
            case WBIC -> selected = InformationCriteria.argmin(criteria, ModelCriteria::wbic);
            case PERMUTATION -> selected = PermutationSelection.select(d, search, taus, fits, searchSse, k, sse0,
                    permutations, alpha, rng, tests);
            default -> throw new IllegalStateException(selection.name());
        }
        if (fits[selected] == null) {
            fits[selected] = WeightedFit.of(d, taus[selected]);
        }
        Selection sel = new Selection(selection, k, selected, alpha, criteria, tests);
        return result(d, fits[selected], sel, notes);
    }

    /**
     * Fits the continuous model at given joinpoints (no search, no selection; {@link JoinpointResult#selection()}
     * is null). Joinpoints must be strictly inside the observed x range and strictly increasing.
     */
    public JoinpointResult fitAt(TrendSeries series, double... joinpoints) {
        PreparedSeries d = PreparedSeries.of(series, scale, weighting, logOffset);
        List<String> notes = baseNotes(series, d);
        double[] tau = joinpoints.clone();
        for (int j = 0; j < tau.length; j++) {
            if (!(tau[j] > d.x[0] && tau[j] < d.x[d.n - 1]) || (j > 0 && !(tau[j] > tau[j - 1]))) {
                throw DrugstatsException.of(
                        "series '%s': joinpoints must be strictly increasing and inside (%s, %s), got %s",
                        series.name(), PreparedSeries.fmt(d.x[0]), PreparedSeries.fmt(d.x[d.n - 1]),
                        Arrays.toString(joinpoints));
            }
        }
        return result(d, WeightedFit.of(d, tau), null, notes);
    }

    private List<String> baseNotes(TrendSeries series, PreparedSeries d) {
        if (d.distinctCount() < 2) {
            throw DrugstatsException.of(
                    "series '%s': a trend needs observed y at 2 or more distinct x values, got %d", series.name(),
                    d.distinctCount());
        }
        List<String> notes = new ArrayList<>();
        int missing = series.size() - d.n;
        if (missing > 0) {
            notes.add(missing + " missing observation(s) (NaN y) skipped");
        }
        if (scale == Scale.LOG && logOffset != 0) {
            notes.add("log scale with offset: fitted ln(y + " + PreparedSeries.fmt(logOffset)
                    + "); APCs describe y + offset");
        }
        if (d.n > d.distinctCount()) {
            notes.add((d.n - d.distinctCount()) + " observation(s) share an x with another; the joinpoint grid"
                    + " and constraints use the " + d.distinctCount() + " distinct x values");
        }
        return notes;
    }

    private JoinpointResult result(PreparedSeries d, WeightedFit fit, Selection sel, List<String> notes) {
        SlopeStatistics st = SlopeStatistics.of(d, fit, inference, confidenceLevel);
        if (st.df <= 0) {
            notes.add("no residual degrees of freedom: standard errors, intervals and p-values are undefined");
        }
        return new JoinpointResult(d.name, scale, weighting, inference, confidenceLevel, d.n, fit.tau, fit.beta,
                fit.sse, st.segments, sel, notes, st.cov, st.df);
    }
}
