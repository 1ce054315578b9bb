package org.drugstats.core.stats.trend;

/** Test series shared by the trend tests; the same numbers are in core/src/test/reference/*.R. */
final class TrendTestData {
    private TrendTestData() {
    }

    /** 2000..2019. */
    static final double[] X = range(2000, 2019);
    /** Simulated rate with changes near 2008 and 2014 (joinpoint_reference.R header). */
    static final double[] Y = {50.152, 52.454, 52.353, 55.686, 58.597, 59.344, 65.229, 67.110, 67.975, 67.304,
        65.251, 62.436, 59.222, 58.702, 57.472, 57.055, 60.938, 60.794, 62.060, 63.497};
    static final double[] SE = {0.9038, 0.6865, 0.7123, 1.6057, 1.8692, 1.9792, 1.0758, 1.5703, 0.9034, 2.3540,
        0.7074, 0.6347, 2.2368, 0.9568, 1.8789, 1.1770, 1.1069, 1.4387, 0.9758, 1.7389};

    static TrendSeries series() {
        return TrendSeries.of("test", X, Y, SE);
    }

    static double[] range(int from, int to) {
        double[] r = new double[to - from + 1];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
