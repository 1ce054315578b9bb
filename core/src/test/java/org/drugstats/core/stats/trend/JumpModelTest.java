package org.drugstats.core.stats.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

/**
 * Reference values: R 4.2.2, base R only (lm, qr), core/src/test/reference/jump_reference.R, output committed as
 * jump_reference.out; each assertion names the output line. Tolerances: 1e-9 relative-ish on least-squares
 * quantities (R prints 15 digits), permutation p-values within Monte Carlo error (both sides 19,999 permutations,
 * independent generators: SD of the difference ≈ 0.0043 at p = 0.25, tolerance 0.02 ≈ 4.6 SD).
 */
class JumpModelTest {
    static final double[] X = new double[25];
    static final double[] Y = {11.744, 12.014, 12.723, 12.329, 13.211, 13.163, 13.492, 13.814, 14.191, 13.172,
        13.763, 14.035, 14.535, 14.312, 14.849, 15.056, 15.503, 14.931, 14.328, 13.836, 13.606, 13.160, 12.606,
        12.664, 12.201};
    static final double[] SE = {0.2178, 0.1494, 0.1769, 0.2139, 0.1612, 0.1417, 0.1471, 0.1612, 0.2587, 0.2680,
        0.3404, 0.3481, 0.2012, 0.3492, 0.2896, 0.2441, 0.2733, 0.2200, 0.2408, 0.2631, 0.3359, 0.1399, 0.2546,
        0.2193, 0.2833};

    static {
        for (int i = 0; i < 25; i++) {
            X[i] = 1990 + i;
        }
    }

    static final TrendSeries S = TrendSeries.of("jump", X, Y, SE);

    private static JoinpointResult jump(Joinpoint jp) {
        return JumpModel.estimated(jp, 1998.5).fit(S, null);
    }

    @Test
    void unweightedLogJumpModelMatchesBruteForceR() {
        JoinpointResult r = jump(Joinpoint.withDefaults().withSelection(SelectionMethod.BIC));
        // "== unweighted log ==": best model per k (SSE, BIC, BIC3, R2max, WBIC) with the jump in every model
        double[][] ref = {
            {0.102226439359857, -5.241930691397666, -5.241930691397666, 0, -5.241930691397666},
            {0.00457581532696676, -8.09082607547744104, -7.96207104248271413, 0.95523843581346879,
                -7.96783431915644691},
            {0.00371376633833589, -8.04205435867969420, -7.78454429269023862, 0.88695554722795711,
                -7.81365437718330913},
            {0.00341291429689122, -7.86902428106809992, -7.48275918208391566, 0.97172300613125040,
                -7.49368159791960409},
            {0.0032459092178213, -7.6616852726012308, -7.1466651406223178, 0.9484901309573347,
                -7.1731937601748879}};
        List<List<Double>> jps = List.of(List.of(), List.of(2006.0), List.of(2006.0, 2009.0),
                List.of(2002.0, 2006.0, 2012.0), List.of(1998.0, 2001.0, 2006.0, 2012.0));
        List<ModelCriteria> models = r.selection().models();
        assertEquals(5, models.size());
        for (int k = 0; k <= 4; k++) {
            ModelCriteria c = models.get(k);
            assertEquals(jps.get(k), c.joinpoints(), "k=" + k);
            assertEquals(ref[k][0], c.sse(), 1e-12 * Math.max(1, ref[k][0]), "sse k=" + k);
            assertEquals(ref[k][1], c.bic(), 1e-9, "bic k=" + k);
            assertEquals(ref[k][2], c.bic3(), 1e-9, "bic3 k=" + k);
            assertEquals(ref[k][3], c.r2max(), 1e-9, "r2max k=" + k);
            assertEquals(ref[k][4], c.wbic(), 1e-9, "wbic k=" + k);
        }
        assertEquals(List.of(2006.0), r.joinpoints()); // "selected k by bic, bic3, wbic : 1, 1, 1"
        // "== unweighted log at joinpoints 2006 ==" (lm with the step column)
        Jump j = r.jump().orElseThrow();
        assertEquals(1998.5, j.at());
        assertEquals(-7.55384108488152e-02, j.value(), 1e-12);
        assertEquals(1.40956935493548e-02, j.se(), 1e-12);
        assertEquals(-1.04852010305092e-01, j.lower(), 1e-12);
        assertEquals(-4.62248113925384e-02, j.upper(), 1e-12);
        assertEquals(-5.35897085051717e+00, j.t(), 1e-9);
        assertEquals(2.58089786864309e-05, j.pValue(), 1e-15);
        assertEquals(21, j.degreesOfFreedom());
        assertEquals(0.9272441136165023, j.comparabilityRatio(), 1e-12);
        assertEquals(0.0130701488709813, j.crSe(), 1e-12);
        assertEquals(0.9004577711971486, j.crLower(), 1e-12);
        assertEquals(0.9548272820094414, j.crUpper(), 1e-12);
        assertEquals(j.pValue(), j.crPValue());
        assertFalse(j.fixed());
        double[] apc = {2.11662827331476, -3.03027848295729};
        double[] lo = {1.82934602245715, -3.33249511646387};
        double[] hi = {2.40472100852567, -2.72711701391702};
        double[] se = {0.00135469410370850, 0.00150098778670497};
        double[] p = {5.99035793012957e-13, 2.28611344037405e-15};
        for (int g = 0; g < 2; g++) {
            Segment s = r.segments().get(g);
            assertEquals(apc[g], s.apc(), 1e-9);
            assertEquals(lo[g], s.apcLower(), 1e-9);
            assertEquals(hi[g], s.apcUpper(), 1e-9);
            assertEquals(se[g], s.slopeSe(), 1e-13);
            assertEquals(p[g], s.pValue(), 1e-20);
            assertEquals(21, s.degreesOfFreedom());
        }
        // "AAPC, lower, upper (t, full covariance)"
        Aapc a = r.aapc();
        assertEquals(0.371333459266610, a.value(), 1e-9);
        assertEquals(0.203420320664893, a.lower(), 1e-9);
        assertEquals(0.539527973713838, a.upper(), 1e-9);
        assertEquals(SlopeInference.CONDITIONAL, r.inference());
    }

