package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.SharedData;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ExtractValidator;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.QuarantineRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged inputs made by the test: each gives its specific error or quarantine reason, and nothing else is lost
 * (every other row is accepted, and rows read = accepted + quarantined).
 */
class DamagedInputsTest {

    @TempDir
    Path dir;

    private static IngestContext context;

    @BeforeAll
    static void setUp() {
        context = IngestContext.withDefaults();
    }

    private IngestResult ingest(String kind, Path file) {
        return IngestKinds.byName(kind).ingest(SourceFile.of(file), context);
    }

    private static void accounting(IngestResult r, long read, long accepted) {
        assertEquals(read, r.rowsRead());
        assertEquals(accepted, r.rowsAccepted());
        assertEquals(read - accepted, r.rowsQuarantined());
    }

    @Test
    void truncatedWorkbookIsUnreadable() throws IOException {
        byte[] bytes = Files.readAllBytes(SharedData.file("unodc-wdr2025/6.1.1_coca_bush_cultivation.xlsx"));
        Path f = Files.write(dir.resolve("coca-truncated.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ingest("unodc-annex-cultivation", f));
        assertTrue(e.getMessage().startsWith("coca-truncated.xlsx is not a readable Excel workbook ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("expected a unodc-annex-cultivation file (.xlsx)"), e.getMessage());
    }

    @Test
    void missingFileNamesIt() {
        Path f = dir.resolve("nope.xlsx");
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> SourceFile.of(f));
        assertEquals(f + ": no such file", e.getMessage());
    }

    @Test
    void csvWithAMissingColumnIsNotOfTheKind() throws IOException {
        Path f = Files.writeString(dir.resolve("incb.csv"), "Country,country_ISO,Pop_2016,meanop_pop\n"
                + "Albania,ALB,2926000,1\n", StandardCharsets.UTF_8);
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ingest("incb-consumption", f));
        assertEquals("incb.csv is not a incb-consumption file: expected header fields [Country, country_ISO, Pop_2016, "
                + "meanop_pop, deciles], found [Country, country_ISO, Pop_2016, meanop_pop] (missing [deciles])",
                e.getMessage());
    }

    @Test
    void csvRowWithAMissingFieldIsQuarantinedAndNothingElseIsLost() throws IOException {
        Path f = Files.writeString(dir.resolve("incb.csv"), "Country,country_ISO,Pop_2016,meanop_pop,deciles\n"
                + "Albania,ALB,2926000,1,7\n"
                + "Algeria,DZA,40606000,0\n"
                + "\n"
                + "Andorra,AND,77000,2,9\n", StandardCharsets.UTF_8);
        IngestResult r = ingest("incb-consumption", f);
        accounting(r, 9, 6);
        assertEquals(1, r.blankRowsSkipped());
        assertEquals(3, r.quarantined(QuarantineReason.MALFORMED_ROW));
        QuarantineRow q = r.quarantined().get(0);
        assertEquals(3, q.row()); // line 3 of the file
        assertTrue(q.detail().startsWith("4 fields; expected 5"), q.detail());
        assertEquals(Set.of("ALB", "AND"), r.accepted().stream().map(o -> o.refArea()).collect(Collectors.toSet()));
    }

    @Test
    void csvQuotedLineBreaksKeepPhysicalLineNumbersAndNonUtf8IsOneLineError() throws IOException {
        Path f = Files.writeString(dir.resolve("incb.csv"), "Country,country_ISO,Pop_2016,meanop_pop,deciles\n"
                + "\"Albania\",ALB,2926000,1,\"7\n\"\n"
                + "Algeria,DZA,40606000,0\n", StandardCharsets.UTF_8);
        IngestResult r = ingest("incb-consumption", f);
        accounting(r, 6, 3);
        assertEquals(Set.of(4L), r.quarantined().stream().map(QuarantineRow::row).collect(Collectors.toSet()));
        Files.write(f, "Country,country_ISO,Pop_2016,meanop_pop,deciles\nS\u00e3o Tom\u00e9,STP,1,2,3\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ingest("incb-consumption", f));
        assertEquals("incb.csv, line 2: byte 50 is not UTF-8 text; expected a UTF-8 CSV file", e.getMessage());
    }

    @Test
    void nonNumericTextInACsvNumberCell() throws IOException {
        Path f = Files.writeString(dir.resolve("incb.csv"), "\uFEFFCountry,country_ISO,Pop_2016,meanop_pop,deciles\n"
                + "Albania,ALB,about 3 million,1,7\n", StandardCharsets.UTF_8);
        IngestResult r = ingest("incb-consumption", f);
        accounting(r, 3, 2);
        QuarantineRow q = r.quarantined().get(0);
        assertEquals(QuarantineReason.NON_NUMERIC, q.reason());
        assertEquals("Pop_2016", q.column());
        assertEquals("about 3 million", q.rawValue());
        assertEquals("ALB", q.text(Column.REF_AREA));
    }

    @Test
    void headerRenamedIsNotOfTheKind() throws IOException {
        Object[] header = Workbooks.PREVALENCE_HEADER.clone();
        header[3] = "Country";
        Path f = Workbooks.write(dir.resolve("prev.xlsx"), new String[] {"Cannabis"}, Workbooks.prevalence(header,
                new Object[] {null, "Africa", "East Africa", "Kenya", 2.1, 1.9, 2.28, null, null, 2022, "15-65"}));
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ingest("unodc-annex-prevalence", f));
        assertEquals("prev.xlsx is not a unodc-annex-prevalence file: expected sheets with a header row Region / "
                + "Sub-region / Country/Territory / Best / Low / High (or Total / Male / Female) / Year / Age, found "
                + "'Cannabis' (no header row with Region, Sub-region, Country/Territory, Year, Age)", e.getMessage());
    }

    @Test
    void nonNumericTextInAPrevalenceCellAndEverythingElseKept() throws IOException {
        Path f = Workbooks.write(dir.resolve("prev.xlsx"), new String[] {"Cannabis"}, Workbooks.prevalence(
                Workbooks.PREVALENCE_HEADER,
                new Object[] {null, "Africa", "East Africa", "Kenya", 2.1, 1.9, 2.28, null, null, 2022, "15-65", "ARQ",
                    "HHS", "e"},
                new Object[] {null, null, null, "Kenya", "about 1", null, null, 2.1, 0.3, 2017, "15-65", "ARQ", "HHS"},
                new Object[] {null, null, "North Africa", "  Algeria a", "0.52", null, null, 1.06, "\u00a0", 2010, "12+"}));
        IngestResult r = ingest("unodc-annex-prevalence", f);
        accounting(r, 6, 5);
        QuarantineRow q = r.quarantined().get(0);
        assertEquals(QuarantineReason.NON_NUMERIC, q.reason());
        assertEquals("Best", q.column());
        assertEquals("about 1", q.rawValue());
        assertEquals("Cannabis", q.sheet());
        assertEquals(5, q.row());
        // numbers stored as text are numbers; a non-breaking space is a blank cell; footnote letters are stripped
        assertTrue(r.accepted().stream().anyMatch(o -> o.refArea().equals("DZA") && o.value() == 0.52
                && o.hasFlag(QualityFlag.FOOTNOTE) && o.age().equals("12+")));
    }

    @Test
    void negativeHectaresAreOutOfDomain() throws IOException {
        Object[] bolivia = Workbooks.bolivia();
        bolivia[2] = -25500;
        Path f = Workbooks.write(dir.resolve("coca.xlsx"), new String[] {"Sheet1"},
                Workbooks.coca(bolivia, Workbooks.colombia()));
        IngestResult r = ingest("unodc-annex-cultivation", f);
        accounting(r, 9, 8);
        QuarantineRow q = r.quarantined().get(0);
        assertEquals(QuarantineReason.OUT_OF_DOMAIN, q.reason());
        assertEquals("2019", q.column());
        assertEquals("-25500", q.rawValue());
        assertEquals(6, q.row());
        // the 2019 total cannot be checked without Bolivia; other years check and match
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("2019: the total of Total cannot be checked")),
                r.warnings().toString());
        assertTrue(r.accepted().stream().noneMatch(o -> o.hasFlag(QualityFlag.TOTAL_MISMATCH)));
    }

