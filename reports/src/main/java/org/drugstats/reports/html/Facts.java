package org.drugstats.reports.html;

import java.util.List;
import java.util.Objects;

/**
 * A definition list of short facts ("Gini: 0.79", "Ranking: per capita consumption").
 *
 * @param items term and description pairs
 */
public record Facts(List<Fact> items) implements Block {

    /**
     * One fact.
     *
     * @param term the term
     * @param description its value or explanation
     */
    public record Fact(String term, String description) {
        public Fact {
            Objects.requireNonNull(term, "term");
            Objects.requireNonNull(description, "description");
        }
    }

    public Facts {
        items = List.copyOf(items);
    }

    @Override
    public String kind() {
        return "facts";
    }
}