    @Test
    void seWeightedJumpModelMatchesBruteForceR() {
        JoinpointResult r = jump(Joinpoint.withDefaults().withSelection(SelectionMethod.WBIC)
                .withWeighting(Weighting.STANDARD_ERROR));
        // "== se-weighted log (w = y^2/se^2) ==": WBIC per k, selected k = 1 at 2006
        double[] wbic = {2.9605917880024, 0.305544790107147, 0.477786208907493, 0.709047239650448,
            1.037203020435071};
        double[] sse = {373.1414412699480, 17.936442614828859, 14.921893738633601, 12.947999878657553,
            12.239468228138152};
        for (int k = 0; k <= 4; k++) {
            assertEquals(sse[k], r.selection().models().get(k).sse(), 1e-9 * sse[k]);
            assertEquals(wbic[k], r.selection().models().get(k).wbic(), 1e-9);
        }
        assertEquals(List.of(1992.0, 2006.0, 2009.0), r.selection().models().get(3).joinpoints());
        assertEquals(List.of(2006.0), r.joinpoints());
        // "== se-weighted log at joinpoints 2006 =="
        Jump j = r.jump().orElseThrow();
        assertEquals(-7.46745612722609e-02, j.value(), 1e-12);
        assertEquals(1.45885026315996e-02, j.se(), 1e-12);
        assertEquals(4.53075812269144e-05, j.pValue(), 1e-15);
        assertEquals(0.9280454591225676, j.comparabilityRatio(), 1e-12);
        assertEquals(0.0135387936226536, j.crSe(), 1e-12);
        assertEquals(0.9003128064524794, j.crLower(), 1e-12);
        assertEquals(0.9566323704665387, j.crUpper(), 1e-12);
        assertEquals(2.10820735525330, r.segments().get(0).apc(), 1e-9);
        assertEquals(-3.40974185520406, r.segments().get(1).apcLower(), 1e-9);
        assertEquals(0.350461271985480, r.aapc().value(), 1e-9);
        assertEquals(0.167273569632553, r.aapc().lower(), 1e-9);
        assertEquals(0.533983991286524, r.aapc().upper(), 1e-9);
    }

