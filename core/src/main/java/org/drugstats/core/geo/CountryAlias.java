package org.drugstats.core.geo;

import java.util.Objects;

/**
 * A name that publishers use for a country but that differs from its M49 name, or a part of a country that a
 * publisher reports separately. One row of {@code country-aliases.csv}.
 *
 * @param alias the name as published
 * @param iso3 ISO 3166-1 alpha-3 of the country
 * @param areaCode the code to store: {@code iso3}, or an ISO 3166-2 code for a part of the country
 * @param name canonical name of the area the alias denotes
 * @param note why the alias exists and where it was seen
 */
public record CountryAlias(String alias, String iso3, String areaCode, String name, String note) {

    public CountryAlias {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(iso3, "iso3");
        areaCode = areaCode == null || areaCode.isBlank() ? iso3 : areaCode;
        name = Objects.requireNonNullElse(name, "");
        note = Objects.requireNonNullElse(note, "");
    }
}
