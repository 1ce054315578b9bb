package org.drugstats.core.stats.aggregate;

import java.util.Optional;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * One area (country) with its grouping, its population (the base of the rate, e.g. aged 15–64) and its
 * rate, if any. The grouping is data: UNODC regions or M49 regions alike.
 *
 * @param area area name or code, unique within an aggregation
 * @param subregion subregion name
 * @param region region name
 * @param population population, finite and &gt; 0
 * @param rate the rate as (low, best, high); empty when the area has no data
 * @param bounded true when low and high were reported; an unbounded rate is stored as the exact range
 *     (v, v, v) and makes the aggregate's bounds unavailable
 */
public record AreaObservation(String area, String subregion, String region, double population,
        Optional<Interval> rate, boolean bounded) {

    /** Validates names, population and the consistency of rate and bounded. */
    public AreaObservation {
        requireName(area, "area");
        requireName(subregion, "subregion of " + area);
        requireName(region, "region of " + area);
        if (!(population > 0) || Double.isInfinite(population)) {
            throw DrugstatsException.of("area '%s': population must be finite and > 0, got %s", area, population);
        }
        if (rate == null) {
            rate = Optional.empty();
        }
        if (bounded && rate.isEmpty()) {
            throw DrugstatsException.of("area '%s': bounds without a value", area);
        }
    }

    /** An area whose rate was reported with bounds (low, best, high). */
    public static AreaObservation withRange(String area, String subregion, String region, double population,
            Interval rate) {
        return new AreaObservation(area, subregion, region, population, Optional.of(rate), true);
    }

    /** An area whose rate was reported without bounds. */
    public static AreaObservation withValue(String area, String subregion, String region, double population,
            double value) {
        return new AreaObservation(area, subregion, region, population, Optional.of(Interval.exact(value)), false);
    }

    /** An area without data (to be imputed). */
    public static AreaObservation withoutData(String area, String subregion, String region, double population) {
        return new AreaObservation(area, subregion, region, population, Optional.empty(), false);
    }

    /** True when the area reported a rate. */
    public boolean hasData() {
        return rate.isPresent();
    }

    private static void requireName(String s, String what) {
        if (s == null || s.isBlank()) {
            throw DrugstatsException.of("%s must not be blank", what);
        }
    }
}
