package org.drugstats.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one CSV reader: physical line numbers (blank lines and line breaks inside quoted fields counted), byte-order
 * mark, blank lines, quoting, and one-line errors naming file, line, column and value.
 */
class CsvTableTest {

    @TempDir
    Path dir;

    private static CsvTable parse(String text) {
        return CsvTable.parse("in.csv", new StringReader(text));
    }

    @Test
    void rowsKeepThePhysicalLineTheyStartOn() {
        CsvTable t = parse("\n  \nName, Value \r\nA,1\n\n\"B\nsecond line\",\"2\"\nC,3");
        assertEquals(List.of("Name", "Value"), t.header());
        assertEquals(3, t.headerLine());
        assertEquals(3, t.blankLines()); // two before the header, one between rows
        assertEquals(List.of(4L, 6L, 8L), t.rows().stream().map(CsvTable.Row::line).toList());
        assertEquals("B\nsecond line", t.rows().get(1).text("name"));
        assertEquals("C", t.rows().get(2).get(t.index("NAME")));
    }

    @Test
    void quotingAndByteOrderMark() {
        CsvTable t = parse("\uFEFFa,b\n\"x, \"\"y\"\"\" ,  z  \n");
        assertEquals(List.of("a", "b"), t.header());
        assertEquals(List.of("x, \"y\"", "  z  "), t.rows().get(0).fields()); // fields as published
        assertEquals("z", t.rows().get(0).text("b")); // text() trims
        assertEquals(0, t.index("a"));
        assertEquals(-1, t.index("c"));
        assertNull(t.rows().get(0).get(5));
        assertEquals("", t.rows().get(0).text("c"));
    }

    @Test
    void anEmptyInputHasNoHeader() {
        CsvTable t = parse("\n\n");
        assertTrue(t.header().isEmpty());
        assertEquals(0, t.headerLine());
        assertEquals(2, t.blankLines());
        assertTrue(t.rows().isEmpty());
    }

    @Test
    void malformedCsvNamesTheLineTheRecordStartsOn() {
        String m = assertThrows(DrugstatsException.class, () -> parse("a,b\n1,2\n\"3,4\n5,6\n")).getMessage();
        assertTrue(m.startsWith("in.csv, line 3: not valid CSV ("), m);
        m = assertThrows(DrugstatsException.class, () -> parse("a,b\n1,2\n\"3\"x,4\n")).getMessage();
        assertTrue(m.startsWith("in.csv, line 3: not valid CSV ("), m);
        assertTrue(!m.contains("\n"), m);
    }

    @Test
    void typedAccessorsNameFileLineColumnAndValue() {
        CsvTable t = parse("area,value\nA,1.5\nB,abc\nC,\n,Inf\n");
        assertEquals(1.5, t.rows().get(0).number("Value"), 0);
        assertEquals("in.csv, line 3, column 'value': value 'abc' is not valid; expected a finite number",
                assertThrows(DrugstatsException.class, () -> t.rows().get(1).number("value")).getMessage());
        assertTrue(t.rows().get(2).optionalNumber("value").isEmpty());
        // the one number parser (DecimalNumbers): Java's literal suffixes and hexadecimal are not numbers here
        CsvTable j = parse("area,value\nA,5d\nB,0x1p3\n");
        assertEquals("in.csv, line 2, column 'value': value '5d' is not valid; expected a finite number",
                assertThrows(DrugstatsException.class, () -> j.rows().get(0).number("value")).getMessage());
        assertEquals("in.csv, line 3, column 'value': value '0x1p3' is not valid; expected a finite number",
                assertThrows(DrugstatsException.class, () -> j.rows().get(1).number("value")).getMessage());
        assertEquals("in.csv, line 4, column 'value': value '' is not valid; expected a number",
                assertThrows(DrugstatsException.class, () -> t.rows().get(2).number("value")).getMessage());
        assertEquals("in.csv, line 5, column 'area': value '' is not valid; expected a non-empty value",
                assertThrows(DrugstatsException.class, () -> t.rows().get(3).requiredText("area")).getMessage());
        assertThrows(DrugstatsException.class, () -> t.rows().get(3).number("value")); // Inf is not finite
    }

    @Test
    void readWithRequiredColumns() throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "Area,Value\nA,1\n", StandardCharsets.UTF_8);
        assertEquals(1, CsvTable.read(f, List.of("area", "value")).rows().size());
        String m = assertThrows(DrugstatsException.class, () -> CsvTable.read(f, List.of("area", "population")))
                .getMessage();
        assertEquals(f + ", line 1: missing column 'population'; header has [Area, Value], expected [area, population]",
                m);
        Files.writeString(f, "area,value\nA,1\nB,2,3\n", StandardCharsets.UTF_8);
        assertEquals(f + ", line 3: 3 fields but the header has 2",
                assertThrows(DrugstatsException.class, () -> CsvTable.read(f, List.of("area"))).getMessage());
        Files.writeString(f, "", StandardCharsets.UTF_8);
        assertEquals(f + " is empty; expected a header line with columns [area]",
                assertThrows(DrugstatsException.class, () -> CsvTable.read(f, List.of("area"))).getMessage());
        // a short row reads its missing fields as empty
        Files.writeString(f, "area,value\nA\n", StandardCharsets.UTF_8);
        assertEquals("", CsvTable.read(f, List.of("area")).rows().get(0).text("value"));
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorNamingTheirLine() throws IOException {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, "a,b\r\n1,2\r\nS\u00e3o Tom\u00e9,3\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("latin1.csv, line 3: byte 12 is not UTF-8 text; expected a UTF-8 CSV file",
                assertThrows(DrugstatsException.class, () -> CsvTable.read(f, "latin1.csv")).getMessage());
        assertEquals("missing.csv: cannot read: no such file", assertThrows(DrugstatsException.class,
                () -> CsvTable.read(dir.resolve("missing.csv"), "missing.csv")).getMessage());
    }
}
