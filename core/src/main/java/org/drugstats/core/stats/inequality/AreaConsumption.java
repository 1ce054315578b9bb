package org.drugstats.core.stats.inequality;

import java.util.OptionalDouble;
import org.drugstats.core.DrugstatsException;

/**
 * One area's population and consumption (any quantity: kg, mg ME, S-DDD), with an optional external
 * ranking variable (e.g. income per capita) for concentration curves.
 *
 * @param area area name or code
 * @param population population, &gt; 0
 * @param consumption consumption, ≥ 0
 * @param rankingVariable external ranking variable, if any
 */
public record AreaConsumption(String area, double population, double consumption, OptionalDouble rankingVariable) {

    /** Validates: area non-blank, population &gt; 0, consumption ≥ 0, all finite. */
    public AreaConsumption {
        if (area == null || area.isBlank()) {
            throw DrugstatsException.of("area name must not be blank");
        }
        if (!(population > 0) || Double.isInfinite(population)) {
            throw DrugstatsException.of("area '%s': population must be finite and > 0, got %s", area, population);
        }
        if (!(consumption >= 0) || Double.isInfinite(consumption)) {
            throw DrugstatsException.of("area '%s': consumption must be finite and >= 0, got %s", area, consumption);
        }
        if (rankingVariable == null) {
            rankingVariable = OptionalDouble.empty();
        }
        if (rankingVariable.isPresent() && !Double.isFinite(rankingVariable.getAsDouble())) {
            throw DrugstatsException.of("area '%s': ranking variable must be finite, got %s", area,
                    rankingVariable.getAsDouble());
        }
    }

    /** An area without an external ranking variable. */
    public static AreaConsumption of(String area, double population, double consumption) {
        return new AreaConsumption(area, population, consumption, OptionalDouble.empty());
    }

    /** An area with an external ranking variable (concentration curves). */
    public static AreaConsumption of(String area, double population, double consumption, double rankingVariable) {
        return new AreaConsumption(area, population, consumption, OptionalDouble.of(rankingVariable));
    }

    /** consumption / population. */
    public double perCapita() {
        return consumption / population;
    }
}
