package org.drugstats.core.stats.sdg;

/**
 * Type of an illicit financial flow (UNODC–UNCTAD conceptual framework 2020): flows that generate income
 * from illicit markets (e.g. cross-border drug trade), and flows that manage the illicit income
 * (laundering, investment abroad).
 */
public enum FlowType {
    /** Flows generating illicit income. */
    INCOME_GENERATION,
    /** Flows managing illicit income (laundering, investment). */
    INCOME_MANAGEMENT
}
