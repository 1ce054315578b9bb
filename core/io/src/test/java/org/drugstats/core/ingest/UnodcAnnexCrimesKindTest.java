package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.SharedData;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WDR 2022 annex table 10.1 (drug-related crimes). Counts and spot values: {@code core/src/test/reference/
 * annex_10_1_reference.py} (openpyxl 3.0.9, the workbook's cells read independently), output beside it
 * ({@code annex_10_1_reference.out}); counts compared exactly, values exactly (whole numbers).
 */
class UnodcAnnexCrimesKindTest {

    static final String CRIMES = "unodc-wdr2022/10.1_drug_related_crimes.xlsx";
    private static final String PERSONS = "Formal contact with the police";
    private static final String OFFENCES = "Total drug related offences";
    private static final IngestKind KIND = IngestKinds.byName("unodc-annex-crimes");

    @TempDir
    Path tmp;

    private static IngestResult ingest(Path file) {
        return KIND.ingest(SourceFile.of(file), IngestContext.withDefaults());
    }

    private static Observation one(IngestResult r, Predicate<Observation> p) {
        List<Observation> found = r.accepted().stream().filter(p).toList();
        assertEquals(1, found.size(), "matching observations: " + found);
        return found.get(0);
    }

    private static Predicate<Observation> key(String indicator, String area, String period, Sex sex, String age,
            String drug) {
        return o -> o.indicator().equals(indicator) && o.refArea().equals(area) && o.timePeriod().equals(period)
                && o.sex() == sex && o.age().equals(age) && java.util.Objects.equals(o.drug(), drug);
    }

    @Test
    void theAnnexIsReadWithoutLosingACell() {
        IngestResult r = ingest(SharedData.file(CRIMES));
        // reference: rows read 11510; quarantined 15 out-of-domain (Chile 2020, thousands points) + 6 country rows
        // without any value; accepted 11489; total-mismatch 216; 173 keys with several records, 346 rows in them
        assertEquals(11510, r.rowsRead());
        assertEquals(11489, r.rowsAccepted());
        assertEquals(Map.of("out-of-domain", 15L, "malformed-row", 6L), r.quarantinedByReason());
        assertEquals(216L, r.flagged().get("total-mismatch"));
        assertEquals(173, r.keysWithMultipleRecords());
        assertEquals(346, r.rowsInMultipleRecords());
        assertTrue(r.quarantined().stream().anyMatch(q -> "18.664".equals(q.rawValue())
                && q.reason() == QuarantineReason.OUT_OF_DOMAIN && "Total".equals(q.column())));

        String all = "All illicit drugs";
        String traf = "drug_crime_persons_trafficking";
        assertEquals(9135.0, one(r, key(traf, "ARG", "2020", Sex.TOTAL, "_T", all)).value(), 0);
        assertEquals(7121.0, one(r, key(traf, "ARG", "2020", Sex.MALE, "_T", all)).value(), 0);
        assertEquals(2014.0, one(r, key(traf, "ARG", "2020", Sex.FEMALE, "_T", all)).value(), 0);
        assertEquals(8826.0, one(r, key(traf, "ARG", "2020", Sex.TOTAL, "adults", all)).value(), 0);
        assertEquals(248.0, one(r, key(traf, "ARG", "2020", Sex.TOTAL, "juveniles", all)).value(), 0);
        Observation arg = one(r, key(traf, "ARG", "2020", Sex.TOTAL, "_T", all));
        assertEquals("persons", arg.unit().code());
        assertFalse(arg.hasFlag(QualityFlag.TOTAL_MISMATCH)); // 8826 + 248 < 9135: unknown ages, not a fault
        assertEquals(5212.0, one(r, key(traf, "ZMB", "2017", Sex.TOTAL, "_T", "Cannabis-type")).value(), 0);
        assertEquals(82.0, one(r, key(traf, "AUS", "2020", Sex.UNKNOWN, "_T", all)).value(), 0);
        // Year "Other", Specify year "2019 and 2020": the period the text names
        Observation tls = one(r, key(traf, "TLS", "2019-2020", Sex.TOTAL, "_T", all));
        assertEquals(5.0, tls.value(), 0);
        assertEquals("Specify year: 2019 and 2020", tls.notes());
        Observation gbr = one(r, key("drug_crime_persons_use_possession", "GBR", "2020", Sex.TOTAL, "_T", all));
        assertEquals(32679.0, gbr.value(), 0);
        assertEquals("Specify year: 2020/21 financial year", gbr.notes());

        assertEquals(128621.0, one(r, key("drug_crime_offences_use_possession", "AUS", "2020", Sex.TOTAL, "_T", null))
                .value(), 0);
        assertEquals(24632.0, one(r, key("drug_crime_offences_trafficking", "AUS", "2020", Sex.TOTAL, "_T", null))
                .value(), 0);
        assertEquals(15053.0, one(r, key("drug_crime_offences_other", "AUS", "2020", Sex.TOTAL, "_T", null))
                .value(), 0);
        Observation aus = one(r, key("drug_crime_offences_total", "AUS", "2020", Sex.TOTAL, "_T", null));
        assertEquals(168306.0, aus.value(), 0);
        assertEquals("count", aus.unit().code());
        // "Philippines (the)": the ISO short-name style, matched without "(the)", kept as published
        Observation phl = one(r, key("drug_crime_offences_trafficking", "PHL", "2020", Sex.TOTAL, "_T", null));
        assertEquals(109.0, phl.value(), 0);
        assertEquals("Philippines (the)", phl.areaName());
    }

    private Path variant(String name, Consumer<XSSFWorkbook> change) throws IOException {
        Path out = tmp.resolve("wdr2022-" + name + ".xlsx"); // the edition is read from the path
        try (InputStream in = Files.newInputStream(SharedData.file(CRIMES)); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            change.accept(wb);
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        }
        return out;
    }

    private static Set<String> fingerprint(IngestResult r) {
        Set<String> s = new TreeSet<>();
        for (Observation o : r.accepted()) {
            s.add(String.join("|", o.indicator(), o.refArea(), o.timePeriod(), o.sex().code(), o.age(),
                    String.valueOf(o.drug()), String.valueOf(o.value()), String.valueOf(o.record()),
                    String.valueOf(o.notes()), String.valueOf(o.flags()), String.valueOf(o.adjustment())));
        }
        s.add("read=" + r.rowsRead() + " quarantined=" + r.quarantinedByReason());
        return s;
    }

    /** The variant's observations equal the base's; on failure the message shows the first differences only. */
    private static void same(Set<String> base, String variant, Set<String> found) {
        Set<String> missing = new TreeSet<>(base);
        missing.removeAll(found);
        Set<String> extra = new TreeSet<>(found);
        extra.removeAll(base);
        assertTrue(missing.isEmpty() && extra.isEmpty(), variant + ": " + missing.size() + " missing, e.g. "
                + missing.stream().limit(3).toList() + "; " + extra.size() + " extra, e.g. "
                + extra.stream().limit(3).toList());
    }

    private static void swapColumns(Sheet s, int a, int b) {
        for (Row row : s) {
            Object va = value(row.getCell(a));
            Object vb = value(row.getCell(b));
            set(row, a, vb);
            set(row, b, va);
        }
    }

    private static Object value(Cell c) {
        if (c == null) {
            return null;
        }
        return c.getCellType() == CellType.NUMERIC ? (Object) c.getNumericCellValue()
                : c.getCellType() == CellType.STRING ? c.getStringCellValue() : null;
    }

    private static void set(Row row, int col, Object v) {
        Cell c = row.getCell(col);
        if (v == null) {
            if (c != null) {
                row.removeCell(c);
            }
            return;
        }
        c = c == null ? row.createCell(col) : c;
        if (v instanceof Double d) {
            c.setCellValue(d);
        } else {
            c.setCellValue((String) v);
        }
    }

    /** Moves rows {@code from}.. down by {@code n} (0-based), leaving blank rows. */
    private static void insertRows(Sheet s, int from, int n) {
        s.shiftRows(from, s.getLastRowNum(), n);
    }

    @Test
    void variantsOfTheRealFileGiveTheSameObservations() throws IOException {
        Set<String> base = fingerprint(ingest(SharedData.file(CRIMES)));
        same(base, "shuffled", fingerprint(ingest(variant("shuffled", wb -> {
            swapColumns(wb.getSheet(PERSONS), 2, 6); // Country/Territory <-> Total
            swapColumns(wb.getSheet(PERSONS), 3, 11); // Type of offence <-> Juveniles
            swapColumns(wb.getSheet(OFFENCES), 2, 7); // msName <-> Calculated total
            swapColumns(wb.getSheet(OFFENCES), 3, 5); // Year <-> trafficking
        }))));
        same(base, "renamed", fingerprint(ingest(variant("renamed", wb -> {
            Row h = wb.getSheet(PERSONS).getRow(0);
            h.getCell(2).setCellValue("Country / territory");
            h.getCell(3).setCellValue("Offence type");
            h.getCell(5).setCellValue("Drug");
            h.getCell(7).setCellValue("Male");
            h.getCell(8).setCellValue("Female");
            h.getCell(9).setCellValue("Unknown / other sex");
            h.getCell(10).setCellValue("Adult");
            h.getCell(11).setCellValue("Juvenile");
            Row o = wb.getSheet(OFFENCES).getRow(0);
            o.getCell(2).setCellValue("Country/Territory");
            o.getCell(3).setCellValue("Reference year");
            o.getCell(4).setCellValue("Drug use/possession");
            o.getCell(5).setCellValue("Drug trafficking");
            o.getCell(7).setCellValue("Total");
        }))));
        same(base, "titles-blank-and-notes-rows", fingerprint(ingest(variant("titles-blank-and-notes-rows", wb -> {
            for (String name : List.of(PERSONS, OFFENCES)) {
                Sheet s = wb.getSheet(name);
                insertRows(s, 0, 4); // a title, a blank row, a sub-title, a blank row above the header
                s.createRow(0).createCell(0).setCellValue("Drug-related crimes");
                s.createRow(2).createCell(0).setCellValue("Persons brought into formal contact with the police");
                int last = s.getLastRowNum();
                s.createRow(last + 2).createCell(0).setCellValue("Note: the boundaries shown on this map do not imply"
                        + " official endorsement by the United Nations.");
                s.createRow(last + 3).createCell(0).setCellValue("Source: UNODC, responses to the annual report "
                        + "questionnaire.");
            }
            insertRows(wb.getSheet(PERSONS), 500, 2); // two blank rows inside the table
        }))));
        same(base, "years-as-text", fingerprint(ingest(variant("years-as-text", wb -> {
            for (String name : List.of(PERSONS, OFFENCES)) {
                Sheet s = wb.getSheet(name);
                int col = name.equals(PERSONS) ? 4 : 3;
                for (Row row : s) {
                    Cell c = row.getCell(col);
                    if (row.getRowNum() > 0 && c != null && c.getCellType() == CellType.NUMERIC) {
                        c.setCellValue(String.valueOf((int) c.getNumericCellValue()));
                    }
                }
            }
        }))));
        same(base, "region-rows", fingerprint(ingest(variant("region-rows", wb -> {
            Sheet s = wb.getSheet(PERSONS);
            insertRows(s, 1, 1);
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("Europe");
            r.createCell(1).setCellValue("Western and Central Europe");
            Sheet o = wb.getSheet(OFFENCES);
            insertRows(o, 10, 1);
            o.createRow(10).createCell(0).setCellValue("  AMERICAS");
        }))));
        same(base, "footnote-letters", fingerprint(ingest(variant("footnote-letters", wb -> {
            for (String name : List.of(PERSONS, OFFENCES)) {
                for (Row row : wb.getSheet(name)) {
                    Cell c = row.getCell(2);
                    if (row.getRowNum() > 0 && c != null && c.getStringCellValue().equals("Argentina")) {
                        c.setCellValue("Argentina b, c");
                    }
                }
            }
        }))));
    }

    @Test
    void cellsAsPublished() throws IOException {
        Object[] header = {"Region", "SubRegion", "Country/Territory", "Type of offence", "Year", "Drugs", "Total",
            "Males", "Females", "Adults", "Juveniles", "Specify year"};
        Object[][] persons = {
            {"Drug-related crimes, 2016-2020"},
            header,
            {"Europe", "Western and Central Europe", "Austria", "Offences related to drug trafficking", 2020,
                "All illicit drugs", "1,234", "1 000 a", 200, "..", null, null},
            {"Europe", "Western and Central Europe", "Austria", "Offences related to drug use and/or drug possession",
                "2019", "Cannabis-type", 50, 60, null, 10, 5, null},
            {"Europe", "Western and Central Europe", "Austria", "Insider dealing", 2019, "Cannabis-type", 7},
            {"Europe", "Western and Central Europe", null, "Offences related to drug trafficking", 2019, "Opioids", 3},
            {"Europe", "Western and Central Europe", "Atlantis", "Offences related to drug trafficking", 2019,
                "Opioids", 4},
            {"Europe", "Western and Central Europe", "Austria", "Offences related to drug trafficking", "n/a",
                "Opioids", 5, null, null, null, null, "see notes"},
            {"Europe", "Western and Central Europe", "Austria", "Offences related to drug trafficking", 2018,
                "Opioids", "many"},
            {"Note: '..' no figure."},
        };
        Path f = Workbooks.write(tmp.resolve("10.1_crimes.xlsx"), new String[] {"Persons"}, persons);
        IngestResult r = ingest(f);
        // read: 4 filled cells (Austria 2020) + 4 (2019) + 1 (insider dealing) + 1 (no country) + 1 (Atlantis)
        // + 1 (n/a year) + 1 ("many") = 13
        assertEquals(13, r.rowsRead());
        assertEquals(Map.of("unknown-code", 1L, "missing-required", 1L, "unmapped-area", 1L, "malformed-row", 1L,
                "non-numeric", 1L), r.quarantinedByReason());
        Observation total = one(r, key("drug_crime_persons_trafficking", "AUT", "2020", Sex.TOTAL, "_T",
                "All illicit drugs"));
        assertEquals(1234.0, total.value(), 0);
        assertEquals("published as text '1,234'", total.notes());
        Observation males = one(r, key("drug_crime_persons_trafficking", "AUT", "2020", Sex.MALE, "_T",
                "All illicit drugs"));
        assertEquals(1000.0, males.value(), 0);
        assertEquals("a", males.adjustment());
        assertTrue(males.hasFlag(QualityFlag.FOOTNOTE));
        Observation adults = one(r, key("drug_crime_persons_trafficking", "AUT", "2020", Sex.TOTAL, "adults",
                "All illicit drugs"));
        assertNull(adults.value());
        assertEquals(ObsStatus.MISSING, adults.obsStatus());
        // 2019: Males 60 > Total 50 -> the sex breakdown and the Total flagged; ages 10 + 5 <= 50 are not
        Observation t19 = one(r, key("drug_crime_persons_use_possession", "AUT", "2019", Sex.TOTAL, "_T",
                "Cannabis-type"));
        assertTrue(t19.hasFlag(QualityFlag.TOTAL_MISMATCH));
        assertEquals("the sex breakdown (males) sums to 60, the total is 50", t19.notes());
        assertFalse(one(r, key("drug_crime_persons_use_possession", "AUT", "2019", Sex.TOTAL, "juveniles",
                "Cannabis-type")).hasFlag(QualityFlag.TOTAL_MISMATCH));
        assertTrue(r.quarantined().stream().anyMatch(q -> q.reason() == QuarantineReason.UNKNOWN_CODE
                && "Insider dealing".equals(q.rawValue()) && "Type of offence".equals(q.column())));
        assertTrue(r.quarantined().stream().anyMatch(q -> q.reason() == QuarantineReason.MALFORMED_ROW
                && "n/a".equals(q.rawValue()) && "Year".equals(q.column())));
    }

    @Test
    void theYearComesFromTheSpecifyYearTextWhenTheYearCellIsNotOne() {
        assertEquals("2019-2020", UnodcAnnexCrimesKind.period(XlsxCell.text("Other", "E2"),
                XlsxCell.text("2019 and 2020", "M2")).orElseThrow());
        assertEquals("2020/21", UnodcAnnexCrimesKind.period(XlsxCell.text("Other", "E2"),
                XlsxCell.text("2020/21 financial year", "M2")).orElseThrow());
        assertEquals("2020", UnodcAnnexCrimesKind.period(XlsxCell.number(2020, false, "E2"),
                XlsxCell.text("2020/21 financial year", "M2")).orElseThrow());
        assertEquals("2019", UnodcAnnexCrimesKind.period(XlsxCell.number(43646, true, "E2"),
                XlsxCell.blank("M2")).orElseThrow()); // 30 June 2019 as a date
        assertTrue(UnodcAnnexCrimesKind.period(XlsxCell.text("Other", "E2"), XlsxCell.blank("M2")).isEmpty());
    }

    @Test
    void aWorkbookOfAnotherFamilyGetsOneLine() {
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> ingest(SharedData.file("unodc-wdr2024/8.1_prices_and_purity_2018-2022.xlsx")));
        assertTrue(e.getMessage().startsWith("8.1_prices_and_purity_2018-2022.xlsx is not a unodc-annex-crimes file: "
                + "expected a sheet with a header row Country/Territory, Year and either Type of offence"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
