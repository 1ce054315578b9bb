package org.drugstats.core.ingest;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import javax.xml.stream.XMLStreamException;
import org.drugstats.core.DrugstatsException;

/**
 * The non-blank rows of one sheet in row order, one at a time ({@link XlsxWorkbook#rows}): from memory for a sheet
 * read whole, or read again from the file for a sheet read row by row, holding one row at a time. Iterable once;
 * close it (try-with-resources) to release the file.
 */
public abstract sealed class XlsxRows implements Iterable<XlsxRow>, AutoCloseable {

    private boolean iterated;

    private XlsxRows() {
    }

    static XlsxRows of(List<XlsxRow> rows) {
        return new InMemory(rows);
    }

    static XlsxRows stream(SourceFile file, String kind, XlsxSheet sheet) {
        return new FromFile(file, kind, sheet);
    }

    @Override
    public final Iterator<XlsxRow> iterator() {
        if (iterated) {
            throw new IllegalStateException("the rows of a sheet are read once");
        }
        iterated = true;
        return rows();
    }

    abstract Iterator<XlsxRow> rows();

    @Override
    public abstract void close();

    private static final class InMemory extends XlsxRows {
        private final List<XlsxRow> rows;

        InMemory(List<XlsxRow> rows) {
            this.rows = rows;
        }

        @Override
        Iterator<XlsxRow> rows() {
            return rows.iterator();
        }

        @Override
        public void close() {
            // nothing is open
        }
    }

    private static final class FromFile extends XlsxRows implements Iterator<XlsxRow> {
        private final SourceFile file;
        private final String kind;
        private final XlsxSheet sheet;
        private final XlsxPackage pkg;
        private final XlsxPackage.OpenSheet open;
        private XlsxRow next;
        private boolean done;

        FromFile(SourceFile file, String kind, XlsxSheet sheet) {
            this.file = file;
            this.kind = kind;
            this.sheet = sheet;
            this.pkg = XlsxPackage.open(file, kind);
            try {
                this.open = pkg.openSheet(sheet.position(), sheet.name());
            } catch (RuntimeException e) {
                pkg.close();
                throw e;
            }
        }

        @Override
        Iterator<XlsxRow> rows() {
            return this;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    next = open.parser().next();
                } catch (XMLStreamException | RuntimeException e) {
                    throw XlsxPackage.failure(file, kind, e);
                }
                if (next == null) {
                    done = true;
                    checkCounts();
                }
            }
            return next != null;
        }

        @Override
        public XlsxRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            XlsxRow row = next;
            next = null;
            return row;
        }

        /** The second read must see what the first one counted (the file cannot have changed under us unseen). */
        private void checkCounts() {
            XlsxSheetParser p = open.parser();
            if (p.rowCount != sheet.rowCount() || p.blankRowCount != sheet.blankRowCount()) {
                throw DrugstatsException.of("%s, sheet '%s': %d rows (%d blank) on the second read, %d (%d blank) on "
                        + "the first; the file changed while it was read", file.name(), sheet.name(), p.rowCount,
                        p.blankRowCount, sheet.rowCount(), sheet.blankRowCount());
            }
        }

        @Override
        public void close() {
            try {
                open.close();
            } catch (Exception e) {
                // the sheet was read to its end or the ingest failed: nothing is lost by a failed close
            } finally {
                pkg.close();
            }
        }
    }
}
