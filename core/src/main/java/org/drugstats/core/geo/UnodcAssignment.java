package org.drugstats.core.geo;

import java.util.Objects;

/**
 * A country's place in the UNODC regional grouping of the World Drug Report.
 *
 * @param iso3 ISO 3166-1 alpha-3 ({@code XKX} for Kosovo)
 * @param regionCode UNODC region code, e.g. {@code UNODC_AFR}
 * @param region region name as in the annex, e.g. "Africa"
 * @param subregionCode UNODC sub-region code, e.g. {@code UNODC_AFR_EAST}
 * @param subregion sub-region name as in the annex, e.g. "East Africa"
 * @param basis where the assignment comes from: {@code annex} (the country appears under this sub-region in
 *     WDR 2025 annex table 1.2 or 7.1) or {@code m49:NNN} (not in the annex tables; assigned the UNODC
 *     sub-region of most annex countries of its M49 group NNN)
 */
public record UnodcAssignment(String iso3, String regionCode, String region, String subregionCode, String subregion,
        String basis) {

    public UnodcAssignment {
        Objects.requireNonNull(iso3, "iso3");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(subregionCode, "subregionCode");
        Objects.requireNonNull(subregion, "subregion");
        Objects.requireNonNull(basis, "basis");
    }
}
