package org.drugstats.core.ingest;

import java.util.Map;
import java.util.Optional;

/**
 * The ISO 3166-2:US codes of the fifty states and the District of Columbia ({@code US-AL} … {@code US-WY}, the
 * subdivision part being the USPS abbreviation), by the state name as NCHS publishes it. Source: ISO 3166-2:US
 * (ISO 3166 Maintenance Agency), subdivision category "state" and "district".
 */
final class UsStates {

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("Alabama", "AL"), Map.entry("Alaska", "AK"), Map.entry("Arizona", "AZ"),
            Map.entry("Arkansas", "AR"), Map.entry("California", "CA"), Map.entry("Colorado", "CO"),
            Map.entry("Connecticut", "CT"), Map.entry("Delaware", "DE"), Map.entry("District of Columbia", "DC"),
            Map.entry("Florida", "FL"), Map.entry("Georgia", "GA"), Map.entry("Hawaii", "HI"),
            Map.entry("Idaho", "ID"), Map.entry("Illinois", "IL"), Map.entry("Indiana", "IN"),
            Map.entry("Iowa", "IA"), Map.entry("Kansas", "KS"), Map.entry("Kentucky", "KY"),
            Map.entry("Louisiana", "LA"), Map.entry("Maine", "ME"), Map.entry("Maryland", "MD"),
            Map.entry("Massachusetts", "MA"), Map.entry("Michigan", "MI"), Map.entry("Minnesota", "MN"),
            Map.entry("Mississippi", "MS"), Map.entry("Missouri", "MO"), Map.entry("Montana", "MT"),
            Map.entry("Nebraska", "NE"), Map.entry("Nevada", "NV"), Map.entry("New Hampshire", "NH"),
            Map.entry("New Jersey", "NJ"), Map.entry("New Mexico", "NM"), Map.entry("New York", "NY"),
            Map.entry("North Carolina", "NC"), Map.entry("North Dakota", "ND"), Map.entry("Ohio", "OH"),
            Map.entry("Oklahoma", "OK"), Map.entry("Oregon", "OR"), Map.entry("Pennsylvania", "PA"),
            Map.entry("Rhode Island", "RI"), Map.entry("South Carolina", "SC"), Map.entry("South Dakota", "SD"),
            Map.entry("Tennessee", "TN"), Map.entry("Texas", "TX"), Map.entry("Utah", "UT"),
            Map.entry("Vermont", "VT"), Map.entry("Virginia", "VA"), Map.entry("Washington", "WA"),
            Map.entry("West Virginia", "WV"), Map.entry("Wisconsin", "WI"), Map.entry("Wyoming", "WY"));

    private UsStates() {
    }

    /** The ISO 3166-2 code ({@code US-AL}) of a state or the District of Columbia, by its full name. */
    static Optional<String> code(String name) {
        String c = CODES.get(name == null ? null : name.strip());
        return c == null ? Optional.empty() : Optional.of("US-" + c);
    }

    /** How many subdivisions the table holds (51). */
    static int size() {
        return CODES.size();
    }
}
