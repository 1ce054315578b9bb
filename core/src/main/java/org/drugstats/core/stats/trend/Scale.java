package org.drugstats.core.stats.trend;

/**
 * The scale on which a trend line is fitted.
 *
 * <p>On {@link #LOG} the model is ln(y) = b0 + b1·x and a slope b is reported as the annual percent change
 * APC = 100·(e<sup>b</sup> − 1). On {@link #LINEAR} the model is y = b0 + b1·x and the slope is an absolute
 * change per unit of x (NCI Joinpoint calls it the annual change, AC, and its average the AAC).
 */
public enum Scale {
    /** ln(y) is modelled; requires y &gt; 0 (or an explicit offset). */
    LOG,
    /** y is modelled as is. */
    LINEAR
}
