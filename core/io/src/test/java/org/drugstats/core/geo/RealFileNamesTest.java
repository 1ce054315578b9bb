package org.drugstats.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drugstats.core.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Every area name in the published files maps to an ISO3 code, or is unmapped because it is an aggregate or a
 * residual; none is unknown or silently dropped. The names are read here with plain POI and commons-csv,
 * independently of the ingest kinds.
 */
class RealFileNamesTest {

    private final CountryNames unodc = CountryNames.withDefaults().withScheme(RegionScheme.UNODC);
    private final CountryNames m49 = CountryNames.withDefaults();

    @Test
    void annexPrevalenceNames() throws IOException {
        Map<String, NameMatch> seen = matchAll(unodc, columnOfEverySheet(
                "unodc-wdr2025/1.2_prevalence_general_population_national.xlsx", "country/territory"));
        assertNoUnknown(seen);
        assertEquals(1, unmapped(seen).size(), unmapped(seen).toString()); // Ireland and Northern Ireland
        assertEquals("GB-EAW", ((NameMatch.Mapped) seen.get("United Kingdom (England and Wales)")).areaCode());
        // distinct names in the country/territory column over every sheet of the published table (WDR 2025 annex 1.2)
        assertEquals(156, seen.size(), "names in annex table 1.2");
    }

    @Test
    void annexCultivationNames() throws IOException {
        List<String> labels = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(SharedData.file("unodc-wdr2025/6.1.1_coca_bush_cultivation.xlsx")
                .toFile(), null, true)) {
            Sheet s = wb.getSheetAt(0);
            for (int r = 6; r <= 10; r++) { // rows 7-11: the country rows and the Total row
                labels.add(s.getRow(r).getCell(1).getStringCellValue());
            }
        }
        Map<String, NameMatch> seen = matchAll(unodc, labels);
        assertNoUnknown(seen);
        assertEquals(List.of("BOL", "COL", "PER", "PER"), seen.values().stream().filter(NameMatch::isMapped)
                .map(m -> ((NameMatch.Mapped) m).iso3()).toList());
        NameMatch total = seen.get("  Total");
        assertEquals("WLD", total.refArea().orElseThrow());
    }

    @Test
    void annexSeizureNamesAgreeWithTheirIsoCodes() throws IOException {
        Map<String, String> nameToCode = new TreeMap<>();
        try (Workbook wb = WorkbookFactory.create(SharedData.file("unodc-wdr2025/7.1_drug_seizures_2019-2023.xlsx")
                .toFile(), null, true)) {
            Sheet s = wb.getSheetAt(0);
            for (int r = 2; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                nameToCode.put(row.getCell(2).getStringCellValue(), row.getCell(8).getStringCellValue());
            }
        }
        Map<String, NameMatch> seen = matchAll(unodc, nameToCode.keySet());
        assertNoUnknown(seen);
        assertTrue(unmapped(seen).isEmpty(), unmapped(seen).toString());
        nameToCode.forEach((name, code) -> assertEquals(code, ((NameMatch.Mapped) seen.get(name)).iso3(), name));
    }

    @Test
    void wppEntityNames() throws IOException {
        Map<String, NameMatch> seen = matchAll(m49, csvColumn("population/wpp2017-population-by-age-group.csv",
                "Entity"));
        assertNoUnknown(seen);
        for (NameMatch m : unmapped(seen)) {
            NameMatch.Unmapped u = (NameMatch.Unmapped) m;
            assertEquals(UnmappedReason.AGGREGATE, u.reason(), u.input());
            assertTrue(u.code() != null, "WPP aggregate without a code: " + u.input());
        }
        assertEquals("M49_062", seen.get("South-Central Asia").refArea().orElseThrow());
        assertEquals("SRB", seen.get("Serbia (including Kosovo)").refArea().orElseThrow());
    }

    @Test
    void incbAndM49Names() throws IOException {
        Map<String, NameMatch> incb = matchAll(m49, csvColumn("consumption/incb-opioid-consumption-2015-2017.csv",
                "Country"));
        assertNoUnknown(incb);
        assertTrue(unmapped(incb).isEmpty(), unmapped(incb).toString());
        assertEquals("FSM", incb.get("Micronesia (Federated States of)").refArea().orElseThrow());
        Map<String, NameMatch> un = matchAll(m49, csvColumn("geo/unsd-m49.csv", "Country or Area"));
        assertNoUnknown(un);
        assertTrue(unmapped(un).isEmpty());
    }

    private static Map<String, NameMatch> matchAll(CountryNames names, Iterable<String> raw) {
        Map<String, NameMatch> out = new TreeMap<>();
        for (String s : raw) {
            out.put(s, names.match(s));
        }
        return out;
    }

    private static List<NameMatch> unmapped(Map<String, NameMatch> seen) {
        return seen.values().stream().filter(m -> !m.isMapped()).toList();
    }

    private static void assertNoUnknown(Map<String, NameMatch> seen) {
        TreeSet<String> bad = new TreeSet<>();
        seen.forEach((k, m) -> {
            if (m instanceof NameMatch.Unmapped u && (u.reason() == UnmappedReason.UNKNOWN
                    || u.reason() == UnmappedReason.EMPTY)) {
                bad.add("'" + k + "'");
            }
        });
        assertTrue(bad.isEmpty(), "names that are neither mapped nor a known aggregate/residual: " + bad);
    }

    private static List<String> columnOfEverySheet(String file, String header) throws IOException {
        List<String> out = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(SharedData.file(file).toFile(), null, true)) {
            for (Sheet s : wb) {
                int col = -1;
                int headerRow = -1;
                for (int r = 0; r < 6 && col < 0; r++) {
                    Row row = s.getRow(r);
                    if (row == null) {
                        continue;
                    }
                    for (Cell c : row) {
                        if (c.getCellType() == CellType.STRING
                                && c.getStringCellValue().strip().toLowerCase(Locale.ROOT).equals(header)) {
                            col = c.getColumnIndex();
                            headerRow = r;
                        }
                    }
                }
                assertTrue(col >= 0, "no '" + header + "' column in sheet " + s.getSheetName());
                for (int r = headerRow + 1; r <= s.getLastRowNum(); r++) {
                    Row row = s.getRow(r);
                    Cell c = row == null ? null : row.getCell(col);
                    if (c != null && c.getCellType() == CellType.STRING && !c.getStringCellValue().isBlank()) {
                        out.add(c.getStringCellValue());
                    }
                }
            }
        }
        return out;
    }

    private static List<String> csvColumn(String file, String column) throws IOException {
        Path p = SharedData.file(file);
        List<String> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            int idx = -1;
            List<String> h = parser.getHeaderNames();
            for (int i = 0; i < h.size(); i++) {
                if (h.get(i).replace("\uFEFF", "").equals(column)) {
                    idx = i;
                }
            }
            assertTrue(idx >= 0, file + ": no column " + column + " in " + h);
            for (CSVRecord rec : parser) {
                out.add(rec.get(idx));
            }
        }
        return out;
    }
}
