package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.SharedData;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.QuarantineRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and unusual (but valid) workbooks made from the real published files: a damaged archive is refused
 * with one line naming the file before anything is read; every cell that holds something is read, quarantined
 * or reported, and counted.
 */
class DamagedWorkbooksTest {

    private static final String SEIZURES = "unodc-wdr2025/7.1_drug_seizures_2019-2023.xlsx";
    private static final String COCA = "unodc-wdr2025/6.1.1_coca_bush_cultivation.xlsx";
    private static final String OPIUM = "unodc-wdr2025/6.2.1_opium_poppy_cultivation.xlsx";
    private static final String PREVALENCE = "unodc-wdr2025/1.2_prevalence_general_population_national.xlsx";
    private static final String SHEET1 = "xl/worksheets/sheet1.xml";

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

    private static void accounting(IngestResult r) {
        assertEquals(r.rowsRead(), r.rowsAccepted() + r.rowsQuarantined());
    }

    @Test
    void aFlippedBitInTheCompressedSheetIsRefusedNotRead() throws IOException {
        Path real = SharedData.file(SEIZURES);
        byte[] bytes = Files.readAllBytes(real);
        int data = ZipEdits.dataOffset(bytes, SHEET1);
        long packed = ZipEdits.compressedSize(real, SHEET1);
        // several positions in the deflate stream: each either breaks its structure or changes the inflated bytes
        for (long at : new long[] {packed / 2, packed / 3, packed - 100, 5000}) {
            byte[] damaged = bytes.clone();
            damaged[(int) (data + at)] ^= 0x10;
            Path f = Files.write(dir.resolve("seizures-flipped.xlsx"), damaged);
            DrugstatsException e = assertThrows(DrugstatsException.class, () -> ingest("unodc-annex-seizures", f),
                    "bit flipped at compressed byte " + at);
            assertTrue(e.getMessage().startsWith("seizures-flipped.xlsx is not a readable Excel workbook (entry "
                    + SHEET1), e.getMessage());
            assertTrue(e.getMessage().endsWith("the archive is damaged); expected a unodc-annex-seizures file (.xlsx)"),
                    e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }

    @Test
    void aStoredChecksumThatDoesNotMatchIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(SharedData.file(SEIZURES));
        byte[] damaged = bytes.clone();
        // the data is intact; the CRC-32 the central directory stores for the sheet is not
        damaged[ZipEdits.centralHeader(bytes, SHEET1) + 16] ^= 0x01;
        Path f = Files.write(dir.resolve("seizures-crc.xlsx"), damaged);
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ingest("unodc-annex-seizures", f));
        assertTrue(e.getMessage().matches("seizures-crc\\.xlsx is not a readable Excel workbook \\(entry "
                + "xl/worksheets/sheet1\\.xml fails its CRC-32 check \\(0x[0-9a-f]{8} stored, 0x[0-9a-f]{8} "
                + "computed\\): the archive is damaged\\); expected a unodc-annex-seizures file \\(\\.xlsx\\)"),
                e.getMessage());
    }

    @Test
    void aWorkbookCutShortIsRefusedAtAnyLength() throws IOException {
        byte[] bytes = Files.readAllBytes(SharedData.file(SEIZURES));
        for (int keep : new int[] {bytes.length - 1, bytes.length - 22, bytes.length * 9 / 10, 100}) {
            Path f = Files.write(dir.resolve("seizures-cut.xlsx"), Arrays.copyOf(bytes, keep));
            DrugstatsException e = assertThrows(DrugstatsException.class, () -> ingest("unodc-annex-seizures", f),
                    "cut at " + keep);
            assertTrue(e.getMessage().startsWith("seizures-cut.xlsx is not a readable Excel workbook ("),
                    e.getMessage());
        }
    }

    @Test
    void rowsAndCellsWithoutReferencesAreReadLikeTheOriginal() throws IOException {
        Path real = SharedData.file(COCA);
        Path f = ZipEdits.rewrite(real, dir.resolve("coca-no-refs.xlsx"), Map.of(SHEET1,
                xml -> xml.replaceAll("<row r=\"\\d+\"", "<row").replaceAll("<c r=\"[A-Z]+\\d+\"", "<c")));
        // without r= every stored row and cell takes the next index: the real sheet stores all its rows and
        // cells from A, so the positions are those of the original
        IngestResult original = ingest("unodc-annex-cultivation", real);
        IngestResult edited = ingest("unodc-annex-cultivation", f);
        accounting(edited);
        assertEquals(original.rowsRead(), edited.rowsRead());
        assertEquals(original.rowsAccepted(), edited.rowsAccepted());
        assertEquals(original.quarantined().stream().map(QuarantineRow::row).toList(),
                edited.quarantined().stream().map(QuarantineRow::row).toList());
        assertEquals(original.accepted().stream().map(Observation::value).toList(),
                edited.accepted().stream().map(Observation::value).toList());
    }

