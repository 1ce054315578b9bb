package org.drugstats.core.ingest;

import org.drugstats.core.data.Origin;

/**
 * Base of the kinds that read an Excel workbook: reads it once ({@link XlsxWorkbook}), checks its shape, then
 * parses it into an {@link IngestCollector}.
 *
 * <p>Memory. Unlike the CSV kinds, a workbook kind holds its input: {@link XlsxWorkbook} keeps every non-blank cell
 * of every sheet (a few hundred bytes per cell with its text and reference), so the heap grows with the number of
 * non-blank cells; the rows the kind accepts or quarantines are bounded as for every kind (the collector spills past
 * {@link IngestContext#spillAt()} rows). The format bounds a sheet at 1,048,576 rows and 16,384 columns, and the zip
 * checks bound the uncompressed size ({@link XlsxWorkbook}). What each kind needs of a sheet:
 * <ul>
 *   <li>{@code unodc-annex-cultivation} needs the whole sheet: the footnotes that say what a label's letter means
 *       are in note rows below the table, the Total row is checked against the rows above it (the candidates are
 *       held until then, {@code AnnexCultivationChecks}), bound rows belong to the best-estimate row above them and
 *       a row without a label takes the label of the row above. These tables have tens of rows.</li>
 *   <li>the long tables ({@code unodc-annex-seizures}, {@code -prices}, {@code -prevalence},
 *       {@code -prevalence-youth}, {@code -expert-perception}, {@code -crimes}) find their layout (the header row, the
 *       sheet's identity against its title) in the first rows and then read each data row on its own (region and
 *       sub-region carried from the first row of a group): they do not need the whole sheet and could read it row by
 *       row, but they do not yet, because the workbook is read whole before a kind sees a sheet. Measured with the
 *       seizures table repeated to 10^6 rows in BENCHMARKS.md (issue 19).</li>
 * </ul>
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
