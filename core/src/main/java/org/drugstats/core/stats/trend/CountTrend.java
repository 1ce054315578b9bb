package org.drugstats.core.stats.trend;

import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.drugstats.core.DrugstatsException;

/**
 * Log-linear trend of counts with a population offset: log E[y<sub>t</sub>] = log(pop<sub>t</sub>) + b0 + b1·t,
 * fitted by iteratively reweighted least squares (McCullagh and Nelder 1989, ch. 2), so e<sup>b1</sup> is the
 * annual rate ratio and APC = 100·(e<sup>b1</sup> − 1).
 *
 * <ul>
 *   <li>{@link Family#POISSON}: Var y = μ; Wald interval b1 ± z·SE and z test (R {@code glm(y ~ t +
 *       offset(log(pop)), family = poisson)}, {@code confint.default}).
 *   <li>{@link Family#QUASI_POISSON}: same estimates, Var y = φμ with φ = Pearson χ²/(n − 2); SEs × √φ, t test and
 *       interval with n − 2 degrees of freedom (as R {@code summary.glm} for {@code quasipoisson}).
 *   <li>{@link Family#NEGATIVE_BINOMIAL}: NB2, Var y = μ + μ²/θ, θ by maximum likelihood alternating with IRLS (as
 *       R {@code MASS::glm.nb}: Poisson start, θ by Newton–Raphson on the score with digamma/trigamma from the
 *       moment start n/Σ(y/μ − 1)²); Wald z interval.
 * </ul>
 * Edge cases: NaN counts are missing and skipped; counts must be ≥ 0, populations &gt; 0; fewer than 3 observations
 * or fewer than 2 distinct t is an error; all-zero counts have no finite MLE (error). Without a population the
 * offset is 0 (a trend in the counts themselves).
 */
public final class CountTrend {
    /** Error distribution of the counts. */
    public enum Family {
        /** Poisson. */
        POISSON,
        /** Poisson with Pearson-estimated overdispersion. */
        QUASI_POISSON,
        /** Negative binomial, variance μ + μ²/θ. */
        NEGATIVE_BINOMIAL
    }

    private static final int MAX_ITER = 100;
    private static final double EPS = 1e-12;

    private final Family family;
    private final double confidenceLevel;

    private CountTrend(Family family, double confidenceLevel) {
        this.family = family;
        this.confidenceLevel = confidenceLevel;
    }

    /** Poisson, 95% intervals. */
    public static CountTrend withDefaults() {
        return new CountTrend(Family.POISSON, 0.95);
    }

    public CountTrend withFamily(Family f) {
        return new CountTrend(Objects.requireNonNull(f), confidenceLevel);
    }

