package org.drugstats.core.stats.aggregate;

import org.drugstats.core.DrugstatsException;

/**
 * Settings of {@link AggregationState#finish}: the minimum coverage below which an aggregate's value is
 * withheld.
 *
 * <p><b>Default minimum coverage: {@value #DEFAULT_MINIMUM_COVERAGE}</b> — an aggregate is published only
 * when areas with data hold at least half of its population, so that imputed areas never outweigh
 * measured ones. This is the rule UNICEF applies to its regional and global aggregates ("data cover at
 * least 50 per cent of the population") and the usual practice in WHO's SDG reporting; UNODC does not
 * publish a numeric threshold for the World Drug Report, so this default is our choice, not a UNODC rule.
 * Coverage exactly at the minimum passes.
 */
public final class AggregationRule {
    /** Default minimum population coverage (0.5). */
    public static final double DEFAULT_MINIMUM_COVERAGE = 0.5;

    private final double minimumCoverage;

    private AggregationRule(double minimumCoverage) {
        this.minimumCoverage = minimumCoverage;
    }

    /** Minimum coverage {@value #DEFAULT_MINIMUM_COVERAGE}. */
    public static AggregationRule withDefaults() {
        return new AggregationRule(DEFAULT_MINIMUM_COVERAGE);
    }

    /** A copy with minimum coverage {@code c} in [0, 1]. */
    public AggregationRule withMinimumCoverage(double c) {
        if (!(c >= 0 && c <= 1)) {
            throw DrugstatsException.of("minimum coverage must be a fraction in [0, 1], got %s", c);
        }
        return new AggregationRule(c);
    }

    /** The minimum coverage. */
    public double minimumCoverage() {
        return minimumCoverage;
    }
}
