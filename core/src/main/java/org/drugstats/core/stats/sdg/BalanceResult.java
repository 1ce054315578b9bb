package org.drugstats.core.stats.sdg;

import java.util.Optional;
import org.drugstats.core.stats.uncertainty.BoundMethod;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * Residual of the drug-market identity production + imports = exports + seizures + consumption.
 *
 * @param supply production + imports (best estimates)
 * @param use exports + seizures + consumption (best estimates)
 * @param residual supply − use (best estimates); positive = supply not accounted for
 * @param relativeResidual residual / supply
 * @param residualRange range of the residual when an input has one; empty for exact inputs
 * @param relativeRange range of the relative residual; empty for exact inputs
 * @param method how the ranges were obtained; empty for exact inputs
 */
public record BalanceResult(double supply, double use, double residual, double relativeResidual,
        Optional<Interval> residualRange, Optional<Interval> relativeRange, Optional<BoundMethod> method) {
}
