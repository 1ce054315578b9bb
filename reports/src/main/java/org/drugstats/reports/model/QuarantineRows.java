package org.drugstats.reports.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.drugstats.core.DrugstatsException;

/** The first rows of a quarantine file (canonical columns plus reason, sheet, row, column, raw_value, detail). */
public final class QuarantineRows {

    /**
     * One quarantined row as the report lists it: where it was, what was at fault, why.
     *
     * @param reason reason code
     * @param sheet sheet of the published file, or ""
     * @param row row or line in the published file
     * @param column the input column at fault, or ""
     * @param rawValue the raw value at fault, as published (the report escapes it)
     * @param detail one line: what was expected
     */
    public record Row(String reason, String sheet, String row, String column, String rawValue, String detail) {
    }

    private QuarantineRows() {
    }

    /**
     * Up to {@code max} rows from the start of a quarantine file, and how many rows it has.
     *
     * @throws DrugstatsException naming the file when it cannot be read as a quarantine file
     */
    public static List<Row> first(Path file, int max) {
        List<Row> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            if (!p.getHeaderMap().containsKey("reason")) {
                throw DrugstatsException.of("%s: no 'reason' column; expected a quarantine file", file);
            }
            for (CSVRecord rec : p) {
                if (rows.size() >= max) {
                    break;
                }
                rows.add(new Row(get(rec, "reason"), get(rec, "sheet"), get(rec, "row"), get(rec, "column"),
                        get(rec, "raw_value"), get(rec, "detail")));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new DrugstatsException(file + ": cannot read quarantine file: " + e.getMessage(), e);
        }
        return rows;
    }

    private static String get(CSVRecord rec, String column) {
        return rec.isMapped(column) && rec.isSet(column) ? rec.get(column) : "";
    }
}
