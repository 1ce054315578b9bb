package org.drugstats.reports.pages;

import java.util.Locale;
import java.util.Map;

/** Display names for indicator ids, drugs, units and levels. */
final class Labels {

    private static final Map<String, String> INDICATORS = Map.ofEntries(
            Map.entry("prevalence_annual", "Annual prevalence of drug use"),
            Map.entry("people_who_use_drugs", "People who use drugs"),
            Map.entry("population_15_64", "Population aged 15\u201364"),
            Map.entry("population_total", "Total population"),
            Map.entry("treatment_coverage", "Treatment coverage (SDG 3.5.1)"),
            Map.entry("people_with_sud", "People with substance use disorders"),
            Map.entry("treatment_gap", "Treatment gap"),
            Map.entry("treatment_one_in_n", "One in N in treatment"),
            Map.entry("people_in_treatment", "People in treatment"),
            Map.entry("people_with_dud", "People with drug use disorders"),
            Map.entry("cultivation_area_coca", "Coca bush cultivation"),
            Map.entry("cultivation_area_opium_poppy", "Opium poppy cultivation"),
            Map.entry("seizures_quantity", "Drug seizures"),
            Map.entry("opioid_consumption_me", "Opioid consumption (morphine equivalent)"),
            Map.entry("medicine_consumption_sddd", "Consumption of controlled medicines (S-DDD)"),
            Map.entry("illicit_financial_flows", "Illicit financial flows (SDG 16.4.1)"),
            Map.entry("prevalence_lifetime", "Lifetime prevalence of drug use"),
            Map.entry("prevalence_past_month", "Past-month prevalence of drug use"),
            Map.entry("opioid_consumption", "Opioid consumption"),
            Map.entry("opioid_consumption_per_capita", "Opioid consumption per capita"),
            Map.entry("opioid_consumption_me_per_capita", "Opioid consumption per capita (mg morphine equivalent)"),
            Map.entry("opioid_consumption_quantity", "Opioid consumption by drug (kg, INCB Table XII)"),
            Map.entry("treatment_rate", "People treated per 100,000 population (SDG 3.5.1)"),
            Map.entry("cultivation_area_coca_change", "Coca bush cultivation, year-on-year change"),
            Map.entry("cultivation_area_opium_poppy_change", "Opium poppy cultivation, year-on-year change"),
            Map.entry("sdg_3_5_1_alcohol_met_need", "Alcohol treatment coverage (met need, SDG 3.5.1)"),
            Map.entry("sdg_3_5_1_alcohol_people_in_treatment", "People in alcohol treatment (SDG 3.5.1)"),
            Map.entry("sdg_3_5_1_alcohol_estimated_prevalence",
                    "People with alcohol dependence, estimated (SDG 3.5.1)"));

    /**
     * Indicators of the later issues named as the World Drug Report and its sources name them (WDR 2025 statistical
     * annex 1.4 "drug use among young people", annex 8.1 "typical retail and wholesale prices and purities"; NCHS
     * "drug-poisoning death rates, age-adjusted"; EUDA "mass loads" in waste water).
     */
    private static final Map<String, String> WDR_NAMES = Map.ofEntries(
            Map.entry("prevalence_youth_annual", "Annual prevalence of drug use among young people"),
            Map.entry("prevalence_youth_lifetime", "Lifetime prevalence of drug use among young people"),
            Map.entry("prevalence_youth_past_month", "Past-month prevalence of drug use among young people"),
            Map.entry("price_retail", "Typical retail price"),
            Map.entry("price_wholesale", "Typical wholesale price"),
            Map.entry("purity_retail", "Typical retail purity"),
            Map.entry("purity_wholesale", "Typical wholesale purity"),
            Map.entry("price_purity_adjusted_retail", "Purity-adjusted retail price"),
            Map.entry("price_purity_adjusted_wholesale", "Purity-adjusted wholesale price"),
            Map.entry("drug_poisoning_death_rate_age_adjusted", "Drug-poisoning death rate, age-adjusted"),
            Map.entry("drug_poisoning_death_rate", "Drug-poisoning death rate, crude"),
            Map.entry("drug_poisoning_deaths", "Drug-poisoning deaths"),
            Map.entry("wastewater_mass_load", "Mass load in waste water"),
            Map.entry("wastewater_mass_load_mean", "Mass load in waste water, population-weighted mean"),
            Map.entry("wastewater_weekend_weekday_ratio", "Mass load in waste water, weekend to weekday ratio"));

    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("percent", "percent"), Map.entry("persons", "persons"), Map.entry("hectares", "hectares"),
            Map.entry("kg", "kilograms"), Map.entry("tonnes", "tonnes"), Map.entry("usd", "US dollars"),
            Map.entry("mg-per-capita", "mg per capita"), Map.entry("kg-per-100k", "kg per 100,000 inhabitants"),
            Map.entry("s-ddd-per-million-per-day", "S-DDD per million inhabitants per day"),
            Map.entry("fraction", "fraction"), Map.entry("one-in-n", "1 in N"), Map.entry("count", "count"),
            Map.entry("percent-change", "% change"), Map.entry("ratio", "ratio"),
            Map.entry("per-100k", "per 100,000 population"));

    private Labels() {
    }

    /** True when the report has its own short label for the indicator. */
    static boolean hasIndicator(String id) {
        return id != null && (INDICATORS.containsKey(id) || WDR_NAMES.containsKey(id));
    }

    /** "Coca bush cultivation" for cultivation_area_coca; unknown ids humanised ("foo_bar" → "Foo bar"). */
    static String indicator(String id) {
        if (id == null) {
            return "";
        }
        String n = INDICATORS.getOrDefault(id, WDR_NAMES.get(id));
        if (n != null) {
            return n;
        }
        java.util.regex.Matcher sdg = java.util.regex.Pattern.compile("sdg_(\\d+)_(\\d+)_(\\d+)_(.+)").matcher(id);
        if (sdg.matches()) {
            return capitalise(sdg.group(4).replace('_', ' ')) + " (SDG " + sdg.group(1) + "." + sdg.group(2) + "."
                    + sdg.group(3) + ")";
        }
        return capitalise(id.replace('_', ' '));
    }

    /** "Cannabis" for "cannabis"; null or blank as "All drugs". */
    static String drug(String drug) {
        if (drug == null || drug.isBlank()) {
            return "All drugs";
        }
        return capitalise(drug.trim());
    }

    /** A unit in words. */
    static String unit(String code) {
        if (code == null) {
            return "";
        }
        return UNITS.getOrDefault(code, code);
    }

    /** "UNODC region" for unodc_region. */
    static String level(String level) {
        if (level == null) {
            return "";
        }
        return switch (level) {
            case "unodc_region" -> "UNODC region";
            case "unodc_subregion" -> "UNODC sub-region";
            case "m49_region" -> "M49 region";
            case "m49_subregion" -> "M49 sub-region";
            case "world" -> "World";
            default -> level;
        };
    }

    static String capitalise(String s) {
        if (s.isEmpty()) {
            return s;
        }
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** A safe file-name fragment of a text: lower-case letters, digits and '-'. */
    static String slug(String s) {
        String t = s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (t.length() > 48) {
            t = t.substring(0, 48).replaceAll("-+$", "");
        }
        return t.isEmpty() ? "x" : t;
    }
}
