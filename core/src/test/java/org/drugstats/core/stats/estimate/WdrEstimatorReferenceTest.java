package org.drugstats.core.stats.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.drugstats.core.geo.UnodcAssignment;
import org.drugstats.core.stats.uncertainty.BoundMethod;
import org.junit.jupiter.api.Test;

/**
 * The estimator on a hand-made fixture (core/src/test/resources/.../estimate/fixture-*.csv) against an independent
 * implementation: {@code core/src/test/reference/estimates/wdr_estimates_reference.py} (Python 3.11.7, standard
 * library only; call in its docstring), output committed as {@code reference-output.csv} and
 * {@code reference-flags.txt}. Tolerance: 1e-9 relative (both compute in binary64; sums in different orders).
 *
 * <p>The fixture covers: carry-forward within W = 3 (AAA cannabis 2018 carried to 2019 and 2020, its 2014 row out
 * of the window; BBB's 2016 survey in the window of 2019 but not of 2020, where BBB is imputed); each age rule
 * (15-64; 12-65 as 15-64; 15+ converted by pop(15+)/pop(15-64); 10-64 converted by pop(10-64)/pop(15-64);
 * 18+ converted; 19-28 and _U left out); the preference between rows of one key (DDD: status normal first; FFF:
 * record 1 first); imputation from the sub-region, from the world when the region has no data, with P10–P90 and
 * single-country ranges; the opioid definition (AAA opioids row over its opiates row; BBB union of opiates and
 * prescription opioids; CCC and DDD one component only; GGG's only row excluded, so imputed).
 */
class WdrEstimatorReferenceTest {
    private static final String DIR = "/org/drugstats/core/stats/estimate/";
    private static final double REL = 1e-9;

    static EstimationSettings fixtureSettings() {
        return EstimationSettings.defaults().withYears(2019, 2020).withWindow(3);
    }

    static List<String[]> csv(InputStream in) throws IOException {
        List<String[]> rows = new ArrayList<>();
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        return rows.subList(1, rows.size());
    }

    static List<SurveyRow> survey() throws IOException {
        List<SurveyRow> rows = new ArrayList<>();
        for (String[] r : csv(WdrEstimatorReferenceTest.class.getResourceAsStream(DIR + "fixture-survey.csv"))) {
            rows.add(new SurveyRow(r[0], r[1], r[2], r[3], Double.parseDouble(r[4]),
                    r[5].isEmpty() ? Double.NaN : Double.parseDouble(r[5]),
                    r[6].isEmpty() ? Double.NaN : Double.parseDouble(r[6]), r[7], r[8], r[9], r[10]));
        }
        return rows;
    }

    static PopulationTable population() throws IOException {
        PopulationTable.Builder b = PopulationTable.builder();
        for (String[] r : csv(WdrEstimatorReferenceTest.class.getResourceAsStream(DIR + "fixture-population.csv"))) {
            b.put(r[0], Integer.parseInt(r[1]), new AgePopulation(Double.parseDouble(r[2]), Double.parseDouble(r[3]),
                    Double.parseDouble(r[4]), Double.parseDouble(r[5]), Double.parseDouble(r[6])));
        }
        return b.build();
    }

    static List<UnodcAssignment> geo() throws IOException {
        List<UnodcAssignment> g = new ArrayList<>();
        for (String[] r : csv(WdrEstimatorReferenceTest.class.getResourceAsStream(DIR + "fixture-geo.csv"))) {
            g.add(new UnodcAssignment(r[0], r[1], "Region " + r[1], r[2], "Subregion " + r[2], "fixture"));
        }
        return g;
    }

    static List<AreaEstimate> run(List<SurveyRow> survey, List<UnodcAssignment> geo, EstimationSettings s)
            throws IOException {
        PopulationTable pop = population();
        return WdrEstimator.of(s).estimate(NationalEstimates.of(survey, pop), pop, geo, Map.of());
    }

    private static Path reference(String file) {
        Path p = Path.of("src/test/reference/estimates", file);
        return Files.exists(p) ? p : Path.of("core").resolve(p);
    }

