package org.drugstats.core.stats.trend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

/**
 * Reference values: R 4.2.2 (stats::lm), core/src/test/reference/joinpoint_reference.R; each block names the
 * section of its output.
 */
class JoinpointTest {
    private static final TrendSeries S = TrendTestData.series();

    @Test
    void fixedJoinpointsConditionalMatchLmWithHinges() {
        JoinpointResult r = Joinpoint.withDefaults().withInference(SlopeInference.CONDITIONAL).fitAt(S, 2008, 2014);
        // R: X <- cbind(1, x, pmax(x - 2008, 0), pmax(x - 2014, 0)); fit <- lm(log(y) ~ X - 1); coef(fit)
        assertArrayEquals(new double[] {-78.6656261750784438, 0.0412843931157771, -0.0736324409086822,
            0.0553183958314813}, r.coefficients(), 1e-8);
        assertEquals(0.00481502467887709, r.sse(), 1e-12); // deviance(fit)
        assertEquals(16, r.degreesOfFreedom());
        double[] slopes = {0.0412843931157771, -0.0323480477929051, 0.0229703480385763};
        double[] ses = {0.00196934826597368, 0.00244132762217960, 0.00352757627620066}; // sqrt(c' vcov(fit) c)
        double[] lo = {3.78067180531918, -3.68281507737220, 1.56128469630812}; // 100(exp(b - qt(.975, 16) se) - 1)
        double[] hi = {4.65083323047968, -2.68068088305626, 3.09167713946168};
        for (int i = 0; i < 3; i++) {
            Segment g = r.segments().get(i);
            assertEquals(slopes[i], g.slope(), 1e-10);
            assertEquals(ses[i], g.slopeSe(), 1e-10);
            assertEquals(lo[i], g.apcLower(), 1e-7);
            assertEquals(hi[i], g.apcUpper(), 1e-7);
        }
        assertEquals(2000, r.segments().get(0).start());
        assertEquals(2008, r.segments().get(0).end());
        assertEquals(2008, r.segments().get(1).start());
        assertEquals(2019, r.segments().get(2).end());
        // R: w <- c(8, 6, 5)/19; m <- sum(w * b); sm <- sqrt(w' C vcov C' w); 100(exp(m ± qt(.975, 16) sm) − 1)
        Aapc a = r.aapc();
        assertEquals(1.33002293466737, a.value(), 1e-9);
        assertEquals(1.14676354792500, a.lower(), 1e-8);
        assertEquals(1.51361435381150, a.upper(), 1e-8);
        Aapc sub = r.aapc(2004, 2016); // weights 4, 6, 2 of 12
        assertEquals(0.1416834578292558, sub.value(), 1e-9);
        assertEquals(-0.0138040651919358, sub.lower(), 1e-8);
        assertEquals(0.2974127779264091, sub.upper(), 1e-8);
        assertNull(r.selection());
    }

    @Test
    void fixedJoinpointsNciSegmentedMatchSeparateLinesWithoutJoinpointObservations() {
        JoinpointResult r = Joinpoint.withDefaults().fitAt(S, 2008, 2014);
        // R: keep <- !(x %in% c(2008, 2014)); fg <- lm(log(y) ~ 0 + seg + seg:x, subset = keep)
        assertEquals(12, r.degreesOfFreedom()); // fg$df.residual = n − 3k − 2 = 20 − 6 − 2
        double[] ses = {0.00287988438632459, 0.00590200670366573, 0.00590200670366573};
        double[] lo = {3.56297171461273, -4.42007865098664, 1.01622687850971};
        double[] hi = {4.87082011874285, -1.93000032189651, 3.64793355797148};
        double[] p = {6.51802150848455e-09, 1.40510188707513e-04, 2.14102179227304e-03};
        for (int i = 0; i < 3; i++) {
            Segment g = r.segments().get(i);
            assertEquals(ses[i], g.slopeSe(), 1e-10);
            assertEquals(lo[i], g.apcLower(), 1e-7);
            assertEquals(hi[i], g.apcUpper(), 1e-7);
            assertEquals(p[i], g.pValue(), p[i] * 1e-6);
        }
        assertEquals(4.21484432481585, r.segments().get(0).apc(), 1e-9); // R: 100 * (exp(0.0412843931157771) - 1)
        // R: sm <- sqrt(sum(w^2 * se^2)); 100(exp(m ± qnorm(.975) sm) − 1)
        Aapc a = r.aapc();
        assertEquals(1.330022934667374, a.value(), 1e-9);
        assertEquals(0.792787663945438, a.lower(), 1e-8);
        assertEquals(1.870121721150686, a.upper(), 1e-8);
        // an interval inside one segment: the AAPC is that segment's APC with its interval
        Aapc inside = r.aapc(2009, 2013);
        assertEquals(r.segments().get(1).apc(), inside.value(), 1e-12);
        assertEquals(r.segments().get(1).apcLower(), inside.lower(), 1e-12);
    }

