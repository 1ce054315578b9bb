package org.drugstats.reports.html;

import java.util.Objects;

/**
 * A paragraph of prose; escaped like all text from the model.
 *
 * @param text the paragraph
 */
public record Text(String text) implements Block {
    public Text {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String kind() {
        return "text";
    }
}
