package org.drugstats.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.drugstats.core.DrugstatsException;

/**
 * Reads the cells of one worksheet part ({@code xl/worksheets/sheetN.xml}, ECMA-376 Part 1, 18.3.1) row by row with
 * a StAX pull reader ({@link #next()} gives the next row that holds something), so that every cell that holds
 * something becomes an {@link XlsxCell} — nothing is dropped on the way:
 *
 * <ul>
 *   <li>rows and cells without an {@code r} reference (valid: ECMA-376 makes it optional) take the next row and the
 *       next column;</li>
 *   <li>a formula without a stored result ({@code <f>} and no {@code <v>}) is a text cell {@code =formula}, so that
 *       the kind quarantines or reports it like any text where a number or a name was expected;</li>
 *   <li>a numeric cell whose {@code <v>} is not a finite XML Schema number is a text cell with that text (it is then
 *       quarantined as non-numeric), never a number Java's parser happens to accept ({@code 0x1p3}, {@code 1d},
 *       {@code Infinity});</li>
 *   <li>shared strings, inline strings, formula strings, booleans ({@code TRUE}/{@code FALSE}) and errors
 *       ({@code ERROR:#N/A}) are text, as Apache POI's {@code XSSFSheetXMLHandler} gives them;</li>
 *   <li>a number whose cell style has a date format is a number flagged {@linkplain XlsxCell#date() date}.</li>
 * </ul>
 *
 * A reference that cannot be a cell or row, an index past the shared-string table, a row number at or below the
 * previous one, a document type declaration (which a worksheet never has; refusing it refuses external entities and
 * entity expansion too): the sheet is damaged and the read stops with a one-line error naming the sheet and the cell.
 *
 * <p>Memory: the parser holds one row at a time. Blank stored rows are counted; their indices and the formula texts
 * are kept only when asked for ({@code keepDetails}: the cultivation pivot reads its sheet whole and uses both), so a
 * sheet read row by row costs the same whatever its number of rows.
 */
final class XlsxSheetParser {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /** XML Schema {@code xsd:double} lexical space without INF/NaN (ECMA-376 stores cell numbers as xsd:double). */
    private static final Pattern XSD_NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    /** Excel's limit of rows per worksheet (1,048,576). */
    static final int MAX_ROWS = 1 << 20;
    private static final int MAX_COLS = 1 << 14;

    private final String file;
    private final String sheet;
    private final StylesTable styles;
    private final ReadOnlySharedStringsTable strings;
    private final XMLStreamReader xml;
    private final boolean keepDetails;

    /** Indices of the stored blank rows read so far (only with {@code keepDetails}). */
    final List<Integer> blankRows = new ArrayList<>();
    /** Number of stored blank rows read so far. */
    int blankRowCount;
    /** Number of non-blank rows given so far. */
    int rowCount;
    private XlsxRow ready;
    /** The formula text of every formula cell by reference, a shared formula's followers with its first cell's text. */
    final java.util.Map<String, String> formulas = new java.util.HashMap<>();
    private final java.util.Map<String, String> sharedFormulas = new java.util.HashMap<>();
    private String sharedIndex;
    private final StringBuilder formulaText = new StringBuilder();

    private int rowIndex = -1;
    private boolean inRow;
    private final List<XlsxCell> current = new ArrayList<>();
    private int nextCol;
    private boolean nonBlank;

    private String cellRef;
    private int cellCol;
    private String cellType;
    private String cellStyle;
    private boolean hasFormula;
    private boolean hasValue;
    private final StringBuilder value = new StringBuilder();
    private final StringBuilder formula = new StringBuilder();
    private final StringBuilder inline = new StringBuilder();
    private boolean inV;
    private boolean inF;
    private boolean inIs;
    private boolean inT;
    private int phonetic;

    /**
     * @param xml the sheet part, positioned at its start
     * @param keepDetails keep the indices of blank rows and the formula texts (for a sheet read whole)
     */
    XlsxSheetParser(String file, String sheet, StylesTable styles, ReadOnlySharedStringsTable strings,
            XMLStreamReader xml, boolean keepDetails) {
        this.file = file;
        this.sheet = sheet;
        this.styles = styles;
        this.strings = strings;
        this.xml = xml;
        this.keepDetails = keepDetails;
    }

