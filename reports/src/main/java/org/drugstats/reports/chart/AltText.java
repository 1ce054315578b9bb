package org.drugstats.reports.chart;

import java.util.List;

/** Small helpers to compose alt texts in plain English. */
final class AltText {
    private static final int MAX_LISTED = 8;

    private AltText() {
    }

    /** "A", "A and B", "A, B and C"; more than eight items as the first eight and "and N more". */
    static String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() > MAX_LISTED) {
            return String.join(", ", items.subList(0, MAX_LISTED)) + " and " + (items.size() - MAX_LISTED) + " more";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
