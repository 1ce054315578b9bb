package org.drugstats.core.stats.trend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.drugstats.core.DrugstatsException;

/**
 * Empirical-quantile confidence intervals for the segment slopes (APCs) and the full-range AAPC of a selected
 * joinpoint model, by resampling residuals (Kim, Chen, Byrne, Wheeler and Feuer 2022, "Twenty years since Joinpoint
 * 1.0: two major enhancements, their justification, and impact", Stat. Med. 41:3102–3130; NCI Joinpoint 5's
 * default interval).
 *
 * <p>With the selected k-joinpoint fit f (fitted values on the fitting scale, the jump column included if any) and
 * standardised residuals r<sub>i</sub> = √w<sub>i</sub>(z<sub>i</sub> − f<sub>i</sub>): for b = 1..B, draw
 * u<sub>1..n</sub> uniformly with replacement from 1..n, set z*<sub>i</sub> = f<sub>i</sub> +
 * r<sub>u<sub>i</sub></sub>/√w<sub>i</sub>, re-estimate the k-joinpoint model by the same grid search (same
 * constraints; the joinpoint locations vary between resamples), and record its segment slopes b*<sub>g</sub> and
 * AAPC slope m* = Σ ℓ<sub>g</sub>b*<sub>g</sub>/Σ ℓ<sub>g</sub> (ℓ the segment lengths of that resample). The
 * (1 ± level)/2 empirical quantiles (R's type 7, linear interpolation) of the B values are the slope limits; APC
 * and AAPC limits are 100·(e<sup>q</sup> − 1) on the log scale (monotone, so the quantiles carry over). The
 * number of joinpoints is not re-selected. With AR(1) errors the whitened residuals are resampled and the draw is
 * un-whitened, so resampled errors keep the fitted autocorrelation. This is the plain percentile form; NCI's program offers two variants
 * ("method 1" and "method 2") whose refinements are not reproduced here.
 *
 * <p>Deterministic for a given generator state. Not thread-safe per call (one search per call).
 */
public final class EmpiricalQuantileIntervals {
    /** Default number of resampled data sets. */
    public static final int DEFAULT_RESAMPLES = 1000;

    private EmpiricalQuantileIntervals() {
    }

    /**
     * Computes the intervals for the fitted model {@code r} of prepared series {@code d} (the one the fit used).
     *
     * @throws DrugstatsException if resamples &lt; 10
     */
    static EmpiricalIntervals compute(PreparedSeries d, JoinpointResult r, int numObsEnd, int numObsBetween,
            int resamples, UniformRandomProvider rng) {
        if (resamples < 10) {
            throw DrugstatsException.of("empirical-quantile intervals need at least 10 resamples, got %d", resamples);
        }
        double[] tau = r.joinpoints().stream().mapToDouble(Double::doubleValue).toArray();
        int k = tau.length;
        int n = d.n;
        WeightedFit fit = WeightedFit.of(d, tau);
        double[] std = new double[n];
        for (int i = 0; i < n; i++) {
            std[i] = d.sw[i] * (d.z[i] - fit.fitted[i]);
        }
        d.whiten(std, 0);
        double[] draw = new double[n];
        HingeSearch search = new HingeSearch(d, k, numObsEnd, numObsBetween);
        double[] best = new double[k + 1];
        int[][] paths = new int[k + 1][Math.max(k, 1)];
        double[][] slopes = new double[k + 1][resamples];
        double[] aapc = new double[resamples];
        double[] zs = new double[n];
        double[] e = new double[n];
        double first = d.x[0];
        double last = d.x[n - 1];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                draw[i] = std[rng.nextInt(n)];
            }
            d.unwhiten(draw, 0);
            for (int i = 0; i < n; i++) {
                zs[i] = fit.fitted[i] + draw[i] / d.sw[i];
                e[i] = d.sw[i] * zs[i];
            }
            d.whiten(e, 0);
            double[] tb = new double[k];
            if (k > 0) {
                search.residualise(e, 0);
                search.search(e, 1, k, best, paths);
                for (int a = 0; a < k; a++) {
                    tb[a] = d.ux[paths[k][a]];
                }
            }
            WeightedFit fb = WeightedFit.of(d.withResponse(zs), tb);
            double m = 0;
            for (int g = 0; g <= k; g++) {
                double s = fb.segmentSlope(g);
                slopes[g][b] = s;
                double start = g == 0 ? first : tb[g - 1];
                double end = g == k ? last : tb[g];
                m += (end - start) * s;
            }
            aapc[b] = m / (last - first);
        }
        double level = r.confidenceLevel();
        double pl = (1 - level) / 2;
        double pu = 1 - pl;
        boolean log = d.scale == Scale.LOG;
        List<Double> sl = new ArrayList<>();
        List<Double> su = new ArrayList<>();
        List<Double> al = new ArrayList<>();
        List<Double> au = new ArrayList<>();
        for (int g = 0; g <= k; g++) {
            Arrays.sort(slopes[g]);
            double lo = quantile(slopes[g], pl);
            double hi = quantile(slopes[g], pu);
            sl.add(lo);
            su.add(hi);
            al.add(log ? 100 * Math.expm1(lo) : lo);
            au.add(log ? 100 * Math.expm1(hi) : hi);
        }
        Arrays.sort(aapc);
        double ml = quantile(aapc, pl);
        double mu = quantile(aapc, pu);
        return new EmpiricalIntervals(resamples, level, sl, su, al, au, log ? 100 * Math.expm1(ml) : ml,
                log ? 100 * Math.expm1(mu) : mu);
    }

    /** R's type-7 quantile of sorted values: v[⌊h⌋] + (h − ⌊h⌋)(v[⌊h⌋+1] − v[⌊h⌋]), h = (N − 1)p. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
