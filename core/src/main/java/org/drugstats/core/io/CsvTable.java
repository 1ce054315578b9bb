package org.drugstats.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.drugstats.core.DrugstatsException;

/**
 * A comma-separated table with a header row, read with Apache Commons CSV: the one CSV reader of core's inputs
 * (the ingest kinds, the inputs of {@code drugstats aggregate}, {@code inequality} and {@code trend}).
 *
 * <p>Format: RFC 4180 — fields separated by commas, optionally enclosed in double quotes, {@code ""} a quote
 * inside a quoted field; a quoted field may contain commas and line breaks. Text after a closing quote, or a
 * quote left open at the end of the file, is an error. Text is UTF-8; bytes that are not UTF-8 are an error; a
 * byte-order mark at the start is dropped. Lines that are empty or hold only white space are not records (they
 * are counted, {@link #blankLines()}); the first other line is the header, whose names are trimmed. Fields keep
 * their text as published (not trimmed); rows may have fewer or more fields than the header, and the caller
 * decides what that means ({@link #read(Path, List)} rejects rows with more).
 *
 * <p>Every row keeps the physical line of the file it starts on (1-based, counting blank lines and the line
 * breaks inside quoted fields), so that errors name the file, line, column and value:
 * {@code in.csv, line 3, column 'value': value 'abc' is not valid; expected a finite number}. Every error is a
 * one-line {@link DrugstatsException}.
 *
 * <p>Columns are looked up by name, trimmed and ignoring case ({@link Locale#ROOT}); when two header fields have
 * the same name, the first is used.
 */
