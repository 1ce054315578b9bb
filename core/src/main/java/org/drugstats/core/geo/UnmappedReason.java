package org.drugstats.core.geo;

/** Why a name does not denote one country or territory. */
public enum UnmappedReason {
    /** A group of countries: the world, a region, a table's Total row, a development or income group. */
    AGGREGATE,
    /** A residual row of a table, e.g. "Other countries". */
    RESIDUAL,
    /** The cell was empty. */
    EMPTY,
    /** Not a known name, alias, aggregate or residual. The caller must report it. */
    UNKNOWN
}