    @Test
    void aLongTableReadRowByRowReadsRowsWithoutReferencesLikeTheOriginal() throws IOException {
        // the seizures table (11,274 data rows) is read row by row after its head: rows without r= far below the
        // head take the next row number, as in the original (which stores every row; it leaves some blank cells
        // out, so its cells keep their references here)
        Path real = SharedData.file(SEIZURES);
        Path f = ZipEdits.rewrite(real, dir.resolve("seizures-no-refs.xlsx"), Map.of(SHEET1,
                xml -> xml.replaceAll("<row r=\"\\d+\"", "<row")));
        IngestResult original = ingest("unodc-annex-seizures", real);
        IngestResult edited = ingest("unodc-annex-seizures", f);
        accounting(edited);
        assertEquals(11274, edited.rowsRead());
        assertEquals(original.rowsAccepted(), edited.rowsAccepted());
        assertEquals(original.quarantined().stream().map(QuarantineRow::row).toList(),
                edited.quarantined().stream().map(QuarantineRow::row).toList());
        assertEquals(original.accepted().stream().map(o -> o.refArea() + " " + o.timePeriod() + " " + o.drug() + " "
                + o.value()).toList(), edited.accepted().stream().map(o -> o.refArea() + " " + o.timePeriod() + " "
                + o.drug() + " " + o.value()).toList());
    }

    @Test
    void aFormulaWithoutAStoredResultFarDownALongTableIsCountedAndQuarantined() throws IOException {
        Path real = SharedData.file(SEIZURES);
        Path f = ZipEdits.rewrite(real, dir.resolve("seizures-no-result.xlsx"), Map.of(SHEET1,
                xml -> xml.replace("<c r=\"H5000\" s=\"1\"><v>41.692</v></c>",
                        "<c r=\"H5000\" s=\"1\"><f>SUM(H4990:H4999)</f></c>")));
        IngestResult r = ingest("unodc-annex-seizures", f);
        accounting(r);
        assertEquals(11274, r.rowsRead());
        assertEquals(1, r.rowsQuarantined());
        QuarantineRow q = r.quarantined().get(0);
        assertEquals(5000, q.row());
        assertEquals("Kilograms", q.column());
        assertEquals("=SUM(H4990:H4999)", q.rawValue());
    }

    @Test
    void aSheetWithADocumentTypeDeclarationIsRefusedExternalEntitiesAndExpansionIncluded() throws IOException {
        Path real = SharedData.file(SEIZURES);
        String xxe = "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";
        String laughs = "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>";
        for (String[] c : new String[][] {{"seizures-xxe.xlsx", xxe, "&x;"}, {"seizures-laughs.xlsx", laughs, "&d;"}}) {
            Path f = ZipEdits.rewrite(real, dir.resolve(c[0]), Map.of(SHEET1,
                    xml -> xml.replaceFirst("\\?>", "?>" + c[1]).replace("<c r=\"H36\" s=\"1\"><v>3773</v></c>",
                            "<c r=\"H36\" s=\"1\" t=\"inlineStr\"><is><t>" + c[2] + "</t></is></c>")));
            DrugstatsException e = assertThrows(DrugstatsException.class, () -> ingest("unodc-annex-seizures", f));
            assertEquals(c[0] + ", sheet 'Seizures': the part has a document type declaration (<!DOCTYPE>), "
                    + "which a worksheet never has; the workbook is damaged", e.getMessage());
        }
    }

    @Test
    void aFormulaWithoutAStoredResultIsCountedAndQuarantined() throws IOException {
        // the opium table (6.2.1) links 2019 cells to another workbook; here Bolivia's 2020 coca cell is such a
        // link without the value Excel stored beside it
        Path real = SharedData.file(COCA);
        Path f = ZipEdits.rewrite(real, dir.resolve("coca-no-result.xlsx"), Map.of(SHEET1,
                xml -> xml.replace("<c r=\"N7\" s=\"21\"><v>29400</v></c>",
                        "<c r=\"N7\" s=\"21\"><f>'[1]OVERALL CALCULATION'!O6</f></c>")));
        IngestResult original = ingest("unodc-annex-cultivation", real);
        IngestResult edited = ingest("unodc-annex-cultivation", f);
        accounting(edited);
        assertEquals(original.rowsRead(), edited.rowsRead());
        // counted, and not read as data: kept as a missing value flagged stale-formula, the formula in its notes
        assertEquals(original.rowsAccepted(), edited.rowsAccepted());
        Observation o = edited.accepted().stream().filter(x -> x.refArea().equals("BOL")
                && x.timePeriod().equals("2020")).findFirst().orElseThrow();
        assertEquals(null, o.value());
        assertTrue(o.hasFlag(org.drugstats.core.data.QualityFlag.STALE_FORMULA), o.toString());
        assertTrue(o.notes().contains("'[1]OVERALL CALCULATION'!O6"), o.notes());
    }

