package org.drugstats.core.stats.youth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The youth estimates of the embedded extract of WDR 2025 annex table 1.4, with spot values read from the workbook
 * by {@code core/src/test/reference/youth/workbook_spots.py} (openpyxl 3.0.9, not POI; output committed as
 * {@code workbook_spots.out}): each country's latest past-year cannabis value of students aged 15–16. Values are
 * compared exactly (tolerance 0: the workbook's numbers pass through the ingest unchanged).
 */
class YouthEstimatorEmbeddedTest {
    static EmbeddedYouth youth;
    static Map<String, YouthCountryEstimate> latest;

    @BeforeAll
    static void read() {
        youth = new EmbeddedYouth(Path.of(System.getProperty("drugstats.project.root", "../.."), "data"));
        latest = new TreeMap<>();
        for (YouthCountryEstimate e : YouthEstimator.of(YouthSettings.defaults()).latest(youth.rows)) {
            latest.put(e.refArea() + "|" + e.drug() + "|" + e.period() + "|" + e.group(), e);
        }
    }

    static YouthCountryEstimate cannabis(String iso3) {
        return latest.get(iso3 + "|cannabis|ANNUAL|STUDENTS_15_16");
    }

    @Test
    void latestPastYearCannabisOfStudentsAsInTheWorkbook() {
        // workbook_spots.out: country | year | coverage | past year | source | notes
        record Spot(String iso3, int year, double value, String age, String method) {
        }
        for (Spot s : List.of(new Spot("AUT", 2019, 18.9, "15-16", "latest-survey"),
                new Spot("BRA", 2019, 4.7, "15-16", "latest-survey"),
                new Spot("CHL", 2019, 28.11, "15-16", "latest-survey-component-max"),
                new Spot("POL", 2019, 16.7, "15-16", "latest-survey"),
                new Spot("CHE", 2023, 10.3, "15-15", "latest-survey"),
                // three rows of 2019: Herb 6.5 and Resin 2 (components), the whole drug 5.7
                new Spot("UKR", 2019, 5.7, "15-16", "latest-survey"))) {
            YouthCountryEstimate e = cannabis(s.iso3());
            assertEquals(s.year(), e.surveyYear(), s.iso3());
            assertEquals(s.value(), e.value(), 0.0, s.iso3());
            assertEquals(s.age(), e.row().surveyedAge(), s.iso3());
            assertEquals(s.method(), e.method(), s.iso3());
        }
        assertEquals(List.of("6.5 (Herb, age 15-16, ESPAD)", "2 (Resin, age 15-16, ESPAD)"),
                cannabis("UKR").alternatives());
    }

    @Test
    void everyRowOfBothSexesWithAValueIsReadAndNoOtherRow() {
        long both = youth.observations.stream().filter(o -> o.sex().code().equals("T") && o.value() != null
                && o.drug() != null && !o.drug().isEmpty() && (o.drugGroup() == null || o.drugGroup().isEmpty()))
                .count();
        assertEquals(both, youth.rows.size());
        // the extract: 9,389 rows (data/README.md), of which 7,678 of the seven sheets' drugs (the rest: single NPS)
        assertEquals(9389, youth.observations.size());
        assertEquals(7678, youth.observations.stream().filter(o -> o.drugGroup() == null || o.drugGroup().isEmpty())
                .count());
        assertTrue(youth.rows.stream().allMatch(r -> List.of("cannabis", "cocaine", "opioids", "amphetamines",
                "ecstasy", "tranquillizers and sedatives", "NPS").contains(r.drug())), "the seven sheets' drugs");
    }

    @Test
    void implausibleValuesAreFlaggedAndLeftOutOfTheSummaries() {
        assertTrue(cannabis("SEN").implausible());
        assertEquals(90.95, cannabis("SEN").value(), 0.0);
        YouthSummary westAfrica = youth.summaries(YouthSettings.defaults()).stream()
                .filter(s -> s.drug().equals("cannabis") && s.period() == YouthPeriod.ANNUAL
                        && s.level() == YouthLevel.REGION && s.code().equals("UNODC_AFR")).findFirst().orElseThrow();
        assertFalse(westAfrica.withData().stream().anyMatch(x -> x.startsWith("SEN")), westAfrica.withData().toString());
        assertTrue(String.join("; ", westAfrica.notes()).contains("SEN 90.95"), westAfrica.notes().toString());
    }

    @Test
    void everyRegionHasAValueOrAStatedReason() {
        for (YouthSummary s : youth.summaries(YouthSettings.defaults())) {
            if (Double.isNaN(s.mean())) {
                assertTrue(s.notes().get(0).startsWith("no value: "), s.toString());
                assertFalse(s.headline());
            } else {
                double eps = 1e-12 * s.max(); // Σ v w / Σ w of one country differs from v by rounding
                assertTrue(s.mean() >= s.min() - eps && s.mean() <= s.max() + eps, s.toString());
                assertTrue(s.notes().get(0).contains("headline"), s.toString());
            }
        }
    }
}