    /** Confidence level in (0, 1). */
    public CountTrend withConfidenceLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw DrugstatsException.of("confidence level must be in (0, 1), got %s", level);
        }
        return new CountTrend(family, level);
    }

    /**
     * The fitted count trend.
     *
     * @param family error family
     * @param n observations used
     * @param intercept b0 (log rate at t = 0)
     * @param slope b1 (log rate ratio per unit t)
     * @param interceptSe SE(b0)
     * @param slopeSe SE(b1)
     * @param deviance residual deviance (for NB at the final θ)
     * @param pearsonChi2 Σ (y − μ)²/V(μ)
     * @param dispersion φ used for the SEs (1 for Poisson and NB)
     * @param theta NB θ (NaN otherwise)
     * @param thetaSe its standard error from the observed information (NaN otherwise)
     * @param dfResidual n − 2
     * @param apc 100·(e<sup>b1</sup> − 1)
     * @param apcLower lower limit
     * @param apcUpper upper limit
     * @param pValue two-sided test of b1 = 0
     */
    public record Result(Family family, int n, double intercept, double slope, double interceptSe, double slopeSe,
            double deviance, double pearsonChi2, double dispersion, double theta, double thetaSe, int dfResidual,
            double apc, double apcLower, double apcUpper, double pValue) {
    }

    /**
     * Fits the trend.
     *
     * @param name series name for messages
     * @param t times
     * @param counts counts (NaN = missing)
     * @param population exposure per time, or null for no offset
     */
    public Result fit(String name, double[] t, double[] counts, double[] population) {
        if (t.length != counts.length || (population != null && population.length != t.length)) {
            throw DrugstatsException.of("series '%s': t, counts and population must have the same length", name);
        }
        int n = 0;
        for (double c : counts) {
            if (!Double.isNaN(c)) {
                n++;
            }
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double[] off = new double[n];
        int k = 0;
        double total = 0;
        for (int i = 0; i < t.length; i++) {
            if (Double.isNaN(counts[i])) {
                continue;
            }
            if (!Double.isFinite(t[i])) {
                throw DrugstatsException.of("series '%s': t must be finite, got %s", name, t[i]);
            }
            if (!(counts[i] >= 0) || counts[i] == Double.POSITIVE_INFINITY) {
                throw DrugstatsException.of("series '%s': counts must be finite and >= 0, got %s at t = %s", name,
                        counts[i], PreparedSeries.fmt(t[i]));
            }
            double pop = population == null ? 1 : population[i];
            if (!(pop > 0) || pop == Double.POSITIVE_INFINITY) {
                throw DrugstatsException.of("series '%s': population must be finite and > 0, got %s at t = %s", name,
                        pop, PreparedSeries.fmt(t[i]));
            }
            x[k] = t[i];
            y[k] = counts[i];
            off[k] = Math.log(pop);
            total += counts[i];
            k++;
        }
        if (n < 3) {
            throw DrugstatsException.of("series '%s': a count trend needs at least 3 observations, got %d", name, n);
        }
        boolean distinct = false;
        for (int i = 1; i < n; i++) {
            distinct |= x[i] != x[0];
        }
        if (!distinct) {
            throw DrugstatsException.of("series '%s': a count trend needs 2 or more distinct t values", name);
        }
        if (!(total > 0)) {
            throw DrugstatsException.of("series '%s': all counts are 0, the log-linear trend has no finite estimate",
                    name);
        }
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = y[i] + 0.1;
        }
        double[] beta = irls(x, y, off, mu, Double.POSITIVE_INFINITY, null);
        double theta = Double.NaN;
        double thetaSe = Double.NaN;
        if (family == Family.NEGATIVE_BINOMIAL) {
            theta = thetaMl(y, mu, name);
            double prev = Double.NaN;
            for (int it = 0; it < MAX_ITER; it++) {
                beta = irls(x, y, off, mu, theta, beta);
                theta = thetaMl(y, mu, name);
                if (Math.abs(theta - prev) <= 1e-10 * Math.abs(theta)) {
                    break;
                }
                prev = theta;
            }
            thetaSe = 1 / Math.sqrt(thetaInformation(y, mu, theta));
        }
        double th = family == Family.NEGATIVE_BINOMIAL ? theta : Double.POSITIVE_INFINITY;
        double[][] xtwx = new double[2][2];
        double pearson = 0;
        double deviance = 0;
        for (int i = 0; i < n; i++) {
            double v = mu[i] + (Double.isInfinite(th) ? 0 : mu[i] * mu[i] / th);
            double w = mu[i] * mu[i] / v;
            xtwx[0][0] += w;
            xtwx[0][1] += w * x[i];
            xtwx[1][1] += w * x[i] * x[i];
            double r = y[i] - mu[i];
            pearson += r * r / v;
            deviance += devianceTerm(y[i], mu[i], th);
        }
        xtwx[1][0] = xtwx[0][1];
        RealMatrix cov = new LUDecomposition(new Array2DRowRealMatrix(xtwx, false)).getSolver().getInverse();
        int df = n - 2;
        double phi = family == Family.QUASI_POISSON ? pearson / df : 1;
        double se0 = Math.sqrt(phi * cov.getEntry(0, 0));
        double se1 = Math.sqrt(phi * cov.getEntry(1, 1));
        double alpha = 1 - confidenceLevel;
        double q;
        double p;
        double stat = beta[1] / se1;
        if (family == Family.QUASI_POISSON) {
            TDistribution td = TDistribution.of(df);
            q = td.inverseCumulativeProbability(1 - alpha / 2);
            p = 2 * td.survivalProbability(Math.abs(stat));
        } else {
            NormalDistribution nd = NormalDistribution.of(0, 1);
            q = nd.inverseCumulativeProbability(1 - alpha / 2);
            p = 2 * nd.survivalProbability(Math.abs(stat));
        }
        return new Result(family, n, beta[0], beta[1], se0, se1, deviance, pearson, phi, theta, thetaSe, df,
                100 * Math.expm1(beta[1]), 100 * Math.expm1(beta[1] - q * se1), 100 * Math.expm1(beta[1] + q * se1),
                p);
    }

    /** IRLS for log link with variance μ + μ²/θ (θ = ∞: Poisson); updates mu in place. */
    private static double[] irls(double[] x, double[] y, double[] off, double[] mu, double theta, double[] start) {
        int n = y.length;
        double[] beta = start == null ? null : start.clone();
        if (beta != null) {
            for (int i = 0; i < n; i++) {
                mu[i] = Math.exp(off[i] + beta[0] + beta[1] * x[i]);
            }
        }
        double devOld = Double.POSITIVE_INFINITY;
        for (int it = 0; it < MAX_ITER; it++) {
            double sw = 0;
            double swx = 0;
            double swz = 0;
            double[] w = new double[n];
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                double v = mu[i] + (Double.isInfinite(theta) ? 0 : mu[i] * mu[i] / theta);
                w[i] = mu[i] * mu[i] / v;
                z[i] = Math.log(mu[i]) - off[i] + (y[i] - mu[i]) / mu[i];
                sw += w[i];
                swx += w[i] * x[i];
                swz += w[i] * z[i];
            }
            double mx = swx / sw;
            double mz = swz / sw;
            double sxx = 0;
            double sxz = 0;
            for (int i = 0; i < n; i++) {
                sxx += w[i] * (x[i] - mx) * (x[i] - mx);
                sxz += w[i] * (x[i] - mx) * (z[i] - mz);
            }
            double b1 = sxz / sxx;
            beta = new double[] {mz - b1 * mx, b1};
            double dev = 0;
            for (int i = 0; i < n; i++) {
                mu[i] = Math.exp(off[i] + beta[0] + beta[1] * x[i]);
                dev += devianceTerm(y[i], mu[i], theta);
            }
            if (Math.abs(dev - devOld) <= EPS * (Math.abs(dev) + 0.1)) {
                break;
            }
            devOld = dev;
        }
        return beta;
    }

    private static double devianceTerm(double y, double mu, double theta) {
        double a = y > 0 ? y * Math.log(y / mu) : 0;
        if (Double.isInfinite(theta)) {
            return 2 * (a - (y - mu));
        }
        return 2 * (a - (y + theta) * Math.log((y + theta) / (mu + theta)));
    }

    private static double thetaMl(double[] y, double[] mu, String name) {
        int n = y.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] / mu[i] - 1;
            s += r * r;
        }
        double theta = n / s;
        for (int it = 0; it < MAX_ITER; it++) {
            double score = 0;
            for (int i = 0; i < n; i++) {
                score += Gamma.digamma(y[i] + theta) - Gamma.digamma(theta) + Math.log(theta) + 1
                        - Math.log(theta + mu[i]) - (y[i] + theta) / (mu[i] + theta);
            }
            double info = thetaInformation(y, mu, theta);
            double next = theta + score / info;
            if (!(next > 0) || !Double.isFinite(next)) {
                throw DrugstatsException.of(
                        "series '%s': negative binomial theta does not converge (data not overdispersed?);"
                                + " use the Poisson or quasi-Poisson family", name);
            }
            if (Math.abs(next - theta) <= 1e-10 * theta) {
                return next;
            }
            theta = next;
        }
        throw DrugstatsException.of("series '%s': negative binomial theta did not converge in %d iterations", name,
                MAX_ITER);
    }

    private static double thetaInformation(double[] y, double[] mu, double theta) {
        double info = 0;
        for (int i = 0; i < y.length; i++) {
            info += -Gamma.trigamma(y[i] + theta) + Gamma.trigamma(theta) - 1 / theta + 2 / (mu[i] + theta)
                    - (y[i] + theta) / ((mu[i] + theta) * (mu[i] + theta));
        }
        return info;
    }
}
