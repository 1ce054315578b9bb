package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.SharedData;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;
import org.drugstats.core.geo.UnmappedReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each kind on the real published file (../shared/data; the test fails when a file is missing): row accounting,
 * spot values, flags, and every area name mapped or unmapped for a reason.
 */
class IngestRealFilesTest {

    static final String PREVALENCE = "unodc-wdr2025/1.2_prevalence_general_population_national.xlsx";
    static final String COCA = "unodc-wdr2025/6.1.1_coca_bush_cultivation.xlsx";
    static final String SEIZURES = "unodc-wdr2025/7.1_drug_seizures_2019-2023.xlsx";
    static final String WPP = "population/wpp2017-population-by-age-group.csv";
    static final String M49 = "geo/unsd-m49.csv";
    static final String INCB = "consumption/incb-opioid-consumption-2015-2017.csv";
    static final String SDG = "sdg-3.5.1/ons-indicator_3-5-1-alcohol-england.csv";

    private static IngestContext context;

    @BeforeAll
    static void setUp() {
        context = IngestContext.withDefaults();
    }

    static IngestResult ingest(String kind, String file) {
        return IngestKinds.byName(kind).ingest(SourceFile.of(SharedData.file(file)), context);
    }

    static Observation one(IngestResult r, Predicate<Observation> p) {
        List<Observation> found = r.accepted().stream().filter(p).toList();
        assertEquals(1, found.size(), "matching observations: " + found);
        return found.get(0);
    }

    static void accountingHolds(IngestResult r, long expectedRead) {
        accountingHolds(r, expectedRead, true);
    }

    static void accountingHolds(IngestResult r, long expectedRead, boolean countryNames) {
        assertEquals(expectedRead, r.rowsRead(), "rows read");
        assertEquals(r.rowsRead(), r.rowsAccepted() + r.rowsQuarantined());
        for (UnmappedName u : countryNames ? r.unmappedNames() : List.<UnmappedName>of()) {
            assertTrue(u.reason() == UnmappedReason.AGGREGATE || u.reason() == UnmappedReason.RESIDUAL,
                    "name neither mapped nor an aggregate/residual: " + u);
        }
        r.accepted().forEach(o -> assertEquals(r.origin().id(), o.origin()));
    }

