package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.SharedData;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sdg-open-csv} on other countries' Open SDG files (Kazakhstan: no area column; the Canary Islands: NUTS
 * codes and SDMX-style codes) and on variants of them. Spot values are the file's own lines, quoted beside each.
 */
class SdgOpenCsvFamilyTest {

    static final String KAZ = "sdg-3.5.1/kazstat-indicator_3-5-1-kazakhstan.csv";
    static final String ISTAC = "sdg-3.5.1/istac-indicator_3-5-1-spain-canary-islands.csv";
    private static final IngestKind KIND = IngestKinds.byName("sdg-open-csv");

    @TempDir
    Path tmp;

    private static IngestResult ingest(Path file, String area) {
        return KIND.ingest(SourceFile.of(file), IngestContext.withDefaults().withArea(area));
    }

    private static Observation one(IngestResult r, Predicate<Observation> p) {
        List<Observation> found = r.accepted().stream().filter(p).toList();
        assertEquals(1, found.size(), "matching observations: " + found);
        return found.get(0);
    }

    @Test
    void kazakhstanNeedsTheAreaAndThenLosesNoRow() {
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ingest(SharedData.file(KAZ), null));
        assertTrue(e.getMessage().startsWith("kazstat-indicator_3-5-1-kazakhstan.csv: the file has no area column"),
                e.getMessage());
        assertTrue(e.getMessage().contains("--area ISO3"), e.getMessage());
        IngestResult r = ingest(SharedData.file(KAZ), "KAZ");
        assertEquals(42, r.rowsRead());
        assertEquals(42, r.rowsAccepted());
        // line 40: 2022,PER_100000_POP,_L_HLTH_IMBD_DRG,11.4
        Observation drg = one(r, o -> o.timePeriod().equals("2022")
                && "COMPOSITE_BREAKDOWN=_L_HLTH_IMBD_DRG".equals(o.method()));
        assertEquals(11.4, drg.value(), 0);
        assertEquals("KAZ", drg.refArea());
        assertEquals("Kazakhstan", drg.areaName());
        assertEquals(Unit.PER_100K, drg.unit());
        assertEquals("sdg_3_5_1", drg.indicator());
        DrugstatsException bad = assertThrows(DrugstatsException.class, () -> ingest(SharedData.file(KAZ), "KZ"));
        assertTrue(bad.getMessage().contains("--area 'KZ' is not an ISO 3166-1 alpha-3 code"), bad.getMessage());
    }

    @Test
    void canaryIslandsNutsAndSdmxCodesAreDecoded() {
        IngestResult r = ingest(SharedData.file(ISTAC), null);
        assertEquals(96, r.rowsRead());
        assertEquals(96, r.rowsAccepted());
        // line 2: 2015,UNIDAD_MEDIDA.PER_100000,ES70,SERIE.SERIE_A,SEXO._T,SUSTANCIA_ADICTIVA._L_SUD_ILLEGAL_DRUGS,181.7
        Observation canarias = one(r, o -> o.refArea().equals("ES-CN") && o.timePeriod().equals("2015")
                && o.indicator().equals("sdg_3_5_1_serie_a"));
        assertEquals(181.7, canarias.value(), 0);
        assertEquals(Sex.TOTAL, canarias.sex());
        assertEquals("_L_SUD_ILLEGAL_DRUGS", canarias.drug()); // a local code: kept verbatim
        assertEquals("ES70", canarias.areaName());
        // line 9: 2015,UNIDAD_MEDIDA.PER_100000,ES,SERIE.SERIE_B,SEXO.M,SUSTANCIA_ADICTIVA._L_SUD_ILLEGAL_DRUGS,173.7
        Observation spainMen = one(r, o -> o.refArea().equals("ESP") && o.timePeriod().equals("2015")
                && o.indicator().equals("sdg_3_5_1_serie_b"));
        assertEquals(173.7, spainMen.value(), 0);
        assertEquals(Sex.MALE, spainMen.sex());
        assertEquals(Set.of("ESP", "ES-CN"), Set.copyOf(r.accepted().stream().map(Observation::refArea).toList()));
    }

    private Path rewrite(String name, String relative, java.util.function.UnaryOperator<List<String[]>> change)
            throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.file(relative), StandardCharsets.UTF_8)) {
            rows.add(line.split(",", -1)); // these two files have no quoted fields
        }
        List<String> out = new ArrayList<>();
        for (String[] r : change.apply(rows)) {
            out.add(String.join(",", r));
        }
        Path f = tmp.resolve(name);
        Files.write(f, out, StandardCharsets.UTF_8);
        return f;
    }

    private static Set<String> fingerprint(IngestResult r) {
        Set<String> s = new TreeSet<>();
        r.accepted().forEach(o -> s.add(String.join("|", o.indicator(), o.refArea(), o.timePeriod(), o.sex().code(),
                String.valueOf(o.drug()), String.valueOf(o.method()), String.valueOf(o.value()), o.unit().code())));
        s.add("read=" + r.rowsRead() + " quarantined=" + r.rowsQuarantined());
        return s;
    }

    @Test
    void shuffledColumnsAndRenamedHeadersGiveTheSameObservations() throws IOException {
        Set<String> base = fingerprint(ingest(SharedData.file(ISTAC), null));
        int[] order = {6, 4, 0, 2, 5, 1, 3};
        Path shuffled = rewrite("istac-indicator_3-5-1-shuffled.csv", ISTAC, rows -> rows.stream().map(r -> {
            String[] o = new String[r.length];
            for (int i = 0; i < r.length; i++) {
                o[i] = r[order[i]];
            }
            return o;
        }).toList());
        assertEquals(base, fingerprint(ingest(shuffled, null)));
        Path renamed = rewrite("istac-indicator_3-5-1-renamed.csv", ISTAC, rows -> {
            String[] h = rows.get(0).clone();
            for (int i = 0; i < h.length; i++) {
                h[i] = switch (h[i]) {
                    case "Year" -> "TIME_PERIOD";
                    case "Value" -> "OBS_VALUE";
                    case "Units" -> "UNIT_MEASURE";
                    case "general.territorio" -> "GeoCode";
                    default -> h[i];
                };
            }
            List<String[]> copy = new ArrayList<>(rows);
            copy.set(0, h);
            return copy;
        });
        assertEquals(base, fingerprint(ingest(renamed, null)));
    }

    @Test
    void anUnknownAreaCodeIsQuarantinedWithTheCode() throws IOException {
        Path f = rewrite("istac-indicator_3-5-1-other.csv", ISTAC, rows -> {
            List<String[]> copy = new ArrayList<>(rows);
            String[] r = rows.get(1).clone();
            r[2] = "FR10";
            copy.set(1, r);
            return copy;
        });
        IngestResult r = ingest(f, null);
        assertEquals(96, r.rowsRead());
        assertEquals(1, r.quarantined(QuarantineReason.UNMAPPED_AREA));
        assertEquals("FR10", r.quarantined().get(0).rawValue());
        assertTrue(r.quarantined().get(0).detail().contains("'FR10'"), r.quarantined().get(0).detail());
    }

    @Test
    void aFileOfAnotherFamilyGetsOneLine() {
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> ingest(SharedData.file("geo/unsd-m49.csv"), null));
        assertTrue(e.getMessage().startsWith("unsd-m49.csv is not a sdg-open-csv file: expected header fields Year and "
                + "Value"), e.getMessage());
    }
}