    @Test
    void nonNumericTextInAPivotCell() throws IOException {
        Object[] colombia = Workbooks.colombia();
        colombia[3] = "n/a";
        Path f = Workbooks.write(dir.resolve("coca.xlsx"), new String[] {"Sheet1"},
                Workbooks.coca(Workbooks.bolivia(), colombia));
        IngestResult r = ingest("unodc-annex-cultivation", f);
        accounting(r, 9, 8);
        QuarantineRow q = r.quarantined().get(0);
        assertEquals(QuarantineReason.NON_NUMERIC, q.reason());
        assertEquals("2020", q.column());
        assertEquals("n/a", q.rawValue());
        assertEquals("COL", q.text(Column.REF_AREA));
    }

    @Test
    void duplicateCountryYearWithDifferentValuesIsQuarantinedWholly() throws IOException {
        Object[] again = Workbooks.colombia();
        again[4] = 204000; // 2021 published twice, differently
        Path f = Workbooks.write(dir.resolve("coca.xlsx"), new String[] {"Sheet1"},
                Workbooks.coca(Workbooks.bolivia(), Workbooks.colombia(), again));
        IngestResult r = ingest("unodc-annex-cultivation", f);
        accounting(r, 12, 8); // 2019 and 2020: one Colombia kept, one repeat quarantined; 2021: both quarantined
        Map<Long, List<QuarantineRow>> byRow = r.quarantined().stream()
                .collect(Collectors.groupingBy(QuarantineRow::row));
        assertEquals(Set.of(7L, 8L), byRow.keySet());
        assertTrue(r.quarantined().stream().allMatch(q -> q.reason() == QuarantineReason.DUPLICATE_KEY));
        assertTrue(r.accepted().stream().noneMatch(o -> o.refArea().equals("COL") && o.timePeriod().equals("2021")));
        assertEquals(2, r.accepted().stream().filter(o -> o.refArea().equals("COL")).count());
        assertTrue(r.quarantined().stream().anyMatch(q -> q.detail().startsWith("2 rows publish different values")));
        assertTrue(r.quarantined().stream().anyMatch(q -> q.detail().startsWith("same key and value as sheet")));
    }

