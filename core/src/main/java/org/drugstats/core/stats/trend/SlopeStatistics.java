package org.drugstats.core.stats.trend;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Segment slopes, their standard errors and intervals for a fitted hinge model; see {@link SlopeInference}. A model
 * with extra shared columns (the jump model) always uses the conditional covariance of the whole model, with
 * n − (k + 2 + extra columns) degrees of freedom: the segment-wise refits of {@link SlopeInference#NCI_SEGMENTED}
 * would split the jump's parameter between segments. So does a model with AR(1) errors (generalised least squares
 * covariance of the whitened fit).
 */
final class SlopeStatistics {
    final List<Segment> segments;
    /** Covariance matrix of the segment slopes. */
    final double[][] cov;
    final int df;

    private SlopeStatistics(List<Segment> segments, double[][] cov, int df) {
        this.segments = segments;
        this.cov = cov;
        this.df = df;
    }

    static SlopeStatistics of(PreparedSeries d, WeightedFit fit, SlopeInference mode, double confidenceLevel) {
        double[] tau = fit.tau;
        int k = tau.length;
        int s = k + 1;
        double[][] cov = new double[s][s];
        int df;
        if (mode == SlopeInference.NCI_SEGMENTED && d.extra.length == 0 && d.rho == 0) {
            double[] sxx = new double[s];
            double sse = 0;
            int nStar = 0;
            int pStar = 0;
            for (int g = 0; g < s; g++) {
                double lo = g == 0 ? Double.NEGATIVE_INFINITY : tau[g - 1];
                double hi = g == k ? Double.POSITIVE_INFINITY : tau[g];
                double sw = 0;
                double swx = 0;
                double swz = 0;
                int count = 0;
                for (int i = 0; i < d.n; i++) {
                    if (d.x[i] > lo && d.x[i] < hi) {
                        sw += d.w[i];
                        swx += d.w[i] * d.x[i];
                        swz += d.w[i] * d.z[i];
                        count++;
                    }
                }
                if (count == 0) {
                    sxx[g] = 0;
                    continue;
                }
                double mx = swx / sw;
                double mz = swz / sw;
                double cxx = 0;
                double cxz = 0;
                for (int i = 0; i < d.n; i++) {
                    if (d.x[i] > lo && d.x[i] < hi) {
                        double dx = d.x[i] - mx;
                        cxx += d.w[i] * dx * dx;
                        cxz += d.w[i] * dx * (d.z[i] - mz);
                    }
                }
                double b = cxx > 0 ? cxz / cxx : 0;
                for (int i = 0; i < d.n; i++) {
                    if (d.x[i] > lo && d.x[i] < hi) {
                        double r = d.z[i] - mz - b * (d.x[i] - mx);
                        sse += d.w[i] * r * r;
                    }
                }
                sxx[g] = cxx;
                nStar += count;
                pStar += cxx > 0 ? 2 : 1;
            }
            df = nStar - pStar;
            double sigma2 = df > 0 ? sse / df : Double.NaN;
            for (int g = 0; g < s; g++) {
                cov[g][g] = sxx[g] > 0 ? sigma2 / sxx[g] : Double.NaN;
            }
        } else {
            df = d.n - (k + 2 + d.extra.length);
            double sigma2 = df > 0 ? fit.sse / df : Double.NaN;
            for (int g = 0; g < s; g++) {
                for (int h = 0; h < s; h++) {
                    cov[g][h] = sigma2 * fit.segmentSlopeUnscaledVariance(g, h);
                }
            }
        }
        double alpha = 1 - confidenceLevel;
        TDistribution t = df > 0 ? TDistribution.of(df) : null;
        double q = t == null ? Double.NaN : t.inverseCumulativeProbability(1 - alpha / 2);
        List<Segment> segments = new ArrayList<>();
        double first = d.x[0];
        double last = d.x[d.n - 1];
        for (int g = 0; g < s; g++) {
            double b = fit.segmentSlope(g);
            double se = Math.sqrt(cov[g][g]);
            double lo = b - q * se;
            double hi = b + q * se;
            double p = t == null || !(se > 0) ? Double.NaN : 2 * t.survivalProbability(Math.abs(b / se));
            double apc = Double.NaN;
            double apcLo = Double.NaN;
            double apcHi = Double.NaN;
            if (d.scale == Scale.LOG) {
                apc = 100 * Math.expm1(b);
                apcLo = 100 * Math.expm1(lo);
                apcHi = 100 * Math.expm1(hi);
            }
            segments.add(new Segment(g == 0 ? first : tau[g - 1], g == k ? last : tau[g], b, se, lo, hi, apc, apcLo,
                    apcHi, p, df));
        }
        return new SlopeStatistics(List.copyOf(segments), cov, df);
    }
}
