package org.drugstats.core.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

/** The tracker's rows: every challenge in the declaration's order, verdicts built from the numbers. */
class TrackerTest {

    @Test
    void everyChallengeHasARowInTheDeclarationsOrderEvenWithNoData() {
        List<TrackerRow> rows = Tracker.of(TrackerRules.withDefaults()).rows(ChallengeIndicator.defaults(),
                m -> List.of());
        List<String> letters = rows.stream().map(TrackerRow::challenge).distinct().collect(Collectors.toList());
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"), letters);
        assertTrue(rows.stream().allMatch(r -> r.direction().equals("not measurable")));
        TrackerRow corruption = rows.stream().filter(r -> r.challenge().equals("c")).findFirst().orElseThrow();
        assertTrue(corruption.verdict().startsWith("Links between drug trafficking, corruption and other crime: not"
                + " measurable from the run's data; it would need case-level data"), corruption.verdict());
    }

    @Test
    void theDefaultMappingNamesAnIndicatorOrTheDataNeededOnEveryLine() {
        List<ChallengeIndicator> m = ChallengeIndicator.defaults();
        assertEquals(Arrays.stream(Challenge.values()).collect(Collectors.toSet()),
                m.stream().map(ChallengeIndicator::challenge).collect(Collectors.toSet()));
        for (ChallengeIndicator c : m) {
            assertTrue(!c.needed().isBlank(), c.toString());
            if (c.hasIndicator()) {
                assertTrue(List.of("indicators", "estimates", "aggregates", "observations", "tracker", "catalog").contains(c.table()),
                        c.toString());
                assertTrue(!c.areas().isBlank() && !c.link().isBlank(), c.toString());
            }
        }
    }

    @Test
    void aFoundSeriesIsAssessedAndItsVerdictQuotesTheNumbers() {
        ChallengeIndicator line = new ChallengeIndicator(Challenge.B, "indicators", "seizures_total", "cocaine", "",
                "world", "Cocaine seizures", "supply.html", "trafficking");
        TrackedSeries s = new TrackedSeries("seizures_total", "Cocaine seizures", "WLD", "World", "kg",
                "UNODC WDR 2025 annex 7.1", "90 to 120 countries reporting", "supply.html#seizures",
                List.of(YearValue.of(2019, 1_400_000), YearValue.of(2020, 1_500_000),
                        YearValue.of(2021, 1_800_000), YearValue.of(2022, 2_000_000), YearValue.of(2023, 2_300_000)));
        List<TrackerRow> rows = Tracker.of(TrackerRules.withDefaults()).rows(List.of(line), m -> List.of(s));
        TrackerRow b = rows.stream().filter(r -> r.challenge().equals("b")).findFirst().orElseThrow();
        assertEquals("increase", b.direction());
        assertEquals("sen-slope", b.trendMethod());
        assertEquals(2019, b.baselineYear());
        assertEquals(2023, b.latestYear());
        assertEquals(900_000, b.change(), 0);
        // by hand: the 10 pairwise slopes (kg/year) sorted are 100k, 200k, 200k, 200k, 225k, 250k, 250k, 266.7k,
        // 300k, 300k; the median is (225k + 250k) / 2 = 237.5k; with n = 5 the 95% interval is ranks 1 and 10
        assertEquals(237_500, b.trendEstimate(), 1e-9);
        assertEquals(100_000, b.trendLower(), 1e-9);
        assertEquals(300_000, b.trendUpper(), 1e-9);
        assertEquals("Cocaine seizures (World) rose from 1,400 t in 2019 to 2,300 t in 2023 (+64%); Sen's slope"
                + " +238 t per year (95% CI 100 t to 300 t; Mann–Kendall p = 0.027, 5 years) shows a significant"
                + " increase.", b.verdict());
        assertEquals(12, rows.stream().map(TrackerRow::challenge).distinct().count());
    }

    @Test
    void aMappingWithABadChallengeLetterIsRefusedWithItsLine() {
        String csv = "challenge,table,indicator,drug,drug_group,areas,label,link,needed\n"
                + "z,indicators,x,,,world,X,x.html,why\n";
        DrugstatsException e = org.junit.jupiter.api.Assertions.assertThrows(DrugstatsException.class,
                () -> ChallengeIndicator.read(new StringReader(csv), "m.csv"));
        assertEquals("m.csv, line 2, column challenge: 'z' is not a challenge letter a to l", e.getMessage());
    }
}
