package org.drugstats.reports.html;

/**
 * An entry of the navigation bar.
 *
 * @param href page file
 * @param label link text
 * @param current true on the page itself
 */
public record NavItem(String href, String label, boolean current) {
}
