package org.drugstats.reports.pages;

import java.util.Locale;

/**
 * The domain an indicator belongs to, for grouping the Trends page: drug use, supply, deaths, treatment,
 * controlled medicines, waste-water, then everything else.
 */
enum Domain {
    USE("Drug use"),
    SUPPLY("Supply: cultivation, production, seizures"),
    DEATHS("Drug-related deaths"),
    TREATMENT("Treatment (SDG 3.5.1)"),
    MEDICINES("Controlled medicines"),
    WASTEWATER("Waste-water"),
    OTHER("Other series");

    private final String heading;

    Domain(String heading) {
        this.heading = heading;
    }

    String heading() {
        return heading;
    }

    /** The domain of an indicator id. */
    static Domain of(String indicator) {
        String i = indicator == null ? "" : indicator.toLowerCase(Locale.ROOT);
        if (i.startsWith("prevalence") || i.startsWith("people_who_use")) {
            return USE;
        }
        if (i.startsWith("seizure") || i.startsWith("cultivation") || i.startsWith("production")
                || i.startsWith("eradication") || i.startsWith("price") || i.startsWith("purity")) {
            return SUPPLY;
        }
        if (i.contains("death") || i.contains("mortality")) {
            return DEATHS;
        }
        if (i.startsWith("treatment") || i.startsWith("sdg_3_5_1")) {
            return TREATMENT;
        }
        if (i.startsWith("opioid_consumption") || i.startsWith("medicine")) {
            return MEDICINES;
        }
        if (i.startsWith("wastewater")) {
            return WASTEWATER;
        }
        return OTHER;
    }

    /**
     * True for a sub-national series (a local authority, state, region or site): anything but an aggregate, a
     * country (ISO3) or a nation of a country ({@code GB-ENG}).
     */
    static boolean local(String refArea) {
        if (refArea == null || Select.areaRank(refArea) < 4) {
            return false;
        }
        return !(refArea.matches("[A-Z]{3}") || refArea.matches("[A-Z]{2}-[A-Z]{3}"));
    }
}
