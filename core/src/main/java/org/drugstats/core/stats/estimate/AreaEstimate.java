package org.drugstats.core.stats.estimate;

import java.util.List;
import java.util.Objects;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * One estimate of a drug in an area and year: prevalence among 15–64 (percent) and people who use the drug
 * (persons), with ranges and what they rest on.
 *
 * @param level country, sub-region, region or world
 * @param refArea ISO3, UNODC aggregate code or {@code WLD}
 * @param areaName name (the WDR's names for aggregates)
 * @param year target year
 * @param drug the WDR drug
 * @param percent prevalence, percent of the population aged 15–64
 * @param persons people who used the drug in the past year, aged 15–64
 * @param population persons aged 15–64 of the area in the year (the weight)
 * @param coverage population share of countries with a national estimate (carried ones included)
 * @param nAreas member countries with a population in the year
 * @param nWithData countries with a national estimate within the window
 * @param imputedAreas ISO3 of countries imputed, sorted
 * @param carriedAreas {@code ISO3:surveyYear} of countries whose estimate is from an earlier year, sorted
 * @param method how the value was obtained (see {@link WdrEstimator})
 * @param headline true when the estimate may be published as a headline (aggregates: coverage at least the
 *     minimum; countries: a national estimate)
 * @param notes rules, flags and sources, {@code ; }-joined
 */
public record AreaEstimate(EstimateLevel level, String refArea, String areaName, int year, WdrDrug drug,
        Interval percent, Interval persons, double population, double coverage, int nAreas, int nWithData,
        List<String> imputedAreas, List<String> carriedAreas, String method, boolean headline, String notes) {

    public AreaEstimate {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(refArea, "refArea");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(persons, "persons");
        imputedAreas = List.copyOf(imputedAreas);
        carriedAreas = List.copyOf(carriedAreas);
    }
}
