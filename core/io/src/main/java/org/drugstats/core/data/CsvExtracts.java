package org.drugstats.core.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.io.AtomicFiles;

/**
 * CSV form of extracts and quarantine files: RFC 4180, UTF-8, a header of the column names of
 * {@link Column} in schema order, empty fields for absent values. Numbers are written in their shortest
 * round-trip form, so that Parquet → CSV → Parquet keeps every value.
 */
public final class CsvExtracts {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();

    private CsvExtracts() {
    }

    /** The extract header, in schema order. */
    public static List<String> header() {
        return Column.all().stream().map(Column::columnName).toList();
    }

    /** The quarantine header: the extract header plus {@link QuarantineRow#EXTRA_COLUMNS}. */
    public static List<String> quarantineHeader() {
        List<String> h = new ArrayList<>(header());
        h.addAll(QuarantineRow.EXTRA_COLUMNS);
        return h;
    }

    /** Writes observations with the header (the optional columns only when used: {@link Column#writtenOnlyWhenUsed}). */
    public static void write(Writer out, List<Observation> observations) {
        try {
            CSVPrinter p = new CSVPrinter(out, FORMAT);
            List<Column> columns = Column.written(observations, Observation::text);
            p.printRecord(columns.stream().map(Column::columnName).toList());
            for (Observation o : observations) {
                for (Column c : columns) {
                    p.print(o.text(c));
                }
                p.println();
            }
            p.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes quarantine rows with the quarantine header. */
    public static void writeQuarantine(Writer out, List<QuarantineRow> rows) {
        try {
            CSVPrinter p = new CSVPrinter(out, FORMAT);
            List<Column> columns = Column.written(rows, QuarantineRow::text);
            List<String> h = new ArrayList<>(columns.stream().map(Column::columnName).toList());
            h.addAll(QuarantineRow.EXTRA_COLUMNS);
            p.printRecord(h);
            for (QuarantineRow q : rows) {
                for (Column c : columns) {
                    p.print(q.text(c));
                }
                p.print(q.reason().code());
                p.print(q.sheet());
                p.print(q.row());
                p.print(q.column());
                p.print(q.rawValue());
                p.print(q.detail());
                p.println();
            }
            p.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes observations to a file atomically (temporary file, then move). */
    public static void write(Path file, List<Observation> observations) {
        atomically(file, w -> write(w, observations));
    }

    /** Writes quarantine rows to a file atomically. */
    public static void writeQuarantine(Path file, List<QuarantineRow> rows) {
        atomically(file, w -> writeQuarantine(w, rows));
    }

    private static void atomically(Path file, java.util.function.Consumer<Writer> body) {
        try {
            AtomicFiles.write(file, tmp -> {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    body.accept(w);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new DrugstatsException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a CSV extract as raw rows (text by {@link Column#ordinal()}). The header must contain the
     * contract columns (in any order); absent extra columns are empty. Errors name the file and column.
     */
    public static List<String[]> readRaw(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readRaw(file.toString(), r);
        } catch (IOException e) {
            throw new DrugstatsException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads CSV rows from a reader; {@code name} is used in messages. */
    public static List<String[]> readRaw(String name, Reader reader) {
        try {
            CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader);
            Map<String, Integer> header = new HashMap<>(parser.getHeaderMap());
            for (Column c : Column.contract()) {
                if (!header.containsKey(c.columnName())) {
                    throw DrugstatsException.of("%s: column '%s' is missing from the header %s; an extract has the columns %s",
                            name, c.columnName(), parser.getHeaderNames(),
                            Column.contract().stream().map(Column::columnName).toList());
                }
            }
            List<String[]> rows = new ArrayList<>();
            for (CSVRecord rec : parser) {
                String[] row = new String[Column.values().length];
                for (Column c : Column.values()) {
                    Integer i = header.get(c.columnName());
                    if (i != null && i < rec.size()) {
                        String s = rec.get(i);
                        row[c.ordinal()] = s.isEmpty() ? null : s;
                    }
                }
                if (row[Column.UNIT_MULT.ordinal()] == null) {
                    row[Column.UNIT_MULT.ordinal()] = "0";
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException | UncheckedIOException e) {
            throw new DrugstatsException(name + ": not a readable CSV file: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new DrugstatsException(name + ": malformed CSV: " + e.getMessage(), e);
        }
    }
}
