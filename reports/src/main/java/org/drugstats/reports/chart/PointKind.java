package org.drugstats.reports.chart;

/**
 * Whether a plotted value was observed or filled in. Charts draw observed values as filled markers and
 * imputed ones as hollow markers, and say so in the legend; fitted values are lines without markers.
 */
public enum PointKind {
    /** A published or measured value. */
    OBSERVED,
    /** A value filled in for a missing one (e.g. from a subregional average) or estimated by this run. */
    IMPUTED
}
