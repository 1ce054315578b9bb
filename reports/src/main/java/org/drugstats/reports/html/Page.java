package org.drugstats.reports.html;

import java.util.List;
import java.util.Objects;

/**
 * One HTML page of the report.
 *
 * @param file file name, e.g. {@code drug-use.html}
 * @param title page title
 * @param navLabel short label in the navigation bar
 * @param lead one or two sentences under the title: what the page answers
 * @param sections the page's sections, in order
 */
public record Page(String file, String title, String navLabel, String lead, List<Section> sections) {
    public Page {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(navLabel, "navLabel");
        lead = lead == null ? "" : lead;
        sections = List.copyOf(sections);
    }
}
