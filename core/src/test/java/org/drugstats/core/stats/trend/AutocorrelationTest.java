package org.drugstats.core.stats.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

/**
 * Reference: R 4.2.2, base R only, core/src/test/reference/autocorrelation_reference.R (output
 * autocorrelation_reference.out): GLS with the full AR(1) covariance matrix, brute-force grid, BIC. Tolerances 1e-9
 * (R prints 15 digits; the two computations differ only by rounding; 1e-7 with SE weights, where R's explicit
 * inverse of V loses digits), ρ to 1e-6 (the stopping rule).
 */
class AutocorrelationTest {
    private static final TrendSeries S = TrendTestData.series();
    private static final Joinpoint BIC = Joinpoint.withDefaults().withSelection(SelectionMethod.BIC);

    private static void segments(JoinpointResult r, double[] apc, double[] lo, double[] hi, double[] se, double tol) {
        assertEquals(apc.length, r.segments().size());
        for (int g = 0; g < apc.length; g++) {
            Segment s = r.segments().get(g);
            assertEquals(apc[g], s.apc(), tol, "apc " + g);
            assertEquals(lo[g], s.apcLower(), tol, "lower " + g);
            assertEquals(hi[g], s.apcUpper(), tol, "upper " + g);
            assertEquals(se[g], s.slopeSe(), tol / 100, "se " + g);
        }
    }

    @Test
    void givenRhoUnweightedMatchesFullCovarianceGls() {
        JoinpointResult r = JoinpointAnalysis.of(BIC).withAutocorrelation(0.4).fit(S, 1);
        // "== unweighted, given rho = 0.4 ==": SSE and BIC per k
        double[][] ref = {{0.0552703692138916, -5.5916773791716645}, {0.0196611818666009, -6.3256948696231881},
            {0.00659820739786199, -7.11796986471379256}, {0.00603675987267547, -6.90732722002714361}};
        for (int k = 0; k <= 3; k++) {
            assertEquals(ref[k][0], r.selection().models().get(k).sse(), 1e-12, "sse " + k);
            assertEquals(ref[k][1], r.selection().models().get(k).bic(), 1e-9, "bic " + k);
        }
        assertEquals(List.of(2007.0), r.selection().models().get(1).joinpoints());
        assertEquals(List.of(2008.0, 2012.0, 2015.0), r.selection().models().get(3).joinpoints());
        assertEquals(List.of(2008.0, 2014.0), r.joinpoints());
        assertEquals(16, r.degreesOfFreedom());
        segments(r, new double[] {4.12624704722873, -3.08766290529718, 2.21701679364550},
                new double[] {3.39400166698982, -3.95337090704312, 1.00977004248421},
                new double[] {4.86367825341727, -2.21415191919496, 3.43869229479379},
                new double[] {0.00332898239736118, 0.00423275291216357, 0.00560445954210781}, 1e-9);
        assertEquals(1.297454822987065, r.aapc().value(), 1e-9);
        assertEquals(0.999885155672997, r.aapc().lower(), 1e-9);
        assertEquals(1.595901201267380, r.aapc().upper(), 1e-9);
        Autocorrelation a = r.autocorrelation().orElseThrow();
        assertEquals(0.4, a.rho());
        assertTrue(!a.estimated());
    }

    @Test
    void givenRhoWithStandardErrorWeights() {
        JoinpointResult r = JoinpointAnalysis.of(BIC.withWeighting(Weighting.STANDARD_ERROR)).withAutocorrelation(0.4)
                .fit(S, 1);
        // "== se weights, given rho = 0.4 ==": BIC selects 3 joinpoints 2002 2007 2014
        assertEquals(14.730760043025509, r.selection().models().get(3).sse(), 1e-9);
        assertEquals(0.892498463315513, r.selection().models().get(3).bic(), 1e-9);
        assertEquals(0.900365272486196, r.selection().models().get(2).bic(), 1e-9);
        assertEquals(List.of(2002.0, 2007.0, 2014.0), r.joinpoints());
        segments(r, new double[] {1.77997389111786, 5.86149793056776, -2.76228001709516, 2.00022178630264},
                new double[] {-0.575830105104080, 4.971197678443429, -3.465355911876378, 0.828807291367117},
                new double[] {4.19159743780204, 6.75934915435352, -2.05408351801183, 3.18524560535702},
                new double[] {0.01098694674051534, 0.00396237938293942, 0.00340460878327247, 0.00541926326744620},
                1e-7); // R inverts V (weights up to 1e4) explicitly: ~1e-9 relative rounding in the short segment
        assertEquals(1.180796632357772, r.aapc().value(), 1e-9);
        assertEquals(1.484946696089673, r.aapc().upper(), 1e-9);
    }

    @Test
    void estimatedRhoIteratesToTheSameFixedPoint() {
        JoinpointResult r = JoinpointAnalysis.of(BIC).withEstimatedAutocorrelation().fit(S, 1);
        Autocorrelation a = r.autocorrelation().orElseThrow();
        // "estimated rho, fits : -0.28582910652049, 5"
        assertEquals(-0.28582910652049, a.rho(), 1e-6);
        assertEquals(5, a.iterations());
        assertTrue(a.estimated() && a.converged());
        assertEquals(List.of(2008.0, 2014.0), r.joinpoints());
        // "== unweighted, estimated rho = -0.28582910652049 ==" (ρ agrees to ~1e-7, so APCs to ~1e-6)
        segments(r, new double[] {4.24581793903867, -3.21049275407840, 2.36052306650181},
                new double[] {3.90750761274810, -3.59337395398642, 1.75268874010579},
                new double[] {4.58522976299289, -2.82609093241173, 2.97198837870194},
                new double[] {0.00153336595981788, 0.00186973352883139, 0.00280949927828881}, 1e-5);
        assertEquals(1.34324459817989, r.aapc().value(), 1e-5);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("estimated, converged in 5 iterations")), r.notes()
                .toString());
    }

    @Test
    void zeroRhoIsTheOrdinaryFitAndWhiteningInverts() {
        JoinpointResult plain = BIC.withInference(SlopeInference.CONDITIONAL).fit(S);
        JoinpointResult ar0 = JoinpointAnalysis.of(BIC).withAutocorrelation(0).fit(S, 1);
        assertEquals(plain.joinpoints(), ar0.joinpoints());
        for (int g = 0; g < plain.segments().size(); g++) {
            assertEquals(plain.segments().get(g).apcLower(), ar0.segments().get(g).apcLower(), 1e-12);
        }
        PreparedSeries d = PreparedSeries.of(S, Scale.LOG, Weighting.NONE, 0).withAutocorrelation(-0.7);
        double[] v = TrendTestData.Y.clone();
        d.whiten(v, 0);
        d.unwhiten(v, 0);
        for (int i = 0; i < v.length; i++) {
            assertEquals(TrendTestData.Y[i], v[i], 1e-12);
        }
    }

    @Test
    void gapsAndTiesAreRefused() {
        double[] y = TrendTestData.Y.clone();
        y[5] = Double.NaN;
        TrendSeries gap = TrendSeries.of("gap", TrendTestData.X, y);
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> JoinpointAnalysis.of(BIC).withAutocorrelation(0.3).fit(gap, 1));
        assertTrue(e.getMessage().contains("series 'gap': autocorrelated errors need equally spaced x with no missing"
                + " value; the spacing changes at x = 2006 (2 instead of 1)"), e.getMessage());
        assertThrows(DrugstatsException.class, () -> JoinpointAnalysis.of(BIC).withAutocorrelation(1));
    }
}
