package org.drugstats.core.stats.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.drugstats.core.DrugstatsException;

/**
 * Joinpoint with a known discontinuity: the Joinpoint-Jump and Joinpoint-Comparability Ratio models (Chen et al.
 * 2020, J. Off. Stat. 36:49–62; NCI Joinpoint help, "Jump Model and Comparability Ratio Model"), for a series whose
 * definition changes between two observed x (ICD-9 → ICD-10 between 1998 and 1999, a new estimation method).
 *
 * <ul>
 *   <li>{@linkplain #estimated(Joinpoint, double) Jump model}: z = β0 + β1·x + Σ δ<sub>j</sub>(x − τ<sub>j</sub>)⁺
 *       + γ·1(x &gt; J). The step column is shared by every candidate model, so the grid search, BIC/BIC3/WBIC
 *       and the permutation test (null fit with the jump, permuted residuals, alternative searched with the jump)
 *       select the joinpoints with the jump in the model. The information criteria keep their formulas (the jump
 *       adds the same ln(n)/n to every k, which does not change the choice); WBIC's partial R² is taken given the
 *       line and the jump. Segment slopes, APCs and the AAPC use the model's conditional covariance (see
 *       {@link SlopeStatistics}). The jump and CR: see {@link Jump}.
 *   <li>{@linkplain #fixedRatio(Joinpoint, double, double, double) Comparability-ratio model}: observations before
 *       J are put on the new coding, y' = CR·y, with SE'² = CR²·SE² + y²·Var(CR) (delta method) under standard-error
 *       weighting; the standard joinpoint model is fitted to the adjusted series. Var(CR) applies only to
 *       standard-error weighting (NCI sets it to NA for constant variance); Poisson weighting is refused (the
 *       adjusted values are not counts).
 * </ul>
 *
 * <p>J must lie strictly between two consecutive distinct observed x, with at least 2 distinct x on each side
 * (NCI: "the jump point must be 2 or more data points from either end"). Immutable.
 */
public final class JumpModel {
    private final Joinpoint joinpoint;
    private final double at;
    private final double ratio;
    private final double ratioVariance;

    private JumpModel(Joinpoint joinpoint, double at, double ratio, double ratioVariance) {
        this.joinpoint = Objects.requireNonNull(joinpoint);
        this.at = at;
        this.ratio = ratio;
        this.ratioVariance = ratioVariance;
    }

    /** The jump model: γ estimated with the joinpoints. */
    public static JumpModel estimated(Joinpoint joinpoint, double at) {
        checkFinite(at);
        return new JumpModel(joinpoint, at, Double.NaN, Double.NaN);
    }

    /**
     * The comparability-ratio model with a given CR (NCI accepts [0.01, 100]) and Var(CR) (NCI: [0, 100]).
     *
     * @throws DrugstatsException for values outside those ranges
     */
    public static JumpModel fixedRatio(Joinpoint joinpoint, double at, double ratio, double variance) {
        checkFinite(at);
        if (!(ratio >= 0.01 && ratio <= 100)) {
            throw DrugstatsException.of("comparability ratio must be in [0.01, 100], got %s", ratio);
        }
        if (!(variance >= 0 && variance <= 100)) {
            throw DrugstatsException.of("comparability ratio variance must be in [0, 100], got %s", variance);
        }
        return new JumpModel(joinpoint, at, ratio, variance);
    }

    private static void checkFinite(double at) {
        if (!Double.isFinite(at)) {
            throw DrugstatsException.of("jump location must be finite, got %s", at);
        }
    }

    /** Whether the ratio is given (comparability-ratio model) rather than estimated. */
    public boolean isFixedRatio() {
        return !Double.isNaN(ratio);
    }

    /** Fits the model; {@code rng} drives the permutation test (may be null for the information criteria). */
    public JoinpointResult fit(TrendSeries series, UniformRandomProvider rng) {
        return fit(series, rng, Double.NaN);
    }

    /** Fits with AR(1) errors of autocorrelation {@code rho} (NaN: independent errors). */
    JoinpointResult fit(TrendSeries series, UniformRandomProvider rng, double rho) {
        PreparedSeries d = PreparedSeries.of(series, joinpoint.scale(), joinpoint.weighting(), joinpoint.logOffset());
        checkLocation(series.name(), d);
        return isFixedRatio() ? fitFixed(series, d, rng, rho) : fitEstimated(series, ar(d, rho), rng);
    }

    private static PreparedSeries ar(PreparedSeries d, double rho) {
        return Double.isNaN(rho) ? d : d.withAutocorrelation(rho);
    }

    private void checkLocation(String name, PreparedSeries d) {
        int below = 0;
        for (double u : d.ux) {
            if (u == at) {
                throw DrugstatsException.of("series '%s': jump location %s is an observed x; give a value between"
                        + " the last x of the old definition and the first of the new (e.g. 1998.5)", name,
                        PreparedSeries.fmt(at));
            }
            if (u < at) {
                below++;
            }
        }
        int above = d.ux.length - below;
        if (below < 2 || above < 2) {
            throw DrugstatsException.of("series '%s': jump location %s must have at least 2 distinct observed x on"
                    + " each side, has %d before and %d after", name, PreparedSeries.fmt(at), below, above);
        }
    }