    /**
     * The next row that holds something, or null at the end of the sheet.
     *
     * @throws XMLStreamException when the part is not well-formed XML
     * @throws DrugstatsException when the sheet is damaged (see the class comment)
     */
    XlsxRow next() throws XMLStreamException {
        while (ready == null && xml.hasNext()) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> startElement(uri(), xml.getLocalName());
                case XMLStreamConstants.END_ELEMENT -> endElement(uri(), xml.getLocalName());
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        characters(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                case XMLStreamConstants.DTD -> throw damaged("the part has a document type declaration (<!DOCTYPE>), "
                        + "which a worksheet never has");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw damaged("the part refers to the undeclared entity &"
                        + xml.getLocalName() + ";");
                default -> {
                    // comments, processing instructions, the document's start and end hold no cell values
                }
            }
        }
        XlsxRow row = ready;
        ready = null;
        return row;
    }

    private String uri() {
        String u = xml.getNamespaceURI();
        return u == null ? "" : u;
    }

    /** The value of an attribute without a prefix (as SAX's {@code getValue(qName)} finds it), or null. */
    private String attr(String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String prefix = xml.getAttributePrefix(i);
            if ((prefix == null || prefix.isEmpty()) && name.equals(xml.getAttributeLocalName(i))) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    private void startElement(String uri, String localName) {
        if (!MAIN.equals(uri) && !uri.isEmpty()) {
            return;
        }
        switch (localName) {
            case "row" -> startRow(attr("r"));
            case "c" -> startCell();
            case "v" -> {
                inV = true;
                hasValue = true;
            }
            case "f" -> {
                inF = true;
                hasFormula = true;
                formulaText.setLength(0);
                sharedIndex = null;
                if ("shared".equals(attr("t")) && attr("si") != null) {
                    sharedIndex = attr("si");
                    formula.append("(shared formula ").append(sharedIndex).append(')');
                }
            }
            case "is" -> inIs = true;
            case "rPh" -> phonetic++;
            case "t" -> inT = inIs && phonetic == 0;
            default -> {
                // other elements (sheet properties, columns, merged cells, hyperlinks) hold no cell values
            }
        }
    }

    private void endElement(String uri, String localName) {
        if (!MAIN.equals(uri) && !uri.isEmpty()) {
            return;
        }
        switch (localName) {
            case "row" -> endRow();
            case "c" -> endCell();
            case "v" -> inV = false;
            case "f" -> {
                inF = false;
                if (keepDetails) {
                    String f = formulaText.toString();
                    if (sharedIndex != null) {
                        if (f.isEmpty()) {
                            f = sharedFormulas.getOrDefault(sharedIndex, "");
                        } else {
                            sharedFormulas.put(sharedIndex, f);
                        }
                    }
                    formulas.put(cellRef, f);
                }
            }
            case "is" -> inIs = false;
            case "rPh" -> phonetic--;
            case "t" -> inT = false;
            default -> {
                // nothing to close
            }
        }
    }

    private void characters(char[] ch, int start, int length) {
        if (inV) {
            value.append(ch, start, length);
        } else if (inF) {
            formula.append(ch, start, length);
            formulaText.append(ch, start, length);
        } else if (inT) {
            inline.append(ch, start, length);
        }
    }

    private void startRow(String r) {
        int index;
        if (r == null) {
            index = rowIndex + 1;
        } else {
            index = parseRow(r) - 1;
            if (index <= rowIndex) {
                throw damaged("row r=\"" + r + "\" comes after row " + (rowIndex + 1)
                        + " (rows must be in increasing order)");
            }
        }
        if (index >= MAX_ROWS) {
            throw damaged("row " + (index + 1) + " is past the last row of a worksheet (" + MAX_ROWS + ")");
        }
        rowIndex = index;
        inRow = true;
        current.clear();
        nextCol = 0;
        nonBlank = false;
    }

    private void endRow() {
        inRow = false;
        if (!nonBlank) {
            blankRowCount++;
            if (keepDetails) {
                blankRows.add(rowIndex);
            }
            return;
        }
        rowCount++;
        ready = new XlsxRow(rowIndex, current.toArray(new XlsxCell[0]));
    }

    private void startCell() {
        if (!inRow) {
            throw damaged("a cell outside a row");
        }
        String r = attr("r");
        cellCol = r == null ? nextCol : parseCol(r);
        if (cellCol >= MAX_COLS) {
            throw damaged("column " + (cellCol + 1) + " is past the last column of a worksheet (" + MAX_COLS + ")");
        }
        nextCol = cellCol + 1;
        cellRef = new CellReference(rowIndex, cellCol).formatAsString(false);
        cellType = attr("t");
        cellStyle = attr("s");
        hasFormula = false;
        hasValue = false;
        value.setLength(0);
        formula.setLength(0);
        inline.setLength(0);
        phonetic = 0;
    }

    private void endCell() {
        XlsxCell cell = cell();
        if (cell == null || cell.isBlank()) {
            return;
        }
        while (current.size() < cellCol) {
            current.add(null);
        }
        if (current.size() == cellCol) {
            current.add(cell);
        } else {
            current.set(cellCol, cell);
        }
        nonBlank = true;
    }

    private XlsxCell cell() {
        String type = cellType == null ? "n" : cellType;
        if ("inlineStr".equals(type)) {
            return XlsxCell.text(hasValue ? value.toString() : inline.toString(), cellRef);
        }
        if (hasFormula && (!hasValue || value.toString().isBlank())) {
            return XlsxCell.text("=" + formula.toString().strip(), cellRef);
        }
        if (!hasValue) {
            return null;
        }
        String v = value.toString();
        return switch (type) {
            case "s" -> XlsxCell.text(sharedString(v), cellRef);
            case "str", "d" -> XlsxCell.text(v, cellRef);
            case "b" -> XlsxCell.text(v.strip().startsWith("0") ? "FALSE" : "TRUE", cellRef);
            case "e" -> XlsxCell.text("ERROR:" + v, cellRef);
            case "n" -> number(v.strip());
            default -> throw damaged("cell " + cellRef + " has the unknown type t=\"" + type + "\"");
        };
    }

    private XlsxCell number(String v) {
        if (!XSD_NUMBER.matcher(v).matches()) {
            return XlsxCell.text(v, cellRef);
        }
        double d = Double.parseDouble(v);
        if (!Double.isFinite(d)) {
            return XlsxCell.text(v, cellRef);
        }
        return XlsxCell.number(d, isDateStyle() && DateUtil.isValidExcelDate(d), cellRef);
    }

    private boolean isDateStyle() {
        if (styles == null) {
            return false;
        }
        XSSFCellStyle style = null;
        try {
            if (cellStyle != null) {
                int idx = Integer.parseInt(cellStyle.strip());
                style = idx >= 0 && idx < styles.getNumCellStyles() ? styles.getStyleAt(idx) : null;
                if (style == null) {
                    throw damaged("cell " + cellRef + " has the style s=\"" + cellStyle + "\", which the workbook "
                            + "does not define");
                }
            } else if (styles.getNumCellStyles() > 0) {
                style = styles.getStyleAt(0);
            }
        } catch (NumberFormatException e) {
            throw withCause(damaged("cell " + cellRef + " has the style s=\"" + cellStyle + "\", which is not a number"), e);
        }
        if (style == null) {
            return false;
        }
        int formatIndex = style.getDataFormat();
        String format = style.getDataFormatString();
        if (format == null) {
            format = BuiltinFormats.getBuiltinFormat(formatIndex);
        }
        return format != null && DateUtil.isADateFormat(formatIndex, format);
    }

    private String sharedString(String v) {
        int idx;
        try {
            idx = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw withCause(damaged("cell " + cellRef + " refers to the shared string \"" + v + "\", which is not a number"), e);
        }
        try {
            if (strings == null || idx < 0) {
                throw new IndexOutOfBoundsException(idx);
            }
            return strings.getItemAt(idx).getString();
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            throw withCause(damaged("cell " + cellRef + " refers to the shared string " + idx
                    + ", which the workbook does not have"), e);
        }
    }

    private int parseRow(String r) {
        String s = r.strip();
        if (s.isEmpty() || s.length() > 7 || !s.chars().allMatch(Character::isDigit)) {
            throw damaged("row r=\"" + r + "\" is not a row number");
        }
        int n = Integer.parseInt(s);
        if (n < 1) {
            throw damaged("row r=\"" + r + "\" is not a row number");
        }
        return n;
    }

    private int parseCol(String r) {
        String s = r.strip().replace("$", "");
        int i = 0;
        int col = 0;
        while (i < s.length() && i < 4 && s.charAt(i) >= 'A' && s.charAt(i) <= 'Z') {
            col = col * 26 + (s.charAt(i) - 'A' + 1);
            i++;
        }
        if (i == 0 || (i < s.length() && !s.substring(i).chars().allMatch(Character::isDigit))) {
            throw damaged("cell r=\"" + r + "\" is not a cell reference (expected column letters and a row number, "
                    + "e.g. B7)");
        }
        return col - 1;
    }

    private static DrugstatsException withCause(DrugstatsException error, Throwable cause) {
        error.initCause(cause);
        return error;
    }

    private DrugstatsException damaged(String what) {
        return DrugstatsException.of("%s, sheet '%s': %s; the workbook is damaged", file, sheet, what);
    }
}
