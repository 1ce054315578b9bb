package org.drugstats.core.ingest;

import java.util.List;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Origin;
import org.drugstats.core.io.CsvTable;

/**
 * Base of the kinds that read a CSV file ({@link CsvTable}: RFC 4180, UTF-8, a byte-order mark dropped, blank lines
 * counted as blank rows). Every kind streams: the file is read row by row and never held in memory, so the memory
 * an ingest needs does not grow with the number of rows (the rows a kind accepts or quarantines go to the
 * {@link IngestCollector}, which spills them to temporary files past {@link IngestContext#spillAt()} rows). The
 * shape check reads the header only. Rows keep the line they start on, which quarantine rows report; rows with a
 * different number of fields than the header are handed to the kind, which quarantines them.
 */
abstract class CsvIngestKind implements IngestKind {

    /** Checks the header (a table with the header and no rows); throws "FILE is not a KIND file: expected ...". */
    abstract void shape(CsvTable header);

    /** The provenance of the input. */
    abstract Origin origin(SourceFile file);

    /**
     * The parser of the data rows, called once per ingest after the header is checked; {@code header} has the
     * header and no rows. It sees each row once, in file order, and must not keep rows: what it needs of the whole
     * file (counts, a first example) it keeps as totals and reports in {@link RowParser#end()}. A kind that must
     * know something of every row before it reads the first (the area of an SDG file) reads the file twice with
     * {@link CsvTable#stream}, never into memory.
     */
    abstract RowParser rowParser(CsvTable header, SourceFile file, IngestContext context, IngestCollector out);

    /** Reads one data row at a time; {@link #end()} after the last. */
    interface RowParser extends CsvTable.RowHandler {
        /** After the last row: the counts and warnings about the whole file. */
        default void end() {
        }
    }

    @Override
    public final void checkShape(SourceFile file) {
        // the header is all the shape check reads: a large file is not read whole to sniff it
        CsvTable header = CsvTable.header(file.path(), file.name());
        requireHeader(header, file);
        shape(header);
    }

    @Override
    public final IngestResult ingest(SourceFile file, IngestContext context) {
        IngestCollector out = new IngestCollector(file, name(), repeatedKeyRule(), context.spillAt(),
                context.tempDir());
        try {
            RowParser[] parser = new RowParser[1];
            long blank = CsvTable.stream(file.path(), file.name(), header -> {
                requireHeader(header, file);
                shape(header);
                parser[0] = rowParser(header, file, context, out);
                return parser[0];
            });
            parser[0].end();
            out.blankRows(blank);
            return out.finish(origin(file), rowUnit());
        } catch (RuntimeException e) {
            out.abandon();
            throw e;
        }
    }

    private void requireHeader(CsvTable table, SourceFile file) {
        if (table.header().isEmpty()) {
            throw DrugstatsException.of("%s is empty; expected a %s file (CSV with a header row)", file.name(), name());
        }
    }

    /**
     * Checks that the header has the wanted fields, exactly as named (after trimming).
     *
     * @throws DrugstatsException "FILE is not a KIND file: expected header fields [...], found [...]"
     */
    static void requireHeader(CsvTable table, String kind, List<String> wanted) {
        List<String> missing = wanted.stream().filter(f -> !table.header().contains(f)).toList();
        if (!missing.isEmpty()) {
            throw DrugstatsException.of("%s is not a %s file: expected header fields %s, found %s (missing %s)",
                    table.file(), kind, wanted, table.header(), missing);
        }
    }
}
