package org.drugstats.reports.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.drugstats.core.DrugstatsException;

/**
 * A quarantine file of the run ({@code quarantine/<input>.csv}) summarised: rows per reason, and the area
 * names that mapped to no country or aggregate with how often each occurred.
 *
 * @param input the input's name (the file name without {@code .csv})
 * @param path the file
 * @param rows number of quarantined rows
 * @param byReason rows per reason code
 * @param unmappedNames area name as published → rows
 */
public record QuarantineFile(String input, Path path, int rows, Map<String, Integer> byReason,
        Map<String, Integer> unmappedNames) {

    /** Reason code of unmapped area names. */
    public static final String UNMAPPED = "unmapped-area";

    public QuarantineFile {
        byReason = java.util.Collections.unmodifiableMap(new TreeMap<>(byReason));
        unmappedNames = java.util.Collections.unmodifiableMap(new TreeMap<>(unmappedNames));
    }

    static QuarantineFile read(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, Integer> unmapped = new TreeMap<>();
        int rows = 0;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            if (!p.getHeaderMap().containsKey("reason")) {
                throw DrugstatsException.of("%s: no 'reason' column; expected a quarantine file (canonical columns "
                        + "plus reason, sheet, row, column, raw_value, detail)", file);
            }
            boolean hasRaw = p.getHeaderMap().containsKey("raw_value");
            boolean hasName = p.getHeaderMap().containsKey("area_name");
            for (CSVRecord rec : p) {
                rows++;
                String reason = rec.get("reason");
                reasons.merge(reason == null || reason.isBlank() ? "(none)" : reason, 1, Integer::sum);
                if (UNMAPPED.equals(reason)) {
                    String n = hasRaw && !rec.get("raw_value").isBlank() ? rec.get("raw_value")
                            : hasName ? rec.get("area_name") : "";
                    unmapped.merge(n.isBlank() ? "(blank)" : n, 1, Integer::sum);
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new DrugstatsException(file + ": cannot read quarantine file: " + e.getMessage(), e);
        }
        return new QuarantineFile(name, file, rows, reasons, unmapped);
    }
}
