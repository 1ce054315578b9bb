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
import org.drugstats.core.data.QualityFlag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annex 6 cultivation family on the opium poppy table 6.2.1 (the coca table 6.1.1 is in
 * {@link IngestRealFilesTest}), and variants of the real file that must give the same observations.
 * Reference values: {@code core/src/test/reference/annex_6_2_1_reference.py} (openpyxl 3.0.9; its output beside it).
 */
class AnnexCultivationFamilyTest {

    static final String OPIUM = "unodc-wdr2025/6.2.1_opium_poppy_cultivation.xlsx";
    private static final IngestKind KIND = IngestKinds.byName("unodc-annex-cultivation");

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
    void opiumPoppyIsReadWithBoundsRegionsTotalsAndStaleFormulas() {
        IngestResult r = ingest(SharedData.file(OPIUM));
        assertEquals(109, r.rowsRead()); // reference: year cells in value rows
        assertEquals(109, r.rowsAccepted());
        Observation afg2018 = one(r, o -> o.refArea().equals("AFG") && o.timePeriod().equals("2018"));
        assertEquals(263000, afg2018.value(), 0);
        assertEquals(242000, afg2018.lower(), 0);
        assertEquals(283000, afg2018.upper(), 0);
        assertEquals("cultivation_area_opium_poppy", afg2018.indicator());
        assertTrue(afg2018.notes().contains("bounds: footnote a: Bound of the statistically derived confidence"),
                afg2018.notes());
        // 2019: ='[1]OVERALL CALCULATION'!O6, cached 0: not read, kept missing and flagged; its bounds are published
        Observation afg2019 = one(r, o -> o.refArea().equals("AFG") && o.timePeriod().equals("2019"));
        assertNull(afg2019.value());
        assertEquals(ObsStatus.MISSING, afg2019.obsStatus());
        assertTrue(afg2019.hasFlag(QualityFlag.STALE_FORMULA));
        assertTrue(afg2019.notes().contains("'[1]OVERALL CALCULATION'!O6"), afg2019.notes());
        assertEquals(149000, afg2019.lower(), 0);
        assertEquals(4, r.accepted().stream().filter(o -> o.hasFlag(QualityFlag.STALE_FORMULA)).count());
        Observation mmr2019 = one(r, o -> o.refArea().equals("MMR") && o.timePeriod().equals("2019"));
        assertNull(mmr2019.value()); // cached 4624 is not read
        // footnote letters after the qualifier: "Myanmar (best estimate) b, c"
        assertEquals("b, c", mmr2019.method());
        // region headers in capitals are not areas
        assertEquals(4, r.nonDataRowsSkipped().get("region header rows"));
        assertTrue(r.unmappedNames().stream().noneMatch(u -> u.name().contains("ASIA")));
        // totals: the unrounded total with its bounds (row 26 has no label), the rounded total apart
        Observation t2020 = one(r, o -> o.refArea().equals("WLD") && o.timePeriod().equals("2020")
                && o.method() == null);
        assertEquals(302054.5749125379, t2020.value(), 0);
        assertEquals(264854.5749125379, t2020.lower(), 0);
        assertEquals(346524.5749125379, t2020.upper(), 0);
        Observation r2020 = one(r, o -> o.refArea().equals("WLD") && o.timePeriod().equals("2020")
                && "rounded".equals(o.method()));
        assertEquals(296400, r2020.value(), 0);
        assertTrue(r2020.hasFlag(QualityFlag.TOTAL_MISMATCH)); // 296,400 vs 302,054.57
        assertTrue(!one(r, o -> o.refArea().equals("WLD") && o.timePeriod().equals("2018")
                && "rounded".equals(o.method())).hasFlag(QualityFlag.TOTAL_MISMATCH)); // 345,700 vs 345,703.29
        // 2010: the countries and the residual sum to the unrounded total exactly
        assertTrue(!one(r, o -> o.refArea().equals("WLD") && o.timePeriod().equals("2010") && o.method() == null)
                .hasFlag(QualityFlag.TOTAL_MISMATCH));
        assertEquals(15, r.accepted().stream().filter(o -> o.refArea().equals("WLD_OTHER")).count());
        assertTrue(r.explanation().stream().anyMatch(l -> l.startsWith("row 5: region header 'SOUTH-WEST ASIA'")));
    }

    /** What must not change between variants of one table: the key, the numbers, the status and the flags. */
    private static Set<String> fingerprint(IngestResult r) {
        Set<String> s = new TreeSet<>();
        for (Observation o : r.accepted()) {
            s.add(String.join("|", o.indicator(), o.refArea(), o.timePeriod(), String.valueOf(o.value()),
                    String.valueOf(o.lower()), String.valueOf(o.upper()), o.obsStatus().code(),
                    String.valueOf(QualityFlag.joinAll(o.flags())), String.valueOf(o.method())));
        }
        s.add("read=" + r.rowsRead() + " quarantined=" + r.rowsQuarantined());
        return s;
    }

