package org.drugstats.core.stats.estimate;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.descriptive.Quantile;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * The value a country without a national estimate takes: the population-weighted mean prevalence of the countries
 * with data in its sub-region (else region, else the world), m = Σ r_i P_i / Σ P_i, with the range
 * (min(m, Q_low), m, max(m, Q_high)) where Q are the {@code lowQuantile}/{@code highQuantile} percentiles
 * (Hyndman–Fan type 7, numpy's default) of the countries' best estimates, unweighted: the spread of national
 * situations in the group, which is what is uncertain about a country that has none. With one country the
 * spread is that country's own published range.
 *
 * @param level the group's level ({@link EstimateLevel#SUBREGION}, {@link EstimateLevel#REGION},
 *     {@link EstimateLevel#WORLD})
 * @param code the group's code
 * @param percent the imputed prevalence range
 * @param nCountries countries with data the mean rests on
 */
public record ImputationSource(EstimateLevel level, String code, Interval percent, int nCountries) {

    private static final Quantile HF7 = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    /** The source built from the countries with data of a group (at least one). */
    static ImputationSource of(EstimateLevel level, String code, List<Interval> values, double[] weights,
            double lowQuantile, double highQuantile) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < values.size(); i++) {
            num += values.get(i).best() * weights[i];
            den += weights[i];
        }
        double m = num / den;
        double lo;
        double hi;
        if (values.size() == 1) {
            lo = values.get(0).low();
            hi = values.get(0).high();
        } else {
            double[] bests = values.stream().mapToDouble(Interval::best).toArray();
            Arrays.sort(bests);
            double[] q = HF7.evaluate(bests, lowQuantile, highQuantile);
            lo = q[0];
            hi = q[1];
        }
        return new ImputationSource(level, code, Interval.of(Math.min(lo, m), m, Math.max(hi, m)), values.size());
    }

    /** The method code of a country imputed from this source. */
    public String method() {
        return switch (level) {
            case SUBREGION -> "imputed-subregion";
            case REGION -> "imputed-region";
            default -> "imputed-world";
        };
    }
}
