package org.drugstats.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.io.ZipIntegrity;

/**
 * An open .xlsx package: Apache POI's package reader ({@link OPCPackage}, {@link XSSFReader}) with the workbook's
 * shared strings and styles, and a StAX reader for each worksheet part. Every failure becomes one line naming the
 * file and what was expected ({@link #failure}).
 *
 * <p>The StAX factory is the JDK's own ({@link XMLInputFactory#newDefaultFactory()}, whatever else is on the class
 * path), namespace-aware, without DTD support or external entities; the sheet reader refuses a part with a document
 * type declaration outright, so neither external entities nor entity expansion are possible.
 */
final class XlsxPackage implements AutoCloseable {

    /** What is done with each sheet. */
    interface SheetVisitor {
        void visit(int position, String name, XlsxSheetParser parser) throws XMLStreamException;
    }

    private final SourceFile file;
    private final String kind;
    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final XMLInputFactory xmlFactory;

    private XlsxPackage(SourceFile file, String kind, OPCPackage pkg) throws IOException, OpenXML4JException,
            org.xml.sax.SAXException {
        this.file = file;
        this.kind = kind;
        this.pkg = pkg;
        this.reader = new XSSFReader(pkg);
        this.strings = new ReadOnlySharedStringsTable(pkg, false);
        this.styles = reader.getStylesTable();
        this.xmlFactory = XMLInputFactory.newDefaultFactory();
        xmlFactory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        xmlFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xmlFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        xmlFactory.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    /**
     * Opens a workbook whose archive {@link #verifyArchive} has accepted.
     *
     * @throws DrugstatsException naming the file when it is not a readable workbook
     */
    static XlsxPackage open(SourceFile file, String kind) {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.path().toFile(), PackageAccess.READ);
            return new XlsxPackage(file, kind, pkg);
        } catch (IOException | OpenXML4JException | org.xml.sax.SAXException | RuntimeException e) {
            if (pkg != null) {
                pkg.revert();
            }
            throw failure(file, kind, e);
        }
    }

    /**
     * Reads each sheet in workbook order with a fresh parser.
     *
     * @param keepDetails whether the parsers keep blank-row indices and formula texts
     */
    void forEachSheet(boolean keepDetails, SheetVisitor visitor) {
        try {
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            int position = 0;
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    String name = it.getSheetName();
                    XMLStreamReader xml = xmlFactory.createXMLStreamReader(in);
                    try {
                        visitor.visit(position++, name, parser(name, xml, keepDetails));
                    } finally {
                        xml.close();
                    }
                }
            }
        } catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException e) {
            throw failure(file, kind, e);
        }
    }

    /**
     * Opens the sheet at a position for reading row by row; the caller closes the stream (and this package).
     *
     * @return the sheet part's stream and its parser
     */
    OpenSheet openSheet(int position, String expectedName) {
        try {
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            for (int p = 0; it.hasNext(); p++) {
                InputStream in = it.next();
                if (p < position) {
                    in.close();
                    continue;
                }
                if (!it.getSheetName().equals(expectedName)) {
                    in.close();
                    throw DrugstatsException.of("%s changed while it was read: sheet %d is '%s', was '%s'", file.name(),
                            position + 1, it.getSheetName(), expectedName);
                }
                XMLStreamReader xml = xmlFactory.createXMLStreamReader(in);
                return new OpenSheet(in, xml, parser(expectedName, xml, false));
            }
            throw DrugstatsException.of("%s changed while it was read: sheet '%s' is gone", file.name(), expectedName);
        } catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException e) {
            throw failure(file, kind, e);
        }
    }

    /** A sheet part open for reading. */
    record OpenSheet(InputStream in, XMLStreamReader xml, XlsxSheetParser parser) implements AutoCloseable {
        @Override
        public void close() throws IOException, XMLStreamException {
            try {
                xml.close();
            } finally {
                in.close();
            }
        }
    }

    private XlsxSheetParser parser(String name, XMLStreamReader xml, boolean keepDetails) {
        return new XlsxSheetParser(file.name(), name, styles, strings, xml, keepDetails);
    }

    @Override
    public void close() {
        // opened read-only: revert releases the file without writing anything
        pkg.revert();
    }

    /**
     * Refuses a damaged archive before Apache POI sees it (POI would fall back to reading the zip entries
     * as a stream and ignore their CRC-32s): see {@link ZipIntegrity}.
     */
    static void verifyArchive(SourceFile file, String kind) {
        Optional<String> damage;
        try {
            damage = ZipIntegrity.check(file.path());
        } catch (IOException e) {
            throw DrugstatsException.of("%s cannot be read (%s); expected a %s file (.xlsx)", file.name(),
                    XlsxWorkbook.oneLine(e), kind);
        }
        damage.ifPresent(d -> {
            throw DrugstatsException.of("%s is not a readable Excel workbook (%s); expected a %s file (.xlsx)",
                    file.name(), d, kind);
        });
    }

    /** The one-line error for a workbook that cannot be read; a {@link DrugstatsException} is kept as it is. */
    static DrugstatsException failure(SourceFile file, String kind, Exception e) {
        if (e instanceof DrugstatsException de) {
            return de;
        }
        return DrugstatsException.of("%s is not a readable Excel workbook (%s); expected a %s file (.xlsx)",
                file.name(), XlsxWorkbook.oneLine(e), kind);
    }
}