    private Path variant(String name, Consumer<Sheet> change) throws IOException {
        Path out = tmp.resolve(name + ".xlsx");
        try (InputStream in = Files.newInputStream(SharedData.file(OPIUM)); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            change.accept(wb.getSheetAt(0));
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        }
        return out;
    }

    private static Cell cell(Sheet s, int row, int col) {
        Row r = s.getRow(row) == null ? s.createRow(row) : s.getRow(row);
        return r.getCell(col) == null ? r.createCell(col) : r.getCell(col);
    }

    /** Moves rows from {@code from} (0-based) down by n, leaving n empty rows. */
    private static void insertRows(Sheet s, int from, int n) {
        s.shiftRows(from, s.getLastRowNum(), n);
    }

    @Test
    void variantsOfTheRealFileGiveTheSameObservations() throws IOException {
        Set<String> base = fingerprint(ingest(SharedData.file(OPIUM)));
        // the POI round trip itself changes nothing
        assertEquals(base, fingerprint(ingest(variant("same", s -> { }))));
        // years as text instead of Excel dates
        assertEquals(base, fingerprint(ingest(variant("years-as-text", s -> {
            for (Cell c : s.getRow(2)) {
                if (c.getCellType() == CellType.NUMERIC) {
                    double d = c.getNumericCellValue();
                    String y = d > 3000 ? Integer.toString(c.getLocalDateTimeCellValue().getYear())
                            : Integer.toString((int) d);
                    c.setCellValue(y);
                }
            }
        }))));
        // years as plain numbers
        assertEquals(base, fingerprint(ingest(variant("years-as-numbers", s -> {
            for (Cell c : s.getRow(2)) {
                if (c.getCellType() == CellType.NUMERIC && c.getNumericCellValue() > 3000) {
                    int y = c.getLocalDateTimeCellValue().getYear();
                    c.setCellStyle(s.getWorkbook().createCellStyle());
                    c.setCellValue(y);
                }
            }
        }))));
        // bound labels renamed within the synonyms, the qualifier spelt otherwise
        assertEquals(base, fingerprint(ingest(variant("renamed-labels", s -> {
            for (Row r : s) {
                Cell c = r.getCell(2);
                if (c != null && c.getCellType() == CellType.STRING) {
                    String t = c.getStringCellValue();
                    c.setCellValue(t.replace("lower bound a", "Low a").replace("upper bound a", "High a")
                            .replace("(best estimate)", "(Best Estimate)"));
                }
            }
        }))));
        // extra blank rows, a notes row and a region header row inside the table
        assertEquals(base, fingerprint(ingest(variant("extra-rows", s -> {
            insertRows(s, 8, 3); // before " SOUTH-EAST ASIA"
            cell(s, 9, 2).setCellValue(" NORTH AMERICA");
            insertRows(s, 3, 1); // a blank row under the header
        }))));
        // a title row more above the table
        assertEquals(base, fingerprint(ingest(variant("title-rows", s -> {
            insertRows(s, 0, 2);
            cell(s, 0, 2).setCellValue("World Drug Report 2025 - Statistical annex");
        }))));
    }

    @Test
    void otherFootnoteLettersGiveTheSameNumbersUnderTheirOwnMethod() throws IOException {
        IngestResult base = ingest(SharedData.file(OPIUM));
        IngestResult other = ingest(variant("letters", s -> {
            Cell c = s.getRow(12).getCell(2);
            c.setCellValue(c.getStringCellValue().replace("b, c", "x"));
        }));
        assertEquals(base.rowsRead(), other.rowsRead());
        for (Observation o : base.accepted()) {
            if (o.refArea().equals("MMR")) {
                Observation p = one(other, q -> q.refArea().equals("MMR") && q.timePeriod().equals(o.timePeriod()));
                assertEquals(o.value(), p.value());
                assertEquals(o.lower(), p.lower());
                assertEquals("x", p.method());
                assertTrue(p.notes().contains("footnote x (text not found below the table)"), p.notes());
            }
        }
    }

    @Test
    void aWorkbookOfAnotherFamilyGetsOneLineNamingFileAndExpectation() {
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> ingest(SharedData.file("unodc-wdr2025/2.1_expert_perception_of_trends.xlsx")));
        assertTrue(e.getMessage().startsWith("2.1_expert_perception_of_trends.xlsx is not a unodc-annex-cultivation "
                + "file: expected a title naming the cultivation of a crop"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
