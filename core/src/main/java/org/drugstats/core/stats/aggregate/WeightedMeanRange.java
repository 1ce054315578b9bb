package org.drugstats.core.stats.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.uncertainty.Interval;
import org.drugstats.core.stats.uncertainty.MonteCarloSummary;
import org.drugstats.core.stats.uncertainty.RangePropagation;

/**
 * Monte Carlo range of a population-weighted mean Σ r_i P_i / Σ P_i over areas with data, drawing each
 * area's rate independently from the distribution fitted to its range (see {@link RangePropagation}).
 * This is the independent-errors alternative to the perfectly correlated weighted sums of bounds used by
 * {@link AggregationState}; it needs the individual ranges, so it is not a mergeable state. Areas without
 * data are not imputed here (pass imputed areas explicitly if wanted).
 *
 * <p>Result: (P2.5, median, P97.5) of the simulated means; the point value Σ best_i P_i / Σ P_i is
 * {@link MonteCarloSummary#pointEstimate()}. Empty input or an area without data fails.
 */
public final class WeightedMeanRange {
    private WeightedMeanRange() {
    }

    /** Simulates the weighted mean of the areas' rates; {@code propagation} sets fit and draws. */
    public static MonteCarloSummary of(List<AreaObservation> areas, RangePropagation propagation,
            UniformRandomProvider rng) {
        Objects.requireNonNull(propagation, "propagation");
        if (areas.isEmpty()) {
            throw DrugstatsException.of("a weighted mean needs at least one area, got none");
        }
        List<Interval> rates = new ArrayList<>();
        double[] w = new double[areas.size()];
        double total = 0;
        for (int i = 0; i < areas.size(); i++) {
            AreaObservation a = areas.get(i);
            rates.add(a.rate().orElseThrow(
                    () -> DrugstatsException.of("area '%s' has no data; only areas with data can be simulated", a.area())));
            total += a.population();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = areas.get(i).population() / total;
        }
        return propagation.simulate(rates, x -> {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += w[i] * x[i];
            }
            return s;
        }, rng);
    }
}
