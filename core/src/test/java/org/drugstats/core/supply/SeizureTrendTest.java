package org.drugstats.core.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.drugstats.core.stats.trend.LogLinearTrend;
import org.drugstats.core.stats.trend.MannKendall;
import org.junit.jupiter.api.Test;

/**
 * Seizure trends on fixtures. Reference: {@code core/src/test/reference/seizure_trend_reference.R} (R 4.2.2:
 * {@code lm(log(y) ~ x)}, {@code confint}, the Mann–Kendall S, variance, z and p written out; output in
 * {@code seizure_trend_reference.out}); tolerance 1e-9.
 */
class SeizureTrendTest {

    private static Map<Integer, Double> years(double... kg) {
        Map<Integer, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kg.length; i++) {
            m.put(2019 + i, kg[i]);
        }
        return m;
    }

    /** Five countries reporting every year; the world: 100, 120, 150, 160, 210 kg. */
    private static Map<String, Map<Integer, Double>> stable() {
        Map<String, Map<Integer, Double>> m = new LinkedHashMap<>();
        m.put("AAA", years(50, 60, 70, 80, 100));
        m.put("BBB", years(30, 35, 40, 40, 60));
        m.put("CCC", years(10, 12, 20, 20, 25));
        m.put("DDD", years(5, 8, 10, 15, 20));
        m.put("EEE", years(5, 5, 10, 5, 5));
        return m;
    }

    @Test
    void aStableSeriesGetsItsApcAndMannKendall() {
        SeizureTrend.Result r = SeizureTrend.over(2019, 2023).fit("cocaine|WLD", stable());
        assertTrue(r.fitted());
        assertEquals(210.0, r.totals().get(2023), 0.0);
        LogLinearTrend.Result l = r.loglinear().orElseThrow();
        assertEquals(19.381692753389, l.apc(), 1e-9);
        assertEquals(13.572026336480, l.apcLower(), 1e-9);
        assertEquals(25.488546998713, l.apcUpper(), 1e-9);
        assertEquals(0.00148599889408, l.pValue(), 1e-9);
        MannKendall.Result mk = r.mannKendall().orElseThrow();
        assertEquals(10, mk.s());
        assertEquals(16.666666666667, mk.varS(), 1e-9);
        assertEquals(2.204540768505, mk.z(), 1e-9);
        assertEquals(0.0274863361115, mk.pValue(), 1e-9);
        assertEquals(1.0, mk.tau(), 1e-12);
        assertEquals(26.25, mk.senSlope(), 1e-9);
        assertEquals(1.0, r.coreShare(), 0.0);
        assertTrue(r.note().startsWith("reporting countries 5-5 a year; 5 report every year"), r.note());
    }

    @Test
    void aSeriesWhoseReportingCountriesChangeIsNotFitted() {
        // a sixth country reports only in 2023, 1,000 kg: the five countries reporting every year hold
        // 740 of 1,740 kg = 42.5% < 80%
        Map<String, Map<Integer, Double>> m = stable();
        m.put("FFF", Map.of(2023, 1000.0));
        SeizureTrend.Result r = SeizureTrend.over(2019, 2023).fit("x", m);
        assertFalse(r.fitted());
        assertEquals(740.0 / 1740.0, r.coreShare(), 1e-12);
        assertTrue(r.note().startsWith("not fitted: the countries reporting every year account for less than 80%"),
                r.note());
        // five countries in 2019-2022, ten in 2023 (5 / 10 < 0.8)
        Map<String, Map<Integer, Double>> n = stable();
        for (String c : new String[] {"F1", "F2", "F3", "F4", "F5"}) {
            n.put(c, Map.of(2023, 0.001));
        }
        SeizureTrend.Result q = SeizureTrend.over(2019, 2023).fit("y", n);
        assertFalse(q.fitted());
        assertTrue(q.note().startsWith("not fitted: the reporting countries change too much"), q.note());
        // a missing year
        Map<String, Map<Integer, Double>> g = Map.of("AAA", Map.of(2019, 1.0, 2020, 2.0, 2021, 3.0, 2023, 4.0));
        assertEquals("not fitted: totals for 4 of the 5 years 2019-2023",
                SeizureTrend.over(2019, 2023).fit("z", g).note());
    }

    @Test
    void aYearWithZeroKilogramsGetsMannKendallOnly() {
        Map<String, Map<Integer, Double>> m = Map.of("AAA", years(0, 1, 2, 3, 4));
        SeizureTrend.Result r = SeizureTrend.over(2019, 2023).fit("z", m);
        assertTrue(r.fitted());
        assertTrue(r.loglinear().isEmpty());
        assertEquals(10, r.mannKendall().orElseThrow().s());
    }
}
