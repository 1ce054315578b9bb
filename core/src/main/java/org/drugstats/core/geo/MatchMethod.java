package org.drugstats.core.geo;

/** How a name was matched to an area. */
public enum MatchMethod {
    /** The clean name equals an official M49 name. */
    EXACT,
    /** The name equals an official M49 name after case, diacritics, apostrophes and {@code &} are folded. */
    NORMALISED,
    /** The name is listed in {@code country-aliases.csv}. */
    ALIAS,
    /** The input is an ISO 3166-1 alpha-3 code of a known country. */
    ISO3_CODE
}
