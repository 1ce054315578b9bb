package org.drugstats.core.stats.sdg;

import java.util.Optional;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * One country's SDG 3.5.1 inputs for regional aggregation.
 *
 * @param area country name or code
 * @param region region name (the grouping is data)
 * @param population population used for the coverage rule (e.g. aged 15–64), &gt; 0
 * @param treated people in treatment, if reported
 * @param withDisorders people with disorders, if estimated
 */
public record CountryTreatment(String area, String region, double population, Optional<Interval> treated,
        Optional<Interval> withDisorders) {

    /** Validates names and population. */
    public CountryTreatment {
        if (area == null || area.isBlank() || region == null || region.isBlank()) {
            throw DrugstatsException.of("country treatment record needs an area and a region, got '%s', '%s'", area,
                    region);
        }
        if (!(population > 0) || Double.isInfinite(population)) {
            throw DrugstatsException.of("area '%s': population must be finite and > 0, got %s", area, population);
        }
        treated = treated == null ? Optional.empty() : treated;
        withDisorders = withDisorders == null ? Optional.empty() : withDisorders;
    }

    /** True when both the treated count and the disorder estimate are present. */
    public boolean hasData() {
        return treated.isPresent() && withDisorders.isPresent();
    }
}
