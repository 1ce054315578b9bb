package org.drugstats.core.ingest;

import org.drugstats.core.data.Origin;

/**
 * Base of the kinds that read an Excel workbook: reads it once ({@link XlsxWorkbook}), checks its shape, then
 * parses it into an {@link IngestCollector}.
 */
abstract class XlsxIngestKind implements IngestKind {

    /**
     * Checks the workbook's shape and returns what parsing needs (header positions, layout).
     *
     * @throws org.drugstats.core.DrugstatsException "FILE is not a KIND file: expected X, found Y"
     */
    abstract Object shape(XlsxWorkbook wb, SourceFile file);

    /** Parses the workbook, given what {@link #shape} found. */
    abstract void parse(XlsxWorkbook wb, Object shape, SourceFile file, IngestContext context, IngestCollector out);

    /** The provenance of the input, given what {@link #shape} found. */
    abstract Origin origin(SourceFile file, Object shape);

    @Override
    public final void checkShape(SourceFile file) {
        shape(XlsxWorkbook.read(file, name()), file);
    }

    @Override
    public final IngestResult ingest(SourceFile file, IngestContext context) {
        XlsxWorkbook wb = XlsxWorkbook.read(file, name());
        Object shape = shape(wb, file);
        IngestCollector out = new IngestCollector(file, name(), repeatedKeyRule(), context.spillAt(),
                context.tempDir());
        try {
            parse(wb, shape, file, context, out);
            return out.finish(origin(file, shape), rowUnit());
        } catch (RuntimeException e) {
            out.abandon();
            throw e;
        }
    }
}
