package org.drugstats.core.stats.aggregate;

import org.drugstats.core.DrugstatsException;

/**
 * Settings of {@link AggregationState#finish}: the minimum coverage below which an aggregate's value is
 * withheld.
 *
 * <p><b>Default minimum coverage: {@value #DEFAULT_MINIMUM_COVERAGE}</b> — an aggregate is published only
 * when areas with data hold at least half of its population. Justification: below one half, imputed
 * areas (which merely repeat the subregional or regional average) would outweigh measured ones, so the
 * aggregate would mostly restate its own imputation. A 50% population rule is a common convention for UN
 * regional aggregates (UNICEF's statistical tables are the usual example); that attribution is <b>not
 * confirmed</b> here, and UNODC publishes no numeric threshold for the World Drug Report, so the default is
 * this project's choice. Callers publishing to a stricter standard should raise it.
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
