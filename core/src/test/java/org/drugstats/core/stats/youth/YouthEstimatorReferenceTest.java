package org.drugstats.core.stats.youth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.drugstats.core.geo.UnodcAssignment;
import org.drugstats.core.io.CsvTable;
import org.drugstats.core.stats.estimate.AgePopulation;
import org.drugstats.core.stats.estimate.PopulationTable;
import org.junit.jupiter.api.Test;

/**
 * The youth estimator on a hand-made fixture (core/src/test/resources/.../youth/fixture-*.csv) against an
 * independent implementation: {@code core/src/test/reference/youth/youth_reference.py} (Python 3.11, standard
 * library only; call in its docstring), output committed as {@code reference-output.csv}. Tolerance 1e-12
 * relative (both in binary64; the sums run over the same members in the same order, the means differ only by
 * rounding).
 *
 * <p>The fixture covers: the latest survey year per group (AAA 2019 over 2015; its 12–17 survey of 2021 a separate
 * school-age row); a row of another sex not read; component rows only (BBB 2020 Herb 5 and Resin 2: the larger,
 * method component-max; JJJ opioids Heroin and Tramadol); a whole row over a larger component (FFF: "Any cannabis"
 * record 1 and the record-less Government row are whole, the record-less one first; Herb 12 not used); ages read
 * from the coverage text ("(SS) 16", "15-16 (Grade 10)", "15"); a split year (CCC 2017/18, 2018/19); a survey before
 * the window (DDD 2015, Y − W = 2017); an implausible past-year value (EEE 90 left out of the summaries, its
 * lifetime 95 kept); a country with data but no population (HHH); a sub-national area (GB-XXX, not in summaries);
 * the groups young adults (16-24, university), school age (HBSC's "11,13,15", "Gardes 8, 10 and 12") and undefined.
 */
class YouthEstimatorReferenceTest {
    private static final String DIR = "/org/drugstats/core/stats/youth/";
    private static final double REL = 1e-12;

    static YouthSettings fixtureSettings() {
        return new YouthSettings(2020, 3, 0.5, 50);
    }

    static CsvTable csv(String name) throws IOException {
        try (var in = new InputStreamReader(YouthEstimatorReferenceTest.class.getResourceAsStream(DIR + name),
                StandardCharsets.UTF_8)) {
            return CsvTable.parse(name, in);
        }
    }

    static List<YouthSurveyRow> rows() throws IOException {
        List<YouthSurveyRow> out = new ArrayList<>();
        for (CsvTable.Row r : csv("fixture-youth.csv").rows()) {
            if (!r.text("sex").equals("T")) {
                continue; // YouthSurveyRow.of reads both sexes only; the fixture's M row checks that in Python too
            }
            String[] cp = YouthSurveyRow.coverageAndProduct(r.text("notes"));
            out.add(new YouthSurveyRow(r.text("ref_area"), r.text("drug"),
                    YouthPeriod.ofIndicator(r.text("indicator")).orElseThrow(), r.text("time_period"), r.text("age"),
                    r.number("value"), cp[0], cp[1], r.text("method"), r.text("source"), r.text("record")));
        }
        return out;
    }

    static PopulationTable population() throws IOException {
        PopulationTable.Builder b = PopulationTable.builder();
        for (CsvTable.Row r : csv("fixture-population.csv").rows()) {
            b.put(r.text("iso3"), Integer.parseInt(r.text("year")), new AgePopulation(r.number("p0_4"),
                    r.number("p5_14"), r.number("p15_24"), r.number("p25_64"), r.number("p65")));
        }
        return b.build();
    }

    static List<UnodcAssignment> geo() throws IOException {
        List<UnodcAssignment> g = new ArrayList<>();
        for (CsvTable.Row r : csv("fixture-geo.csv").rows()) {
            g.add(new UnodcAssignment(r.text("iso3"), r.text("region"), "Region " + r.text("region"),
                    r.text("subregion"), "Subregion " + r.text("subregion"), "fixture"));
        }
        return g;
    }

    /** The output in the reference's columns, keyed by level, area, drug, indicator and group. */
    static TreeMap<String, Map<String, String>> run(List<YouthSurveyRow> rows, List<UnodcAssignment> geo)
            throws IOException {
        YouthEstimator est = YouthEstimator.of(fixtureSettings());
        List<YouthCountryEstimate> latest = est.latest(rows);
        List<YouthSummary> summaries = est.summaries(latest, population(), geo);
        TreeMap<String, Map<String, String>> out = new TreeMap<>();
        for (Object[] v : YouthContract.rows(latest, summaries, Map.of(), fixtureSettings())) {
            Map<String, String> m = new HashMap<>();
            List<String> cols = YouthContract.TABLE.columnNames();
            for (int i = 0; i < cols.size(); i++) {
                m.put(cols.get(i), v[i] == null ? "" : v[i].toString());
            }
            out.put(String.join("|", m.get("level"), m.get("ref_area"), m.get("drug"), m.get("indicator"),
                    m.get("age_group")), m);
        }
        return out;
    }

