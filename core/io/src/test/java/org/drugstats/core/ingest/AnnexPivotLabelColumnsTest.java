package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drugstats.core.SharedData;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Annex 6 pivots with label columns between the area and the years (eradication by method and unit, production by
 * unit). No such file is in the shared data, so the workbooks are the real 6.1.1 and 6.2.1 files with the columns
 * added by POI: the observations must be the real file's, with the method and the unit the added columns give.
 */
class AnnexPivotLabelColumnsTest {

    private static final String COCA = "unodc-wdr2025/6.1.1_coca_bush_cultivation.xlsx";
    private static final String OPIUM = "unodc-wdr2025/6.2.1_opium_poppy_cultivation.xlsx";
    private static final IngestKind KIND = IngestKinds.byName("unodc-annex-cultivation");
    private static final int COCA_HEADER = 4; // 0-based row of the years in 6.1.1
    private static final int COCA_FIRST_YEAR = 2; // column C

    @TempDir
    Path tmp;

    private static IngestResult ingest(Path file) {
        return KIND.ingest(SourceFile.of(file), IngestContext.withDefaults());
    }

    private Path variant(String source, String name, Consumer<Sheet> change) throws IOException {
        Path out = tmp.resolve("wdr2025-" + name + ".xlsx");
        try (InputStream in = Files.newInputStream(SharedData.file(source)); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            change.accept(wb.getSheetAt(0));
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        }
        return out;
    }

    private static String key(Observation o, String indicator, String method) {
        return String.join("|", indicator, o.refArea(), o.timePeriod(), String.valueOf(o.value()),
                String.valueOf(o.lower()), String.valueOf(o.upper()), o.obsStatus().code(),
                QualityFlag.joinAll(o.flags()), String.valueOf(method), o.unit().code());
    }

    private static Set<String> keys(IngestResult r) {
        Set<String> s = new TreeSet<>();
        r.accepted().forEach(o -> s.add(key(o, o.indicator(), o.method())));
        return s;
    }

