package org.drugstats.reports.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A titled part of a page, linked from the page's table of contents.
 *
 * @param id anchor id, unique on the page
 * @param heading section heading
 * @param blocks content in order
 */
public record Section(String id, String heading, List<Block> blocks) {
    public Section {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(heading, "heading");
        blocks = List.copyOf(blocks);
    }

    /** A builder for a section. */
    public static Builder builder(String id, String heading) {
        return new Builder(id, heading);
    }

    /** Collects blocks. */
    public static final class Builder {
        private final String id;
        private final String heading;
        private final List<Block> blocks = new ArrayList<>();

        private Builder(String id, String heading) {
            this.id = id;
            this.heading = heading;
        }

        public Builder add(Block b) {
            blocks.add(Objects.requireNonNull(b, "block"));
            return this;
        }

        public Builder text(String t) {
            return add(new Text(t));
        }

        public Section build() {
            return new Section(id, heading, blocks);
        }
    }
}
