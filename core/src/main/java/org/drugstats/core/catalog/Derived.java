package org.drugstats.core.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.drugstats.core.data.Unit;

/**
 * A figure recomputed from catalog entries by {@link CatalogRelations}.
 *
 * @param formula the computation, with entry ids, e.g. {@code 100 / treatment_one_in_n.global.wdr2023}
 * @param value the result in base units (no unit multiplier: 27.2 million is {@code 2.72E7})
 * @param unit unit of the result
 * @param inputs ids of the entries used
 * @param editions the World Drug Report editions of the inputs (empty when none has one)
 */
public record Derived(String formula, double value, Unit unit, List<String> inputs, Set<String> editions) {
    public Derived {
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(unit, "unit");
        inputs = List.copyOf(inputs);
        editions = Set.copyOf(editions);
    }

    /** True when the inputs come from more than one edition (allowed only by {@link EditionPolicy#ALLOW_CROSS_EDITION}). */
    public boolean crossEdition() {
        return editions.size() > 1;
    }
}
