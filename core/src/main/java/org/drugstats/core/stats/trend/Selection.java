package org.drugstats.core.stats.trend;

import java.util.List;

/**
 * What model selection was done and with which values.
 *
 * @param method the selection method
 * @param maxJoinpoints the maximum number of joinpoints actually searched
 * @param selected the chosen number of joinpoints
 * @param alpha overall significance level (permutation test)
 * @param models best model and criteria for each k = 0..maxJoinpoints
 * @param tests the permutation tests in the order done (empty for the information criteria)
 */
public record Selection(SelectionMethod method, int maxJoinpoints, int selected, double alpha,
        List<ModelCriteria> models, List<PermutationTest> tests) {
    public Selection {
        models = List.copyOf(models);
        tests = List.copyOf(tests);
    }
}
