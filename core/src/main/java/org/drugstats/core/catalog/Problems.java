package org.drugstats.core.catalog;

import java.util.Locale;
import org.drugstats.core.DrugstatsException;

/**
 * Builds the one-line validation messages of the catalog, in one format:
 * {@code <what> '<id>': field '<field>': <problem>}, e.g.
 * {@code catalog entry 'people_with_dud.global.2021': field 'unit': unknown unit 'persns'; ...}.
 */
final class Problems {
    static final String ENTRY = "catalog entry";
    static final String INDICATOR = "indicator definition";

    private Problems() {
    }

    /** Subject of a message for an element with an id: {@code catalog entry 'x'}. */
    static String subject(String kind, String id) {
        return kind + " '" + id + "'";
    }

    /** Subject of a message for an element whose id is missing: {@code catalog entry at index 3}. */
    static String subjectAt(String kind, int index) {
        return kind + " at index " + index;
    }

    static DrugstatsException field(String subject, String field, String template, Object... args) {
        return DrugstatsException.of("%s: field '%s': %s", subject, field,
                String.format(Locale.ROOT, template, args));
    }

    static DrugstatsException entry(String id, String field, String template, Object... args) {
        return field(subject(ENTRY, id), field, template, args);
    }

    static DrugstatsException indicator(String id, String field, String template, Object... args) {
        return field(subject(INDICATOR, id), field, template, args);
    }
}
