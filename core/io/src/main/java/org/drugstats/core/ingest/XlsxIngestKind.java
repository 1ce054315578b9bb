package org.drugstats.core.ingest;

import org.drugstats.core.data.Origin;

/**
 * Base of the kinds that read an Excel workbook: reads it, checks its shape, then parses it into an
 * {@link IngestCollector}.
 *
 * <p>Memory. The long tables ({@code unodc-annex-seizures}, {@code -prices}, {@code -prevalence},
 * {@code -prevalence-youth}, {@code -expert-perception}, {@code -crimes}) find their layout (the header row, the
 * sheet's identity against its title) in the first rows of each sheet and then read each data row on its own
 * (region and sub-region carried from the first row of a group): they read the first rows of every sheet
 * ({@link XlsxWorkbook#readHeads}), then the rows of their table sheets one at a time from the start
 * ({@link XlsxWorkbook#rows}), handing them to the collector, which spills past {@link IngestContext#spillAt()} rows,
 * and count the rows of the sheets they skip ({@link XlsxWorkbook#counts}). Every cell of every sheet is read once; a
 * damaged one ends the ingest with its one-line error and nothing is written. Memory does not grow with the number
 * of rows (measured in BENCHMARKS.md, issue 19); what stays in memory is the workbook's shared-string and style
 * tables (their distinct strings and styles).
 *
 * <p>{@code unodc-annex-cultivation} reads its workbook whole ({@link #readsWholeSheets()}), and needs to: the
 * footnotes that say what a label's letter means are in note rows below the table, the Total row is checked against
 * the rows above it (the candidates are held until then, {@code AnnexCultivationChecks}), bound rows belong to the
 * best-estimate row above them and a row without a label takes the label of the row above. These tables have tens of
 * rows. The format bounds a sheet at 1,048,576 rows and 16,384 columns ({@link XlsxSheetParser#MAX_ROWS}), and the
 * zip checks bound the uncompressed size.
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

    /**
     * True when the kind needs every row of its sheets in memory ({@link XlsxWorkbook#read}); false (the default)
     * when it finds its layout in the first rows and reads the rest row by row ({@link XlsxWorkbook#readHeads}).
     */
    boolean readsWholeSheets() {
        return false;
    }

    private XlsxWorkbook read(SourceFile file) {
        return readsWholeSheets() ? XlsxWorkbook.read(file, name()) : XlsxWorkbook.readHeads(file, name());
    }

    @Override
    public final void checkShape(SourceFile file) {
        shape(read(file), file);
    }

    @Override
    public final IngestResult ingest(SourceFile file, IngestContext context) {
        XlsxWorkbook wb = read(file);
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
