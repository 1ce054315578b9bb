package org.drugstats.core.stats.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.uncertainty.Interval;
import org.junit.jupiter.api.Test;

/** The age-base rules and the union of components, against hand computations written beside each value. */
class AgeRuleTest {
    private static final AgePopulation POP = new AgePopulation(100, 200, 150, 450, 100);

    @Test
    void rangesAreClassifiedAsDocumented() {
        assertEquals(AgeRule.STANDARD, AgeRule.of("15-64"));
        for (String a : new String[] {"12-65", "16-59", "18-64", "12-70", "15-54", "18-60", "17-64"}) {
            assertEquals(AgeRule.EQUIVALENT, AgeRule.of(a), a);
        }
        for (String a : new String[] {"12+", "15+", "18+", "7+", "10-60", "10-75", "18-86", "12-92", "16-75"}) {
            assertEquals(AgeRule.CONVERTED, AgeRule.of(a), a);
        }
        for (String a : new String[] {"19-28", "18-40", "16-24", "15-50", "12-35", "15-45", "_U", ""}) {
            assertEquals(AgeRule.EXCLUDED, AgeRule.of(a), a);
        }
    }

    @Test
    void conversionFactorsArePopulationRatios() {
        // 15+: (150 + 450 + 100) / 600
        assertEquals(700.0 / 600, AgeRule.factor("15+", POP), 1e-15);
        // 18+: start inside the band -> 15: same as 15+
        assertEquals(700.0 / 600, AgeRule.factor("18+", POP), 1e-15);
        // 10-60: ages 10-14 are half of 5-14 (100), end inside the band -> 64: (100 + 600) / 600
        assertEquals(700.0 / 600, AgeRule.factor("10-60", POP), 1e-15);
        // 7+: ages 7-14 are 8/10 of 5-14 (160), plus 15-64 and 65+: (160 + 600 + 100) / 600
        assertEquals(860.0 / 600, AgeRule.factor("7+", POP), 1e-15);
        // 10-75: closed end above 70 counted as open: (100 + 600 + 100) / 600
        assertEquals(800.0 / 600, AgeRule.factor("10-75", POP), 1e-15);
        assertEquals(1.0, AgeRule.factor("12-65", POP));
        assertThrows(DrugstatsException.class, () -> AgeRule.factor("19-28", POP));
    }

    @Test
    void theUnionOfTwoComponentsCountsPeopleOnce() {
        // best a + b - ab/100 = 0.4 + 0.6 - 0.0024; low max(lows); high sum of highs
        Interval u = DefinitionRule.union(Interval.of(0.3, 0.4, 0.5), Interval.of(0.5, 0.6, 0.8));
        assertEquals(0.9976, u.best(), 1e-15);
        assertEquals(0.5, u.low(), 0);
        assertEquals(1.3, u.high(), 1e-15);
    }
}
