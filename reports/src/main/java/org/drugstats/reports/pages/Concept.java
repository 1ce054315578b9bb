package org.drugstats.reports.pages;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.drugstats.reports.model.ResultObservation;

/**
 * The subjects of the report's pages and how result rows are recognised as belonging to them: by indicator
 * id (the catalog's ids, e.g. {@code cultivation_area_coca}; ids that share the stem, e.g.
 * {@code cultivation_area} with drug "coca bush", match too, as do prefixed ids of the SDG extracts).
 */
public enum Concept {
    /** Annual prevalence of drug use, percent of the population aged 15–64. */
    PREVALENCE("prevalence_annual"),
    /** People who use drugs (prevalence × population 15–64). */
    PEOPLE_WHO_USE("people_who_use_drugs"),
    /** Population aged 15–64. */
    POPULATION_15_64("population_15_64"),
    /** Treatment coverage, SDG 3.5.1. */
    TREATMENT_COVERAGE("treatment_coverage", "met_need"),
    /** Treatment gap = 1 − coverage. */
    TREATMENT_GAP("treatment_gap"),
    /** "1 in N" in treatment. */
    TREATMENT_ONE_IN_N("treatment_one_in_n", "one_in_n"),
    /** People in treatment. */
    PEOPLE_IN_TREATMENT("people_in_treatment"),
    /** People with drug (or substance) use disorders. */
    PEOPLE_WITH_DISORDERS("people_with_dud", "people_with_sud", "estimated_prevalence", "people_dependent"),
    /** Coca bush cultivation, hectares. */
    COCA("cultivation_area_coca"),
    /** Opium poppy cultivation, hectares. */
    OPIUM_POPPY("cultivation_area_opium_poppy"),
    /** Any cultivation (the stem). */
    CULTIVATION("cultivation_area"),
    /** Drug seizures, kilograms. */
    SEIZURES("seizures_quantity"),
    /** Consumption of controlled medicines. */
    CONSUMPTION("opioid_consumption_me", "medicine_consumption_sddd", "opioid_consumption"),
    /** Illicit financial flows, SDG 16.4.1. */
    FINANCIAL_FLOWS("illicit_financial_flows");

    private final List<String> ids;
    private final List<String> prefixes;
    private final List<String> suffixes;

    Concept(String... ids) {
        this.ids = List.of(ids);
        this.prefixes = this.ids.stream().map(id -> id + "_").toList();
        this.suffixes = this.ids.stream().map(id -> "_" + id).toList();
    }

    /** The indicator ids (first: the catalog's id). */
    public List<String> ids() {
        return ids;
    }

    /**
     * True when the indicator id is one of this concept's ids, extends one with a suffix
     * ({@code cultivation_area_coca} for {@code cultivation_area}) or ends with one after a prefix (the SDG
     * extract's {@code sdg_3_5_1_alcohol_met_need} for {@code met_need}).
     */
    public boolean matches(String indicator) {
        if (indicator == null) {
            return false;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (indicator.equals(ids.get(i)) || indicator.startsWith(prefixes.get(i))
                    || indicator.endsWith(suffixes.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** A predicate on rows. */
    public Predicate<ResultObservation> rows() {
        return o -> matches(o.indicator());
    }

    /** True when a cultivation row is about coca (by id or by drug). */
    static boolean isCoca(ResultObservation o) {
        return COCA.matches(o.indicator()) || CULTIVATION.matches(o.indicator()) && o.drug() != null
                && o.drug().toLowerCase(Locale.ROOT).contains("coca");
    }

    /** True when a cultivation row is about opium poppy (by id or by drug). */
    static boolean isOpiumPoppy(ResultObservation o) {
        return OPIUM_POPPY.matches(o.indicator()) || CULTIVATION.matches(o.indicator()) && o.drug() != null
                && (o.drug().toLowerCase(Locale.ROOT).contains("opium") || o.drug().toLowerCase(Locale.ROOT)
                        .contains("poppy"));
    }
}