    @Test
    void prevalence() {
        IngestResult r = ingest("unodc-annex-prevalence", PREVALENCE);
        // openpyxl count of value cells + orphan bounds + empty country rows: core/src/test/reference/annex_counts.py
        accountingHolds(r, 6102);
        Observation kenya = one(r, o -> o.indicator().equals("prevalence_annual") && o.refArea().equals("KEN")
                && o.timePeriod().equals("2022") && o.drug().equals("cannabis") && o.sex() == Sex.TOTAL);
        assertEquals(2.1, kenya.value(), 0);
        assertEquals(1.9, kenya.lower(), 0);
        assertEquals(2.28, kenya.upper(), 0);
        assertEquals("15-65", kenya.age());
        assertEquals("HHS", kenya.method());
        assertEquals("e", kenya.adjustment());
        assertEquals(ObsStatus.ESTIMATED, kenya.obsStatus()); // e = converted from lifetime/monthly prevalence
        assertTrue(kenya.hasFlag(QualityFlag.NONSTANDARD_AGE_BASE));
        // a 12+ survey stays 12+, by sex
        Observation algeriaMale = one(r, o -> o.refArea().equals("DZA") && o.drug().equals("cannabis")
                && o.sex() == Sex.MALE && o.timePeriod().equals("2010"));
        assertEquals("12+", algeriaMale.age());
        assertEquals(1.06, algeriaMale.value(), 0);
        assertEquals(ObsStatus.NORMAL, algeriaMale.obsStatus());
        // tranquillizers: Total/Male/Female, no bounds
        Observation haitiF = one(r, o -> o.refArea().equals("HTI") && o.drug().equals("tranquillizers and sedatives")
                && o.sex() == Sex.FEMALE && o.timePeriod().equals("2018"));
        assertEquals(11.8, haitiF.value(), 0);
        // NPS: two-row header, lifetime / past year / past month
        Observation khat = one(r, o -> o.refArea().equals("KEN") && "Khat".equals(o.drug())
                && o.indicator().equals("prevalence_past_month") && o.sex() == Sex.FEMALE);
        assertEquals(0.7, khat.value(), 1e-12);
        assertEquals("NPS", khat.drugGroup());
        assertEquals("Plant-based substances", khat.drugSubgroup());
        assertEquals("2017", khat.timePeriod());
        // parts of the UK keep their own codes; years like 2022/23 and 2012-13 are split years
        assertTrue(r.accepted().stream().anyMatch(o -> o.refArea().equals("GB-SCT")));
        assertTrue(r.accepted().stream().anyMatch(o -> o.timePeriod().equals("2022/23")));
        assertTrue(r.accepted().stream().anyMatch(o -> o.timePeriod().equals("2012/13") && "NPS".equals(o.drugGroup())));
        // the publisher's own inconsistencies are kept and flagged
        assertEquals(6, r.accepted().stream().filter(o -> o.hasFlag(QualityFlag.BEST_OUTSIDE_BOUNDS)).count());
        Observation outside = one(r, o -> o.hasFlag(QualityFlag.BEST_OUTSIDE_BOUNDS) && o.drug().equals("ecstasy")
                && o.value() == 0.03);
        assertTrue(outside.lower() > outside.value());
        // Ireland and Northern Ireland (NPS sheet) is not one country: its cells are quarantined and listed
        assertEquals(1, r.unmappedNames().size());
        assertEquals("Ireland and Northern Ireland", r.unmappedNames().get(0).name());
        assertNull(r.unmappedNames().get(0).code());
        assertEquals(12, r.quarantined(QuarantineReason.UNMAPPED_AREA));
        // Canada 2023 opioids: two rows with one key told apart by their Specific notes (pharmaceutical opioids vs
        // illegal fentanyl): both kept as records 1 and 2, in sheet order, for each of Best, Male and Female
        List<Observation> canada = r.accepted().stream().filter(o -> o.refArea().equals("CAN")
                && o.timePeriod().equals("2023") && o.drug().equals("opioids") && o.sex() == Sex.TOTAL).toList();
        assertEquals(List.of("1", "2"), canada.stream().map(Observation::record).toList());
        assertEquals(0.7747, canada.get(0).value(), 0);
        assertEquals(0.109122847, canada.get(1).value(), 0);
        assertTrue(canada.get(1).notes().equals("Use of illegal fentanyl"), canada.get(1).notes());
        assertTrue(canada.stream().allMatch(o -> o.hasFlag(QualityFlag.MULTIPLE_RECORDS)));
        // Ecuador 2013 opiates: heroin and opium
        assertEquals(List.of("Heroin", "Opium"), r.accepted().stream().filter(o -> o.refArea().equals("ECU")
                && o.timePeriod().equals("2013") && o.drug().equals("opiates") && o.sex() == Sex.TOTAL)
                .map(Observation::notes).toList());
        assertEquals(0, r.quarantined(QuarantineReason.DUPLICATE_KEY));
        assertEquals(4, r.keysWithMultipleRecords()); // Canada Best/Male/Female, Ecuador Best
        assertEquals(8, r.rowsInMultipleRecords());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("Egypt is listed under UNODC_AFR_WEST_CENTRAL")));
    }

    @Test
    void cultivation() {
        IngestResult r = ingest("unodc-annex-cultivation", COCA);
        accountingHolds(r, 57); // openpyxl count of non-blank year cells: annex_counts.py
        assertEquals(0, r.rowsQuarantined());
        Observation col = one(r, o -> o.refArea().equals("COL") && o.timePeriod().equals("2023"));
        assertEquals(252600, col.value(), 0); // cached result of =MROUND(252572, 100)
        assertEquals(Unit.HECTARES, col.unit());
        assertEquals("cultivation_area_coca", col.indicator());
        assertEquals("coca bush", col.drug());
        assertEquals("a", col.method());
        assertTrue(col.notes().contains("Net area on 31 December"), col.notes());
        assertEquals("  Colombia a", col.areaName());
        // years stored as Excel dates (40182 = 4 January 2010) are read as years
        assertEquals(62000, one(r, o -> o.refArea().equals("COL") && o.timePeriod().equals("2010")).value(), 0);
        // Peru: two methods in 2011, both kept and flagged
        List<Observation> peru2011 = r.accepted().stream().filter(o -> o.refArea().equals("PER")
                && o.timePeriod().equals("2011")).toList();
        assertEquals(Set.of("b", "c"), Set.copyOf(peru2011.stream().map(Observation::method).toList()));
        assertTrue(peru2011.stream().allMatch(o -> o.hasFlag(QualityFlag.MULTIPLE_METHODS)));
        // the Total row is the published world aggregate, distinct from countries
        List<Observation> totals = r.accepted().stream().filter(o -> o.refArea().equals("WLD")).toList();
        assertEquals(14, totals.size());
        assertTrue(totals.stream().allMatch(o -> o.hasFlag(QualityFlag.PUBLISHED_AGGREGATE)));
        assertEquals(375300, one(r, o -> o.refArea().equals("WLD") && o.timePeriod().equals("2023")).value(), 0);
        // published totals that do not equal the sum of the countries are flagged, not fixed:
        // 2020: 29,400 + 142,800 + 61,800 = 234,000 vs 234,200; 2023: 31,000 + 252,600 + 92,800 = 376,400 vs 375,300
        assertEquals(Set.of("2020", "2023"), Set.copyOf(totals.stream()
                .filter(o -> o.hasFlag(QualityFlag.TOTAL_MISMATCH)).map(Observation::timePeriod).toList()));
        Observation t2023 = one(r, o -> o.refArea().equals("WLD") && o.timePeriod().equals("2023"));
        assertTrue(t2023.notes().contains("sum to 376400") && t2023.notes().contains("difference of -1100"),
                t2023.notes());
        // 2011: the total uses Peru b (footnote d) and matches; 2021 total 315,500 vs sum 315,481 is rounding
        Observation t2011 = one(r, o -> o.refArea().equals("WLD") && o.timePeriod().equals("2011"));
        assertTrue(t2011.notes().contains("footnote d") && t2011.notes().contains("Peru b 64400"), t2011.notes());
        assertTrue(!one(r, o -> o.refArea().equals("WLD") && o.timePeriod().equals("2021"))
                .hasFlag(QualityFlag.TOTAL_MISMATCH));
        // the spacer-column footnote "e" belongs to Peru 2021
        assertTrue(one(r, o -> o.refArea().equals("PER") && o.timePeriod().equals("2021")).notes()
                .contains("footnote e: The estimate of the illicit cultivation for the year 2021 includes 5 new areas"));
        assertEquals(1, r.unmappedNames().size());
        assertEquals("WLD", r.unmappedNames().get(0).code());
    }

    @Test
    void seizures() {
        IngestResult r = ingest("unodc-annex-seizures", SEIZURES);
        accountingHolds(r, 11274); // the README's row count
        Observation comoros = one(r, o -> o.refArea().equals("COM") && o.timePeriod().equals("2023")
                && o.drug().equals("Cannabis herb (marijuana)"));
        assertEquals(2263, comoros.value(), 0);
        assertEquals(Unit.KILOGRAMS, comoros.unit());
        assertEquals("seizures_quantity", comoros.indicator());
        assertEquals("Cannabis-type drugs (excluding synthetic cannabinoids)", comoros.drugGroup());
        // every published record is kept; several records of one key are numbered in sheet order and flagged
        assertEquals(0, r.rowsQuarantined());
        List<Observation> kenya = r.accepted().stream().filter(o -> o.refArea().equals("KEN")
                && o.timePeriod().equals("2019") && o.drug().equals("Cannabis herb (marijuana)")).toList();
        assertEquals(List.of("1", "2"), kenya.stream().map(Observation::record).toList());
        assertEquals(List.of(1.0, 3773.0), kenya.stream().map(Observation::value).toList()); // sheet rows 35, 36
        assertTrue(kenya.stream().allMatch(o -> o.hasFlag(QualityFlag.MULTIPLE_RECORDS)));
        assertNull(comoros.record());
        assertTrue(!comoros.hasFlag(QualityFlag.MULTIPLE_RECORDS));
        // counts and sums per key from an independent read of the sheet (openpyxl 3.0.9, Python 3.11):
        // /usr/bin/python3 core/src/test/reference/seizure_records.py ../shared/data
        assertEquals(1739, r.keysWithMultipleRecords());
        assertEquals(4267, r.rowsInMultipleRecords());
        assertEquals(244, r.accepted().stream().filter(o -> o.notes() != null
                && o.notes().contains("same values as record ")).count());
        assertEquals(76, r.accepted().stream().filter(o -> o.obsStatus() == ObsStatus.MISSING && o.value() == null)
                .count()); // empty Kilograms cells are missing observations, kept for coverage
        java.util.Map<org.drugstats.core.data.ObservationKey, Double> sums = new java.util.HashMap<>();
        java.util.Map<org.drugstats.core.data.ObservationKey, Integer> records = new java.util.HashMap<>();
        for (Observation o : r.accepted()) {
            sums.merge(o.key().withoutRecord(), o.value() == null ? 0.0 : o.value(), Double::sum);
            records.merge(o.key().withoutRecord(), 1, Integer::sum);
        }
        assertEquals(8746, sums.size()); // keys
        assertEquals(3774.0, sums.get(kenya.get(0).key().withoutRecord()), 0); // 1 + 3773
        Observation bel = r.accepted().stream().filter(o -> o.refArea().equals("BEL") && o.timePeriod().equals("2023")
                && o.drug().equals("Other precursors")).findFirst().orElseThrow();
        assertEquals(24, records.get(bel.key().withoutRecord())); // the key with the most records
        assertEquals(34917.5, sums.get(bel.key().withoutRecord()), 1e-9);
        assertEquals(189793580.18364394, sums.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-4);
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("1739 keys have several published records "
                + "(4267 rows)") && w.contains("their sum is the total of the country, drug and year")),
                r.warnings().toString());
        assertTrue(r.unmappedNames().isEmpty());
    }

    @Test
    void population() {
        IngestResult r = ingest("wpp-population", WPP);
        accountingHolds(r, 36391L * 7); // README: 36,391 rows, seven age-group columns
        assertEquals(0, r.rowsQuarantined());
        // README: World 15-64 = 4,936,595,963 (2017) and 5,125,338,222 (2021)
        assertEquals(4936595963d, one(r, o -> o.refArea().equals("WLD") && o.timePeriod().equals("2017")
                && o.indicator().equals("population_15_64")).value(), 0);
        Observation w2021 = one(r, o -> o.refArea().equals("WLD") && o.timePeriod().equals("2021")
                && o.indicator().equals("population_15_64"));
        assertEquals(5125338222d, w2021.value(), 0);
        assertEquals(ObsStatus.ESTIMATED, w2021.obsStatus()); // a projection
        assertTrue(w2021.hasFlag(QualityFlag.PUBLISHED_AGGREGATE));
        Observation afg = one(r, o -> o.refArea().equals("AFG") && o.timePeriod().equals("1950")
                && o.age().equals("0-14"));
        assertEquals(3179866, afg.value(), 0);
        assertEquals(ObsStatus.NORMAL, afg.obsStatus());
        assertTrue(r.accepted().stream().anyMatch(o -> o.refArea().equals("CZE"))); // "Czech Republic"
        assertTrue(r.accepted().stream().anyMatch(o -> o.refArea().equals("M49_062"))); // "South-Central Asia"
        assertTrue(r.accepted().stream().anyMatch(o -> o.timePeriod().equals("2100")));
    }

    @Test
    void m49() {
        IngestResult r = ingest("m49", M49);
        accountingHolds(r, 249L * 3);
        assertEquals(1, one(r, o -> o.refArea().equals("AFG") && o.indicator().equals("m49_ldc")).value(), 0);
        assertEquals(0, one(r, o -> o.refArea().equals("AFG") && o.indicator().equals("m49_sids")).value(), 0);
        assertTrue(one(r, o -> o.refArea().equals("COM") && o.indicator().equals("m49_sids")).notes()
                .contains("Eastern Africa (014)"));
    }

    @Test
    void incb() throws IOException {
        IngestResult r = ingest("incb-consumption", INCB);
        long lines = Files.readAllLines(SharedData.file(INCB)).size() - 1;
        accountingHolds(r, lines * 3);
        assertEquals(1, one(r, o -> o.refArea().equals("ALB") && o.indicator().equals("opioid_consumption"))
                .value(), 0);
        Observation usa = one(r, o -> o.refArea().equals("USA") && o.indicator().equals("opioid_consumption"));
        assertEquals(40, usa.value(), 0);
        assertTrue(usa.hasFlag(QualityFlag.COARSE_ROUNDING));
        assertEquals(ObsStatus.MISSING, one(r, o -> o.refArea().equals("LIE")
                && o.indicator().equals("opioid_consumption")).obsStatus());
        // codes in the file's country_ISO column that contradict the name are reported, the name wins
        assertEquals(3, r.warnings().stream().filter(w -> w.contains("country_ISO")).count());
        assertTrue(r.accepted().stream().anyMatch(o -> o.refArea().equals("BFA")));
        assertTrue(r.accepted().stream().noneMatch(o -> o.refArea().equals("BKA")));
    }

    @Test
    void sdgEngland() {
        IngestResult r = ingest("sdg-open-csv", SDG);
        accountingHolds(r, 4123, false); // README: 4,123 rows; areas are English local authorities, not countries
        for (UnmappedName u : r.unmappedNames()) {
            assertTrue(u.reason() == UnmappedReason.AGGREGATE && u.code().startsWith("GB-ENG_DEPRIVATION_D")
                    || u.reason() == UnmappedReason.UNKNOWN && u.code() == null
                            && u.detail().equals("local authority without a GeoCode in the file"), u.toString());
        }
        assertEquals(43, r.unmappedNames().size()); // 33 local authorities without GeoCode, 10 deprivation deciles
        Observation metNeed = one(r, o -> o.refArea().equals("GB-ENG") && o.timePeriod().equals("2010/11")
                && o.indicator().equals("sdg_3_5_1_alcohol_met_need"));
        // README: met need 2010/11 = 20.0% = 116,243 / 580,974
        assertEquals(20.0, metNeed.value(), 0.05);
        assertEquals(100.0 * 116243 / 580974, metNeed.value(), 1e-9);
        assertEquals(Unit.PERCENT, metNeed.unit());
        assertEquals(116243, one(r, o -> o.refArea().equals("GB-ENG") && o.timePeriod().equals("2010/11")
                && o.indicator().equals("sdg_3_5_1_alcohol_people_in_treatment")).value(), 0);
        // 2015/16 met need is published twice with different values: both kept, records 1 and 2 in file order
        List<Observation> twice = r.accepted().stream().filter(o -> o.refArea().equals("GB-ENG")
                && o.timePeriod().equals("2015/16") && o.indicator().equals("sdg_3_5_1_alcohol_met_need")).toList();
        assertEquals(List.of("1", "2"), twice.stream().map(Observation::record).toList());
        assertEquals(List.of(19.0015708493327, 19.001475181209), twice.stream().map(Observation::value).toList());
        assertTrue(twice.stream().allMatch(o -> o.hasFlag(QualityFlag.MULTIPLE_RECORDS)));
        assertEquals(0, r.quarantined(QuarantineReason.DUPLICATE_KEY));
        assertEquals(1, r.keysWithMultipleRecords());
        assertEquals(845, r.quarantined(QuarantineReason.UNMAPPED_AREA)); // local authorities without GeoCode
        assertTrue(r.accepted().stream().anyMatch(o -> o.refArea().equals("GB-ENG_DEPRIVATION_D10")));
        assertTrue(r.accepted().stream().anyMatch(o -> o.refArea().equals("E09000002")));
    }

    @Test
    void aFileOfAnotherKindIsRejectedNamingFileAndExpectation() {
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> ingest("unodc-annex-cultivation", SEIZURES));
        assertTrue(e.getMessage().startsWith("7.1_drug_seizures_2019-2023.xlsx is not a unodc-annex-cultivation file: "
                + "expected a title naming the cultivation of a crop"), e.getMessage());
        assertTrue(e.getMessage().contains("Drug seizures, 2019-2023"), e.getMessage());
        e = assertThrows(DrugstatsException.class, () -> ingest("unodc-annex-seizures", COCA));
        assertTrue(e.getMessage().startsWith("6.1.1_coca_bush_cultivation.xlsx is not a unodc-annex-seizures file: "
                + "expected a header row Region / SubRegion"), e.getMessage());
        e = assertThrows(DrugstatsException.class, () -> ingest("unodc-annex-prevalence", WPP));
        assertTrue(e.getMessage().startsWith("wpp2017-population-by-age-group.csv is not a readable Excel workbook"),
                e.getMessage());
        e = assertThrows(DrugstatsException.class, () -> ingest("incb-consumption", WPP));
        assertTrue(e.getMessage().contains("is not a incb-consumption file: expected header fields [Country, "
                + "country_ISO, Pop_2016, meanop_pop, deciles]"), e.getMessage());
        for (String m : List.of(e.getMessage())) {
            assertTrue(!m.contains("\n"), "one line: " + m);
        }
    }
}
