package org.drugstats.core.geo;

import java.util.Objects;

/**
 * One country or area of the UN M49 standard (UN Statistics Division), with its place in the M49
 * hierarchy and its development-group flags.
 *
 * <p>Codes are kept as published, with leading zeros ({@code "012"}). Areas outside every region (Antarctica)
 * have empty region fields; areas without an intermediate region have empty intermediate fields.
 *
 * @param m49 three-digit M49 code
 * @param iso2 ISO 3166-1 alpha-2
 * @param iso3 ISO 3166-1 alpha-3
 * @param name name as in the M49 file
 * @param regionCode M49 region code ("002" Africa), or empty
 * @param region region name, or empty
 * @param subregionCode M49 sub-region code, or empty
 * @param subregion sub-region name, or empty
 * @param intermediateCode M49 intermediate region code, or empty
 * @param intermediateRegion intermediate region name, or empty
 * @param ldc least developed country
 * @param lldc land-locked developing country
 * @param sids small island developing state
 */
public record M49Country(String m49, String iso2, String iso3, String name, String regionCode, String region,
        String subregionCode, String subregion, String intermediateCode, String intermediateRegion, boolean ldc,
        boolean lldc, boolean sids) {

    public M49Country {
        Objects.requireNonNull(m49, "m49");
        Objects.requireNonNull(iso3, "iso3");
        Objects.requireNonNull(name, "name");
        iso2 = Objects.requireNonNullElse(iso2, "");
        regionCode = Objects.requireNonNullElse(regionCode, "");
        region = Objects.requireNonNullElse(region, "");
        subregionCode = Objects.requireNonNullElse(subregionCode, "");
        subregion = Objects.requireNonNullElse(subregion, "");
        intermediateCode = Objects.requireNonNullElse(intermediateCode, "");
        intermediateRegion = Objects.requireNonNullElse(intermediateRegion, "");
    }

    /**
     * The most detailed M49 grouping the country belongs to: its intermediate region when it has one, else its
     * sub-region, else its region; empty for areas outside every region.
     */
    public String finestGroupCode() {
        if (!intermediateCode.isEmpty()) {
            return intermediateCode;
        }
        return subregionCode.isEmpty() ? regionCode : subregionCode;
    }
}
