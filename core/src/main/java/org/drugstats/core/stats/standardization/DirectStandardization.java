package org.drugstats.core.stats.standardization;

import org.apache.commons.statistics.distribution.GammaDistribution;
import org.drugstats.core.DrugstatsException;

/**
 * Directly age-standardised rate with the gamma confidence interval of Fay and Feuer.
 *
 * <p>With age-specific counts {@code d_i}, populations {@code n_i} and standard weights {@code w_i}
 * ({@code Σ w_i = 1}):
 * <pre>
 *   rate      y = Σ w_i d_i / n_i
 *   variance  v = Σ w_i² d_i / n_i²
 *   w_M       = max_i w_i / n_i
 *   lower     = G⁻¹(α/2; shape y²/v, scale v/y)
 *   upper     = G⁻¹(1 − α/2; shape (y + w_M)²/(v + w_M²), scale (v + w_M²)/(y + w_M))
 * </pre>
 * where {@code G⁻¹} is the gamma quantile function. The lower bound is 0 when there are no events.
 * Reference: Fay MP, Feuer EJ (1997). Confidence intervals for directly standardized rates: a method based on
 * the gamma distribution. <i>Statistics in Medicine</i> 16:791–801, doi:10.1002/(SICI)1097-0258(19970415)16:7&lt;791::AID-SIM500&gt;3.0.CO;2-#.
 * The same method is R {@code epitools::ageadjust.direct}.
 */
public final class DirectStandardization {

    private final StandardPopulation standard;
    private final double confidence;

    private DirectStandardization(StandardPopulation standard, double confidence) {
        this.standard = standard;
        this.confidence = confidence;
    }

    /** Standardisation to this standard population at 95% confidence. */
    public static DirectStandardization of(StandardPopulation standard) {
        return new DirectStandardization(standard, 0.95);
    }

    /** A copy with another confidence level in (0, 1). */
    public DirectStandardization withConfidence(double level) {
        if (level > 0 && level < 1) {
            return new DirectStandardization(standard, level);
        }
        throw DrugstatsException.of("confidence level %s: expected a number in (0, 1)", level);
    }

    /** Result: the crude rate, the standardised rate and its interval. */
    public record Result(double crudeRate, double rate, double lower, double upper, double confidence) {
    }

    /**
     * Standardises from counts and populations per age group, in the standard's group order.
     *
     * @throws DrugstatsException on lengths that differ from the standard's, negative counts or non-positive
     *     populations
     */
    public Result compute(double[] counts, double[] populations) {
        int k = standard.size();
        if (counts.length != k || populations.length != k) {
            throw DrugstatsException.of("age standardisation: %d counts and %d populations for %d standard age groups",
                    counts.length, populations.length, k);
        }
        double[] w = standard.weights();
        double rate = 0;
        double var = 0;
        double wm = 0;
        double totalCount = 0;
        double totalPop = 0;
        for (int i = 0; i < k; i++) {
            double d = counts[i];
            double n = populations[i];
            if (!(d >= 0) || d == Double.POSITIVE_INFINITY) {
                throw DrugstatsException.of("age standardisation: count %s in age group %s; expected finite and >= 0",
                        d, standard.groups().get(i).label());
            }
            if (!(n > 0) || n == Double.POSITIVE_INFINITY) {
                throw DrugstatsException.of(
                        "age standardisation: population %s in age group %s; expected finite and > 0", n,
                        standard.groups().get(i).label());
            }
            rate += w[i] * d / n;
            var += w[i] * w[i] * d / (n * n);
            wm = Math.max(wm, w[i] / n);
            totalCount += d;
            totalPop += n;
        }
        double alpha = 1 - confidence;
        double lower = var > 0 && rate > 0
                ? GammaDistribution.of(rate * rate / var, var / rate).inverseCumulativeProbability(alpha / 2)
                : 0.0;
        double shapeU = (rate + wm) * (rate + wm) / (var + wm * wm);
        double scaleU = (var + wm * wm) / (rate + wm);
        double upper = GammaDistribution.of(shapeU, scaleU).inverseCumulativeProbability(1 - alpha / 2);
        return new Result(totalCount / totalPop, rate, lower, upper, confidence);
    }
}
