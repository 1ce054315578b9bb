package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WDR 2025 annex table 1.4 (youth prevalence). Counts and spot values: {@code core/src/test/reference/
 * annex_1_4_reference.py} (openpyxl 3.0.9), its output beside it.
 */
class YouthPrevalenceTest {

    static final String YOUTH = "unodc-wdr2025/1.4_prevalence_youth_national.xlsx";
    private static final IngestKind KIND = IngestKinds.byName("unodc-annex-prevalence-youth");

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

    @Test
    void coverageTextIsParsedWhereItCanBeAndKept() {
        assertEquals("15-16", UnodcAnnexYouthPrevalenceKind.Coverage.parse("15 - 16").age());
        UnodcAnnexYouthPrevalenceKind.Coverage ss = UnodcAnnexYouthPrevalenceKind.Coverage.parse("(SS) 15 - 16");
        assertEquals("15-16", ss.age());
        assertEquals("SS", ss.survey());
        UnodcAnnexYouthPrevalenceKind.Coverage hhs = UnodcAnnexYouthPrevalenceKind.Coverage.parse(" (HHS) age 15 - 17");
        assertEquals("15-17", hhs.age());
        assertEquals("HHS", hhs.survey());
        assertEquals(" (HHS) age 15 - 17", hhs.text());
        assertEquals("_U", UnodcAnnexYouthPrevalenceKind.Coverage.parse("Youth (undefined)").age());
        assertEquals("_U", UnodcAnnexYouthPrevalenceKind.Coverage.parse("(SS) grades 8- 10").age());
        assertEquals("_U", UnodcAnnexYouthPrevalenceKind.Coverage.parse("12th Grade").age());
        assertEquals("<18", UnodcAnnexYouthPrevalenceKind.Coverage.parse("Below 18").age());
        assertEquals("14-18", UnodcAnnexYouthPrevalenceKind.Coverage.parse("14-18").age());
    }

    @Test
    void theYouthTableIsReadWithoutLosingAValue() {
        IngestResult r = ingest(SharedData.file(YOUTH));
        assertEquals(9405, r.rowsRead()); // reference total
        assertEquals(r.rowsRead(), r.rowsAccepted() + r.rowsQuarantined());
        // quarantined: Ireland and Northern Ireland (no single code, 6 NPS cells), years "2014/2014" (4) and
        // "(blank)" (2), Honduras "2106" (3, after the 2025 edition), Algeria's cannabis row without any value (1);
        // none for its coverage text
        assertEquals(16, r.rowsQuarantined());
        assertEquals(3, r.quarantined().stream().filter(q -> "2106".equals(q.rawValue())).count());
        assertEquals(6, r.quarantined(QuarantineReason.UNMAPPED_AREA));
        // Kenya cannabis 2016: '15 - 16' 2.8 / 1.1 / 1.1 and '(SS) 15 - 16' 7.5 / - / 1.8, both Herb
        Observation ss = one(r, o -> o.refArea().equals("KEN") && o.timePeriod().equals("2016")
                && o.drug().equals("cannabis") && o.indicator().equals("prevalence_youth_lifetime")
                && "SS".equals(o.method()));
        assertEquals(7.5, ss.value(), 0);
        assertEquals("15-16", ss.age());
        assertTrue(ss.notes().startsWith("coverage: (SS) 15 - 16; Herb"), ss.notes());
        assertEquals(1.1, one(r, o -> o.refArea().equals("KEN") && o.timePeriod().equals("2016")
                && o.drug().equals("cannabis") && o.indicator().equals("prevalence_youth_annual")
                && o.method() == null).value(), 0);
        // NPS: sexes from the second header row; Côte d'Ivoire 2017 synthetic cannabinoids lifetime M 1.4
        Observation civ = one(r, o -> o.refArea().equals("CIV") && o.timePeriod().equals("2017")
                && "Synthetic cannabinoids".equals(o.drug()) && o.indicator().equals("prevalence_youth_lifetime")
                && o.sex() == Sex.MALE);
        assertEquals(1.4, civ.value(), 0);
        assertEquals("NPS", civ.drugGroup());
        assertEquals("15-17", civ.age());
        // '@' cells are kept as missing; "Youth (undefined)" is an unknown age, its text kept
        assertTrue(r.accepted().stream().anyMatch(o -> o.obsStatus() == ObsStatus.MISSING
                && o.notes().contains("published as '@'")));
        Observation eth = one(r, o -> o.refArea().equals("ETH") && o.timePeriod().equals("1999")
                && o.drug().equals("cannabis"));
        assertEquals("_U", eth.age());
        assertTrue(eth.notes().contains("coverage: Youth (undefined)"), eth.notes());
        assertTrue(r.accepted().stream().noneMatch(o -> o.indicator().equals("prevalence_annual")));
    }

    private Path variant(String name, Consumer<XSSFWorkbook> change) throws IOException {
        Path out = tmp.resolve("wdr2025-" + name + ".xlsx"); // the edition is read from the path
        try (InputStream in = Files.newInputStream(SharedData.file(YOUTH)); XSSFWorkbook wb = new XSSFWorkbook(in)) {
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
                    String.valueOf(o.drug()), String.valueOf(o.method()), String.valueOf(o.source()),
                    String.valueOf(o.value()), String.valueOf(o.record()), String.valueOf(o.notes())));
        }
        s.add("read=" + r.rowsRead() + " quarantined=" + r.rowsQuarantined());
        return s;
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

    @Test
    void shuffledColumnsRenamedHeadersAndFilledRegionsGiveTheSameObservations() throws IOException {
        Set<String> base = fingerprint(ingest(SharedData.file(YOUTH)));
        assertEquals(base, fingerprint(ingest(variant("shuffled", wb -> {
            swapColumns(wb.getSheet("Cannabis"), 4, 8); // Lifetime <-> Source
            swapColumns(wb.getSheet("Cocaine"), 2, 7); // Country <-> Year of Estimate
        }))));
        assertEquals(base, fingerprint(ingest(variant("renamed", wb -> {
            wb.getSheet("Cannabis").getRow(3).getCell(4).setCellValue("Life-time");
            wb.getSheet("Cannabis").getRow(3).getCell(5).setCellValue("Annual");
            wb.getSheet("Cocaine").getRow(3).getCell(2).setCellValue("Country / territory");
        }))));
        assertEquals(base, fingerprint(ingest(variant("regions-on-every-row", wb -> {
            Sheet s = wb.getSheet("Opioids");
            String region = null;
            for (int i = 4; i <= s.getLastRowNum(); i++) {
                Row row = s.getRow(i);
                if (row == null || row.getCell(2) == null) {
                    continue;
                }
                Cell c = row.getCell(0);
                if (c != null && c.getCellType() == CellType.STRING) {
                    region = c.getStringCellValue();
                } else if (region != null) {
                    row.createCell(0).setCellValue(region);
                }
            }
        }))));
    }

    @Test
    void anotherFamilyGetsOneLine() {
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> ingest(SharedData.file("unodc-wdr2025/1.2_prevalence_general_population_national.xlsx")));
        assertTrue(e.getMessage().startsWith("1.2_prevalence_general_population_national.xlsx is not a "
                + "unodc-annex-prevalence-youth file: expected a sheet with a header row Country/Territory, Coverage"),
                e.getMessage());
        assertNull(e.getMessage().contains("\n") ? "" : null);
    }
}
