package org.drugstats.reports.model;

import java.util.Objects;

/**
 * A published headline figure with its provenance, as the overview shows it (from core's indicator
 * catalog). Optional text is null; absent bounds are NaN.
 *
 * @param id catalog id
 * @param title short title
 * @param value the figure in units of 10^unitMultiplier × unit
 * @param lower lower bound or NaN
 * @param upper upper bound or NaN
 * @param unit unit code
 * @param unitMultiplier power of ten
 * @param year year or period ("2021", "2013-2017"), or null
 * @param scope "World", ISO3 or a region name
 * @param indicator indicator id, or null
 * @param sdg SDG code, or null
 * @param sourceDocument the document stating the figure
 * @param sourceLocator paragraph or section
 * @param upstreamSource what the document cites, or null
 * @param edition World Drug Report edition, or null
 * @param quote the phrase in the source
 * @param qualifier how the source hedges the figure ("approximately", "more-than", ...), or null for none
 */
public record Headline(String id, String title, double value, double lower, double upper, String unit,
        int unitMultiplier, String year, String scope, String indicator, String sdg, String sourceDocument,
        String sourceLocator, String upstreamSource, String edition, String quote, String qualifier) {
    public Headline {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(sourceDocument, "sourceDocument");
    }

    /** The catalog entry as a headline. */
    public static Headline of(org.drugstats.core.catalog.CatalogEntry e) {
        return new Headline(e.id(), e.title(), e.value(), e.lower().orElse(Double.NaN), e.upper().orElse(Double.NaN),
                e.unit().code(), e.unitMultiplier(), e.year().orElse(null), e.scope(), e.indicator().orElse(null),
                e.sdg().orElse(null), e.sourceDocument(), e.sourceLocator(), e.upstreamSource().orElse(null),
                e.edition().orElse(null), e.quote(),
                e.qualifier() == org.drugstats.core.catalog.Qualifier.NONE ? null : e.qualifier().code());
    }

    /** Every entry of a catalog, in catalog order. */
    public static java.util.List<Headline> of(org.drugstats.core.catalog.Catalog catalog) {
        return catalog.entries().stream().map(Headline::of).toList();
    }

    /** value × 10^unitMultiplier. */
    public double scaledValue() {
        return value * Math.pow(10, unitMultiplier);
    }

    /** lower × 10^unitMultiplier (NaN when absent). */
    public double scaledLower() {
        return lower * Math.pow(10, unitMultiplier);
    }

    /** upper × 10^unitMultiplier (NaN when absent). */
    public double scaledUpper() {
        return upper * Math.pow(10, unitMultiplier);
    }
}