    private static void close(String what, double expected, double actual) {
        assertEquals(expected, actual, REL * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void everyRowMatchesTheIndependentReference() throws IOException {
        List<AreaEstimate> got = run(survey(), geo(), fixtureSettings());
        Map<String, AreaEstimate> byKey = new HashMap<>();
        for (AreaEstimate e : got) {
            byKey.put(e.level().code() + "|" + e.refArea() + "|" + e.year() + "|" + e.drug().code(), e);
        }
        List<String[]> expected = csv(Files.newInputStream(reference("reference-output.csv")));
        assertEquals(expected.size(), got.size(), "rows: the reference has " + expected.size());
        for (String[] r : expected) {
            String key = r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3];
            AreaEstimate e = byKey.get(key);
            assertTrue(e != null, "missing " + key);
            close(key + " value", Double.parseDouble(r[4]), e.percent().best());
            close(key + " lower", Double.parseDouble(r[5]), e.percent().low());
            close(key + " upper", Double.parseDouble(r[6]), e.percent().high());
            close(key + " persons", Double.parseDouble(r[7]), e.persons().best());
            close(key + " persons lower", Double.parseDouble(r[8]), e.persons().low());
            close(key + " persons upper", Double.parseDouble(r[9]), e.persons().high());
            close(key + " coverage", Double.parseDouble(r[10]), e.coverage());
            assertEquals(Integer.parseInt(r[11]), e.nAreas(), key + " n_areas");
            assertEquals(Integer.parseInt(r[12]), e.nWithData(), key + " n_with_data");
            assertEquals(r[13], String.join(";", e.imputedAreas()), key + " imputed");
            assertEquals(r[14], String.join(";", e.carriedAreas()), key + " carried");
            assertEquals(r[15], e.method(), key + " method");
            assertEquals(Boolean.parseBoolean(r[16]), e.headline(), key + " headline");
        }
    }

    @Test
    void theSubregionRestingOnOneSmallCountryIsFlaggedAsTheReferenceSays() throws IOException {
        List<String> flags = Files.readAllLines(reference("reference-flags.txt"));
        assertEquals(4, flags.size());
        for (AreaEstimate e : run(survey(), geo(), fixtureSettings())) {
            if (e.level() == EstimateLevel.SUBREGION) {
                boolean expected = flags.stream().anyMatch(f -> f.startsWith("flag " + e.drug().code() + " "
                        + e.year() + " " + e.refArea() + " rests on"));
                assertEquals(expected, e.notes().contains("rests on one small country: DDD, 5.9%"), e.toString());
            }
        }
    }

    @Test
    void theRulesAppliedAreNamedAndCounted() throws IOException {
        NationalEstimates n = NationalEstimates.of(survey(), population());
        Map<String, Long> c = n.counts();
        assertEquals(17L, c.get("rows_read"));
        assertEquals(2L, c.get("rows_excluded_age")); // CCC 19-28, GGG _U
        assertEquals(2L, c.get("rows_alternative_not_used")); // DDD second 10-64 row, FFF record 2
        // estimates: AAA cannabis 2014, 2018, opioids 2019; BBB cannabis 2016, opioids 2019; CCC cannabis 2020,
        // opioids 2018; DDD cannabis 2019, opioids 2017, 2019; FFF opioids 2020
        assertEquals(11, n.all().size());
        assertEquals(3L, c.get("estimates_age_converted")); // CCC 15+, DDD 10-64, DDD 18+
        assertEquals(2L, c.get("estimates_age_as-15-64")); // BBB cannabis 12-65; BBB opioids union with 16-64
        assertEquals(2L, c.get("estimates_definition_group-row")); // AAA 2019, DDD 2017
        assertEquals(1L, c.get("estimates_definition_union-of-components"));
        assertEquals(3L, c.get("estimates_definition_component-only")); // CCC 2018, DDD 2019, FFF 2020
        AreaEstimate bbb = run(survey(), geo(), fixtureSettings()).stream()
                .filter(e -> e.refArea().equals("BBB") && e.year() == 2019 && e.drug() == WdrDrug.OPIOIDS).findFirst()
                .orElseThrow();
        assertTrue(bbb.notes().contains("definition union-of-components"), bbb.notes());
    }

    @Test
    void addingACountryWithDataNeverLowersCoverage() throws IOException {
        List<SurveyRow> base = survey();
        List<AreaEstimate> before = run(base, geo(), fixtureSettings());
        for (String iso3 : List.of("AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG")) {
            List<SurveyRow> more = new ArrayList<>(base);
            for (int y = 2019; y <= 2020; y++) {
                for (String drug : List.of("cannabis", "opioids")) {
                    more.add(new SurveyRow(iso3, drug, Integer.toString(y), "15-64", 1.5, Double.NaN, Double.NaN,
                            "normal", "HHS", "Added", ""));
                }
            }
            Map<String, Double> after = new HashMap<>();
            for (AreaEstimate e : run(more, geo(), fixtureSettings())) {
                after.put(e.level() + e.refArea() + e.year() + e.drug(), e.coverage());
            }
            for (AreaEstimate e : before) {
                double a = after.get(e.level() + e.refArea() + e.year() + e.drug());
                assertTrue(a >= e.coverage(), iso3 + " added: coverage of " + e.refArea() + " fell");
            }
        }
    }

    @Test
    void aCountryWithAnEstimateButNoPopulationIsLeftOutAndNamed() throws IOException {
        List<UnodcAssignment> g = new ArrayList<>(geo());
        g.add(new UnodcAssignment("KKK", "R1", "Region R1", "R1_S1", "Subregion R1_S1", "fixture"));
        List<SurveyRow> s = new ArrayList<>(survey());
        s.add(new SurveyRow("KKK", "cannabis", "2019", "15-64", 30.0, Double.NaN, Double.NaN, "normal", "HHS", "Gov",
                ""));
        List<AreaEstimate> base = run(survey(), geo(), fixtureSettings());
        List<AreaEstimate> with = run(s, g, fixtureSettings());
        assertEquals(base.size(), with.size());
        for (int i = 0; i < base.size(); i++) {
            AreaEstimate a = base.get(i);
            AreaEstimate b = with.get(i);
            assertEquals(a.persons(), b.persons(), a.refArea());
            boolean named = a.drug() == WdrDrug.CANNABIS && List.of("R1_S1", "R1", "WLD").contains(a.refArea());
            assertEquals(named, b.notes().contains("left out: KKK"), b.refArea() + " " + b.year() + " " + b.notes());
        }
    }

    @Test
    void permutingTheInputsChangesNothing() throws IOException {
        List<AreaEstimate> base = run(survey(), geo(), fixtureSettings());
        Random r = new Random(12);
        for (int i = 0; i < 5; i++) {
            List<SurveyRow> s = new ArrayList<>(survey());
            List<UnodcAssignment> g = new ArrayList<>(geo());
            Collections.shuffle(s, r);
            Collections.shuffle(g, r);
            assertEquals(base, run(s, g, fixtureSettings()));
        }
        EstimationSettings mc = fixtureSettings().withBounds(BoundMethod.MONTE_CARLO, 2000, 7L);
        List<SurveyRow> s = new ArrayList<>(survey());
        Collections.shuffle(s, r);
        assertEquals(run(survey(), geo(), mc), run(s, geo(), mc));
    }

    @Test
    void aSeededMonteCarloIsReproducibleAndTheSeedMatters() throws IOException {
        EstimationSettings mc = fixtureSettings().withBounds(BoundMethod.MONTE_CARLO, 2000, 7L);
        List<AreaEstimate> a = run(survey(), geo(), mc);
        assertEquals(a, run(survey(), geo(), mc));
        List<AreaEstimate> other = run(survey(), geo(), fixtureSettings().withBounds(BoundMethod.MONTE_CARLO, 2000, 8L));
        assertNotEquals(a.stream().map(AreaEstimate::persons).toList(), other.stream().map(AreaEstimate::persons)
                .toList());
        // Monte Carlo keeps the best values, and its range (independent draws) lies within the conservative bounds
        List<AreaEstimate> bounds = run(survey(), geo(), fixtureSettings());
        for (int i = 0; i < a.size(); i++) {
            AreaEstimate m = a.get(i);
            AreaEstimate b = bounds.get(i);
            assertEquals(b.persons().best(), m.persons().best(), 1e-9, m.refArea());
            assertTrue(m.persons().low() >= b.persons().low() - 1e-9, m.refArea() + " " + m.year());
            assertTrue(m.persons().high() <= b.persons().high() + 1e-9, m.refArea() + " " + m.year());
        }
        assertFalse(a.get(0).notes().isEmpty());
    }
}
