package org.drugstats.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.drugstats.core.DrugstatsException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * An Excel (.xlsx) workbook read with Apache POI's event API ({@link XSSFReader} and
 * {@link XSSFSheetXMLHandler}): sheets are streamed once, and only cells that hold something are kept, so
 * sheets padded with thousands of formatted empty rows or hundreds of empty columns cost little.
 *
 * <p>Numbers keep their full stored precision (POI's formatter is replaced by one that returns the stored
 * double and whether its format is a date format); formula cells give their cached results; shared and inline
 * strings are text. Merged regions are not expanded: a merged block's value is in its top-left cell only.
 *
 * @param name the file name, for messages
 * @param sheets the sheets in workbook order
 */
public record XlsxWorkbook(String name, List<XlsxSheet> sheets) {

    private static final char TAG = '\u0001';

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
        List<XlsxSheet> sheets = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(file.path().toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    Collector collector = new Collector();
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, collector, new RawFormatter(),
                            false));
                    xml.parse(new InputSource(in));
                    sheets.add(new XlsxSheet(it.getSheetName(), collector.rows, collector.blankRows));
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

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return m.replaceAll("\\s+", " ").strip();
    }

    /** Returns the stored double, tagged as number or date, instead of formatted text. */
    private static final class RawFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            boolean date = formatString != null && DateUtil.isADateFormat(formatIndex, formatString)
                    && DateUtil.isValidExcelDate(value);
            return TAG + (date ? "D" : "N") + Double.toString(value);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString,
                boolean use1904Windowing) {
            return formatRawCellContents(value, formatIndex, formatString);
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        final List<XlsxRow> rows = new ArrayList<>();
        final List<Integer> blankRows = new ArrayList<>();
        private final List<XlsxCell> current = new ArrayList<>();
        private boolean nonBlank;

        @Override
        public void startRow(int rowNum) {
            current.clear();
            nonBlank = false;
        }

        @Override
        public void endRow(int rowNum) {
            if (!nonBlank) {
                blankRows.add(rowNum);
                return;
            }
            rows.add(new XlsxRow(rowNum, current.toArray(new XlsxCell[0])));
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            if (cellReference == null) {
                return;
            }
            CellReference ref = new CellReference(cellReference);
            int col = ref.getCol();
            XlsxCell cell;
            if (formattedValue != null && formattedValue.length() > 2 && formattedValue.charAt(0) == TAG) {
                double d = Double.parseDouble(formattedValue.substring(2));
                cell = XlsxCell.number(d, formattedValue.charAt(1) == 'D', cellReference);
            } else {
                cell = XlsxCell.text(formattedValue, cellReference);
            }
            if (cell.isBlank()) {
                return;
            }
            while (current.size() < col) {
                current.add(null);
            }
            if (current.size() == col) {
                current.add(cell);
            } else {
                current.set(col, cell);
            }
            nonBlank = true;
        }
    }
}
