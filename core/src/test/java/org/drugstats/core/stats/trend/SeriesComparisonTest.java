package org.drugstats.core.stats.trend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

/**
 * Reference: R 4.2.2, base R only, core/src/test/reference/comparison_reference.R (output comparison_reference.out):
 * brute-force selection, SSEs, statistics and H0 coefficients to 1e-9; permutation p-values within Monte Carlo error
 * (19,999 permutations each side, independent generators: SD of the difference ≈ 0.0039 at p = 0.18, tolerance
 * 0.02 ≈ 5 SD; p = 5e-5 means no exceedance, asserted as at most 2 of 19,999).
 */
class SeriesComparisonTest {
    static final double[] B1 = {39.674, 41.741, 43.995, 45.445, 47.662, 50.466, 52.408, 54.200, 56.446, 54.920,
        53.113, 50.897, 49.165, 47.093, 46.595, 46.961, 47.202, 49.351, 49.954, 52.682};
    static final double[] B2 = {39.650, 41.438, 40.928, 40.959, 41.244, 42.703, 41.945, 42.448, 43.695, 43.738,
        42.966, 44.583, 46.816, 47.336, 51.743, 52.661, 52.945, 56.440, 58.383, 62.267};
    static final TrendSeries A = TrendSeries.of("A", TrendTestData.X, TrendTestData.Y);

    private static SeriesComparison.Result compare(double[] b) {
        return SeriesComparison.of(Joinpoint.withDefaults().withSelection(SelectionMethod.BIC)
                .withPermutations(19999)).compare(A, TrendSeries.of("B", TrendTestData.X, b),
                        RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {2004, 1}));
    }

    @Test
    void parallelSeriesAreParallelButNotCoincident() {
        SeriesComparison.Result r = compare(B1);
        // "selected k: A, B, coincident, parallel : 2, 3, 1, 2"
        assertEquals(List.of(2, 3, 1, 2), List.of(r.selectedA(), r.selectedB(), r.selectedCoincident(),
                r.selectedParallel()));
        SeriesComparison.Test c = r.coincidence();
        // "coincidence K=3 H0 joinpoints 2002 2008 2014, A 2002 2008 2014, B 2008 2013 2016; sse0 sse1 T F"
        assertEquals(3, c.maxJoinpoints());
        assertEquals(List.of(2002.0, 2008.0, 2014.0), c.nullModel().joinpoints());
        assertEquals(List.of(2002.0, 2008.0, 2014.0), c.separateA().joinpoints());
        assertEquals(List.of(2008.0, 2013.0, 2016.0), c.separateB().joinpoints());
        assertEquals(4.30919066268934e-01, c.sseNull(), 1e-12);
        assertEquals(4.98924737460742e-03, c.sseAlternative(), 1e-14);
        assertEquals(8.53695531438429e+01, c.statistic(), 1e-8);
        assertEquals(2.56108659431529e+02, c.fStatistic(), 1e-8);
        assertEquals(8, c.dfNumerator());
        assertEquals(24, c.dfDenominator());
        assertArrayEquals(new double[] {-72.33803523436407090, 0.03806958346700367, 0.00555201148677221,
            -0.07833166252539082, 0.05882111808204462}, c.nullModel().coefficients(), 1e-9);
        assertTrue(c.exceedances() <= 2, "coincidence exceedances " + c.exceedances()); // "exceed, p : 0, 5e-05"
        SeriesComparison.Test p = r.parallelism();
        // "parallelism K=3 ...; sse0 sse1 T F : 0.00675227005498649, 0.00498924737460742, 0.353364455198573, 1.2115"
        assertEquals(0.00675227005498649, p.sseNull(), 1e-14);
        assertEquals(0.35336445519857285, p.statistic(), 1e-10);
        assertEquals(1.21153527496653557, p.fStatistic(), 1e-10);
        assertEquals(-0.20595310053843519, p.nullModel().coefficients()[5], 1e-10); // shift of B
        assertEquals(0.1824, p.pValue(), 0.02); // "parallelism exceed, p : 3647, 0.1824"
        assertEquals(19999, p.permutations());
    }

    @Test
    void differentShapesAreNeitherParallelNorCoincident() {
        SeriesComparison.Result r = compare(B2);
        assertEquals(List.of(2, 1, 0, 0), List.of(r.selectedA(), r.selectedB(), r.selectedCoincident(),
                r.selectedParallel()));
        // "coincidence K=2 H0 joinpoints 2008 2013, A 2008 2014, B 2010 2016"
        assertEquals(2, r.coincidence().maxJoinpoints());
        assertEquals(List.of(2008.0, 2013.0), r.coincidence().nullModel().joinpoints());
        assertEquals(List.of(2010.0, 2016.0), r.coincidence().separateB().joinpoints());
        assertEquals(9.55437469527975e+01, r.coincidence().statistic(), 1e-8);
        assertEquals(2.09792652287821e+01, r.parallelism().statistic(), 1e-9);
        assertEquals(1.17483885281180e+02, r.parallelism().fStatistic(), 1e-8);
        assertTrue(r.coincidence().exceedances() <= 2);
        assertTrue(r.parallelism().exceedances() <= 2);
        // the separate models carry APCs: A's first segment is A's own 2-joinpoint fit at 2008, 2014
        assertEquals(Joinpoint.withDefaults().fitAt(A, 2008, 2014).segments().get(0).apc(),
                r.coincidence().separateA().segments().get(0).apc(), 1e-12);
    }

    @Test
    void sameSeriesTwiceIsAnError() {
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> SeriesComparison.of(Joinpoint
                .withDefaults().withSelection(SelectionMethod.BIC)).compare(A, A,
                        RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {1, 1})));
        assertTrue(e.getMessage().contains("two different series"), e.getMessage());
    }
}