    @Test
    void weightedFixedJoinpoints() {
        Joinpoint jp = Joinpoint.withDefaults().withWeighting(Weighting.STANDARD_ERROR);
        JoinpointResult c = jp.withInference(SlopeInference.CONDITIONAL).fitAt(S, 2008, 2014);
        // R: lm(log(y) ~ X - 1, weights = y^2/se^2)
        assertArrayEquals(new double[] {-78.2310104740058136, 0.0410678900649876, -0.0729425332208898,
            0.0543032718626661}, c.coefficients(), 1e-8);
        assertEquals(14.8267171045631, c.sse(), 1e-9);
        double[] ses = {0.00172852568901436, 0.00269665428870869, 0.00410695211442676};
        for (int i = 0; i < 3; i++) {
            assertEquals(ses[i], c.segments().get(i).slopeSe(), 1e-10);
        }
        JoinpointResult nci = jp.fitAt(S, 2008, 2014);
        // R: lm(log(y) ~ 0 + seg + seg:x, subset = keep, weights = y^2/se^2)
        double[] nciSes = {0.00291585649189615, 0.00615950769457327, 0.00691467421404494};
        for (int i = 0; i < 3; i++) {
            assertEquals(nciSes[i], nci.segments().get(i).slopeSe(), 1e-10);
        }
    }

    @Test
    void gridSearchMatchesExhaustiveRLoop() {
        JoinpointResult r = Joinpoint.withDefaults().withSelection(SelectionMethod.BIC).withMaxJoinpoints(3).fit(S);
        List<ModelCriteria> m = r.selection().models();
        // R: exhaustive loop over combn() with E = B = 2 (section "exhaustive grid search", unweighted)
        double[][] expected = {
            {0.114434879631595, -4.863908400820549, -4.863908400820549, 0, -4.863908400820549},
            {0.031457712947637, -5.855696899988527, -5.705910286310828, 0.725103805335312, -5.747086056422537},
            {0.00481502467887709, -7.43302669981717479, -7.13345347246177575, 0.95929614256595575,
                -7.14564725839910686},
            {0.00408669502538713, -7.29745806197064617, -6.84809822093754761, 0.95113093513084879,
                -6.87005801615858580}};
        List<List<Double>> taus = List.of(List.of(), List.of(2007.0), List.of(2008.0, 2014.0),
                List.of(2002.0, 2008.0, 2014.0));
        for (int k = 0; k <= 3; k++) {
            ModelCriteria c = m.get(k);
            assertEquals(taus.get(k), c.joinpoints());
            assertEquals(expected[k][0], c.sse(), 1e-12);
            assertEquals(expected[k][1], c.bic(), 1e-10);
            assertEquals(expected[k][2], c.bic3(), 1e-10);
            assertEquals(expected[k][3], c.r2max(), 1e-10);
            assertEquals(expected[k][4], c.wbic(), 1e-10);
        }
        assertEquals(2, r.selection().selected());
        assertEquals(List.of(2008.0, 2014.0), r.joinpoints());
        assertEquals(2, Joinpoint.withDefaults().withSelection(SelectionMethod.BIC3).withMaxJoinpoints(3).fit(S)
                .selection().selected());
        assertEquals(2, Joinpoint.withDefaults().withSelection(SelectionMethod.WBIC).withMaxJoinpoints(3).fit(S)
                .selection().selected());
    }

    @Test
    void weightedGridSearchMatchesExhaustiveRLoop() {
        JoinpointResult r = Joinpoint.withDefaults().withWeighting(Weighting.STANDARD_ERROR)
                .withSelection(SelectionMethod.WBIC).withMaxJoinpoints(3).fit(S);
        List<ModelCriteria> m = r.selection().models();
        // R: same loop with weights y^2/se^2
        double[][] expected = {
            {392.5158677521029, 3.2764179176006, 3.2764179176006, 0, 3.2764179176006},
            {72.712383541997056, 1.889925888769534, 2.039712502447234, 0.814753008691309, 2.011964982925122},
            {14.826717104563146, 0.599418171617180, 0.898991398972580, 0.954892930124975, 0.885478528473573},
            {11.732747784290355, 0.664944523810283, 1.114304364843381, 0.944447847896296, 1.089341458605015}};
        for (int k = 0; k <= 3; k++) {
            ModelCriteria c = m.get(k);
            assertEquals(expected[k][0], c.sse(), 1e-9);
            assertEquals(expected[k][1], c.bic(), 1e-10);
            assertEquals(expected[k][2], c.bic3(), 1e-10);
            assertEquals(expected[k][3], c.r2max(), 1e-10);
            assertEquals(expected[k][4], c.wbic(), 1e-10);
        }
        assertEquals(List.of(2002.0, 2008.0, 2014.0), m.get(3).joinpoints());
        assertEquals(2, r.selection().selected());
    }

