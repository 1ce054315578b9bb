package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.SharedData;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.CsvExtracts;
import org.drugstats.core.data.Extract;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.QuarantineRow;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NCHS drug-poisoning and EUDA waste-water kinds on the real files (../shared/data; fails when missing) and on
 * damaged copies. Counts and spot values: {@code core/src/test/reference/deaths_wastewater_counts.py} (Python 3
 * csv module, an independent count of the non-empty measure cells; output in {@code deaths_wastewater_counts.out});
 * exact equality (the values are the file's text).
 */
class DeathsWastewaterIngestTest {

    static final String NCHS = "deaths/nchs-drug-poisoning-mortality-by-state-1999-2017.csv";
    static final String EUDA = "wastewater/euda-ww2025-all-data.csv";
    static final String SITES = "wastewater/euda-ww2025-site-info-table.csv";

    private static IngestContext context;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        context = IngestContext.withDefaults();
    }

    private static IngestResult ingest(String kind, Path file) {
        return IngestKinds.byName(kind).ingest(SourceFile.of(file), context);
    }

    private static Observation one(IngestResult r, Predicate<Observation> p) {
        List<Observation> found = r.accepted().stream().filter(p).toList();
        assertEquals(1, found.size(), "matching observations: " + found);
        return found.get(0);
    }

    @Test
    void nchsAccountingAndAlabama1999() {
        IngestResult r = ingest("nchs-drug-poisoning", SharedData.file(NCHS));
        assertEquals(10260, r.rowsRead());
        assertEquals(5472, r.rowsAccepted());
        assertEquals(4788, r.rowsQuarantined());
        assertEquals(4788, r.quarantined(QuarantineReason.MALFORMED_ROW));
        assertEquals(1824L, r.nonDataRowsSkipped().get("age-adjusted rate not published (cells of rows for one age group)"));
        Observation al = one(r, o -> o.indicator().equals("drug_poisoning_death_rate_age_adjusted")
                && "US-AL".equals(o.subArea()) && o.timePeriod().equals("1999") && o.sex() == Sex.TOTAL);
        assertEquals(3.8521, al.value(), 0);
        assertEquals(0.29657, al.stdError(), 0);
        assertEquals(3.2708, al.lower(), 0);
        assertEquals(4.4334, al.upper(), 0);
        assertEquals(Unit.PER_100K, al.unit());
        assertEquals("USA", al.refArea());
        assertEquals("Alabama", al.areaName());
        Observation crude = one(r, o -> o.indicator().equals("drug_poisoning_death_rate")
                && "US-AL".equals(o.subArea()) && o.timePeriod().equals("1999") && o.sex() == Sex.TOTAL
                && o.age().equals("_T"));
        assertEquals(3.8148, crude.value(), 0);
        assertEquals(0.29344, crude.stdError(), 0);
        Observation deaths = one(r, o -> o.indicator().equals("drug_poisoning_deaths") && o.subArea() == null
                && o.timePeriod().equals("2017") && o.sex() == Sex.TOTAL && o.age().equals("_T"));
        assertEquals(70237, deaths.value(), 0);
        Observation young = one(r, o -> o.indicator().equals("drug_poisoning_death_rate") && o.subArea() == null
                && o.timePeriod().equals("2017") && o.sex() == Sex.TOTAL && o.age().equals("15-24"));
        assertEquals(12.6126, young.value(), 0);
        assertEquals(52, r.accepted().stream().filter(o -> o.indicator().equals("drug_poisoning_death_rate_age_adjusted")
                && o.timePeriod().equals("2017") && o.sex() == Sex.TOTAL).count(), "50 states, DC and the US");
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void eudaAccountingAndGraz2024() {
        IngestResult r = ingest("euda-wastewater", SharedData.file(EUDA));
        assertEquals(43403, r.rowsRead());
        assertEquals(60, r.rowsQuarantined());
        assertEquals(60, r.quarantined(QuarantineReason.UNKNOWN_CODE));
        assertEquals(357L, r.nonDataRowsSkipped().get("empty cells: days not sampled (and means not published)"));
        Observation graz = one(r, o -> o.indicator().equals("wastewater_mass_load") && "AT001".equals(o.subArea())
                && o.timePeriod().equals("2024") && o.drug().equals("MDMA"));
        assertEquals(15.53, graz.value(), 0);
        assertEquals("AUT", graz.refArea());
        assertEquals("Graz", graz.areaName());
        assertEquals(Unit.MG_PER_1000_PER_DAY, graz.unit());
        Observation sat = one(r, o -> o.indicator().equals("wastewater_mass_load_day") && "AT001".equals(o.subArea())
                && o.timePeriod().equals("2024") && o.drug().equals("MDMA") && "saturday".equals(o.method()));
        assertEquals(28.11, sat.value(), 0);
        Observation coke = one(r, o -> o.indicator().equals("wastewater_mass_load") && "AT001".equals(o.subArea())
                && o.timePeriod().equals("2024") && o.drug().equals("cocaine"));
        assertEquals("benzoylecgonine", coke.drugSubgroup());
        QuarantineRow q = r.quarantined().get(0);
        assertEquals("Country", q.column());
        assertEquals("H", q.rawValue());
    }

    @Test
    void sitesPopulationServed() {
        IngestResult r = ingest("euda-wastewater-sites", SharedData.file(SITES));
        assertEquals(217, r.rowsRead());
        assertEquals(216, r.rowsAccepted());
        Observation graz = one(r, o -> "AT001".equals(o.subArea()));
        assertEquals(425000, graz.value(), 0);
        assertEquals("plant: ARA Graz; latitude: 47.070713; longitude: 15.439504", graz.notes());
    }

    @Test
    void damagedNchsRowsAreQuarantinedNamingColumnAndValue() throws IOException {
        String header = Files.readAllLines(SharedData.file(NCHS), StandardCharsets.UTF_8).get(0);
        Path f = Files.writeString(dir.resolve("nchs.csv"), header + "\n"
                + "Atlantis,1999,Both Sexes,All Ages,All Races-All Origins,1,100000,1,0.1,0.8,1.2,1,0.1,0.8,1.2,1\u20132,"
                + "6,6,\"per 100,000 population\"\n"
                + "Alabama,1999,Both Sexes,All Ages,All Races-All Origins,x,4430143,3.8148,0.29344,3.2396,4.3899,"
                + "3.8521,0.29657,3.2708,4.4334,1.8\u20137.2,6.0382,6.057,\"per 100,000 population\"\n"
                + "Alabama,2000,Both Sexes,All Ages,All Races-All Origins,197,4447100\n", StandardCharsets.UTF_8);
        IngestResult r = ingest("nchs-drug-poisoning", f);
        assertEquals(r.rowsRead(), r.rowsAccepted() + r.rowsQuarantined());
        assertEquals(4 + 4 + 4, r.rowsRead()); // a short row: every measure read, none trusted
        assertEquals(4, r.quarantined(QuarantineReason.UNMAPPED_AREA));
        QuarantineRow bad = r.quarantined().stream().filter(q -> q.reason() == QuarantineReason.NON_NUMERIC)
                .findFirst().orElseThrow();
        assertEquals("Deaths", bad.column());
        assertEquals("x", bad.rawValue());
        assertEquals(3, bad.row());
        assertEquals(4, r.quarantined(QuarantineReason.MALFORMED_ROW));
        assertEquals(3, r.rowsAccepted());
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ingest("nchs-drug-poisoning",
                SharedData.file(EUDA)));
        assertTrue(e.getMessage().contains("is not a nchs-drug-poisoning file"), e.getMessage());
    }

    @Test
    void extractsWithoutSubAreasKeepTheirColumnsAndWithThemRoundTrip() throws IOException {
        Observation plain = Observation.builder().indicator("x").refArea("AUT").timePeriod(2024).age("_T")
                .value(1.0).unit(Unit.PERSONS).origin("o").build();
        StringWriter w = new StringWriter();
        CsvExtracts.write(w, List.of(plain));
        assertTrue(w.toString().startsWith("indicator,") && w.toString().lines().findFirst().orElseThrow()
                .endsWith(",record"), w.toString());
        Observation site = plain.toBuilder().subArea("AT001").stdError(0.5).build();
        Path p = dir.resolve("e.parquet");
        ParquetExtracts.write(p, new Extract(List.of(site, plain), List.of(new org.drugstats.core.data.Origin("o",
                "test", "test", "test", null, "none", null, "e.csv", null, "test", true))));
        List<Observation> back = ParquetExtracts.read(p).observations();
        assertEquals(List.of(site, plain), back);
        assertEquals("AT001", back.get(0).text(Column.SUB_AREA));
        assertNull(back.get(1).subArea());
        assertTrue(!site.key().equals(plain.key()), "the sub-area is part of the key");
    }
}