    @Test
    void aDateInAKilogramCellIsQuarantinedNotReadAsANumber() throws IOException {
        Path real = SharedData.file(SEIZURES);
        Path f = ZipEdits.rewrite(real, dir.resolve("seizures-date.xlsx"), Map.of(
                "xl/styles.xml", xml -> xml.replace("<cellXfs count=\"5\">", "<cellXfs count=\"6\">")
                        .replace("</cellXfs>", "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" "
                                + "xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"),
                SHEET1, xml -> xml.replace("<c r=\"H36\" s=\"1\"><v>3773</v></c>",
                        "<c r=\"H36\" s=\"5\"><v>44259</v></c>")));
        IngestResult r = ingest("unodc-annex-seizures", f);
        accounting(r);
        assertEquals(11274, r.rowsRead());
        assertEquals(1, r.rowsQuarantined());
        QuarantineRow q = r.quarantined().get(0);
        assertEquals(36, q.row());
        assertEquals("Kilograms", q.column());
        assertEquals(QuarantineReason.NON_NUMERIC, q.reason());
        assertEquals("date 2021-03-04 (Excel serial 44259)", q.rawValue());
        assertTrue(r.accepted().stream().noneMatch(o -> o.value() != null && o.value() == 44259));
    }

    @Test
    void numbersJavaWouldAcceptButXmlDoesNotAreText() throws IOException {
        Path real = SharedData.file(SEIZURES);
        Path f = ZipEdits.rewrite(real, dir.resolve("seizures-hex.xlsx"), Map.of(SHEET1,
                xml -> xml.replace("<c r=\"H36\" s=\"1\"><v>3773</v></c>", "<c r=\"H36\" s=\"1\"><v>0x1p3</v></c>")
                        .replace("<c r=\"H37\" s=\"1\"><v>13</v></c>", "<c r=\"H37\" s=\"1\"><v>Infinity</v></c>")));
        IngestResult r = ingest("unodc-annex-seizures", f);
        accounting(r);
        assertEquals(List.of("0x1p3", "Infinity"), r.quarantined().stream().map(QuarantineRow::rawValue).toList());
    }

    @Test
    void aSharedStringIndexPastTheTableIsOneLineNamingTheSheetAndCell() throws IOException {
        Path real = SharedData.file(SEIZURES);
        Path f = ZipEdits.rewrite(real, dir.resolve("seizures-sst.xlsx"), Map.of(SHEET1,
                xml -> xml.replace("<c r=\"I36\" s=\"1\" t=\"s\"><v>12</v></c>",
                        "<c r=\"I36\" s=\"1\" t=\"s\"><v>9999999</v></c>")));
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ingest("unodc-annex-seizures", f));
        assertTrue(e.getMessage().startsWith("seizures-sst.xlsx, sheet '"), e.getMessage());
        assertTrue(e.getMessage().contains("cell I36 refers to the shared string 9999999, which the workbook does "
                + "not have; the workbook is damaged"), e.getMessage());
    }

    @Test
    void swappedTabNamesAreRefusedByTheSheetsOwnTitle() throws IOException {
        Path f = ZipEdits.rewrite(SharedData.file(PREVALENCE), dir.resolve("prevalence-swapped.xlsx"), Map.of(
                "xl/workbook.xml", xml -> xml.replace("name=\"Cannabis\"", "name=\"@@\"")
                        .replace("name=\"Cocaine\"", "name=\"Cannabis\"").replace("name=\"@@\"", "name=\"Cocaine\"")));
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ingest("unodc-annex-prevalence", f));
        assertEquals("prevalence-swapped.xlsx, sheet 'Cocaine' cell B1: the sheet's title 'CANNABIS' names the subject "
                + "of sheet 'Cannabis', not 'Cocaine' (are tab names swapped?); expected each sheet's title to name its "
                + "own tab's subject", e.getMessage());
    }

    @Test
    void aBlankHeaderCellIsAnErrorNotASkippedSheet() throws IOException {
        Path f = ZipEdits.rewrite(SharedData.file(PREVALENCE), dir.resolve("prevalence-blank-year.xlsx"), Map.of(
                SHEET1, xml -> xml.replaceFirst("<c r=\"J3\"([^>]*) t=\"s\"><v>\\d+</v></c>", "<c r=\"J3\"$1/>")));
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ingest("unodc-annex-prevalence", f));
        assertEquals("prevalence-blank-year.xlsx, sheet 'Cannabis' row 3: the header row lacks Year (a blank or renamed "
                + "header cell); expected the labels Region / Sub-region / Country/Territory / Year / Age — the sheet's "
                + "values cannot be read without it", e.getMessage());
    }
}
