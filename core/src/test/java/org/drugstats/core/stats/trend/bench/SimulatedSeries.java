package org.drugstats.core.stats.trend.bench;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.drugstats.core.stats.trend.TrendSeries;

/** The benchmark workload: 20-point annual log-linear series with 0–2 random slope changes and 3% noise. */
final class SimulatedSeries {
    private SimulatedSeries() {
    }

    static TrendSeries[] of(int count, long seed) {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        var noise = GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(r), 0, 0.03);
        TrendSeries[] series = new TrendSeries[count];
        for (int s = 0; s < count; s++) {
            double[] x = new double[20];
            double[] y = new double[20];
            int changes = s % 3;
            int[] at = {3 + r.nextInt(6), 11 + r.nextInt(6)};
            double slope = 0.05 * (r.nextDouble() - 0.5);
            double level = Math.log(10 + 90 * r.nextDouble());
            for (int i = 0; i < 20; i++) {
                x[i] = 2000 + i;
                for (int c = 0; c < changes; c++) {
                    if (i == at[c]) {
                        slope += 0.08 * (r.nextDouble() - 0.5);
                    }
                }
                level += i == 0 ? 0 : slope;
                y[i] = Math.exp(level + noise.sample());
            }
            series[s] = TrendSeries.of("s" + s, x, y);
        }
        return series;
    }
}
