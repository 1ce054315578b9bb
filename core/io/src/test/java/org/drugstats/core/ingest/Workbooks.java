package org.drugstats.core.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds small workbooks for tests with POI's user model: rows of values (null = no cell). */
final class Workbooks {

    private Workbooks() {
    }

    /** A workbook with one sheet per name, each sheet given as rows of cell values starting at column A. */
    static Path write(Path file, String[] sheetNames, Object[][]... sheets) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            for (int s = 0; s < sheets.length; s++) {
                Sheet sheet = wb.createSheet(sheetNames[s]);
                Object[][] rows = sheets[s];
                for (int r = 0; r < rows.length; r++) {
                    if (rows[r] == null) {
                        continue;
                    }
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows[r].length; c++) {
                        Object v = rows[r][c];
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else {
                            cell.setCellValue(v.toString());
                        }
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    /** A coca-like pivot: title, years 2019-2021 across, Bolivia, Colombia a, the given extra rows, Total, a note. */
    static Object[][] coca(Object[]... countryRows) {
        Object[][] rows = new Object[8 + countryRows.length][];
        rows[1] = new Object[] {null, "Global illicit cultivation of coca bush, 2019-2021 (hectares)"};
        rows[3] = new Object[] {null, null, 2019, 2020, 2021};
        int r = 5;
        for (Object[] c : countryRows) {
            rows[r++] = c;
        }
        rows[r++] = new Object[] {null, "  Total", 179500, 172200, 234800};
        rows[r + 1] = new Object[] {null, "a) Net area on 31 December."};
        return rows;
    }

    static Object[] bolivia() {
        return new Object[] {null, "  Bolivia (Plurinational State of) ", 25500, 29400, 30500};
    }

    static Object[] colombia() {
        return new Object[] {null, "  Colombia a", 154000, 142800, 204300};
    }

    /** A prevalence-like sheet with the given header labels and data rows (title rows first). */
    static Object[][] prevalence(Object[] header, Object[]... data) {
        Object[][] rows = new Object[3 + data.length][];
        rows[0] = new Object[] {null, "CANNABIS"};
        rows[1] = new Object[] {null, "Annual Prevalence of Use as a percentage of the population aged 15-64"};
        rows[2] = header;
        System.arraycopy(data, 0, rows, 3, data.length);
        return rows;
    }

    static final Object[] PREVALENCE_HEADER = {null, "Region", "Sub-region", "Country/Territory", "Best", "Low", "High",
        "Male", "Female", "Year", "Age", "Source", "Method", "Adjustment/\n notes", "Specific notes"};
}
