package org.drugstats.core.stats.trend;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.drugstats.core.DrugstatsException;

/**
 * A fitted joinpoint (or, with no joinpoint, log-linear) trend: the selected joinpoints, the coefficients
 * (β0, β1, δ1..δk of z = β0 + β1·x + Σ δ<sub>j</sub>(x − τ<sub>j</sub>)⁺), the segments with their APCs, the
 * model selection record and notes (e.g. a short series fitted without joinpoints). AAPCs over the full range or
 * any sub-range are computed on request ({@link #aapc()}, {@link #aapc(double, double)}). Immutable.
 */
public final class JoinpointResult {
    private final String series;
    private final Scale scale;
    private final Weighting weighting;
    private final SlopeInference inference;
    private final double confidenceLevel;
    private final int n;
    private final List<Double> joinpoints;
    private final double[] coefficients;
    private final double sse;
    private final List<Segment> segments;
    private final Selection selection;
    private final List<String> notes;
    /** Covariance of the segment slopes (scaled); diagonal only for NCI_SEGMENTED. */
    private final double[][] slopeCov;
    private final int df;
    /** The jump of a jump or comparability-ratio model, else null. */
    private final Jump jump;
    /** Empirical-quantile intervals, else null. */
    private final EmpiricalIntervals empirical;
    /** AR(1) errors, else null. */
    private final Autocorrelation autocorrelation;

    JoinpointResult(String series, Scale scale, Weighting weighting, SlopeInference inference,
            double confidenceLevel, int n, double[] joinpoints, double[] coefficients, double sse,
            List<Segment> segments, Selection selection, List<String> notes, double[][] slopeCov, int df) {
        this.series = series;
        this.scale = scale;
        this.weighting = weighting;
        this.inference = inference;
        this.confidenceLevel = confidenceLevel;
        this.n = n;
        List<Double> jp = new ArrayList<>();
        for (double t : joinpoints) {
            jp.add(t);
        }
        this.joinpoints = List.copyOf(jp);
        this.coefficients = coefficients.clone();
        this.sse = sse;
        this.segments = List.copyOf(segments);
        this.selection = selection;
        this.notes = List.copyOf(notes);
        this.slopeCov = slopeCov;
        this.df = df;
        this.jump = null;
        this.empirical = null;
        this.autocorrelation = null;
    }

    private JoinpointResult(JoinpointResult r, List<String> notes, Jump jump, EmpiricalIntervals empirical,
            Autocorrelation autocorrelation) {
        this.series = r.series;
        this.scale = r.scale;
        this.weighting = r.weighting;
        this.inference = r.inference;
        this.confidenceLevel = r.confidenceLevel;
        this.n = r.n;
        this.joinpoints = r.joinpoints;
        this.coefficients = r.coefficients;
        this.sse = r.sse;
        this.segments = r.segments;
        this.selection = r.selection;
        this.notes = List.copyOf(notes);
        this.slopeCov = r.slopeCov;
        this.df = r.df;
        this.jump = jump;
        this.empirical = empirical;
        this.autocorrelation = autocorrelation;
    }

    /** A copy with the jump of a jump or comparability-ratio model. */
    JoinpointResult withJump(Jump j) {
        return new JoinpointResult(this, notes, java.util.Objects.requireNonNull(j), empirical, autocorrelation);
    }

    /** A copy with empirical-quantile intervals. */
    JoinpointResult withEmpirical(EmpiricalIntervals e) {
        return new JoinpointResult(this, notes, jump, java.util.Objects.requireNonNull(e), autocorrelation);
    }

