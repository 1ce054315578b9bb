package org.drugstats.core.stats.inequality;

import java.util.List;
import org.drugstats.core.DrugstatsException;

/**
 * Population-weighted Gini coefficient of per-capita consumption between areas.
 *
 * <p>{@link #of}: from the Lorenz curve, G = 1 − Σ (F_i − F_{i−1})(L_i + L_{i−1}).
 * {@link #pairwise}: G = Σ_i Σ_j p_i p_j |x_i − x_j| / (2μ) with p_i the population shares, x_i the
 * per-capita consumption and μ = Σ p_i x_i (O(n²); meant for countries, not individuals). The two agree
 * for grouped data (each area internally equal), which the tests check. Within-area inequality is not
 * seen: the result is a between-area Gini.
 *
 * <p>Edge cases: one area or equal per-capita consumption everywhere → 0; empty input or zero total
 * consumption → {@link DrugstatsException}. Reference: Yitzhaki and Schechtman 2013,
 * The Gini Methodology, Springer, doi:10.1007/978-1-4614-4720-7, ch. 2.
 */
public final class Gini {
    private Gini() {
    }

    /** Gini from the Lorenz curve (per-capita ascending). */
    public static double of(List<AreaConsumption> areas) {
        return LorenzCurve.of(areas).gini();
    }

    /** Gini from the pairwise mean absolute difference. */
    public static double pairwise(List<AreaConsumption> areas) {
        if (areas == null || areas.isEmpty()) {
            throw DrugstatsException.of("a Gini coefficient needs at least one area, got none");
        }
        int n = areas.size();
        double totalPop = 0;
        for (AreaConsumption a : areas) {
            totalPop += a.population();
        }
        double[] p = new double[n];
        double[] x = new double[n];
        double mu = 0;
        for (int i = 0; i < n; i++) {
            p[i] = areas.get(i).population() / totalPop;
            x[i] = areas.get(i).perCapita();
            mu += p[i] * x[i];
        }
        if (!(mu > 0)) {
            throw DrugstatsException.of("total consumption must be > 0 for a Gini coefficient, got mean %s", mu);
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += p[i] * p[j] * Math.abs(x[i] - x[j]);
            }
        }
        return 2 * s / (2 * mu);
    }
}