    @Test
    void matchesTheIndependentReference() throws IOException {
        TreeMap<String, Map<String, String>> out = run(rows(), geo());
        Path ref = Path.of("src/test/reference/youth/reference-output.csv");
        CsvTable t = CsvTable.read(ref);
        assertEquals(t.rows().size(), out.size(), "rows");
        for (CsvTable.Row r : t.rows()) {
            String key = String.join("|", r.text("level"), r.text("ref_area"), r.text("drug"), r.text("indicator"),
                    r.text("age_group"));
            Map<String, String> m = out.get(key);
            assertTrue(m != null, "missing " + key);
            for (String c : List.of("time_period", "survey_year", "age", "n_areas", "n_with_data", "with_data_areas",
                    "headline", "method")) {
                assertEquals(r.text(c), m.get(c), key + " " + c);
            }
            for (String c : List.of("value", "median", "min", "max", "coverage")) {
                if (r.text(c).isEmpty()) {
                    assertEquals("", m.get(c), key + " " + c);
                } else {
                    double want = Double.parseDouble(r.text(c));
                    double got = Double.parseDouble(m.get(c));
                    assertEquals(want, got, REL * Math.max(1, Math.abs(want)), key + " " + c);
                }
            }
        }
    }

    @Test
    void notesSayWhatWasLeftOutAndWhy() throws IOException {
        TreeMap<String, Map<String, String>> out = run(rows(), geo());
        String s3 = out.get("unodc_subregion|S3|cannabis|prevalence_youth_annual|students-15-16").get("notes");
        assertTrue(s3.contains("left out as implausible (above 50%): EEE 90"), s3);
        assertTrue(s3.contains("not a headline: coverage 0.17 below the minimum 0.50"), s3);
        String s2 = out.get("unodc_subregion|S2|cannabis|prevalence_youth_annual|students-15-16").get("notes");
        assertTrue(s2.contains("latest 15-16 survey before 2017, not used: DDD:2015"), s2);
        String s4 = out.get("unodc_subregion|S4|cannabis|prevalence_youth_annual|students-15-16").get("notes");
        assertTrue(s4.contains("no population of 2020, left out: HHH"), s4);
        String none = out.get("unodc_subregion|S1|opioids|prevalence_youth_annual|students-15-16").get("notes");
        assertTrue(none.startsWith("no value: no member with a past year survey of students aged 15-16 of 2017-2020"),
                none);
        Map<String, String> bbb = out.get("country|BBB|cannabis|prevalence_youth_annual|students-15-16");
        assertTrue(bbb.get("notes").contains("component: Herb"), bbb.get("notes"));
        assertTrue(bbb.get("notes").contains("not used, same year and group: 2 (Resin, age 15-16, ARQ)"),
                bbb.get("notes"));
        Map<String, String> ccc = out.get("country|CCC|cannabis|prevalence_youth_annual|students-15-16");
        assertEquals("(SS) 16", ccc.get("coverage_text"));
        assertTrue(ccc.get("notes").contains("age read from the coverage text"), ccc.get("notes"));
        Map<String, String> eee = out.get("country|EEE|cannabis|prevalence_youth_annual|students-15-16");
        assertEquals("false", eee.get("headline"));
        assertTrue(eee.get("notes").contains("implausible"), eee.get("notes"));
    }

    @Test
    void permutingTheRowsOrTheCountriesChangesNothing() throws IOException {
        TreeMap<String, Map<String, String>> base = run(rows(), geo());
        Random rnd = new Random(20250626L);
        for (int i = 0; i < 20; i++) {
            List<YouthSurveyRow> r = new ArrayList<>(rows());
            List<UnodcAssignment> g = new ArrayList<>(geo());
            Collections.shuffle(r, rnd);
            Collections.shuffle(g, rnd);
            assertEquals(base, run(r, g), "permutation " + i);
        }
    }

