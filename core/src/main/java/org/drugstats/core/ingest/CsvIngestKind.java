package org.drugstats.core.ingest;

import org.drugstats.core.data.Origin;

/** Base of the kinds that read a CSV file: reads it once ({@link CsvTable}), checks its header, then parses it. */
abstract class CsvIngestKind implements IngestKind {

    /** Checks the header; throws "FILE is not a KIND file: expected ..., found ...". */
    abstract void shape(CsvTable table);

    /** Parses the records. */
    abstract void parse(CsvTable table, SourceFile file, IngestContext context, IngestCollector out);

    /** The provenance of the input. */
    abstract Origin origin(SourceFile file);

    @Override
    public final void checkShape(SourceFile file) {
        shape(CsvTable.read(file, name()));
    }

    @Override
    public final IngestResult ingest(SourceFile file, IngestContext context) {
        CsvTable table = CsvTable.read(file, name());
        shape(table);
        IngestCollector out = new IngestCollector(file, name());
        out.blankRows(table.blankLines());
        parse(table, file, context, out);
        return out.finish(origin(file), rowUnit());
    }
}
