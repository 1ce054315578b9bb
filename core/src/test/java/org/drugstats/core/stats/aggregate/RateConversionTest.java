package org.drugstats.core.stats.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.uncertainty.Interval;
import org.junit.jupiter.api.Test;

class RateConversionTest {
    // UN WPP 2017 (shared/data/population/wpp2017-population-by-age-group.csv, row World), ages 15-64
    static final PopulationCount WORLD_2021 = new PopulationCount(5_125_338_222.0, 2021, AgeBase.AGED_15_64);
    static final PopulationCount WORLD_2017 = new PopulationCount(4_936_595_963.0, 2017, AgeBase.AGED_15_64);

    @Test
    void publishedPrevalencesFromPublishedCounts() {
        RateConversion c = RateConversion.withDefaults();
        // WDR 2023: 296 million users in 2021 = 5.8% of the population aged 15-64 (published, 1 decimal)
        assertEquals(5.8, c.prevalence(Interval.exact(296e6), WORLD_2021).percent().best(), 0.05);
        // WDR 2019: about 271 million in 2017, roughly 5.5% (published, 1 decimal)
        assertEquals(5.5, c.prevalence(Interval.exact(271e6), WORLD_2017).percent().best(), 0.05);
        // by hand: 296e6 / 5,125,338,222 x 100 = 5.775230...
        assertEquals(296e6 / 5_125_338_222.0 * 100, c.prevalence(Interval.exact(296e6), WORLD_2021).percent().best(),
                1e-12);
    }

    @Test
    void countsFromRatesRoundTrip() {
        RateConversion c = RateConversion.withDefaults();
        Prevalence p = new Prevalence(Interval.of(5.0, 5.5, 6.2), 2017, AgeBase.parse("15-64"));
        PeopleEstimate e = c.people(p, WORLD_2017);
        assertEquals(0.055 * 4_936_595_963.0, e.persons().best(), 1e-3);
        assertEquals(0.05 * 4_936_595_963.0, e.persons().low(), 1e-3);
        assertTrue(e.assumptions().isEmpty());
        Prevalence back = c.prevalence(e.persons(), WORLD_2017);
        assertEquals(5.5, back.percent().best(), 1e-12);
        assertEquals(6.2, back.percent().high(), 1e-12);
    }

    @Test
    void mismatchedAgeBaseOrYearIsRefusedUnlessAPolicySaysHow() {
        Prevalence p12 = new Prevalence(Interval.exact(4), 2021, AgeBase.parse("12+"));
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> RateConversion.withDefaults().people(p12, WORLD_2021));
        assertEquals("prevalence age base 12+ differs from population age base 15-64; choose an AgeBasePolicy "
                + "(e.g. APPLY_RATE_TO_POPULATION_BASE) to combine them", e.getMessage());
        PeopleEstimate ok = RateConversion.withDefaults().withAgeBasePolicy(AgeBasePolicy.APPLY_RATE_TO_POPULATION_BASE)
                .people(p12, WORLD_2021);
        assertEquals(List.of("prevalence for ages 12+ applied to population aged 15-64"), ok.assumptions());

        Prevalence p2019 = new Prevalence(Interval.exact(4), 2019, AgeBase.AGED_15_64);
        assertThrows(DrugstatsException.class, () -> RateConversion.withDefaults().people(p2019, WORLD_2021));
        PeopleEstimate y = RateConversion.withDefaults().withYearPolicy(YearPolicy.ALLOW_DIFFERENT).people(p2019, WORLD_2021);
        assertEquals(List.of("prevalence of 2019 applied to population of 2021"), y.assumptions());
    }

    @Test
    void ageBaseParsing() {
        assertEquals("15-64", AgeBase.parse(" 15 – 64 ").toString());
        assertEquals("12+", AgeBase.parse("12+").toString());
        assertThrows(DrugstatsException.class, () -> AgeBase.parse("adults"));
        assertThrows(DrugstatsException.class, () -> AgeBase.parse("64-15"));
        assertThrows(DrugstatsException.class, () -> new Prevalence(Interval.exact(101), 2020, AgeBase.AGED_15_64));
    }
}
