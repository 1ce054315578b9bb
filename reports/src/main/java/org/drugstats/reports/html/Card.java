package org.drugstats.reports.html;

import java.util.Objects;

/**
 * A headline figure as published, with its source and year, a link to the page that details it, and, where
 * this run's data recompute it, the recomputed value and the difference.
 *
 * @param id anchor id
 * @param title what the figure is
 * @param value the figure as published, formatted ("39.5 million")
 * @param range published range, formatted, or empty
 * @param context scope and year ("World, 2021")
 * @param source source document and locator
 * @param upstream what the source cites, or empty
 * @param quote the exact phrase in the source
 * @param detailHref relative link to the detail page section
 * @param detailLabel text of that link
 * @param recomputed this run's value, formatted, or empty when the run does not recompute the figure
 * @param difference recomputed minus published, formatted with its relative size, or empty
 * @param recomputedNote how the run's value was obtained, or empty
 */
public record Card(String id, String title, String value, String range, String context, String source,
        String upstream, String quote, String detailHref, String detailLabel, String recomputed, String difference,
        String recomputedNote) {
    public Card {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(value, "value");
        range = range == null ? "" : range;
        context = context == null ? "" : context;
        Objects.requireNonNull(source, "source");
        upstream = upstream == null ? "" : upstream;
        quote = quote == null ? "" : quote;
        Objects.requireNonNull(detailHref, "detailHref");
        Objects.requireNonNull(detailLabel, "detailLabel");
        recomputed = recomputed == null ? "" : recomputed;
        difference = difference == null ? "" : difference;
        recomputedNote = recomputedNote == null ? "" : recomputedNote;
    }

    /** True when the run recomputed the figure. */
    public boolean compared() {
        return !recomputed.isEmpty();
    }
}
