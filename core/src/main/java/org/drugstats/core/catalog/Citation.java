package org.drugstats.core.catalog;

import java.util.Objects;

/**
 * A further place where a catalog figure is stated: document, paragraph and the exact quote.
 *
 * @param sourceDocument UN symbol of the document, or its title and date when it has none
 * @param sourceLocator paragraph or section, e.g. {@code para. 42}
 * @param quote the exact short phrase from the document
 */
public record Citation(String sourceDocument, String sourceLocator, String quote) {
    public Citation {
        Objects.requireNonNull(sourceDocument, "sourceDocument");
        Objects.requireNonNull(sourceLocator, "sourceLocator");
        Objects.requireNonNull(quote, "quote");
    }
}
