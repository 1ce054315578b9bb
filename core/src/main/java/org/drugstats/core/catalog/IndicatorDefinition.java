package org.drugstats.core.catalog;

import java.util.Objects;
import java.util.Optional;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Unit;

/**
 * What an indicator measures, separate from any value of it: e.g. {@code treatment_coverage}, SDG
 * indicator 3.5.1, = people in treatment / people with drug use disorders × 100, custodian WHO with
 * UNODC.
 *
 * <p>The constructor checks the definition on its own (id format, non-blank texts, SDG code format);
 * references to other indicators in {@link #computedFrom()} are checked by {@link Catalog}, which sees
 * all definitions. Violations throw {@link DrugstatsException} naming the definition and the field.
 *
 * @param id lowercase dotted id, e.g. {@code treatment_coverage}
 * @param name human-readable name (the official name for SDG indicators)
 * @param unit unit of the indicator's values
 * @param definition what the indicator measures
 * @param sdg SDG indicator or target code, e.g. {@code 3.5.1}, if the indicator monitors one
 * @param custodian the agency responsible for the indicator, where known
 * @param computedFrom formula and input indicators, for derived indicators
 * @param reference where the definition comes from
 */
public record IndicatorDefinition(String id, String name, Unit unit, String definition, Optional<String> sdg,
        Optional<String> custodian, Optional<ComputedFrom> computedFrom, String reference) {

    public IndicatorDefinition {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(sdg, "sdg");
        Objects.requireNonNull(custodian, "custodian");
        Objects.requireNonNull(computedFrom, "computedFrom");
        if (!Identifiers.isId(id)) {
            throw Problems.field(Problems.subject(Problems.INDICATOR, String.valueOf(id)), "id",
                    "expected a lowercase dotted id like 'treatment_coverage', got '%s'", id);
        }
        requireText(id, "name", name);
        requireText(id, "definition", definition);
        requireText(id, "reference", reference);
        if (!Identifiers.hasText(custodian)) {
            throw Problems.indicator(id, "custodian", "must not be blank (write null when unknown)");
        }
        if (sdg.isPresent() && !Identifiers.isSdg(sdg.get())) {
            throw Problems.indicator(id, "sdg", "expected an SDG target or indicator code like '16.4' or '3.5.1', got '%s'",
                    sdg.get());
        }
        if (computedFrom.isPresent()) {
            ComputedFrom c = computedFrom.get();
            if (!Identifiers.hasText(c.formula())) {
                throw Problems.indicator(id, "computed_from", "formula must not be blank");
            }
            if (c.inputs().isEmpty()) {
                throw Problems.indicator(id, "computed_from", "inputs must name at least one indicator id");
            }
        }
    }

    private static void requireText(String id, String field, String value) {
        if (!Identifiers.hasText(value)) {
            throw Problems.indicator(id, field, "must not be blank");
        }
    }
}
