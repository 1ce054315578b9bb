package org.drugstats.core.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.drugstats.core.DrugstatsException;

/**
 * A small comma-separated table with a header row (RFC 4180 quoting, one record per line, UTF-8 with an
 * optional byte-order mark; blank lines skipped). Every parse error is a one-line
 * {@link DrugstatsException} naming the file, the line (1-based, header = line 1), the column and the value.
 */
public final class CsvTable {
    private final String file;
    private final Map<String, Integer> columns;
    private final List<Row> rows;

    /** One data row with its line number in the file. */
    public final class Row {
        private final int line;
        private final List<String> cells;

        private Row(int line, List<String> cells) {
            this.line = line;
            this.cells = cells;
        }

        /** The 1-based line number in the file. */
        public int line() {
            return line;
        }

        /** The trimmed cell of {@code column}, empty string when blank or the column is absent. */
        public String text(String column) {
            Integer i = columns.get(column);
            return i == null || i >= cells.size() ? "" : cells.get(i).trim();
        }

        /** A required non-blank text cell. */
        public String requiredText(String column) {
            String v = text(column);
            if (v.isEmpty()) {
                throw error(column, v, "a non-empty value");
            }
            return v;
        }

        /** A required finite number. */
        public double number(String column) {
            OptionalDouble v = optionalNumber(column);
            if (v.isEmpty()) {
                throw error(column, "", "a number");
            }
            return v.getAsDouble();
        }

        /** A finite number, or empty when the cell is blank. */
        public OptionalDouble optionalNumber(String column) {
            String v = text(column);
            if (v.isEmpty()) {
                return OptionalDouble.empty();
            }
            try {
                double d = Double.parseDouble(v);
                if (Double.isFinite(d)) {
                    return OptionalDouble.of(d);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error(column, v, "a finite number");
        }

        /** The error for a bad value in this row: file, line, column, value and what was expected. */
        public DrugstatsException error(String column, String value, String expected) {
            return DrugstatsException.of("%s, line %d, column '%s': value '%s' is not valid; expected %s",
                    file, line, column, value, expected);
        }
    }

    private CsvTable(String file, Map<String, Integer> columns, List<Row> rows) {
        this.file = file;
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * Reads {@code path} and checks that every column in {@code required} is in the header (columns are
     * matched case-insensitively after trimming).
     */
    public static CsvTable read(Path path, List<String> required) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DrugstatsException(String.format(Locale.ROOT, "cannot read %s: %s", path, e.getMessage()), e);
        }
        String file = path.toString();
        if (lines.isEmpty()) {
            throw DrugstatsException.of("%s is empty; expected a header line with columns %s", file, required);
        }
        String header = lines.get(0);
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        Map<String, Integer> cols = new HashMap<>();
        List<String> names = split(header, file, 1);
        for (int i = 0; i < names.size(); i++) {
            cols.put(names.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        for (String r : required) {
            if (!cols.containsKey(r)) {
                throw DrugstatsException.of("%s, line 1: missing column '%s'; header has %s, expected %s",
                        file, r, names, required);
            }
        }
        CsvTable t = new CsvTable(file, cols, new ArrayList<>());
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = split(lines.get(i), file, i + 1);
            if (cells.size() > names.size()) {
                throw DrugstatsException.of("%s, line %d: %d fields but the header has %d", file, i + 1,
                        cells.size(), names.size());
            }
            t.rows.add(t.new Row(i + 1, cells));
        }
        return t;
    }

    /** The file name used in messages. */
    public String file() {
        return file;
    }

    /** The data rows in file order. */
    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** True when the header has {@code column}. */
    public boolean hasColumn(String column) {
        return columns.containsKey(column);
    }

    /** The header index of {@code column}. */
    public Optional<Integer> columnIndex(String column) {
        return Optional.ofNullable(columns.get(column));
    }

    private static List<String> split(String line, String file, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw DrugstatsException.of("%s, line %d: unbalanced double quote", file, lineNo);
        }
        out.add(cur.toString());
        return out;
    }
}
