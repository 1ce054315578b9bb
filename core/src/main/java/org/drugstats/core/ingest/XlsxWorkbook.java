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
                    FormulaTap tap = new FormulaTap(new XSSFSheetXMLHandler(styles, null, strings, collector,
                            new RawFormatter(), false));
                    xml.setContentHandler(tap);
                    xml.parse(new InputSource(in));
                    sheets.add(new XlsxSheet(it.getSheetName(), collector.rows, collector.blankRows, tap.formulas));
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

    /**
     * Passes every SAX event on to POI's sheet handler and on the way notes the formula text of each cell
     * ({@code <c r="O6"><f>'[1]SHEET'!O6</f><v>0</v></c>}), which POI's handler does not report together with the
     * cached value. A shared formula ({@code <f t="shared" si="0"/>}) takes the text of the cell that defines it.
     */
    private static final class FormulaTap extends org.xml.sax.helpers.DefaultHandler {
        final java.util.Map<String, String> formulas = new java.util.HashMap<>();
        private final java.util.Map<String, String> shared = new java.util.HashMap<>();
        private final org.xml.sax.ContentHandler next;
        private final StringBuilder text = new StringBuilder();
        private String cellRef;
        private String sharedIndex;
        private boolean inFormula;

        FormulaTap(org.xml.sax.ContentHandler next) {
            this.next = next;
        }

        @Override
        public void startElement(String uri, String local, String qName, org.xml.sax.Attributes atts)
                throws SAXException {
            if ("c".equals(local)) {
                cellRef = atts.getValue("r");
            } else if ("f".equals(local)) {
                inFormula = true;
                text.setLength(0);
                sharedIndex = "shared".equals(atts.getValue("t")) ? atts.getValue("si") : null;
            }
            next.startElement(uri, local, qName, atts);
        }

        @Override
        public void endElement(String uri, String local, String qName) throws SAXException {
            if ("f".equals(local) && inFormula) {
                inFormula = false;
                String f = text.toString();
                if (sharedIndex != null) {
                    if (f.isEmpty()) {
                        f = shared.getOrDefault(sharedIndex, "");
                    } else {
                        shared.put(sharedIndex, f);
                    }
                }
                if (cellRef != null) {
                    formulas.put(cellRef, f);
                }
            }
            next.endElement(uri, local, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (inFormula) {
                text.append(ch, start, length);
            }
            next.characters(ch, start, length);
        }

        @Override
        public void startDocument() throws SAXException {
            next.startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            next.endDocument();
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            next.ignorableWhitespace(ch, start, length);
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            next.startPrefixMapping(prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            next.endPrefixMapping(prefix);
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
