package org.drugstats.reports.html;

/**
 * A piece of a page section. Templates switch on {@link #kind()}: {@code text}, {@code note}, {@code figure},
 * {@code table}, {@code cards}, {@code facts}.
 */
public sealed interface Block permits Text, Note, Figure, TableView, Cards, Facts {
    /** The template fragment that renders this block. */
    String kind();
}