    @Test
    void prevalenceRowsOfOneKeyAreRecordsWhenTheirNotesDifferAndDuplicatesOtherwise() throws IOException {
        Path f = Workbooks.write(dir.resolve("prev.xlsx"), new String[] {"Opioids"}, Workbooks.prevalence(
                Workbooks.PREVALENCE_HEADER,
                new Object[] {null, "Africa", "East Africa", "Kenya", 0.8, null, null, null, null, 2022, "15-65", "ARQ",
                    "HHS", null, "pharmaceutical opioids"},
                new Object[] {null, null, null, "Kenya", 0.1, null, null, null, null, 2022, "15-65", "ARQ", "HHS", null,
                    "illegal fentanyl"},
                new Object[] {null, null, "North Africa", "Algeria", 0.5, null, null, null, null, 2010, "12+", "ARQ",
                    "HHS"},
                new Object[] {null, null, null, "Algeria", 0.6, null, null, null, null, 2010, "12+", "ARQ", "HHS"},
                new Object[] {null, null, null, "Morocco", 4.2, null, null, null, null, 2018, "15-64", "ARQ", "HHS"},
                new Object[] {null, null, null, "Morocco", 4.2, null, null, null, null, 2018, "15-64", "ARQ", "HHS"}));
        IngestResult r = ingest("unodc-annex-prevalence", f);
        accounting(r, 6, 3);
        List<Observation> kenya = r.accepted().stream().filter(o -> o.refArea().equals("KEN")).toList();
        assertEquals(List.of("1", "2"), kenya.stream().map(Observation::record).toList());
        assertEquals(List.of("pharmaceutical opioids", "illegal fentanyl"),
                kenya.stream().map(Observation::notes).toList());
        assertTrue(kenya.stream().allMatch(o -> o.hasFlag(QualityFlag.MULTIPLE_RECORDS)));
        // the same key and notes: different values are all quarantined, the same value is kept once
        assertEquals(List.of(6L, 7L, 9L), r.quarantined().stream().map(QuarantineRow::row).toList());
        assertTrue(r.quarantined().stream().allMatch(q -> q.reason() == QuarantineReason.DUPLICATE_KEY));
        assertTrue(r.quarantined().get(0).detail().startsWith("2 rows publish different values for one key with the "
                + "same notes (sheet 'Opioids' row 6 = 0.5, sheet 'Opioids' row 7 = 0.6)"), r.quarantined().get(0)
                        .detail());
        Observation morocco = r.accepted().stream().filter(o -> o.refArea().equals("MAR")).findFirst().orElseThrow();
        assertNull(morocco.record());
        assertEquals(1, r.keysWithMultipleRecords());
        assertEquals(2, r.rowsInMultipleRecords());
    }