    /** Equal sets; on failure the message shows the first differences only. */
    private static void same(Set<String> expected, Set<String> found) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(found);
        Set<String> extra = new TreeSet<>(found);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), missing.size() + " missing, e.g. "
                + missing.stream().limit(4).toList() + "; " + extra.size() + " extra, e.g. "
                + extra.stream().limit(4).toList());
    }

    private static boolean hasValue(Row row) {
        for (Cell c : row) {
            if (c.getColumnIndex() > COCA_FIRST_YEAR + 1 && (c.getCellType() == CellType.NUMERIC
                    || c.getCellType() == CellType.FORMULA)) {
                return true;
            }
        }
        return false;
    }

    /** 6.1.1 with two columns inserted before the years: a method and a unit column, headed on the year row. */
    private static void addMethodAndUnit(Sheet s, String title, String methodHeader) {
        s.shiftColumns(COCA_FIRST_YEAR, 25, 2);
        s.getRow(2).getCell(1).setCellValue(title);
        s.getRow(COCA_HEADER).createCell(COCA_FIRST_YEAR).setCellValue(methodHeader);
        s.getRow(COCA_HEADER).createCell(COCA_FIRST_YEAR + 1).setCellValue("Unit");
    }

    @Test
    void aUnitColumnInTheSpacerOfTheOpiumTableChangesNothing() throws IOException {
        IngestResult base = ingest(SharedData.file(OPIUM));
        IngestResult withUnit = ingest(variant(OPIUM, "unit", s -> {
            s.getRow(2).createCell(3).setCellValue("Unit"); // column D: the blank spacer between label and years
            for (Row row : s) {
                boolean value = false;
                for (Cell c : row) {
                    value |= c.getColumnIndex() > 3 && (c.getCellType() == CellType.NUMERIC
                            || c.getCellType() == CellType.FORMULA);
                }
                if (row.getRowNum() > 2 && value) {
                    row.createCell(3).setCellValue("ha");
                }
            }
        }));
        same(keys(base), keys(withUnit));
        assertEquals(base.rowsRead(), withUnit.rowsRead());
        assertEquals(base.rowsQuarantined(), withUnit.rowsQuarantined());
    }

    @Test
    void eradicationByMethodIsOneSeriesPerMethodAndNeverSummedAcrossMethods() throws IOException {
        IngestResult cultivation = ingest(SharedData.file(COCA));
        // each row with values becomes "Manual, ha"; below it a row without a label, "Aerial spraying, ha", same values
        Path f = variant(COCA, "eradication", s -> {
            addMethodAndUnit(s, "Reported eradication of coca bush, 2010-2023 (hectares)", "Type of eradication");
            List<Integer> rows = new ArrayList<>();
            for (Row row : s) {
                if (row.getRowNum() > COCA_HEADER && hasValue(row)) {
                    rows.add(row.getRowNum());
                }
            }
            for (int k = rows.size() - 1; k >= 0; k--) {
                int r = rows.get(k);
                s.shiftRows(r + 1, s.getLastRowNum(), 1);
                Row src = s.getRow(r);
                Row copy = s.createRow(r + 1);
                src.createCell(COCA_FIRST_YEAR).setCellValue("Manual");
                src.createCell(COCA_FIRST_YEAR + 1).setCellValue("ha");
                copy.createCell(COCA_FIRST_YEAR).setCellValue("Aerial spraying");
                copy.createCell(COCA_FIRST_YEAR + 1).setCellValue("ha");
                for (Cell c : src) {
                    if (c.getColumnIndex() < COCA_FIRST_YEAR + 2) {
                        continue;
                    }
                    Cell d = copy.createCell(c.getColumnIndex());
                    if (c.getCellType() == CellType.NUMERIC) {
                        d.setCellValue(c.getNumericCellValue());
                    } else if (c.getCellType() == CellType.FORMULA) {
                        d.setCellValue(c.getNumericCellValue()); // the cached total
                    } else if (c.getCellType() == CellType.STRING) {
                        d.setCellValue(c.getStringCellValue());
                    }
                }
            }
        });
        IngestResult r = ingest(f);
        assertEquals(2 * cultivation.rowsRead(), r.rowsRead());
        assertEquals(2 * cultivation.rowsAccepted(), r.rowsAccepted());
        Set<String> expected = new TreeSet<>();
        for (Observation o : cultivation.accepted()) {
            for (String m : List.of("Manual", "Aerial spraying")) {
                expected.add(key(o, "eradication_area_coca", o.method() == null ? m : m + ", " + o.method()));
            }
        }
        // the same flags as the cultivation table: Peru's two methods (b, c) within each series are alternative
        // estimates (multiple-methods), manual and aerial eradication are not; each series' Total checks against its
        // own rows only
        same(expected, keys(r));
        assertEquals(cultivation.flagged().get("multiple-methods") * 2, r.flagged().get("multiple-methods"));
        assertEquals(cultivation.flagged().get("total-mismatch") == null ? null
                : cultivation.flagged().get("total-mismatch") * 2, r.flagged().get("total-mismatch"));
    }

    @Test
    void theUnitDecidesTheIndicatorAndAnUnknownUnitIsQuarantined() throws IOException {
        IngestResult cultivation = ingest(SharedData.file(COCA));
        Path f = variant(COCA, "units", s -> {
            addMethodAndUnit(s, "Reported eradication of coca bush, 2010-2023", "Method");
            for (Row row : s) {
                if (row.getRowNum() > COCA_HEADER && hasValue(row)) {
                    row.createCell(COCA_FIRST_YEAR).setCellValue("Manual");
                    String label = row.getCell(1).getStringCellValue().strip();
                    row.createCell(COCA_FIRST_YEAR + 1).setCellValue(label.startsWith("Bolivia") ? "acres"
                            : "tons");
                }
            }
        });
        IngestResult r = ingest(f);
        assertEquals(cultivation.rowsRead(), r.rowsRead());
        long bolivia = cultivation.accepted().stream().filter(o -> o.refArea().equals("BOL")).count();
        assertEquals(bolivia, r.quarantined(QuarantineReason.UNKNOWN_CODE));
        assertTrue(r.quarantined().stream().allMatch(q -> q.reason() != QuarantineReason.UNKNOWN_CODE
                || "Unit".equals(q.column()) && "acres".equals(q.rawValue())));
        assertTrue(r.accepted().stream().allMatch(o -> o.indicator().equals("eradication_quantity_coca")
                && o.unit() == Unit.TONNES && o.method().startsWith("Manual")));
        // without Bolivia the Total is checked against Colombia and Peru in tons alone: a mismatch, flagged, kept
        assertTrue(r.accepted().stream().filter(o -> o.refArea().equals("WLD")).allMatch(o ->
                o.hasFlag(QualityFlag.TOTAL_MISMATCH)));
        assertFalse(r.accepted().stream().anyMatch(o -> o.indicator().startsWith("cultivation")));
    }

    @Test
    void labelColumnHeadersAndUnits() {
        assertEquals(AnnexPivotLabels.Role.METHOD, AnnexPivotLabels.role("Type of eradication"));
        assertEquals(AnnexPivotLabels.Role.METHOD, AnnexPivotLabels.role(" Method "));
        assertEquals(AnnexPivotLabels.Role.UNIT, AnnexPivotLabels.role("Unit of measure"));
        assertEquals(null, AnnexPivotLabels.role("Afghanistan"));
        assertEquals(Unit.HECTARES, AnnexPivotLabels.unit("ha").orElseThrow());
        assertEquals(Unit.TONNES, AnnexPivotLabels.unit("Metric tons").orElseThrow());
        assertEquals(Unit.KILOGRAMS, AnnexPivotLabels.unit("kg").orElseThrow());
        assertTrue(AnnexPivotLabels.unit("acres").isEmpty());
        assertEquals(Unit.TONNES, AnnexPivotLabels.titleUnit("Potential production of oven-dry opium, 2010-2024 (tons)"));
        assertEquals(Unit.HECTARES, AnnexPivotLabels.titleUnit("Global illicit cultivation of coca bush (hectares)"));
        assertEquals("cultivation_area_opium_poppy", AnnexPivotLabels.indicator("cultivation", "opium poppy",
                Unit.HECTARES));
        assertEquals("production_quantity_oven_dry_opium", AnnexPivotLabels.indicator("production", "oven-dry opium",
                Unit.TONNES));
    }
}