    @Test
    void linearScaleJumpIsAdditiveAndHasNoRatio() {
        JoinpointResult r = jump(Joinpoint.withDefaults().withScale(Scale.LINEAR)
                .withSelection(SelectionMethod.WBIC));
        // "== unweighted linear ==": WBIC selects 1 joinpoint (BIC would select 2)
        assertEquals(List.of(2006.0), r.joinpoints());
        assertEquals(-2.780164111677118, r.selection().models().get(1).wbic(), 1e-9);
        assertEquals(0.899293857915301, r.selection().models().get(3).r2max(), 1e-9);
        Jump j = r.jump().orElseThrow();
        // "== unweighted linear at joinpoints 2006 =="
        assertEquals(-1.00250810280288e+00, j.value(), 1e-10);
        assertEquals(1.88604778057800e-01, j.se(), 1e-11);
        assertEquals(-1.39473321043367e+00, j.lower(), 1e-10);
        assertEquals(2.85721642302921e-05, j.pValue(), 1e-15);
        assertTrue(Double.isNaN(j.comparabilityRatio()));
        assertTrue(Double.isNaN(j.crLower()));
        assertEquals(0.281541700903861, r.segments().get(0).slope(), 1e-10);
        assertEquals(0.0200836849487209, r.segments().get(1).slopeSe(), 1e-12);
    }

    @Test
    void comparabilityRatioModelAdjustsTheOldDefinition() {
        // NCHS's published ICD-9 -> ICD-10 comparability ratio for melanoma mortality, 0.9677 (SE 0.0032), as used
        // on NCI's Joinpoint melanoma page; here applied to the test series.
        JoinpointResult r = JumpModel.fixedRatio(Joinpoint.withDefaults().withSelection(SelectionMethod.BIC)
                .withWeighting(Weighting.STANDARD_ERROR).withInference(SlopeInference.CONDITIONAL), 1998.5, 0.9677,
                0.0032 * 0.0032).fit(S, null);
        // "== comparability-ratio model ...": best SSE per k on the adjusted series
        double[] sse = {455.918240028426, 24.0756758770034, 17.5250923262829, 16.0291736861512, 15.7542910248172};
        for (int k = 0; k <= 4; k++) {
            assertEquals(sse[k], r.selection().models().get(k).sse(), 1e-9 * sse[k], "k=" + k);
        }
        assertEquals(List.of(1992.0, 1997.0, 2006.0, 2012.0), r.selection().models().get(4).joinpoints());
        // BIC from R's SSEs, ln(SSE/25) + 2(k+1) ln(25)/25, is smallest at k = 2 (1992, 2006)
        int best = 0;
        for (int k = 1; k <= 4; k++) {
            if (Math.log(sse[k] / 25) + 2 * (k + 1) * Math.log(25) / 25
                    < Math.log(sse[best] / 25) + 2 * (best + 1) * Math.log(25) / 25) {
                best = k;
            }
        }
        assertEquals(2, best);
        assertEquals(List.of(1992.0, 2006.0), r.joinpoints());
        r = JumpModel.fixedRatio(Joinpoint.withDefaults().withSelection(SelectionMethod.BIC).withMaxJoinpoints(1)
                .withWeighting(Weighting.STANDARD_ERROR).withInference(SlopeInference.CONDITIONAL), 1998.5, 0.9677,
                0.0032 * 0.0032).fit(S, null);
        assertEquals(List.of(2006.0), r.joinpoints());
        // "CR model slopes at 2006 (conditional SEs)"
        assertEquals(0.017319256195026941, r.segments().get(0).slope(), 1e-12);
        assertEquals(-0.030654395549234121, r.segments().get(1).slope(), 1e-12);
        assertEquals(0.000749616801351867, r.segments().get(0).slopeSe(), 1e-14);
        assertEquals(0.001875793581782248, r.segments().get(1).slopeSe(), 1e-14);
        // "CR fields: ..."
        Jump j = r.jump().orElseThrow();
        assertTrue(j.fixed());
        assertEquals(-3.28331570952402e-02, j.value(), 1e-14);
        assertEquals(3.30680996176501e-03, j.se(), 1e-15);
        assertEquals(-3.93143855240179e-02, j.lower(), 1e-14);
        assertEquals(-2.63519286664625e-02, j.upper(), 1e-14);
        assertEquals(-9.92895191283248e+00, j.t(), 1e-11);
        assertEquals(3.11512540084366e-23, j.pValue(), 1e-30);
        assertEquals(0.9677, j.comparabilityRatio());
        assertEquals(0.0032, j.crSe(), 1e-16);
        assertEquals(0.961448396169599, j.crLower(), 1e-12);
        assertEquals(0.973992253490443, j.crUpper(), 1e-12);
    }

