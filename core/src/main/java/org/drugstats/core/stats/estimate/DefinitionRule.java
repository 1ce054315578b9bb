package org.drugstats.core.stats.estimate;

import org.drugstats.core.stats.uncertainty.Interval;

/**
 * How a country's estimate of a WDR drug is built from the annex rows of one survey year ({@link WdrDrug}).
 *
 * <p>{@link #UNION} of two components with prevalences a and b (percent, 15–64): the people who use either.
 * The table does not say how many use both. Best = a + b − a·b/100 (the two uses independent in the
 * population); low = max(a_low, b_low) (complete overlap: every user of the smaller group also uses the other);
 * high = min(100, a_high + b_high) (no overlap). A component without a published range enters with its best
 * value as both bounds.
 */
public enum DefinitionRule {
    /** The drug's own row (cannabis, cocaine, ecstasy). */
    OWN_ROW("row"),
    /** The group's own row ({@code opioids}). */
    GROUP_ROW("group-row"),
    /** The union of the two component rows of one survey year. */
    UNION("union-of-components"),
    /** Only one component reported in the survey year; used alone. */
    COMPONENT_ONLY("component-only");

    private final String code;

    DefinitionRule(String code) {
        this.code = code;
    }

    /** The code written on estimates. */
    public String code() {
        return code;
    }

    /** The union of two prevalence ranges in percent, as described in the class comment. */
    public static Interval union(Interval a, Interval b) {
        double best = a.best() + b.best() - a.best() * b.best() / 100.0;
        double low = Math.max(a.low(), b.low());
        double high = Math.min(100.0, a.high() + b.high());
        return Interval.of(Math.min(low, best), best, Math.max(high, best));
    }
}
