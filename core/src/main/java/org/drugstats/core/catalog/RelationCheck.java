package org.drugstats.core.catalog;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A published figure set against the same figure recomputed from other entries, with the difference and
 * the tolerance it is judged by (usually half a unit in the last published digit: 5.5% → 0.05).
 *
 * @param publishedId id of the published entry
 * @param published published value in base units
 * @param derived the recomputed figure
 * @param tolerance largest admissible |recomputed − published|, in base units
 * @param editions editions of the published entry and of the derived figure's inputs
 */
public record RelationCheck(String publishedId, double published, Derived derived, double tolerance,
        Set<String> editions) {

    public RelationCheck {
        Objects.requireNonNull(publishedId, "publishedId");
        Objects.requireNonNull(derived, "derived");
        editions = Set.copyOf(editions);
    }

    static RelationCheck of(CatalogEntry published, Derived derived, double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw Problems.entry(published.id(), "value", "tolerance must be finite and ≥ 0, got %s", tolerance);
        }
        if (published.unit() != derived.unit()) {
            throw Problems.entry(published.id(), "unit", "cannot compare unit '%s' with a derived figure in '%s' (%s)",
                    published.unit().code(), derived.unit().code(), derived.formula());
        }
        Set<String> eds = new HashSet<>(derived.editions());
        published.edition().ifPresent(eds::add);
        return new RelationCheck(published.id(), published.scaledValue(), derived, tolerance, eds);
    }

    /** The recomputed value, in base units. */
    public double recomputed() {
        return derived.value();
    }

    /** recomputed − published. */
    public double difference() {
        return derived.value() - published;
    }

    /** (recomputed − published) / published; infinite or NaN when published is 0. */
    public double relativeDifference() {
        return difference() / published;
    }

    /** True when |recomputed − published| ≤ tolerance (false for NaN). */
    public boolean holds() {
        return Math.abs(difference()) <= tolerance;
    }

    /** True when the comparison spans more than one World Drug Report edition. */
    public boolean crossEdition() {
        return editions.size() > 1;
    }
}