    @Test
    void permutationTestSelectsWithTheJumpInTheModel() {
        JoinpointResult r = JumpModel.estimated(Joinpoint.withDefaults().withMaxJoinpoints(2)
                .withPermutations(19999), 1998.5)
                .fit(S, RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {17, 1998}));
        List<PermutationTest> tests = r.selection().tests();
        assertEquals(2, tests.size());
        // "ka=0 kb=2 T, exceed, p : 26.5263519690536, 0, 0.00005"
        assertEquals(26.5263519690536, tests.get(0).statistic(), 1e-9);
        assertEquals(0, tests.get(0).exceedances());
        // "ka=1 kb=2 T, exceed, p : 0.232122570483834, 4954, 0.24775"
        assertEquals(0.232122570483834, tests.get(1).statistic(), 1e-10);
        assertEquals(0.24775, tests.get(1).pValue(), 0.02);
        assertFalse(tests.get(1).rejected());
        assertEquals(List.of(2006.0), r.joinpoints());
    }

    @Test
    void jumpLocationIsCheckedAgainstTheData() {
        Joinpoint jp = Joinpoint.withDefaults().withSelection(SelectionMethod.BIC);
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> JumpModel.estimated(jp, 1998).fit(S, null));
        assertTrue(e.getMessage().contains("series 'jump': jump location 1998 is an observed x"), e.getMessage());
        e = assertThrows(DrugstatsException.class, () -> JumpModel.estimated(jp, 1990.5).fit(S, null));
        assertTrue(e.getMessage().contains("at least 2 distinct observed x on each side, has 1 before and 24 after"),
                e.getMessage());
        assertThrows(DrugstatsException.class, () -> JumpModel.fixedRatio(jp, 1998.5, 0.001, 0));
        e = assertThrows(DrugstatsException.class, () -> JumpModel.fixedRatio(jp, 1998.5, 0.97, 0.01).fit(S, null));
        assertTrue(e.getMessage().contains("needs standard-error weighting"), e.getMessage());
    }

    @Test
    void aZeroJumpLeavesTheStandardModelUnchangedInSelection() {
        // Property: with no discontinuity at all (an exact continuous two-segment line) the jump estimate is 0 and
        // the selected joinpoint is the standard model's.
        double[] y = new double[25];
        for (int i = 0; i < 25; i++) {
            y[i] = Math.exp(1 + 0.03 * i - 0.07 * Math.max(i - 14, 0) + 0.01 * Math.sin(7.0 * i));
        }
        TrendSeries s = TrendSeries.of("smooth", X, y);
        Joinpoint jp = Joinpoint.withDefaults().withSelection(SelectionMethod.BIC);
        JoinpointResult plain = jp.fit(s);
        JoinpointResult withJump = JumpModel.estimated(jp, 2001.5).fit(s, null);
        assertEquals(plain.joinpoints(), withJump.joinpoints());
        Jump j = withJump.jump().orElseThrow();
        assertTrue(Math.abs(j.value()) < 3 * j.se(), j.toString());
    }
}
