package org.drugstats.core.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

/**
 * The tracker's rule on fixtures for each direction. Reference values: core/src/test/reference/tracker_reference.py
 * (Python 3.11, numpy 2.4.6, scipy 1.17.1: Mann–Kendall from its definition, scipy.stats.theilslopes,
 * scipy.stats.linregress on ln y), pasted below with the tolerance beside each.
 */
class TrackerRulesTest {
    private static final TrackerRules RULES = TrackerRules.withDefaults();

    private static TrackedSeries series(int[] years, double[] values) {
        List<YearValue> v = new ArrayList<>();
        for (int i = 0; i < years.length; i++) {
            v.add(YearValue.of(years[i], values[i]));
        }
        return new TrackedSeries("seizures_total", "Cocaine seizures", "WLD", "World", "kg", "fixture", "", "", v);
    }

    @Test
    void fivePointsRisingIsASignificantIncreaseBySensSlope() {
        Assessment a = RULES.assess(series(new int[] {2019, 2020, 2021, 2022, 2023},
                new double[] {100, 112, 118, 131, 150}));
        // reference: rising: S=10 p=0.0274863361 sen=12.25 lower=6 upper=19
        assertEquals(TrendMethod.SEN_SLOPE, a.method());
        assertEquals(0.0274863361, a.pValue(), 1e-9);
        assertEquals(12.25, a.estimate(), 1e-12);
        assertEquals(6.0, a.lower(), 1e-12);
        assertEquals(19.0, a.upper(), 1e-12);
        assertEquals(Direction.INCREASE, a.direction());
        assertEquals(50.0, a.change(), 1e-12);
        assertEquals(50.0, a.changePercent(), 1e-12);
        assertEquals(2019, a.baseline().year());
        assertEquals(2023, a.latest().year());
        assertEquals(5, a.points());
    }

    @Test
    void theYearsBeforeTheBaselineAreNotPartOfTheTest() {
        Assessment a = RULES.assess(series(new int[] {2018, 2019, 2020, 2021, 2022, 2023},
                new double[] {90, 80, 75, 70, 66, 60}));
        // reference: falling (2019-2023): S=-10 p=0.0274863361 sen=-5 lower=-6 upper=-4
        assertEquals(Direction.DECREASE, a.direction());
        assertEquals(-5.0, a.estimate(), 1e-12);
        assertEquals(-6.0, a.lower(), 1e-12);
        assertEquals(-4.0, a.upper(), 1e-12);
        assertEquals(0.0274863361, a.pValue(), 1e-9);
        assertEquals(80.0, a.baseline().value());
        assertEquals(-25.0, a.changePercent(), 1e-12);
    }

    @Test
    void aFlatSeriesIsNoSignificantChange() {
        Assessment a = RULES.assess(series(new int[] {2019, 2020, 2021, 2022, 2023},
                new double[] {50, 55, 48, 53, 51}));
        // reference: flat: S=0 p=1 sen=-0.375 lower=-7 upper=5
        assertEquals(Direction.NO_SIGNIFICANT_CHANGE, a.direction());
        assertEquals(1.0, a.pValue(), 1e-12);
        assertEquals(-0.375, a.estimate(), 1e-12);
        assertEquals(-7.0, a.lower(), 1e-12);
        assertEquals(5.0, a.upper(), 1e-12);
    }

    @Test
    void threePointsUseTheApc() {
        Assessment a = RULES.assess(series(new int[] {2019, 2021, 2023}, new double[] {10, 12, 14.5}));
        // reference: apc3: apc=9.7341996772 lower=8.3502573089 upper=11.1358189438 p=0.0068454741
        assertEquals(TrendMethod.APC, a.method());
        assertEquals(9.7341996772, a.estimate(), 1e-8);
        assertEquals(8.3502573089, a.lower(), 1e-8);
        assertEquals(11.1358189438, a.upper(), 1e-8);
        assertEquals(0.0068454741, a.pValue(), 1e-9);
        assertEquals(Direction.INCREASE, a.direction());
    }

    @Test
    void fourNoisyPointsAreNoSignificantChangeByTheApc() {
        Assessment a = RULES.assess(series(new int[] {2019, 2020, 2022, 2023}, new double[] {10, 14, 9, 12}));
        // reference: apc4flat: apc=-0.7689249172 lower=-28.3148625179 upper=37.3618940823 p=0.9279650801
        assertEquals(TrendMethod.APC, a.method());
        assertEquals(-0.7689249172, a.estimate(), 1e-8);
        assertEquals(-28.3148625179, a.lower(), 1e-8);
        assertEquals(37.3618940823, a.upper(), 1e-8);
        assertEquals(0.9279650801, a.pValue(), 1e-9);
        assertEquals(Direction.NO_SIGNIFICANT_CHANGE, a.direction());
    }

