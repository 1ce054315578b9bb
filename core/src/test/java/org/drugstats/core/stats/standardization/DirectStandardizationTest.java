package org.drugstats.core.stats.standardization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

/** Reference values: core/src/test/reference/age_standardisation.R (R 4.2.2, epitools 0.5.10.1). */
class DirectStandardizationTest {

    private static final double[] COUNT = {12, 40, 55, 61, 48, 37, 30, 22, 15, 9};
    private static final double[] POP = {81000, 79000, 76000, 74000, 70000, 66000, 61000, 57000, 52000, 47000};

    @Test
    void whoStandardRestrictedTo15to64MatchesEpitools() {
        StandardPopulation std = StandardPopulation.whoWorld2000to2025().restrict(15, 64);
        assertEquals(10, std.size());
        DirectStandardization.Result r = DirectStandardization.of(std).compute(COUNT, POP);
        // R: ageadjust.direct(count, pop, stdpop = who[4:13])
        assertEquals(0.000496229260935143, r.crudeRate(), 1e-15);
        assertEquals(0.000504097165557675, r.rate(), 1e-15);
        assertEquals(0.000451017753918896, r.lower(), 1e-12);
        assertEquals(0.000561769009646503, r.upper(), 1e-12);
    }

    @Test
    void ninetyPercentInterval() {
        StandardPopulation std = StandardPopulation.whoWorld2000to2025().restrict(15, 64);
        DirectStandardization.Result r = DirectStandardization.of(std).withConfidence(0.90).compute(COUNT, POP);
        // R: ageadjust.direct(count, pop, stdpop = who[4:13], conf.level = 0.90)
        assertEquals(0.000459208220267866, r.lower(), 1e-12);
        assertEquals(0.000552400837244660, r.upper(), 1e-12);
    }

    @Test
    void allAgesWithZeroCounts() {
        double[] c = {0, 1, 3, 12, 40, 55, 61, 48, 37, 30, 22, 15, 9, 7, 5, 4, 2, 1};
        double[] p = {90000, 88000, 85000, 81000, 79000, 76000, 74000, 70000, 66000, 61000, 57000, 52000, 47000, 40000,
            32000, 22000, 12000, 6000};
        DirectStandardization.Result r = DirectStandardization.of(StandardPopulation.whoWorld2000to2025()).compute(c, p);
        // R: ageadjust.direct(count18, pop18, stdpop = who)
        assertEquals(0.000339113680154143, r.crudeRate(), 1e-15);
        assertEquals(0.000348821364927086, r.rate(), 1e-15);
        assertEquals(0.000313209379754307, r.lower(), 1e-12);
        assertEquals(0.000387430834442655, r.upper(), 1e-12);
    }

    @Test
    void whoWeightsAreNormalisedFromThePublishedPercentages() {
        double[] w = StandardPopulation.whoWorld2000to2025().weights();
        assertEquals(18, w.length);
        assertEquals(8.86 / 100.03, w[0], 1e-15);
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        assertEquals(1.0, sum, 1e-12);
    }

    @Test
    void noEventsGivesZeroLowerBound() {
        StandardPopulation std = StandardPopulation.whoWorld2000to2025().restrict(15, 64);
        DirectStandardization.Result r = DirectStandardization.of(std).compute(new double[10], POP);
        assertEquals(0.0, r.rate());
        // R 4.2.2, epitools 0.5.10.1: ageadjust.direct(rep(0, 10), pop, stdpop = who[4:13]) gives uci
        // 5.87567985413576e-06 and lci NaN (qgamma with shape 0); the lower bound of no events is 0
        assertEquals(0.0, r.lower());
        assertEquals(5.87567985413576e-06, r.upper(), 1e-17);
    }

    @Test
    void badInputsAreNamed() {
        StandardPopulation std = StandardPopulation.whoWorld2000to2025();
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> std.restrict(12, 64));
        assertTrue(e.getMessage().contains("12-64"), e.getMessage());
        StandardPopulation s1564 = std.restrict(15, 64);
        double[] pop = POP.clone();
        pop[3] = 0;
        e = assertThrows(DrugstatsException.class, () -> DirectStandardization.of(s1564).compute(COUNT, pop));
        assertTrue(e.getMessage().contains("30-34"), e.getMessage());
        assertThrows(DrugstatsException.class, () -> DirectStandardization.of(s1564).compute(new double[3], POP));
        // infinities are not silently absorbed (an infinite population made its group's rate 0; an infinite count
        // escaped as an IllegalArgumentException from the gamma distribution)
        double[] infPop = POP.clone();
        infPop[0] = Double.POSITIVE_INFINITY;
        e = assertThrows(DrugstatsException.class, () -> DirectStandardization.of(s1564).compute(COUNT, infPop));
        assertTrue(e.getMessage().contains("15-19"), e.getMessage());
        double[] infCount = COUNT.clone();
        infCount[2] = Double.POSITIVE_INFINITY;
        e = assertThrows(DrugstatsException.class, () -> DirectStandardization.of(s1564).compute(infCount, POP));
        assertTrue(e.getMessage().contains("25-29"), e.getMessage());
        assertThrows(DrugstatsException.class, () -> DirectStandardization.of(s1564).withConfidence(Double.NaN));
    }
}