    /** The prepared series the model is fitted to: with the step column, or the CR-adjusted series. */
    PreparedSeries prepared(TrendSeries series, double rho) {
        if (isFixedRatio()) {
            return ar(PreparedSeries.of(adjusted(series), joinpoint.scale(), joinpoint.weighting(),
                    joinpoint.logOffset()), rho);
        }
        return withStep(ar(PreparedSeries.of(series, joinpoint.scale(), joinpoint.weighting(),
                joinpoint.logOffset()), rho));
    }

    private PreparedSeries withStep(PreparedSeries d0) {
        double[] step = new double[d0.n];
        for (int i = 0; i < d0.n; i++) {
            step[i] = d0.x[i] > at ? 1 : 0;
        }
        return d0.withExtraColumn(step);
    }

    private JoinpointResult fitEstimated(TrendSeries series, PreparedSeries d0, UniformRandomProvider rng) {
        PreparedSeries d = withStep(d0);
        JoinpointResult r = joinpoint.withInference(SlopeInference.CONDITIONAL).fit(series, d, rng);
        double[] tau = r.joinpoints().stream().mapToDouble(Double::doubleValue).toArray();
        WeightedFit fit = WeightedFit.of(d, tau);
        int last = fit.beta.length - 1;
        int df = d.n - fit.beta.length;
        double gamma = fit.beta[last];
        double se = df > 0 ? Math.sqrt(fit.sse / df * fit.unscaledCov[last][last]) : Double.NaN;
        double alpha = 1 - joinpoint.confidenceLevel();
        TDistribution t = df > 0 ? TDistribution.of(df) : null;
        double q = t == null ? Double.NaN : t.inverseCumulativeProbability(1 - alpha / 2);
        double tv = gamma / se;
        double p = t == null || !(se > 0) ? Double.NaN : 2 * t.survivalProbability(Math.abs(tv));
        double lo = gamma - q * se;
        double hi = gamma + q * se;
        Jump jump;
        if (d.scale == Scale.LOG) {
            double cr = Math.exp(gamma);
            jump = new Jump(at, gamma, se, lo, hi, tv, p, df, cr, cr * se, Math.exp(lo), Math.exp(hi), p, false);
        } else {
            jump = new Jump(at, gamma, se, lo, hi, tv, p, df, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, false);
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "jump model: step 1(x > %s) in every candidate model; slope SEs from the"
                + " model covariance conditional on the joinpoints, %d degrees of freedom", PreparedSeries.fmt(at),
                df));
        return r.withJump(jump).withNotes(notes);
    }

    private JoinpointResult fitFixed(TrendSeries series, PreparedSeries d, UniformRandomProvider rng, double rho) {
        Weighting w = joinpoint.weighting();
        if (w == Weighting.POISSON) {
            throw DrugstatsException.of("series '%s': the comparability-ratio model adjusts y before the jump, which"
                    + " are then no longer counts; use --weights se or none", series.name());
        }
        if (w == Weighting.NONE && ratioVariance > 0) {
            throw DrugstatsException.of("series '%s': a comparability-ratio variance needs standard-error weighting"
                    + " (--weights se); with constant variance NCI treats it as not applicable", series.name());
        }
        TrendSeries adjusted = adjusted(series);
        JoinpointResult r = joinpoint.fit(adjusted, prepared(series, rho), rng);
        double gamma = Math.log(ratio);
        double crSe = Math.sqrt(ratioVariance);
        double gSe = crSe / ratio;
        double alpha = 1 - joinpoint.confidenceLevel();
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - alpha / 2);
        double tv = gSe > 0 ? gamma / gSe : Double.NaN;
        double p = gSe > 0 ? 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(tv)) : Double.NaN;
        double lo = gamma - z * gSe;
        double hi = gamma + z * gSe;
        boolean log = d.scale == Scale.LOG;
        Jump jump = new Jump(at, log ? gamma : Double.NaN, log ? gSe : Double.NaN, log ? lo : Double.NaN,
                log ? hi : Double.NaN, log ? tv : Double.NaN, log ? p : Double.NaN, 0, ratio, crSe, Math.exp(lo),
                Math.exp(hi), p, true);
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "comparability-ratio model: y before %s multiplied by CR = %s"
                + "%s; APCs describe the series on the new definition", PreparedSeries.fmt(at),
                PreparedSeries.fmt(ratio), !adjusted.hasStandardErrors() ? ""
                        : " (SE by the delta method with Var(CR) = "
                        + PreparedSeries.fmt(ratioVariance) + ")"));
        return r.withJump(jump).withNotes(notes);
    }

    /** y' = CR·y before the jump; SE'² = CR²·SE² + y²·Var(CR) there (delta method). */
    private TrendSeries adjusted(TrendSeries series) {
        int size = series.size();
        double[] x = new double[size];
        double[] y = new double[size];
        double[] se = series.hasStandardErrors() ? new double[size] : null;
        for (int i = 0; i < size; i++) {
            x[i] = series.xAt(i);
            double yi = series.yAt(i);
            boolean before = x[i] < at;
            y[i] = before ? ratio * yi : yi;
            if (se != null) {
                double s = series.seAt(i);
                se[i] = before ? Math.sqrt(ratio * ratio * s * s + yi * yi * ratioVariance) : s;
            }
        }
        return se == null ? TrendSeries.of(series.name(), x, y) : TrendSeries.of(series.name(), x, y, se);
    }
}