public final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().build();

    private final String file;
    private final long headerLine;
    private final List<String> header;
    private final Map<String, Integer> columns;
    private final List<Row> rows;
    private final long blankLines;

    /** One data row: the line it starts on and its fields as published. */
    public final class Row {
        private final long line;
        private final List<String> fields;

        private Row(long line, List<String> fields) {
            this.line = line;
            this.fields = fields;
        }

        /** The 1-based line of the file on which the row starts. */
        public long line() {
            return line;
        }

        /** The fields as published, in order (their number may differ from the header's). */
        public List<String> fields() {
            return fields;
        }

        /** The field at {@code index} as published, or null when the row has no such field (or index is -1). */
        public String get(int index) {
            return index >= 0 && index < fields.size() ? fields.get(index) : null;
        }

        /** The trimmed field of {@code column}; empty when blank, when the row is short or the column absent. */
        public String text(String column) {
            String v = get(index(column));
            return v == null ? "" : v.trim();
        }

        /** A required non-blank text field. */
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

        /** A finite number ({@link DecimalNumbers}), or empty when the field is blank; anything else is an error. */
        public OptionalDouble optionalNumber(String column) {
            String v = text(column);
            if (v.isEmpty()) {
                return OptionalDouble.empty();
            }
            OptionalDouble d = DecimalNumbers.parse(v);
            if (d.isPresent()) {
                return d;
            }
            throw error(column, v, "a finite number");
        }

        /** The error for a bad value in this row: file, line, column, value and what was expected. */
        public DrugstatsException error(String column, String value, String expected) {
            return DrugstatsException.of("%s, line %d, column '%s': value '%s' is not valid; expected %s",
                    file, line, column, value, expected);
        }
    }

    private CsvTable(String file, long headerLine, List<String> header, long blankLines) {
        this.file = file;
        this.headerLine = headerLine;
        this.header = List.copyOf(header);
        this.blankLines = blankLines;
        this.rows = new ArrayList<>();
        Map<String, Integer> cols = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            cols.putIfAbsent(key(header.get(i)), i);
        }
        this.columns = cols;
    }

    /**
     * Reads a file, named by its path in messages.
     *
     * @throws DrugstatsException when the file cannot be read, is not UTF-8 or is not valid CSV, naming the line
     */
    public static CsvTable read(Path path) {
        return read(path, path.toString());
    }

    /**
     * Reads a file, named {@code name} in messages.
     *
     * @throws DrugstatsException when the file cannot be read, is not UTF-8 or is not valid CSV, naming the line
     */
    public static CsvTable read(Path path, String name) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw DrugstatsException.of(e, "%s: cannot read: no such file", name);
        } catch (IOException e) {
            throw DrugstatsException.of("%s: cannot read: %s", name, oneLine(e));
        }
        return parse(name, new StringReader(utf8(name, bytes)));
    }

    /** The bytes decoded as UTF-8; an error naming the line of the first byte that is not UTF-8. */
    private static String utf8(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            long line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
                    line++;
                }
            }
            throw DrugstatsException.of("%s, line %d: byte %d is not UTF-8 text; expected a UTF-8 CSV file", name,
                    line, in.position() + 1);
        }
        return out.flip().toString();
    }

    /**
     * Reads a file and checks that the header has every column of {@code required} (trimmed, ignoring case) and
     * that no row has more fields than the header; a shorter row reads its missing fields as empty.
     *
     * @throws DrugstatsException naming the file, the line and what was expected
     */
    public static CsvTable read(Path path, List<String> required) {
        CsvTable t = read(path);
        if (t.header.isEmpty()) {
            throw DrugstatsException.of("%s is empty; expected a header line with columns %s", t.file, required);
        }
        for (String r : required) {
            if (!t.hasColumn(r)) {
                throw DrugstatsException.of("%s, line %d: missing column '%s'; header has %s, expected %s",
                        t.file, t.headerLine, r, t.header, required);
            }
        }
        for (Row row : t.rows) {
            if (row.fields.size() > t.header.size()) {
                throw DrugstatsException.of("%s, line %d: %d fields but the header has %d", t.file, row.line,
                        row.fields.size(), t.header.size());
            }
        }
        return t;
    }

    /**
     * Parses CSV text from {@code reader} (closed by the caller); {@code name} names the input in messages.
     *
     * @throws DrugstatsException when the text is not valid CSV or cannot be read, naming the line
     */
    public static CsvTable parse(String name, Reader reader) {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        long start = 1;
        long blank = 0;
        List<List<String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            CSVParser parser = FORMAT.parse(in);
            for (CSVRecord rec : parser) {
                List<String> fields = new ArrayList<>(rec.size());
                rec.forEach(fields::add);
                if (fields.size() == 1 && fields.get(0).isBlank()) {
                    blank++;
                } else {
                    records.add(Collections.unmodifiableList(fields));
                    lines.add(start);
                }
                start = parser.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException e) {
            throw failure(name, start, e.getCause());
        } catch (IOException | IllegalStateException e) {
            throw failure(name, start, e);
        }
        if (records.isEmpty()) {
            return new CsvTable(name, 0, List.of(), blank);
        }
        CsvTable table = new CsvTable(name, lines.get(0), records.get(0).stream().map(String::strip).toList(), blank);
        for (int i = 1; i < records.size(); i++) {
            table.rows.add(table.new Row(lines.get(i), records.get(i)));
        }
        return table;
    }

    /** What {@link #stream} does with each data row. */
    @FunctionalInterface
    public interface RowHandler {
        void row(Row row);
    }

    /**
     * Reads a file row by row without holding it in memory (the same format and errors as {@link #read(Path,
     * String)}, except that a byte that is not UTF-8 is named by its line only): {@code onHeader} receives a table
     * with the header and no rows (for {@link #index}, {@link #header}), or an empty header when the file holds no
     * record; then each data row goes to the handler that {@code onHeader} returned, in file order.
     *
     * @return the number of blank lines
     * @throws DrugstatsException when the file cannot be read, is not UTF-8 or is not valid CSV, naming the line
     */
    public static long stream(Path path, String name, java.util.function.Function<CsvTable, RowHandler> onHeader) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long start = 1;
        long blank = 0;
        CsvTable table = null;
        RowHandler handler = null;
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(path),
                decoder), 1 << 16)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            CSVParser parser = FORMAT.parse(in);
            for (CSVRecord rec : parser) {
                List<String> fields = new ArrayList<>(rec.size());
                rec.forEach(fields::add);
                if (fields.size() == 1 && fields.get(0).isBlank()) {
                    blank++;
                } else if (table == null) {
                    table = new CsvTable(name, start, fields.stream().map(String::strip).toList(), 0);
                    handler = onHeader.apply(table);
                } else {
                    handler.row(table.new Row(start, Collections.unmodifiableList(fields)));
                }
                start = parser.getCurrentLineNumber() + 1;
            }
        } catch (NoSuchFileException e) {
            throw DrugstatsException.of(e, "%s: cannot read: no such file", name);
        } catch (UncheckedIOException e) {
            throw streamFailure(path, name, start, e.getCause());
        } catch (IOException | IllegalStateException e) {
            throw streamFailure(path, name, start, e);
        }
        if (table == null) {
            onHeader.apply(new CsvTable(name, 0, List.of(), blank));
        }
        return blank;
    }

    /** Stops {@link #header(Path, String)} after the header. */
    private static final class HeaderRead extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient CsvTable table;

        HeaderRead(CsvTable table) {
            super(null, null, false, false);
            this.table = table;
        }
    }

    /**
     * The header of a file as a table without rows (an empty header when the file holds no record), reading no
     * further than the header: what a kind's shape check needs of a file that may be very large.
     *
     * @throws DrugstatsException when the file cannot be read, or its start is not UTF-8 or not valid CSV
     */
    public static CsvTable header(Path path, String name) {
        try {
            CsvTable[] empty = new CsvTable[1];
            stream(path, name, t -> {
                if (t.header.isEmpty()) {
                    empty[0] = t;
                    return row -> { };
                }
                throw new HeaderRead(t);
            });
            return empty[0];
        } catch (HeaderRead h) {
            return h.table;
        }
    }

    private static DrugstatsException streamFailure(Path path, String name, long line, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.nio.charset.CharacterCodingException) {
                return notUtf8(path, name);
            }
        }
        return failure(name, line, cause);
    }

    /**
     * The error {@link #utf8} gives for the first byte of the file that is not UTF-8 (its line and 1-based byte
     * position), found by a second pass over the file in blocks.
     */
    private static DrugstatsException notUtf8(Path path, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long consumed = 0;
        long line = 1;
        int previous = -1;
        try (java.io.InputStream s = Files.newInputStream(path)) {
            boolean end = false;
            while (true) {
                int n = end ? -1 : s.read(in.array(), in.position(), in.remaining());
                if (n < 0) {
                    end = true;
                } else {
                    in.position(in.position() + n);
                }
                in.flip();
                CoderResult r = decoder.decode(in, out, end);
                out.clear();
                // count the line breaks of the bytes decoded in this block ('\r\n' is one break)
                for (int i = 0; i < in.position(); i++) {
                    int b = in.get(i);
                    if (previous == '\r' && b != '\n') {
                        line++;
                    }
                    if (b == '\n') {
                        line++;
                    }
                    previous = b;
                }
                if (r.isError()) {
                    if (previous == '\r') {
                        line++;
                    }
                    return DrugstatsException.of("%s, line %d: byte %d is not UTF-8 text; expected a UTF-8 CSV file",
                            name, line, consumed + in.position() + 1);
                }
                consumed += in.position();
                in.compact();
                if (end && in.position() == 0) {
                    break;
                }
            }
        } catch (IOException e) {
            return DrugstatsException.of("%s: cannot read: %s", name, oneLine(e));
        }
        return DrugstatsException.of("%s: a byte is not UTF-8 text; expected a UTF-8 CSV file", name);
    }

    private static DrugstatsException failure(String name, long line, Throwable cause) {
        return DrugstatsException.of("%s, line %d: not valid CSV (%s)", name, line, oneLine(cause));
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ").strip();
    }

    private static String key(String column) {
        return column.strip().toLowerCase(Locale.ROOT);
    }

    /** The name of the input used in messages. */
    public String file() {
        return file;
    }

    /** The header's names, trimmed, in order; empty when the input holds no record. */
    public List<String> header() {
        return header;
    }

    /** The 1-based line of the header; 0 when the input holds no record. */
    public long headerLine() {
        return headerLine;
    }

    /** The data rows in file order. */
    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** Lines that are empty or only white space, anywhere in the input. */
    public long blankLines() {
        return blankLines;
    }

    /** True when the header has {@code column} (trimmed, ignoring case). */
    public boolean hasColumn(String column) {
        return columns.containsKey(key(column));
    }

    /** The position of {@code column} in the header (trimmed, ignoring case; the first of equal names), or -1. */
    public int index(String column) {
        return columns.getOrDefault(key(column), -1);
    }
}