    @Test
    void seizureRecordsAreAllKeptNumberedAndExactRepeatsNoted() throws IOException {
        Object[] header = {"Region", "SubRegion", "Country", "DrugGroup", "DrugSubGroup", "DrugName", "Reference year",
            "Kilograms", "msCode"};
        Object[] herb1 = {"Africa", "East Africa", "Kenya", "Cannabis-type drugs", "Cannabis herb", "Cannabis herb",
            2019, 1, "KEN"};
        Object[] herb2 = herb1.clone();
        herb2[7] = 3773;
        Object[] cocaine = {"Africa", "East Africa", "Kenya", "Cocaine-type", "Cocaine", "Cocaine hydrochloride", 2019,
            5, "KEN"};
        Object[] herbEmpty = herb1.clone();
        herbEmpty[7] = null;
        Path f = Workbooks.write(dir.resolve("seizures.xlsx"), new String[] {"Seizures"}, new Object[][] {
            {"Drug seizures, 2019-2023"}, header, herb1, herb2, cocaine, herb1.clone(), herbEmpty});
        IngestResult r = ingest("unodc-annex-seizures", f);
        accounting(r, 5, 5);
        List<Observation> herb = r.accepted().stream().filter(o -> o.drug().equals("Cannabis herb")).toList();
        assertEquals(List.of("1", "2", "3", "4"), herb.stream().map(Observation::record).toList());
        assertTrue(herb.stream().allMatch(o -> o.hasFlag(QualityFlag.MULTIPLE_RECORDS)));
        assertEquals("same values as record 1", herb.get(2).notes()); // sheet row 6 repeats row 3
        assertNull(herb.get(1).notes());
        assertEquals("Kilograms empty in the published table", herb.get(3).notes());
        assertEquals(ObsStatus.MISSING, herb.get(3).obsStatus());
        Observation coke = r.accepted().stream().filter(o -> o.drug().equals("Cocaine hydrochloride")).findFirst()
                .orElseThrow();
        assertNull(coke.record());
        assertTrue(coke.flags().isEmpty());
        assertEquals(1, r.keysWithMultipleRecords());
        assertEquals(4, r.rowsInMultipleRecords());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("1 key has several published records (4 rows)")
                && w.contains("1 of them repeats an earlier record")), r.warnings().toString());
        // the extract is valid as written: record numbers make the keys unique
        assertEquals(5, ExtractValidator.validateObservations("x", r.accepted())
                .rowsAccepted());
    }

    @Test
    void boundsTravelWithTheBestEstimateAndAreChecked() throws IOException {
        Path f = Workbooks.write(dir.resolve("opium.xlsx"), new String[] {"Sheet1"}, new Object[][] {
            null,
            {null, "Global illicit cultivation of opium poppy, 2019-2021 (hectares)"},
            null,
            {null, null, 2019, 2020, 2021},
            null,
            {null, "  Afghanistan", 163000, 224000, 177000},
            {null, "  Lower bound", 144000, 205000, 180000},
            {null, "  Upper bound", 184000, 245000, 194000},
            {null, "  Myanmar", null, 29500, ".."},
            {null, "  Lower bound", 25000, 26000, null},
            {null, "  Other countries", 15000, 15000, 15000},
            {null, "  Total", 178000, 268500, ".."}});
        IngestResult r = ingest("unodc-annex-cultivation", f);
        // 3 Afghanistan + 2 Myanmar (one "..") + 1 bound without best + 3 residual + 3 Total = 12
        accounting(r, 12, 11);
        assertEquals(QuarantineReason.MALFORMED_ROW, r.quarantined().get(0).reason());
        assertEquals("cultivation_area_opium_poppy", r.accepted().get(0).indicator());
        var afg2021 = r.accepted().stream().filter(o -> o.refArea().equals("AFG") && o.timePeriod().equals("2021"))
                .findFirst().orElseThrow();
        assertEquals(180000, afg2021.lower(), 0);
        assertTrue(afg2021.hasFlag(QualityFlag.BEST_OUTSIDE_BOUNDS));
        var afg2019 = r.accepted().stream().filter(o -> o.refArea().equals("AFG") && o.timePeriod().equals("2019"))
                .findFirst().orElseThrow();
        assertEquals(144000, afg2019.lower(), 0);
        assertEquals(184000, afg2019.upper(), 0);
        assertTrue(r.accepted().stream().anyMatch(o -> o.refArea().equals("MMR") && o.timePeriod().equals("2021")
                && o.value() == null));
        assertTrue(r.accepted().stream().anyMatch(o -> o.refArea().equals("WLD_OTHER")
                && o.hasFlag(QualityFlag.RESIDUAL_AREA)));
        // 2020: 224,000 + 29,500 + 15,000 = 268,500 matches; 2019 total 178,000 = 163,000 + 15,000 (no Myanmar value)
        assertTrue(r.accepted().stream().noneMatch(o -> o.hasFlag(QualityFlag.TOTAL_MISMATCH)));
        assertEquals(List.of("MMR 2019"), r.quarantined().stream().map(q -> q.text(Column.REF_AREA) + " "
                + q.column().substring(0, 4)).toList());
    }

    @Test
    void quarantineRowsCarryTheCanonicalColumns() throws IOException {
        Object[] bolivia = Workbooks.bolivia();
        bolivia[4] = "lots";
        Path f = Workbooks.write(dir.resolve("coca.xlsx"), new String[] {"Sheet1"},
                Workbooks.coca(bolivia, Workbooks.colombia()));
        QuarantineRow q = ingest("unodc-annex-cultivation", f).quarantined().get(0);
        String[] expected = new String[Column.values().length];
        expected[Column.INDICATOR.ordinal()] = "cultivation_area_coca";
        expected[Column.REF_AREA.ordinal()] = "BOL";
        expected[Column.TIME_PERIOD.ordinal()] = "2021";
        expected[Column.SEX.ordinal()] = "T";
        expected[Column.AGE.ordinal()] = "_T";
        expected[Column.VALUE.ordinal()] = "lots";
        expected[Column.UNIT.ordinal()] = "hectares";
        expected[Column.OBS_STATUS.ordinal()] = "normal";
        expected[Column.ORIGIN.ordinal()] = "unodc-annex-cultivation/coca.xlsx";
        expected[Column.UNIT_MULT.ordinal()] = "0";
        expected[Column.DRUG.ordinal()] = "coca bush";
        expected[Column.AREA_NAME.ordinal()] = "  Bolivia (Plurinational State of) ";
        String[] actual = new String[Column.values().length];
        for (Column c : Column.values()) {
            actual[c.ordinal()] = q.text(c);
        }
        assertArrayEquals(expected, actual);
    }
}
