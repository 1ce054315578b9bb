package org.drugstats.core.stats.trend;

import java.util.List;

/**
 * The best k-joinpoint model of a grid search and its information criteria (see {@link SelectionMethod}).
 *
 * @param k number of joinpoints
 * @param joinpoints their x values
 * @param sse weighted SSE of the model
 * @param bic ln(SSE/n) + 2(k+1)·ln(n)/n
 * @param bic3 ln(SSE/n) + (3k+2)·ln(n)/n
 * @param r2max largest partial R² of the slope changes (0 for k = 0)
 * @param wbic ln(SSE/n) + ((2 + r2max)k + 2)·ln(n)/n
 */
public record ModelCriteria(int k, List<Double> joinpoints, double sse, double bic, double bic3, double r2max,
        double wbic) {
    public ModelCriteria {
        joinpoints = List.copyOf(joinpoints);
    }
}
