package org.drugstats.core.ingest;

import java.nio.file.Path;
import org.drugstats.core.io.CsvTable;

/**
 * The child JVM of {@link StreamingCsvIngestTest} and {@link StreamingXlsxIngestTest}: {@code ingest KIND INPUT OUT}
 * runs the ingest and prints "read R accepted A quarantined Q"; {@code whole INPUT} reads a CSV file into memory
 * ({@link CsvTable#read}) as a kind that does not stream would, and prints its row count; {@code workbook INPUT} does
 * the same with a workbook ({@link XlsxWorkbook#read}, every sheet whole). The tests run them with a heap smaller than
 * the input.
 */
public final class StreamingIngestChild {

    private StreamingIngestChild() {
    }

    public static void main(String[] args) {
        if (args[0].equals("workbook")) {
            XlsxWorkbook wb = XlsxWorkbook.read(SourceFile.of(Path.of(args[1])), "workbook");
            System.out.println("rows " + wb.sheets().stream().mapToInt(s -> s.rows().size()).sum());
            return;
        }
        if (args[0].equals("whole")) {
            System.out.println("rows " + CsvTable.read(Path.of(args[1])).rows().size());
            return;
        }
        Ingest.Outcome o = Ingest.run(IngestKinds.byName(args[1]), Path.of(args[2]), Path.of(args[3]),
                OutputFormat.CSV, IngestContext.withDefaults(), true);
        IngestResult r = o.result();
        System.out.println("read " + r.rowsRead() + " accepted " + r.rowsAccepted() + " quarantined "
                + r.rowsQuarantined());
    }
}
