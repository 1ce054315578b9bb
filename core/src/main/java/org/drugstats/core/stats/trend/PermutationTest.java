package org.drugstats.core.stats.trend;

/**
 * One test of the sequential permutation procedure (see {@link SelectionMethod#PERMUTATION}).
 *
 * @param nullK joinpoints under H0
 * @param alternativeK joinpoints under H1
 * @param statistic T = (SSE<sub>0</sub> − SSE<sub>1</sub>)/SSE<sub>1</sub> of the data
 * @param exceedances number of permuted data sets with T* ≥ T
 * @param permutations number of permuted data sets N
 * @param pValue (exceedances + 1)/(N + 1)
 * @param level α/(K − nullK)
 * @param rejected whether pValue ≤ level
 */
public record PermutationTest(int nullK, int alternativeK, double statistic, int exceedances, int permutations,
        double pValue, double level, boolean rejected) {
}
