package org.drugstats.core.stats.sdg;

import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * One reported illicit financial flow for SDG 16.4.1, in current US dollars (the indicator's unit:
 * "total value of inward and outward illicit financial flows (in current United States dollars)").
 *
 * @param country reporting country
 * @param region its region (the grouping is data)
 * @param year reference year
 * @param direction inward or outward
 * @param type income generation or income management
 * @param usdCurrent value in current USD, (low, best, high), ≥ 0
 */
public record IllicitFinancialFlow(String country, String region, int year, FlowDirection direction, FlowType type,
        Interval usdCurrent) {

    /** Validates names, enums and a non-negative value. */
    public IllicitFinancialFlow {
        if (country == null || country.isBlank() || region == null || region.isBlank()) {
            throw DrugstatsException.of("an illicit financial flow needs a country and a region, got '%s', '%s'",
                    country, region);
        }
        if (direction == null || type == null || usdCurrent == null) {
            throw DrugstatsException.of("flow of '%s' %d needs a direction, a type and a value", country, year);
        }
        if (!(usdCurrent.low() >= 0)) {
            throw DrugstatsException.of("flow of '%s' %d: value must be >= 0 USD, got (%s, %s, %s)", country, year,
                    usdCurrent.low(), usdCurrent.best(), usdCurrent.high());
        }
    }
}
