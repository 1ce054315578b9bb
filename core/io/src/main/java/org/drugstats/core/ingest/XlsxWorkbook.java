package org.drugstats.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.io.ZipIntegrity;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * An Excel (.xlsx) workbook: the zip archive is first checked whole ({@link ZipIntegrity}: every entry's size
 * and CRC-32), then read with Apache POI's package reader ({@link XSSFReader}) and the project's own SAX sheet
 * reader ({@link XlsxSheetParser}): sheets are streamed once, and only cells that hold something are kept, so
 * sheets padded with thousands of formatted empty rows or hundreds of empty columns cost little.
 *
 * <p>Numbers keep their full stored precision and say whether their format is a date format; formula cells give
 * their cached results, and a formula without one is a text cell {@code =formula} (so it is counted, not lost);
 * shared and inline strings are text. Merged regions are not expanded: a merged block's value is in its top-left
 * cell only.
 *
 * @param name the file name, for messages
 * @param sheets the sheets in workbook order
 */
public record XlsxWorkbook(String name, List<XlsxSheet> sheets) {

    public XlsxWorkbook {
        sheets = List.copyOf(sheets);
    }

    /** The sheet names in workbook order. */
    public List<String> sheetNames() {
        return sheets.stream().map(XlsxSheet::name).toList();
    }

    /** The sheet with this name (exact match). */
    public Optional<XlsxSheet> sheet(String sheetName) {
        return sheets.stream().filter(s -> s.name().equals(sheetName)).findFirst();
    }

    /**
     * Reads every sheet of a workbook.
     *
     * @param file the input
     * @param kind the ingest kind that expects the file, for messages
     * @throws DrugstatsException naming the file and what was expected when it is not a readable .xlsx workbook
     */
    public static XlsxWorkbook read(SourceFile file, String kind) {
        verifyArchive(file, kind);
        List<XlsxSheet> sheets = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(file.path().toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    XlsxSheetParser parser = new XlsxSheetParser(file.name(), it.getSheetName(), styles, strings);
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(parser);
                    xml.setErrorHandler(parser);
                    xml.parse(new InputSource(in));
                    sheets.add(new XlsxSheet(it.getSheetName(), parser.rows, parser.blankRows, parser.formulas));
                }
            }
        } catch (IOException | OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException
                | RuntimeException e) {
            if (e instanceof DrugstatsException de) {
                throw de;
            }
            throw DrugstatsException.of("%s is not a readable Excel workbook (%s); expected a %s file (.xlsx)",
                    file.name(), oneLine(e), kind);
        }
        if (sheets.isEmpty()) {
            throw DrugstatsException.of("%s has no worksheets; expected a %s file", file.name(), kind);
        }
        return new XlsxWorkbook(file.name(), sheets);
    }

    /**
     * Refuses a damaged archive before Apache POI sees it (POI would fall back to reading the zip entries
     * as a stream and ignore their CRC-32s): see {@link ZipIntegrity}.
     */
    private static void verifyArchive(SourceFile file, String kind) {
        Optional<String> damage;
        try {
            damage = ZipIntegrity.check(file.path());
        } catch (IOException e) {
            throw DrugstatsException.of("%s cannot be read (%s); expected a %s file (.xlsx)", file.name(), oneLine(e),
                    kind);
        }
        damage.ifPresent(d -> {
            throw DrugstatsException.of("%s is not a readable Excel workbook (%s); expected a %s file (.xlsx)",
                    file.name(), d, kind);
        });
    }

    static String oneLine(Throwable e) {
        // the message only: a Java exception class name means nothing to an analyst
        String m = e.getMessage() == null || e.getMessage().isBlank() ? "unreadable content" : e.getMessage();
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