    @Test
    void defaultMaximumFollowsNciTable() {
        int[][] table = {{0, 0}, {6, 0}, {7, 1}, {11, 1}, {12, 2}, {16, 2}, {17, 3}, {21, 3}, {22, 4}, {26, 4},
            {27, 5}, {31, 5}, {60, 5}};
        for (int[] row : table) {
            assertEquals(row[1], Joinpoint.defaultMaxJoinpoints(row[0]), "points " + row[0]);
        }
        // 20 points: default K = 3
        assertEquals(3, Joinpoint.withDefaults().withSelection(SelectionMethod.BIC).fit(S).selection()
                .maxJoinpoints());
    }

    @Test
    void defaultMaximumIsAlwaysFeasibleUnderNciDefaultConstraints() {
        // NCI "Minimum Number of Observations Required": 2*NumObsEnd + (MaxJP-1)*NumObsBetween + MaxJP points,
        // with NCI's defaults NumObsEnd = NumObsBetween = 2: 4K + 1 points for K joinpoints. The table never asks
        // for more than that (27 points, K = 5: 21 needed), so under the defaults it is never lowered.
        for (int n = 0; n <= 200; n++) {
            int k = Joinpoint.defaultMaxJoinpoints(n);
            assertTrue(k == 0 || 2 * 2 + (k - 1) * 2 + k <= n, "points " + n + ", K " + k);
            assertTrue(k <= HingeSearch.maxFeasible(n, 2, 2), "points " + n);
        }
    }

