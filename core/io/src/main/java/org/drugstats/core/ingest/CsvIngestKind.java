package org.drugstats.core.ingest;

import java.util.List;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Origin;
import org.drugstats.core.io.CsvTable;

/**
 * Base of the kinds that read a CSV file: reads it once ({@link CsvTable}: RFC 4180, UTF-8, a byte-order mark
 * dropped, blank lines counted as blank rows), checks its header, then parses it. Rows keep the line they start
 * on, which quarantine rows report; rows with a different number of fields than the header are handed to the kind,
 * which quarantines them.
 */
abstract class CsvIngestKind implements IngestKind {

    /** Checks the header; throws "FILE is not a KIND file: expected ..., found ...". */
    abstract void shape(CsvTable table);

    /** Parses the rows. */
    abstract void parse(CsvTable table, SourceFile file, IngestContext context, IngestCollector out);

    /** The provenance of the input. */
    abstract Origin origin(SourceFile file);

    @Override
    public final void checkShape(SourceFile file) {
        if (streams()) {
            // the header is all a streaming kind's shape check reads: a large file is not read whole to sniff it
            CsvTable header = CsvTable.header(file.path(), file.name());
            requireHeader(header, file);
            shape(header);
            return;
        }
        shape(read(file));
    }

    /**
     * The parser of one data row, for a kind that reads each row on its own (then the file is streamed, never held
     * in memory), or null when the kind needs the whole table ({@link #parse}). {@code header} has the header and
     * no rows. Called once per ingest, after the header is checked.
     */
    CsvTable.RowHandler rowParser(CsvTable header, SourceFile file, IngestContext context, IngestCollector out) {
        return null;
    }

    /** True when the kind reads each row on its own ({@link #rowParser}). */
    boolean streams() {
        return false;
    }

    @Override
    public final IngestResult ingest(SourceFile file, IngestContext context) {
        IngestCollector out = new IngestCollector(file, name(), repeatedKeyRule(), context.spillAt());
        try {
            if (streams()) {
                long blank = CsvTable.stream(file.path(), file.name(), header -> {
                    requireHeader(header, file);
                    shape(header);
                    return rowParser(header, file, context, out);
                });
                out.blankRows(blank);
            } else {
                CsvTable table = read(file);
                shape(table);
                out.blankRows(table.blankLines());
                parse(table, file, context, out);
            }
            return out.finish(origin(file), rowUnit());
        } catch (RuntimeException e) {
            out.abandon();
            throw e;
        }
    }

    private CsvTable read(SourceFile file) {
        CsvTable table = CsvTable.read(file.path(), file.name());
        requireHeader(table, file);
        return table;
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
