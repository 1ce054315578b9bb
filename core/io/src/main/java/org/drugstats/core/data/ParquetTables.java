package org.drugstats.core.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.io.AtomicFiles;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Any flat Parquet file (or a directory of part files, as Spark writes them) as a typed Tablesaw
 * {@link Table}, with the file's key-value metadata and the {@link Origin}s it names; and a table back to
 * Parquet. This is how code without Spark (the reports, users who embed core) reads the pipeline's results,
 * whatever their columns.
 *
 * <p>Type mapping (reading):
 * <table>
 *   <caption>Parquet physical type → Tablesaw column</caption>
 *   <tr><th>Parquet</th><th>Tablesaw</th></tr>
 *   <tr><td>BINARY (UTF-8 string, enum, JSON or unannotated)</td><td>{@link StringColumn}</td></tr>
 *   <tr><td>DOUBLE, FLOAT</td><td>{@link DoubleColumn}</td></tr>
 *   <tr><td>INT32 (plain or integer annotation)</td><td>{@link IntColumn}</td></tr>
 *   <tr><td>INT64 (plain or integer annotation)</td><td>{@link LongColumn}</td></tr>
 *   <tr><td>BOOLEAN</td><td>{@link BooleanColumn}</td></tr>
 * </table>
 * Other types (dates, timestamps, decimals, INT96, nested or repeated fields) are an error naming the file
 * and the column: results are flat by contract. Writing uses the inverse mapping; every column is written
 * {@code OPTIONAL}.
 *
 * <p>Missing values: a null cell becomes Tablesaw's missing value of the column type (NaN for doubles, the
 * empty string for strings, the integer and long sentinels, boolean missing); on writing, missing values
 * become nulls. Consequently an empty string and a null string, or NaN and a null double, are not
 * distinguished: read {@link Table#column(String)}'s {@code isMissing(row)} rather than comparing values.
 *
 * <p>Several part files are read in name order (names ending in {@code .parquet}, hidden and
 * {@code _}-prefixed files skipped) and must have the same column names and types; their origins are
 * united (first occurrence of an id wins) and their key-value metadata merged (first part wins, except the
 * origins). Writing is deterministic within a JVM (the same columns, rows and metadata give the same bytes,
 * whatever the table's name; across JVMs parquet-java may list a column chunk's encodings in another order in the
 * footer) and atomic (a temporary file beside the target, then a move).
 *
 * <p>Edge cases: a file with no rows gives a table with its columns and no rows; an empty directory or one
 * without part files is an error.
 */
public final class ParquetTables {

    /** Key-value metadata key of the schema version, e.g. {@code drugstats-aggregates/1}. */
    public static final String META_SCHEMA = ParquetExtracts.META_SCHEMA;
    /** Key-value metadata key of the origins (JSON array of {@link Origin}). */
    public static final String META_ORIGINS = ParquetExtracts.META_ORIGINS;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ParquetTables() {
    }

    /**
     * A table read from Parquet with its file metadata.
     *
     * @param table the rows, typed; named after the file or directory (without {@code .parquet})
     * @param metadata the key-value metadata (insertion order of the first part), origins included as JSON
     * @param origins the origins of {@link #META_ORIGINS}, united over the parts; empty when absent
     */
    public record TableFile(Table table, Map<String, String> metadata, List<Origin> origins) {
        public TableFile {
            Objects.requireNonNull(table, "table");
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
            origins = List.copyOf(origins);
        }

        /** The schema version of {@link #META_SCHEMA}, if the file names one. */
        public Optional<String> schema() {
            return Optional.ofNullable(metadata.get(META_SCHEMA));
        }
    }

    /**
     * Reads a Parquet file or a directory of part files.
     *
     * @throws DrugstatsException when the path is missing, holds no part files, is not Parquet, has a column of
     *     an unsupported type, or when parts disagree on the schema
     */
    public static TableFile read(Path path) {
        List<Path> parts = partFiles(path);
        String name = path.getFileName().toString();
        if (name.endsWith(".parquet")) {
            name = name.substring(0, name.length() - ".parquet".length());
        }
        Table table = null;
        MessageType firstSchema = null;
        Path firstPart = null;
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Origin> origins = new LinkedHashMap<>();
        for (Path part : parts) {
            try (ParquetFileReader reader = ParquetFileReader.open(PathInputFile.of(part),
                    org.apache.parquet.ParquetReadOptions.builder().usePageChecksumVerification(true).build())) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                if (table == null) {
                    table = emptyTable(part, name, schema);
                    firstSchema = schema;
                    firstPart = part;
                } else {
                    checkSameSchema(firstPart, firstSchema, part, schema);
                }
                Map<String, String> kv = reader.getFooter().getFileMetaData().getKeyValueMetaData();
                kv.forEach(metadata::putIfAbsent);
                for (Origin o : parseOrigins(part, kv.get(META_ORIGINS))) {
                    origins.putIfAbsent(o.id(), o);
                }
                readRows(reader, schema, table);
            } catch (IOException | RuntimeException e) {
                if (e instanceof DrugstatsException de) {
                    throw de;
                }
                throw new DrugstatsException(part + ": not a readable Parquet file (" + e.getClass().getSimpleName()
                        + ": " + e.getMessage() + ")", e);
            }
        }
        List<Origin> originList = List.copyOf(origins.values());
        if (!originList.isEmpty()) {
            try {
                metadata.put(META_ORIGINS, JSON.writeValueAsString(originList));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new TableFile(table, metadata, originList);
    }

    /**
     * Writes a table with a schema version and origins ({@link #META_SCHEMA}, {@link #META_ORIGINS}).
     *
     * @throws DrugstatsException when a column has an unsupported type or the file cannot be written
     */
    public static void write(Path file, Table table, String schemaVersion, List<Origin> origins) {
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put(META_SCHEMA, Objects.requireNonNull(schemaVersion, "schemaVersion"));
        try {
            kv.put(META_ORIGINS, JSON.writeValueAsString(origins));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        write(file, table, kv);
    }

    /**
     * Writes a table with arbitrary key-value metadata, atomically and deterministically.
     *
     * @throws DrugstatsException when a column has an unsupported type or the file cannot be written
     */
    public static void write(Path file, Table table, Map<String, String> metadata) {
        MessageType schema = schemaOf(file, table);
        try (AtomicFiles.Pending pending = AtomicFiles.begin(file)) {
            Path tmp = pending.path();
            SimpleGroupFactory factory = new SimpleGroupFactory(schema);
            List<Column<?>> columns = table.columns();
            try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(tmp))
                    .withConf(new Configuration(false))
                    .withType(schema)
                    .withExtraMetaData(new LinkedHashMap<>(metadata))
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withDictionaryEncoding(true)
                    .build()) {
                for (int r = 0; r < table.rowCount(); r++) {
                    Group g = factory.newGroup();
                    for (int c = 0; c < columns.size(); c++) {
                        appendCell(g, columns.get(c), r);
                    }
                    w.write(g);
                }
            }
            ParquetFooters.normalise(tmp);
            pending.commit();
        } catch (IOException e) {
            throw new DrugstatsException(file + ": cannot write table: " + e.getMessage(), e);
        }
    }

    private static MessageType schemaOf(Path file, Table table) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Column<?> col : table.columns()) {
            ColumnType t = col.type();
            if (t == ColumnType.STRING) {
                b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(col.name());
            } else if (t == ColumnType.DOUBLE) {
                b.optional(PrimitiveTypeName.DOUBLE).named(col.name());
            } else if (t == ColumnType.INTEGER) {
                b.optional(PrimitiveTypeName.INT32).named(col.name());
            } else if (t == ColumnType.LONG) {
                b.optional(PrimitiveTypeName.INT64).named(col.name());
            } else if (t == ColumnType.BOOLEAN) {
                b.optional(PrimitiveTypeName.BOOLEAN).named(col.name());
            } else {
                throw DrugstatsException.of("%s: column '%s' has type %s; expected string, double, integer, long or boolean",
                        file, col.name(), t.name());
            }
        }
        return b.named("table");
    }

    private static void appendCell(Group g, Column<?> col, int row) {
        if (col.isMissing(row)) {
            return;
        }
        ColumnType t = col.type();
        if (t == ColumnType.STRING) {
            g.append(col.name(), ((StringColumn) col).get(row));
        } else if (t == ColumnType.DOUBLE) {
            g.append(col.name(), ((DoubleColumn) col).getDouble(row));
        } else if (t == ColumnType.INTEGER) {
            g.append(col.name(), ((IntColumn) col).getInt(row));
        } else if (t == ColumnType.LONG) {
            g.append(col.name(), ((LongColumn) col).getLong(row));
        } else {
            g.append(col.name(), ((BooleanColumn) col).get(row).booleanValue());
        }
    }

    /** The Tablesaw column kind of a Parquet field, or an error naming file and column. */
    private enum Kind {
        STRING, DOUBLE, INT, LONG, BOOLEAN
    }

    private static Kind kindOf(Path file, Type t) {
        if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
            throw DrugstatsException.of("%s: column '%s' is nested or repeated (%s); expected a flat column", file,
                    t.getName(), t);
        }
        PrimitiveType p = t.asPrimitiveType();
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        Kind kind = switch (p.getPrimitiveTypeName()) {
            case BINARY -> (a == null || a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                    || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                    || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) ? Kind.STRING : null;
            case DOUBLE, FLOAT -> a == null ? Kind.DOUBLE : null;
            case INT32 -> (a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation) ? Kind.INT : null;
            case INT64 -> (a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation
                    && ((LogicalTypeAnnotation.IntLogicalTypeAnnotation) a).isSigned()) ? Kind.LONG : null;
            case BOOLEAN -> Kind.BOOLEAN;
            default -> null;
        };
        if (kind == null) {
            throw DrugstatsException.of("%s: column '%s' has type %s%s; expected a string, double, float, int32, int64 "
                    + "or boolean column", file, t.getName(), p.getPrimitiveTypeName(),
                    a == null ? "" : " (" + a + ")");
        }
        return kind;
    }

    private static Table emptyTable(Path file, String name, MessageType schema) {
        Table t = Table.create(name);
        for (Type field : schema.getFields()) {
            String n = field.getName();
            switch (kindOf(file, field)) {
                case STRING -> t.addColumns(StringColumn.create(n));
                case DOUBLE -> t.addColumns(DoubleColumn.create(n));
                case INT -> t.addColumns(IntColumn.create(n));
                case LONG -> t.addColumns(LongColumn.create(n));
                case BOOLEAN -> t.addColumns(BooleanColumn.create(n));
                default -> throw new IllegalStateException(n);
            }
        }
        return t;
    }

    private static void checkSameSchema(Path firstFile, MessageType first, Path file, MessageType schema) {
        List<String> a = describe(firstFile, first);
        List<String> b = describe(file, schema);
        if (!a.equals(b)) {
            throw DrugstatsException.of("%s: columns %s differ from those of %s %s; the parts of one table must share "
                    + "a schema", file, b, firstFile.getFileName(), a);
        }
    }

    private static List<String> describe(Path file, MessageType schema) {
        List<String> out = new ArrayList<>();
        for (Type f : schema.getFields()) {
            out.add(f.getName() + ":" + kindOf(file, f).name().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /**
     * Reads the rows column by column (parquet-java's {@link ColumnReadStoreImpl}), straight into the Tablesaw
     * columns: no record objects are assembled, which is several times faster than record-wise reading on wide
     * tables of many rows.
     */
    private static void readRows(ParquetFileReader reader, MessageType schema, Table table) throws IOException {
        List<Column<?>> columns = table.columns();
        String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
        PageReadStore pages;
        while ((pages = reader.readNextRowGroup()) != null) {
            ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages,
                    new GroupRecordConverter(schema).getRootConverter(), schema, createdBy);
            for (int c = 0; c < columns.size(); c++) {
                ColumnDescriptor d = schema.getColumns().get(c);
                ColumnReader cr = store.getColumnReader(d);
                int maxDef = d.getMaxDefinitionLevel();
                Column<?> col = columns.get(c);
                PrimitiveTypeName type = d.getPrimitiveType().getPrimitiveTypeName();
                Texts texts = new Texts();
                for (long i = 0, n = cr.getTotalValueCount(); i < n; i++) {
                    if (cr.getCurrentDefinitionLevel() < maxDef) {
                        col.appendMissing();
                    } else {
                        switch (type) {
                            case BINARY -> ((StringColumn) col).append(texts.of(cr.getBinary()));
                            case DOUBLE -> ((DoubleColumn) col).append(cr.getDouble());
                            case FLOAT -> ((DoubleColumn) col).append((double) cr.getFloat());
                            case INT32 -> ((IntColumn) col).append(cr.getInteger());
                            case INT64 -> ((LongColumn) col).append(cr.getLong());
                            case BOOLEAN -> ((BooleanColumn) col).append(cr.getBoolean());
                            default -> throw new IllegalStateException(type.toString());
                        }
                    }
                    cr.consume();
                }
            }
        }
    }

    /**
     * The text of the values of one column chunk, decoded once per dictionary entry. A dictionary-encoded page hands
     * out the same {@link Binary} object for every occurrence of a value, so a map by identity turns the UTF-8
     * decoding and allocation of each repeated value (indicator, area, unit, source: most text cells of a result
     * table) into a look-up, and the column receives one {@code String} whose hash is computed once. Values of plain
     * pages are distinct objects; past {@value #LIMIT} entries they are decoded without being remembered.
     */
    private static final class Texts {
        private static final int LIMIT = 4096;
        private final java.util.IdentityHashMap<Binary, String> decoded = new java.util.IdentityHashMap<>();

        String of(Binary b) {
            String s = decoded.get(b);
            if (s == null) {
                s = b.toStringUsingUTF8();
                if (decoded.size() < LIMIT) {
                    decoded.put(b, s);
                }
            }
            return s;
        }
    }

    private static List<Origin> parseOrigins(Path file, String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<Origin>>() { });
        } catch (JsonProcessingException e) {
            throw DrugstatsException.of("%s: metadata '%s' is not a JSON list of origins: %s", file, META_ORIGINS,
                    e.getOriginalMessage());
        }
    }

    private static List<Path> partFiles(Path path) {
        if (!Files.exists(path)) {
            throw DrugstatsException.of("%s: no such file or directory; expected a Parquet file or a directory of "
                    + "part files", path);
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            List<Path> parts = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".parquet") && !n.startsWith(".") && !n.startsWith("_") && Files.isRegularFile(p);
            }).sorted().toList();
            if (parts.isEmpty()) {
                throw DrugstatsException.of("%s: directory holds no .parquet part files; expected a Parquet table", path);
            }
            return parts;
        } catch (IOException e) {
            throw new DrugstatsException(path + ": cannot list directory: " + e.getMessage(), e);
        }
    }
}
