package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.CsvExtracts;
import org.drugstats.core.data.QuarantineRow;

/**
 * Writes {@code quarantine/<input>.csv} for every input (a header-only file when nothing was set aside), in
 * the layout of core's {@link CsvExtracts#writeQuarantine}: the canonical columns as read, then reason, sheet,
 * row, column, raw_value, detail; rows in input order. Rows are streamed from Spark, so a large quarantine
 * never has to fit in the driver's memory.
 */
public final class QuarantineFiles {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();

    private QuarantineFiles() {
    }

    /**
     * Writes one file per input under {@code dir}; returns the rows written per input name.
     *
     * @param quarantine rows of {@link Schemas#QUARANTINE}
     */
    public static Map<String, Long> write(Dataset<Row> quarantine, List<InputFiles.Input> inputs, Path dir) {
        try (Printers p = Printers.open(inputs, dir)) {
            int n = Column.values().length;
            Iterator<Row> it = quarantine.orderBy(col(Schemas.INPUT), col(Schemas.ROW)).toLocalIterator();
            while (it.hasNext()) {
                Row r = it.next();
                String[] canonical = new String[n];
                for (int i = 0; i < n; i++) {
                    canonical[i] = r.getString(i);
                }
                p.print(r.getString(n + 6), canonical, r.getString(n), r.getString(n + 1), r.getLong(n + 2),
                        r.getString(n + 3), r.getString(n + 4), r.getString(n + 5));
            }
            return p.finish();
        }
    }

    /**
     * The quarantine files of some inputs, open for rows given one at a time in input order (each input's rows by
     * row number); a file per input, its header written at once.
     */
    static final class Printers implements AutoCloseable {
        private final Path dir;
        private final Map<String, CSVPrinter> printers = new LinkedHashMap<>();
        private final Map<String, Writer> writers = new LinkedHashMap<>();
        private final Map<String, Long> counts = new LinkedHashMap<>();

        private Printers(Path dir) {
            this.dir = dir;
        }

        /** Creates (or truncates) the file of every input under {@code dir}, with its header. */
        static Printers open(List<InputFiles.Input> inputs, Path dir) {
            Printers p = new Printers(dir);
            try {
                Files.createDirectories(dir);
                for (InputFiles.Input in : inputs) {
                    Writer w = Files.newBufferedWriter(dir.resolve(in.quarantineName() + ".csv"),
                            StandardCharsets.UTF_8);
                    p.writers.put(in.name(), w);
                    CSVPrinter printer = new CSVPrinter(w, FORMAT);
                    p.printers.put(in.name(), printer);
                    printer.printRecord(CsvExtracts.quarantineHeader());
                    p.counts.put(in.name(), 0L);
                }
            } catch (IOException e) {
                p.close();
                throw p.failure(e);
            }
            return p;
        }

        /** Prints a row of core's validation of {@code input}. */
        void print(String input, QuarantineRow q) {
            print(input, q.canonical(), q.reason().code(), q.sheet(), q.row(), q.column(), q.rawValue(), q.detail());
        }

        void print(String input, String[] canonical, String reason, String sheet, long row, String column,
                String rawValue, String detail) {
            CSVPrinter p = printers.get(input);
            if (p == null) {
                throw DrugstatsException.of("quarantine row for unknown input '%s'", input);
            }
            try {
                for (String s : canonical) {
                    p.print(s);
                }
                p.print(reason);
                p.print(sheet);
                p.print(row);
                p.print(column);
                p.print(rawValue);
                p.print(detail);
                p.println();
            } catch (IOException e) {
                throw failure(e);
            }
            counts.merge(input, 1L, Long::sum);
        }

        /** Flushes and closes every file; returns the rows written per input name. */
        Map<String, Long> finish() {
            try {
                for (CSVPrinter p : printers.values()) {
                    p.flush();
                }
                for (Writer w : writers.values()) {
                    w.close();
                }
            } catch (IOException e) {
                throw failure(e);
            } finally {
                writers.clear();
            }
            return Map.copyOf(counts);
        }

        @Override
        public void close() {
            for (Writer w : writers.values()) {
                try {
                    w.close();
                } catch (IOException ignored) {
                    // closing after a failure that is already being reported
                }
            }
            writers.clear();
        }

        private DrugstatsException failure(IOException e) {
            return DrugstatsException.of(e, "%s: cannot write quarantine files: %s", dir, e.getMessage());
        }
    }
}
