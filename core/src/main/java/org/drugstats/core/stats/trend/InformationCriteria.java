package org.drugstats.core.stats.trend;

import java.util.ArrayList;
import java.util.List;

/**
 * The information criteria that choose the number of joinpoints ({@link SelectionMethod}), as defined by the NCI
 * Joinpoint program (NCI Joinpoint help, "Bayesian Information Criterion" and "Weighted BIC"; Kim, Fay, Feuer and
 * Midthune 2000, Stat Med 19:335–351): for k joinpoints, n observations and the model's SSE,
 * BIC = ln(SSE/n) + 2(k+1)·ln(n)/n, BIC3 = ln(SSE/n) + (3k+2)·ln(n)/n and
 * WBIC = ln(SSE/n) + ((2 + R²<sub>max</sub>)k + 2)·ln(n)/n, with R²<sub>max</sub> the largest partial R² of the
 * slope changes ({@link #maxPartialR2(PreparedSeries, double[])}). See {@link ModelCriteria}.
 */
final class InformationCriteria {

    private InformationCriteria() {
    }

    /** Criteria from {@code sseForCriteria} (the SSE, floored for exact fits); {@code sse} is recorded as is. */
    static ModelCriteria criteria(PreparedSeries d, double[] tau, double sseForCriteria, double sse) {
        int n = d.n;
        int k = tau.length;
        double lnn = Math.log(n) / n;
        double base = Math.log(sseForCriteria / n);
        double r2 = k == 0 ? 0 : maxPartialR2(d, tau);
        List<Double> jp = new ArrayList<>();
        for (double t : tau) {
            jp.add(t);
        }
        return new ModelCriteria(k, jp, sse, base + 2.0 * (k + 1) * lnn, base + (3.0 * k + 2) * lnn, r2,
                base + ((2 + r2) * k + 2) * lnn);
    }

    /**
     * Largest partial R² of the slope changes (NCI Joinpoint help, "Weighted BIC"): for joinpoint τ<sub>i</sub>,
     * the observations after τ<sub>i−1</sub> up to and including τ<sub>i+1</sub> (the series ends for the first
     * and last joinpoints), the squared partial correlation of the response and (x − τ<sub>i</sub>)⁺ given the
     * straight line [1, x], all weighted.
     */
    static double maxPartialR2(PreparedSeries d, double[] tau) {
        double max = 0;
        int k = tau.length;
        double[] rz = new double[d.n];
        double[] rh = new double[d.n];
        for (int i = 0; i < k; i++) {
            double lo = i == 0 ? Double.NEGATIVE_INFINITY : tau[i - 1];
            double hi = i == k - 1 ? Double.POSITIVE_INFINITY : tau[i + 1];
            double[] h = new double[d.n];
            for (int a = 0; a < d.n; a++) {
                h[a] = Math.max(d.x[a] - tau[i], 0);
            }
            lineResiduals(d, lo, hi, d.z, rz);
            lineResiduals(d, lo, hi, h, rh);
            if (d.extra.length > 0) {
                ExtraColumns.partialOut(d, lo, hi, rz, rh);
            }
            double szh = 0;
            double szz = 0;
            double shh = 0;
            for (int a = 0; a < d.n; a++) {
                if (d.x[a] > lo && d.x[a] <= hi) {
                    szh += d.w[a] * rz[a] * rh[a];
                    szz += d.w[a] * rz[a] * rz[a];
                    shh += d.w[a] * rh[a] * rh[a];
                }
            }
            double r2 = szz > 0 && shh > 0 ? szh * szh / (szz * shh) : 0;
            max = Math.max(max, r2);
        }
        return max;
    }

    static void lineResiduals(PreparedSeries d, double lo, double hi, double[] v, double[] out) {
        double sw = 0;
        double swx = 0;
        double swv = 0;
        for (int a = 0; a < d.n; a++) {
            if (d.x[a] > lo && d.x[a] <= hi) {
                sw += d.w[a];
                swx += d.w[a] * d.x[a];
                swv += d.w[a] * v[a];
            }
        }
        double mx = swx / sw;
        double mv = swv / sw;
        double cxx = 0;
        double cxv = 0;
        for (int a = 0; a < d.n; a++) {
            if (d.x[a] > lo && d.x[a] <= hi) {
                cxx += d.w[a] * (d.x[a] - mx) * (d.x[a] - mx);
                cxv += d.w[a] * (d.x[a] - mx) * (v[a] - mv);
            }
        }
        double b = cxx > 0 ? cxv / cxx : 0;
        for (int a = 0; a < d.n; a++) {
            out[a] = v[a] - mv - b * (d.x[a] - mx);
        }
    }

    static int argmin(List<ModelCriteria> c, java.util.function.ToDoubleFunction<ModelCriteria> f) {
        int best = 0;
        for (int j = 1; j < c.size(); j++) {
            if (f.applyAsDouble(c.get(j)) < f.applyAsDouble(c.get(best))) {
                best = j;
            }
        }
        return best;
    }
}