    @Test
    void addingACountryWithDataNeverLowersCoverage() throws IOException {
        TreeMap<String, Map<String, String>> base = run(rows(), geo());
        double[] values = {0, 3.5, 49.9};
        for (String iso3 : List.of("BBB", "DDD", "GGG", "III", "JJJ")) {
            for (double v : values) {
                List<YouthSurveyRow> r = new ArrayList<>(rows());
                r.add(new YouthSurveyRow(iso3, "cannabis", YouthPeriod.ANNUAL, "2020", "15-16", v, "15 - 16", "",
                        "", "test", ""));
                TreeMap<String, Map<String, String>> more = run(r, geo());
                for (var e : base.entrySet()) {
                    if (!e.getKey().startsWith("country") && !e.getKey().startsWith("subnational")) {
                        double before = Double.parseDouble(e.getValue().get("coverage"));
                        double after = Double.parseDouble(more.get(e.getKey()).get("coverage"));
                        assertTrue(after >= before, e.getKey() + " with " + iso3 + " " + v + ": " + before + " -> "
                                + after);
                    }
                }
                Map<String, String> world = more.get("world|WLD|cannabis|prevalence_youth_annual|students-15-16");
                assertTrue(world.get("with_data_areas").contains(iso3 + ":2020"), world.get("with_data_areas"));
            }
        }
    }

    @Test
    void productsAndAgeGroupsAsStated() {
        assertTrue(Products.isComponent("Herb"));
        assertTrue(Products.isComponent("Herb only, 13 out of 34 Provinces"));
        assertTrue(Products.isComponent("Crack"));
        assertTrue(Products.isComponent("Amphetamine"));
        assertTrue(Products.isComponent("Tranquillizers"));
        assertFalse(Products.isComponent("Herb and resin"));
        assertFalse(Products.isComponent("Any Cocaine"));
        assertFalse(Products.isComponent("Cocaine, any (HCl and/ or Crack)"));
        assertFalse(Products.isComponent("All Opiates"));
        assertFalse(Products.isComponent("Amphetamines"));
        assertFalse(Products.isComponent("Stimulants (inclds Amphetamines)"));
        assertFalse(Products.isComponent("Tranquillizers and sedatives"));
        assertFalse(Products.isComponent("Limited geography"));
        assertFalse(Products.isComponent(""));
        assertEquals("15-15", YouthAgeGroup.surveyedAge("_U", "15"));
        assertEquals("16-16", YouthAgeGroup.surveyedAge("_U", "(SS) 16"));
        assertEquals("15-16", YouthAgeGroup.surveyedAge("_U", "15-16 (Grade 10)"));
        assertEquals("15-16", YouthAgeGroup.surveyedAge("_U", "15 - 16 (Grade 10)"));
        assertEquals("_U", YouthAgeGroup.surveyedAge("_U", "Grade 10"));
        assertEquals("12-17", YouthAgeGroup.surveyedAge("12-17", "whatever"));
        assertEquals(YouthAgeGroup.STUDENTS_15_16, YouthAgeGroup.classify("15-16", ""));
        assertEquals(YouthAgeGroup.STUDENTS_15_16, YouthAgeGroup.classify("16-16", ""));
        assertEquals(YouthAgeGroup.SCHOOL_AGE, YouthAgeGroup.classify("15-17", ""));
        assertEquals(YouthAgeGroup.SCHOOL_AGE, YouthAgeGroup.classify("15-19", ""));
        assertEquals(YouthAgeGroup.SCHOOL_AGE, YouthAgeGroup.classify("<18", "Below 18"));
        assertEquals(YouthAgeGroup.SCHOOL_AGE, YouthAgeGroup.classify("_U", "(SS) ages 13, 15, & 17"));
        assertEquals(YouthAgeGroup.SCHOOL_AGE, YouthAgeGroup.classify("_U", "SS"));
        assertEquals(YouthAgeGroup.SCHOOL_AGE, YouthAgeGroup.classify("_U", "12th Grade"));
        assertEquals(YouthAgeGroup.YOUNG_ADULTS, YouthAgeGroup.classify("16-24", ""));
        assertEquals(YouthAgeGroup.YOUNG_ADULTS, YouthAgeGroup.classify("_U", "16, 19 and 21"));
        assertEquals(YouthAgeGroup.YOUNG_ADULTS, YouthAgeGroup.classify("_U", "University students (19+)"));
        assertEquals(YouthAgeGroup.UNDEFINED, YouthAgeGroup.classify("_U", "Youth (undefined)"));
        assertEquals(YouthAgeGroup.UNDEFINED, YouthAgeGroup.classify("_U", "12+"));
        assertEquals(YouthAgeGroup.UNDEFINED, YouthAgeGroup.classify("_U", "43009"));
        assertEquals(Arrays.asList("", "x"), Arrays.asList(YouthSurveyRow.coverageAndProduct("coverage: ; x")));
    }
}
