package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sheet identity and header checks beyond annex table 1.2, on the real workbooks edited in place: annex table 1.4
 * (youth prevalence) takes each sheet's drug from its tab name, so swapped tab names are refused by the sheet's own
 * title, and a blank header cell is an error rather than a sheet skipped with its values; annex table 7.1 (seizures,
 * one long sheet whose drug is a column) names the blank header label instead of only "not a seizures file".
 */
class SheetIdentityTest {

    private static final String YOUTH = "unodc-wdr2025/1.4_prevalence_youth_national.xlsx";
    private static final String SEIZURES = "unodc-wdr2025/7.1_drug_seizures_2019-2023.xlsx";
    private static final String SHEET1 = "xl/worksheets/sheet1.xml";

    @TempDir
    Path dir;

    private static IngestResult ingest(String kind, Path file) {
        return IngestKinds.byName(kind).ingest(SourceFile.of(file), IngestContext.withDefaults());
    }

    @Test
    void youthSheetsWithSwappedTabNamesAreRefusedByTheirTitles() throws IOException {
        Path f = ZipEdits.rewrite(SharedData.file(YOUTH), dir.resolve("youth-swapped.xlsx"), Map.of(
                "xl/workbook.xml", xml -> xml.replace("name=\"Cannabis\"", "name=\"@@\"")
                        .replace("name=\"Cocaine\"", "name=\"Cannabis\"").replace("name=\"@@\"", "name=\"Cocaine\"")));
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> ingest("unodc-annex-prevalence-youth", f));
        assertEquals("youth-swapped.xlsx, sheet 'Cocaine' cell A1: the sheet's title 'CANNABIS USE' names the subject "
                + "of sheet 'Cannabis', not 'Cocaine' (are tab names swapped?); expected each sheet's title to name its "
                + "own tab's subject", e.getMessage());
    }

    @Test
    void aBlankYouthHeaderCellIsAnErrorNotASkippedSheet() throws IOException {
        // H4 of the Cannabis sheet is 'Year of Estimate' (shared string 10)
        Path f = ZipEdits.rewrite(SharedData.file(YOUTH), dir.resolve("youth-blank-year.xlsx"), Map.of(SHEET1,
                xml -> xml.replace("<c r=\"H4\" s=\"88\" t=\"s\"><v>10</v></c>", "<c r=\"H4\" s=\"88\"/>")));
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> ingest("unodc-annex-prevalence-youth", f));
        assertEquals("youth-blank-year.xlsx, sheet 'Cannabis' row 4: the header row lacks Year of Estimate (a blank or "
                + "renamed header cell); expected the labels Country/Territory / Coverage (age/grade) / Lifetime / Past "
                + "Year / Past Month / Year of Estimate — the sheet's values cannot be read without it", e.getMessage());
    }

    @Test
    void aRenamedSeizuresHeaderCellIsNamed() throws IOException {
        // H2 of the seizures sheet is 'Kilograms' (shared string 11): renamed to 'Tonnes'
        Path f = ZipEdits.rewrite(SharedData.file(SEIZURES), dir.resolve("seizures-renamed.xlsx"), Map.of(SHEET1,
                xml -> xml.replace("<c r=\"H2\" s=\"4\" t=\"s\"><v>11</v></c>",
                        "<c r=\"H2\" s=\"4\" t=\"inlineStr\"><is><t>Tonnes</t></is></c>")));
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ingest("unodc-annex-seizures", f));
        assertEquals("seizures-renamed.xlsx, sheet '" + sheetName(f) + "' row 2: the header row lacks Kilograms (a "
                + "blank or renamed header cell); expected the labels Region / SubRegion / Country / DrugGroup / "
                + "DrugSubGroup / DrugName / Reference year / Kilograms / msCode — the sheet's values cannot be read "
                + "without it", e.getMessage());
    }

    private static String sheetName(Path f) {
        return XlsxWorkbook.read(SourceFile.of(f), "unodc-annex-seizures").sheetNames().get(0);
    }
}