    @Test
    void defaultMaximumIsLoweredToWhatTheDataAllow() {
        // 17 points, WBIC (the nci5 preset's selection), default maximum from the table: 17-21 -> 3.
        // With NumObsEnd = 3 and NumObsBetween = 5, NCI's minimum for 3 joinpoints is 2*3 + 2*5 + 3 = 19 > 17,
        // for 2 it is 2*3 + 5 + 2 = 13 <= 17: the maximum is lowered to 2, as NCI's "lower the maximum number of
        // joinpoints by 1 until" the cohort can be run.
        double[] x = TrendTestData.range(2000, 2016);
        double[] y = new double[17];
        for (int i = 0; i < 17; i++) {
            y[i] = Math.exp(3 + 0.04 * i - 0.09 * Math.max(0, i - 8) + 0.01 * Math.sin(7 * i));
        }
        Joinpoint jp = Joinpoint.withDefaults().withSelection(SelectionMethod.WBIC).withNumObsEnd(3)
                .withNumObsBetween(5);
        assertEquals(-1, jp.maxJoinpoints());
        JoinpointResult r = jp.fit(TrendSeries.of("s17", x, y));
        assertEquals(2, r.selection().maxJoinpoints());
        assertEquals(3, r.selection().models().size());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("lowered from 3 to 2")), r.notes().toString());
        // with NCI's default constraints the table's 3 stands
        assertEquals(3, jp.withNumObsEnd(2).withNumObsBetween(2).fit(TrendSeries.of("s17", x, y)).selection()
                .maxJoinpoints());
    }

    @Test
    void feasibleMaximumFromConstraints() {
        // minimum points for k joinpoints: 2E + (k−1)B + k
        assertEquals(0, HingeSearch.maxFeasible(4, 2, 2));
        assertEquals(1, HingeSearch.maxFeasible(5, 2, 2));
        assertEquals(1, HingeSearch.maxFeasible(7, 2, 2));
        assertEquals(2, HingeSearch.maxFeasible(8, 2, 2));
        assertEquals(3, HingeSearch.maxFeasible(11, 2, 2));
        assertEquals(4, HingeSearch.maxFeasible(20, 3, 3));
    }

    @Test
    void shortSeriesGetsALineAndANote() {
        TrendSeries s = TrendSeries.of("short", new double[] {1, 2, 3, 4}, new double[] {3, 4, 6, 9});
        JoinpointResult r = Joinpoint.withDefaults().withMaxJoinpoints(2).fit(s);
        assertEquals(List.of(), r.joinpoints());
        assertEquals(1, r.segments().size());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("short series")), r.notes().toString());
        assertEquals(0, r.selection().maxJoinpoints());
        // and equals the log-linear fit
        assertEquals(LogLinearTrend.withDefaults().fit(s).apc(), r.segments().get(0).apc(), 1e-12);
    }

    @Test
    void maximumIsLoweredWithANote() {
        double[] x = TrendTestData.range(1, 9);
        double[] y = {1, 2, 3, 4, 5, 4, 3, 2, 1};
        JoinpointResult r = Joinpoint.withDefaults().withSelection(SelectionMethod.BIC).withMaxJoinpoints(4)
                .withScale(Scale.LINEAR).fit(TrendSeries.of("s", x, y));
        assertEquals(2, r.selection().maxJoinpoints()); // 9 points: 2E + B + 2 = 8 <= 9 < 11
        assertTrue(r.notes().get(0).contains("lowered from 4 to 2"), r.notes().toString());
        assertEquals(List.of(5.0), r.joinpoints());
        assertEquals(1.0, r.segments().get(0).slope(), 1e-12);
        assertEquals(-1.0, r.segments().get(1).slope(), 1e-12);
    }

    @Test
    void tiesInXUseDistinctValuesForTheGrid() {
        // two observations per year; equals the fit of the duplicated data by R lm (same normal equations)
        double[] x = new double[40];
        double[] y = new double[40];
        for (int i = 0; i < 20; i++) {
            x[2 * i] = TrendTestData.X[i];
            x[2 * i + 1] = TrendTestData.X[i];
            y[2 * i] = TrendTestData.Y[i] * 1.01;
            y[2 * i + 1] = TrendTestData.Y[i] / 1.01;
        }
        JoinpointResult r = Joinpoint.withDefaults().withSelection(SelectionMethod.BIC).withMaxJoinpoints(3)
                .fit(TrendSeries.of("ties", x, y));
        // the log-symmetric jitter leaves the per-year means of ln y unchanged, so the same joinpoints are found
        assertEquals(List.of(2008.0, 2014.0), r.selection().models().get(2).joinpoints());
        assertEquals(40, r.n());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("share an x")), r.notes().toString());
        // NCI segmented df: n* = 40 − 4 observations on joinpoints, p* = 6
        JoinpointResult fixed = Joinpoint.withDefaults().fitAt(TrendSeries.of("ties", x, y), 2008, 2014);
        assertEquals(30, fixed.degreesOfFreedom());
    }

    @Test
    void missingYearsAreSkippedAndTheGridUsesObservedX() {
        double[] y = TrendTestData.Y.clone();
        y[8] = Double.NaN; // 2008 missing: cannot be a joinpoint
        JoinpointResult r = Joinpoint.withDefaults().withSelection(SelectionMethod.BIC).withMaxJoinpoints(2)
                .fit(TrendSeries.of("gap", TrendTestData.X, y));
        assertEquals(19, r.n());
        assertTrue(r.selection().models().stream().noneMatch(c -> c.joinpoints().contains(2008.0)));
        assertTrue(r.notes().get(0).startsWith("1 missing"), r.notes().toString());
    }

    @Test
    void errors() {
        TrendSeries neg = TrendSeries.of("opium-MMR", new double[] {1, 2, 3, 4, 5, 6, 7},
                new double[] {3, 2, -1, 4, 5, 6, 7});
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> Joinpoint.withDefaults().withSelection(SelectionMethod.BIC).fit(neg));
        assertTrue(e.getMessage().contains("opium-MMR") && e.getMessage().contains("x = 3"), e.getMessage());
        assertThrows(DrugstatsException.class, () -> Joinpoint.withDefaults().fitAt(S, 2019));
        assertThrows(DrugstatsException.class, () -> Joinpoint.withDefaults().fitAt(S, 2010, 2005));
        assertThrows(DrugstatsException.class, () -> Joinpoint.withDefaults().fitAt(S).aapc(1990, 2000));
        assertThrows(DrugstatsException.class, () -> Joinpoint.withDefaults().withAlpha(Double.NaN));
        assertThrows(DrugstatsException.class, () -> Joinpoint.withDefaults().withMaxJoinpoints(-1));
        assertThrows(DrugstatsException.class, () -> Joinpoint.withDefaults().withNumObsEnd(0));
    }

    @Test
    void theDefaultsWorkAloneWithTheSeriesDefaultGenerator() {
        // the default selection is the permutation test; without a generator it draws from the series' default one
        JoinpointResult alone = Joinpoint.withDefaults().withPermutations(199).fit(S);
        JoinpointResult seeded = Joinpoint.withDefaults().withPermutations(199)
                .fit(S, TrendBatch.randomFor(Joinpoint.DEFAULT_SEED, S.name()));
        assertEquals(seeded.joinpoints(), alone.joinpoints());
        assertEquals(seeded.selection(), alone.selection());
        assertEquals(SelectionMethod.PERMUTATION, alone.selection().method());
        assertEquals(alone.joinpoints(), Joinpoint.withDefaults().withPermutations(199).fit(S).joinpoints(),
                "the same every time");
        assertEquals(alone.selection().maxJoinpoints(), alone.selection().tests().size(), "the sequential tests ran");
    }
}
