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
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, CSVPrinter> printers = new LinkedHashMap<>();
        Map<String, Writer> writers = new LinkedHashMap<>();
        try {
            Files.createDirectories(dir);
            for (InputFiles.Input in : inputs) {
                Writer w = Files.newBufferedWriter(dir.resolve(in.quarantineName() + ".csv"), StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, FORMAT);
                p.printRecord(CsvExtracts.quarantineHeader());
                writers.put(in.name(), w);
                printers.put(in.name(), p);
                counts.put(in.name(), 0L);
            }
            int n = Column.values().length;
            Iterator<Row> it = quarantine.orderBy(col(Schemas.INPUT), col(Schemas.ROW)).toLocalIterator();
            while (it.hasNext()) {
                Row r = it.next();
                String input = r.getString(n + 6);
                CSVPrinter p = printers.get(input);
                if (p == null) {
                    throw DrugstatsException.of("quarantine row for unknown input '%s'", input);
                }
                for (int i = 0; i < n; i++) {
                    p.print(r.getString(i));
                }
                p.print(r.getString(n));
                p.print(r.getString(n + 1));
                p.print(r.getLong(n + 2));
                p.print(r.getString(n + 3));
                p.print(r.getString(n + 4));
                p.print(r.getString(n + 5));
                p.println();
                counts.merge(input, 1L, Long::sum);
            }
            for (CSVPrinter p : printers.values()) {
                p.flush();
            }
            for (Writer w : writers.values()) {
                w.close();
            }
        } catch (IOException e) {
            throw DrugstatsException.of(e, "%s: cannot write quarantine files: %s", dir, e.getMessage());
        }
        return counts;
    }
}
