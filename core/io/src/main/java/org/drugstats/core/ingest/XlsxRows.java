package org.drugstats.core.ingest;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import javax.xml.stream.XMLStreamException;

/**
 * The non-blank rows of one sheet in row order, one at a time ({@link XlsxWorkbook#rows}): from memory for a
 * complete sheet, or read from the file for a sheet read row by row, holding one row at a time. Iterable once; once
 * iterated to its end it has counted the sheet's rows and stored blank rows. Close it (try-with-resources) to release
 * the file.
 */
public abstract sealed class XlsxRows implements Iterable<XlsxRow>, AutoCloseable {

    private boolean iterated;

    private XlsxRows() {
    }

    static XlsxRows of(List<XlsxRow> rows, int blankRows) {
        return new InMemory(rows, blankRows);
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

    /**
     * The number of non-blank rows of the sheet.
     *
     * @throws IllegalStateException before the rows were read to their end
     */
    public abstract int rowCount();

    /**
     * The number of stored blank rows of the sheet.
     *
     * @throws IllegalStateException before the rows were read to their end
     */
    public abstract int blankRowCount();

    @Override
    public abstract void close();

    private static final class InMemory extends XlsxRows {
        private final List<XlsxRow> rows;
        private final int blankRows;

        InMemory(List<XlsxRow> rows, int blankRows) {
            this.rows = rows;
            this.blankRows = blankRows;
        }

        @Override
        Iterator<XlsxRow> rows() {
            return rows.iterator();
        }

        @Override
        public int rowCount() {
            return rows.size();
        }

        @Override
        public int blankRowCount() {
            return blankRows;
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

        @Override
        public int rowCount() {
            requireDone();
            return open.parser().rowCount;
        }

        @Override
        public int blankRowCount() {
            requireDone();
            return open.parser().blankRowCount;
        }

        private void requireDone() {
            if (!done) {
                throw new IllegalStateException("sheet '" + sheet.name() + "' is not read to its end yet");
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
