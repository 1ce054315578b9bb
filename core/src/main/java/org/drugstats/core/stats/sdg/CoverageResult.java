package org.drugstats.core.stats.sdg;

import java.util.Optional;
import java.util.OptionalLong;
import org.drugstats.core.stats.uncertainty.BoundMethod;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * SDG 3.5.1 treatment coverage of one population.
 *
 * @param coveragePercent treated / with disorders × 100 from the best estimates (the published figure)
 * @param coverageRange range of the coverage in percent when an input has a range: (P2.5, median, P97.5)
 *     of the Monte Carlo draws, or the conservative interval-arithmetic range; empty for exact inputs
 * @param gapPercent treatment gap = 100 − coverage
 * @param gapRange 100 − the coverage range (bounds swapped); empty for exact inputs
 * @param oneInN "1 in N" persons with disorders in treatment = round(100 / coverage); empty when coverage is 0 or above
 *     200% (where it would round to "1 in 0")
 * @param method how the range was obtained; empty for exact inputs
 */
public record CoverageResult(double coveragePercent, Optional<Interval> coverageRange, double gapPercent,
        Optional<Interval> gapRange, OptionalLong oneInN, Optional<BoundMethod> method) {
}