    @Test
    void rangesThatDoNotOverlapAreAChangeAndOverlappingOnesAreNot() {
        TrackedSeries up = new TrackedSeries("people_who_use_drugs", "Cocaine users", "WLD", "World", "persons", "",
                "", "", List.of(YearValue.of(2019, 20e6, 16e6, 24e6), YearValue.of(2023, 25e6, 24.5e6, 28e6)));
        Assessment a = RULES.assess(up);
        assertEquals(TrendMethod.RANGE_COMPARISON, a.method());
        assertEquals(Direction.INCREASE, a.direction());
        TrackedSeries overlap = new TrackedSeries("people_who_use_drugs", "Cocaine users", "WLD", "World", "persons",
                "", "", "", List.of(YearValue.of(2019, 20e6, 16e6, 24e6), YearValue.of(2023, 25e6, 23e6, 28e6)));
        assertEquals(Direction.NO_SIGNIFICANT_CHANGE, RULES.assess(overlap).direction());
        TrackedSeries down = new TrackedSeries("x", "x", "WLD", "World", "hectares", "", "", "",
                List.of(YearValue.of(2018, 300, 280, 320), YearValue.of(2023, 200, 180, 260)));
        Assessment d = RULES.assess(down);
        assertEquals(Direction.DECREASE, d.direction());
        assertEquals(2018, d.baseline().year(), "nearest year before 2019 is the baseline");
    }

    @Test
    void twoValuesWithoutRangesCannotBeTested() {
        Assessment a = RULES.assess(series(new int[] {2019, 2023}, new double[] {10, 30}));
        assertEquals(Direction.NOT_MEASURABLE, a.direction());
        assertEquals(TrendMethod.NONE, a.method());
        assertEquals(20.0, a.change(), 0);
        assertEquals("2 values without ranges: no test is possible", a.reason());
    }

    @Test
    void dataThatEndBeforeOrStartAfterTheBaselineAreNotMeasurable() {
        Assessment before = RULES.assess(series(new int[] {1999, 2005, 2017}, new double[] {4, 8, 20}));
        assertEquals(Direction.NOT_MEASURABLE, before.direction());
        assertEquals(2017, before.baseline().year());
        assertNull(before.latest());
        assertEquals("the data end in 2017, before any year after the 2019 baseline", before.reason());
        Assessment after = RULES.assess(series(new int[] {2020, 2021, 2022}, new double[] {4, 8, 20}));
        assertEquals(Direction.NOT_MEASURABLE, after.direction());
        assertEquals("the series starts in 2020, after the 2019 baseline", after.reason());
    }

    @Test
    void reflectingASeriesSwapsIncreaseAndDecrease() {
        SplittableRandom rng = new SplittableRandom(20191);
        int[] years = {2019, 2020, 2021, 2022, 2023, 2024};
        for (int trial = 0; trial < 500; trial++) {
            double[] y = new double[years.length];
            double[] r = new double[years.length];
            double slope = rng.nextDouble(-3, 3);
            for (int i = 0; i < y.length; i++) {
                y[i] = 100 + slope * i + rng.nextDouble(-4, 4);
                r[i] = 1000 - y[i];
            }
            Direction d = RULES.assess(series(years, y)).direction();
            Direction dr = RULES.assess(series(years, r)).direction();
            Direction expected = d == Direction.INCREASE ? Direction.DECREASE
                    : d == Direction.DECREASE ? Direction.INCREASE : d;
            assertEquals(expected, dr, "trial " + trial);
        }
    }

    @Test
    void aSignificantDirectionNeverContradictsTheIntervalShown() {
        SplittableRandom rng = new SplittableRandom(7);
        int[] years = {2019, 2020, 2021, 2022, 2023};
        for (int trial = 0; trial < 500; trial++) {
            double[] y = new double[years.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = 50 + rng.nextDouble(-2, 2) * i + rng.nextDouble(-5, 5);
            }
            Assessment a = RULES.assess(series(years, y));
            if (a.direction() == Direction.INCREASE) {
                assertTrue(a.lower() > 0 && a.pValue() < 0.05, "trial " + trial);
            } else if (a.direction() == Direction.DECREASE) {
                assertTrue(a.upper() < 0 && a.pValue() < 0.05, "trial " + trial);
            }
        }
    }

    @Test
    void settingsAreChecked() {
        assertThrows(DrugstatsException.class, () -> RULES.withAlpha(1.5));
        assertThrows(DrugstatsException.class, () -> RULES.withMinPointsSen(2));
        assertEquals(2020, RULES.withBaselineYear(2020).baselineYear());
    }
}