    /** A copy with more notes. */
    JoinpointResult withNotes(List<String> more) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new JoinpointResult(this, all, jump, empirical, autocorrelation);
    }

    /** A copy with the AR(1) error record. */
    JoinpointResult withAutocorrelation(Autocorrelation a) {
        return new JoinpointResult(this, notes, jump, empirical, java.util.Objects.requireNonNull(a));
    }

    /** The AR(1) errors of the fit, if any. */
    public java.util.Optional<Autocorrelation> autocorrelation() {
        return java.util.Optional.ofNullable(autocorrelation);
    }

    /** The jump (jump or comparability-ratio model), if any. */
    public java.util.Optional<Jump> jump() {
        return java.util.Optional.ofNullable(jump);
    }

    /** Empirical-quantile intervals of the APCs and the full-range AAPC, if computed. */
    public java.util.Optional<EmpiricalIntervals> empirical() {
        return java.util.Optional.ofNullable(empirical);
    }

    /** Series name. */
    public String series() {
        return series;
    }

    /** Fitting scale. */
    public Scale scale() {
        return scale;
    }

    /** Weighting used. */
    public Weighting weighting() {
        return weighting;
    }

    /** How slope uncertainty was computed. */
    public SlopeInference inference() {
        return inference;
    }

    /** Confidence level of the intervals, e.g. 0.95. */
    public double confidenceLevel() {
        return confidenceLevel;
    }

    /** Number of observations used (missing y excluded). */
    public int n() {
        return n;
    }

    /** Joinpoint x values, ascending (empty for a single line). */
    public List<Double> joinpoints() {
        return joinpoints;
    }

    /** β0, β1, δ1, …, δk. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Weighted SSE of the fitted continuous model. */
    public double sse() {
        return sse;
    }

    /** Segments in x order. */
    public List<Segment> segments() {
        return segments;
    }

    /** The model selection record. */
    public Selection selection() {
        return selection;
    }

    /** Notes for the analyst (reduced maximum, short series, missing values skipped, ...). */
    public List<String> notes() {
        return notes;
    }

    /** Degrees of freedom of the t quantiles and tests. */
    public int degreesOfFreedom() {
        return df;
    }

    /** AAPC over the whole observed range. */
    public Aapc aapc() {
        return aapc(segments.get(0).start(), segments.get(segments.size() - 1).end());
    }

    /**
     * AAPC over [a, b] (see {@link Aapc}).
     *
     * @throws DrugstatsException unless first x ≤ a &lt; b ≤ last x
     */
    public Aapc aapc(double a, double b) {
        double lo = segments.get(0).start();
        double hi = segments.get(segments.size() - 1).end();
        if (!(a >= lo && b <= hi && a < b)) {
            throw DrugstatsException.of("series '%s': AAPC range [%s, %s] must satisfy %s <= a < b <= %s", series,
                    a, b, PreparedSeries.fmt(lo), PreparedSeries.fmt(hi));
        }
        int s = segments.size();
        double[] w = new double[s];
        double total = b - a;
        int used = 0;
        int only = -1;
        for (int i = 0; i < s; i++) {
            Segment g = segments.get(i);
            double len = Math.min(b, g.end()) - Math.max(a, g.start());
            if (len > 0) {
                w[i] = len / total;
                used++;
                only = i;
            }
        }
        double m = 0;
        for (int i = 0; i < s; i++) {
            m += w[i] * segments.get(i).slope();
        }
        double alpha = 1 - confidenceLevel;
        if (used == 1) {
            Segment g = segments.get(only);
            if (scale == Scale.LOG) {
                return new Aapc(a, b, g.apc(), g.apcLower(), g.apcUpper(), g.slope(), g.slopeSe());
            }
            return new Aapc(a, b, g.slope(), g.slopeLower(), g.slopeUpper(), g.slope(), g.slopeSe());
        }
        double var = 0;
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                var += w[i] * w[j] * slopeCov[i][j];
            }
        }
        double se = Math.sqrt(var);
        double q;
        if (inference == SlopeInference.NCI_SEGMENTED) {
            q = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - alpha / 2);
        } else {
            q = df > 0 ? TDistribution.of(df).inverseCumulativeProbability(1 - alpha / 2) : Double.NaN;
        }
        if (scale == Scale.LOG) {
            return new Aapc(a, b, 100 * Math.expm1(m), 100 * Math.expm1(m - q * se), 100 * Math.expm1(m + q * se), m,
                    se);
        }
        return new Aapc(a, b, m, m - q * se, m + q * se, m, se);
    }

    @Override
    public String toString() {
        return "JoinpointResult[" + series + ", joinpoints=" + joinpoints + ", segments=" + segments + "]";
    }
}
