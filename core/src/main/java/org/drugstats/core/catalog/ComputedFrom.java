package org.drugstats.core.catalog;

import java.util.List;
import java.util.Objects;

/**
 * How an indicator is computed from others: the formula as text and the ids of the indicators it uses.
 *
 * @param formula the formula, e.g. {@code treatment_coverage = people_in_treatment / people_with_dud × 100}
 * @param inputs ids of the indicator definitions the formula uses (each must exist in the catalog)
 */
public record ComputedFrom(String formula, List<String> inputs) {
    public ComputedFrom {
        Objects.requireNonNull(formula, "formula");
        inputs = List.copyOf(inputs);
    }
}
