package org.drugstats.core.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.io.AtomicFiles;

/**
 * Reads and writes extracts as Parquet files with parquet-java (no Spark needed; Spark reads them as is).
 *
 * <p>Layout: one flat record per observation with the columns of {@link Column} (strings as UTF-8
 * {@code BINARY}, numbers as {@code DOUBLE}, {@code unit_mult} as {@code INT32}). Provenance is stored in the
 * file's key-value metadata: {@value #META_SCHEMA} names the schema version and {@value #META_ORIGINS} holds
 * the origins as a JSON array. Writing is deterministic (no timestamps; same rows and origins give the same
 * bytes) and atomic (a temporary file beside the target, then a move): a failed write leaves any previous file
 * intact.
 *
 * <p>Reading accepts a single file or a directory of {@code *.parquet} part files (as Spark writes them,
 * read in name order). The contract columns must be present with a compatible type, else a
 * {@link DrugstatsException} names the file and the column; the extra columns are optional. Numeric columns
 * may be stored as DOUBLE, FLOAT, INT32 or INT64.
 */
public final class ParquetExtracts {

    /**
     * Read options that verify the CRC-32 of every data page that carries one (Parquet format, PageHeader.crc; the
     * writer here stores it for every page): a flipped byte in a page is an error, not a different number. Call it for
     * every file and never share the result: the options hold a codec factory whose decompressors are reused and not
     * safe to use from two threads (two extracts read at once in one JVM read garbage or fail).
     */
    public static org.apache.parquet.ParquetReadOptions verifyingReadOptions() {
        return org.apache.parquet.ParquetReadOptions.builder().usePageChecksumVerification(true).build();
    }

    /** Key-value metadata key of the schema version. */
    public static final String META_SCHEMA = "drugstats.schema";
    /** Key-value metadata key of the origins (JSON array). */
    public static final String META_ORIGINS = "drugstats.origins";
    /**
     * Key-value metadata key of the SHA-256 of the rows as they read back ({@link RowDigest}): page CRCs do not
     * cover page headers (a flipped bit there can change how many values a page holds), the footer has no checksum;
     * this digest covers what a read returns, so any damage that changes a row is found.
     */
    public static final String META_ROWS_DIGEST = "drugstats.rows.sha256";
    /** Key-value metadata Spark writes into every Parquet file it writes. */
    private static final String SPARK_VERSION_KEY = "org.apache.spark.version";
    /** Current schema version. */
    public static final String SCHEMA_VERSION = "drugstats-extract/1";

    static final ObjectMapper JSON = new ObjectMapper();
    static final MessageType SCHEMA = buildSchema(Column.all());

    private ParquetExtracts() {
    }

    /** The Parquet schema of extracts (every column; a file omits the optional ones it does not use). */
    public static MessageType schema() {
        return SCHEMA;
    }

    private static MessageType buildSchema(List<Column> columns) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Column c : columns) {
            Type.Repetition rep = c.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
            switch (c.type()) {
                case STRING -> b.primitive(PrimitiveTypeName.BINARY, rep)
                        .as(LogicalTypeAnnotation.stringType()).named(c.columnName());
                case DOUBLE -> b.primitive(PrimitiveTypeName.DOUBLE, rep).named(c.columnName());
                case INT -> b.primitive(PrimitiveTypeName.INT32, rep).named(c.columnName());
                default -> throw new IllegalStateException(c.type().toString());
            }
        }
        return b.named("observation");
    }

    /**
     * Writes an extract to {@code file} atomically.
     *
     * @throws DrugstatsException when the file cannot be written
     */
    public static void write(Path file, Extract extract) {
        write(file, extract.observations(), extract.origins());
    }

    /**
     * Writes rows and their provenance to {@code file} atomically, streaming: the rows are read twice (which optional
     * columns they use, then the rows) and the file once more (the rows' digest), never held in memory, so the
     * rows of a large ingest can come from disk. The same checks as {@link Extract}: origin ids unique, every row's
     * origin described.
     *
     * @throws DrugstatsException when an origin is not described or the file cannot be written
     */
    public static void write(Path file, java.util.Collection<Observation> rows, List<Origin> origins) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (Origin o : origins) {
            if (!ids.add(o.id())) {
                throw DrugstatsException.of("extract: origin ids are not unique: %s",
                        origins.stream().map(Origin::id).toList());
            }
        }
        try (AtomicFiles.Pending pending = AtomicFiles.begin(file)) {
            Path tmp = pending.path();
            Map<String, String> kv = new LinkedHashMap<>();
            kv.put(META_SCHEMA, SCHEMA_VERSION);
            kv.put(META_ORIGINS, JSON.writeValueAsString(List.copyOf(origins)));
            kv.put(META_ROWS_DIGEST, RowDigest.PLACEHOLDER);
            List<Column> columns = Column.written(rows, Observation::text);
            MessageType schema = columns.size() == Column.values().length ? SCHEMA : buildSchema(columns);
            SimpleGroupFactory factory = new SimpleGroupFactory(schema);
            try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(tmp))
                    .withConf(new Configuration(false))
                    .withType(schema)
                    .withExtraMetaData(kv)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withDictionaryEncoding(true)
                    .withPageWriteChecksumEnabled(true)
                    .withRowGroupSize(ROW_GROUP_BYTES)
                    .build()) {
                for (Observation o : rows) {
                    if (!ids.contains(o.origin())) {
                        throw DrugstatsException.of("extract: row %s names origin '%s', which the extract does not "
                                + "describe (known: %s)", o, o.origin(), ids);
                    }
                    Group g = factory.newGroup();
                    for (Column c : columns) {
                        putValue(g, c, o);
                    }
                    w.write(g);
                }
            }
            RowDigest.Running digest = new RowDigest.Running();
            readFile(tmp, digest::add, new ArrayList<>());
            RowDigest.patch(tmp, META_ROWS_DIGEST, digest.hex());
            ParquetFooters.normalise(tmp);
            pending.commit();
        } catch (IOException e) {
            throw new DrugstatsException(file + ": cannot write extract: " + e.getMessage(), e);
        }
    }

    /**
     * Bytes of a row group before it is written out (parquet-java buffers one row group in memory): 64 MiB keeps a
     * large extract's write within a small heap; the embedded extracts are far smaller, one row group each.
     */
    private static final long ROW_GROUP_BYTES = 64L << 20;

    /**
     * Appends an observation's value of a column to a row of a schema with the canonical column names and types
     * (strings as UTF-8 binaries, numbers as doubles, the unit multiplier as a 32-bit integer); a missing value
     * leaves the field empty.
     */
    public static void putValue(Group g, Column c, Observation o) {
        switch (c) {
            case VALUE -> putDouble(g, c, o.value());
            case LOWER -> putDouble(g, c, o.lower());
            case UPPER -> putDouble(g, c, o.upper());
            case STD_ERROR -> putDouble(g, c, o.stdError());
            case UNIT_MULT -> g.append(c.columnName(), o.unitMult());
            default -> {
                String s = o.text(c);
                if (s != null) {
                    g.append(c.columnName(), s);
                }
            }
        }
    }

    private static void putDouble(Group g, Column c, Double d) {
        if (d != null) {
            g.append(c.columnName(), d.doubleValue());
        }
    }

    /** Rows as text plus provenance, before validation. */
    public record RawExtract(String file, List<String[]> rows, List<Origin> origins) {
        /** Copies the lists (the row arrays are the reader's own and not shared). */
        public RawExtract {
            rows = List.copyOf(rows);
            origins = List.copyOf(origins);
        }
    }

    /**
     * Reads the rows as text (canonical columns, indexed by {@link Column#ordinal()}) and the origins.
     *
     * @throws DrugstatsException when the file is missing, not Parquet, or lacks a contract column
     */
    public static RawExtract readRaw(Path path) {
        List<Path> files = partFiles(path);
        List<String[]> rows = new ArrayList<>();
        List<Origin> origins = new ArrayList<>();
        for (Path f : files) {
            readFile(f, rows::add, origins);
        }
        return new RawExtract(path.getFileName().toString(), rows, dedupe(origins));
    }

    /**
     * Reads an extract and validates every row ({@link ExtractValidator}); row-level problems become
     * quarantine rows, file-level problems an exception.
     */
    public static ValidatedExtract readValidated(Path path) {
        RawExtract raw = readRaw(path);
        ValidationResult result = ExtractValidator.validate(path.toString(), raw.rows());
        {
            // provenance travels with the data: a row whose origin the metadata does not describe (or metadata that
            // describes none) means damaged metadata, not a row to quarantine; read() refuses the same file
            java.util.Set<String> ids = new java.util.HashSet<>();
            raw.origins().forEach(o -> ids.add(o.id()));
            for (Observation o : result.accepted()) {
                if (o.origin() != null && !ids.contains(o.origin())) {
                    throw DrugstatsException.of("%s: rows name the origin '%s', which the file's metadata (%s) does "
                            + "not describe (it describes %s): the metadata is damaged; expected provenance for every "
                            + "row", path, o.origin(), META_ORIGINS, ids);
                }
            }
        }
        return new ValidatedExtract(result, raw.origins());
    }

    /**
     * Reads an extract that must be clean: the first quarantined row becomes an exception naming the file,
     * row, column and value.
     */
    public static Extract read(Path path) {
        ValidatedExtract v = readValidated(path);
        if (!v.result().quarantined().isEmpty()) {
            QuarantineRow q = v.result().quarantined().get(0);
            throw new DrugstatsException(q.describe()
                    + (v.result().quarantined().size() > 1
                            ? String.format(Locale.ROOT, " (and %d more rows; run 'drugstats extract validate')",
                                    v.result().quarantined().size() - 1)
                            : ""));
        }
        try {
            return new Extract(v.result().accepted(), knownOrigins(v));
        } catch (DrugstatsException e) {
            // e.g. metadata damaged so that it describes no origin at all: the error names the file
            throw DrugstatsException.of(e, "%s: %s", path, e.getMessage());
        }
    }

    private static List<Origin> knownOrigins(ValidatedExtract v) {
        return v.origins();
    }

    /** An extract's validation result with its provenance. */
    public record ValidatedExtract(ValidationResult result, List<Origin> origins) {
        /** Copies the list. */
        public ValidatedExtract {
            origins = List.copyOf(origins);
        }
    }

    private static List<Path> partFiles(Path path) {
        if (!Files.exists(path)) {
            throw DrugstatsException.of("%s: no such file or directory; expected a Parquet extract", path);
        }
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                List<Path> parts = s.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted().toList();
                if (parts.isEmpty()) {
                    throw DrugstatsException.of("%s: directory holds no .parquet files; expected a Parquet extract", path);
                }
                return parts;
            } catch (IOException e) {
                throw new DrugstatsException(path + ": cannot list directory: " + e.getMessage(), e);
            }
        }
        return List.of(path);
    }

    /** What a Parquet read failure says about the file, in one line without exception class names. */
    static String damage(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("CRC checksum verification failed")) {
                return "a data page fails its CRC-32 check: the file is damaged";
            }
        }
        String m = e.getMessage() == null ? "unreadable" : e.getMessage().replaceAll("\\s+", " ").strip();
        if (m.length() > 200) {
            m = m.substring(0, 200) + "…";
        }
        return "not a readable Parquet file (" + m + ")";
    }

    private static void readFile(Path f, java.util.function.Consumer<String[]> rows, List<Origin> origins) {
        try (ParquetFileReader reader = ParquetFileReader.open(PathInputFile.of(f), verifyingReadOptions())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            Map<String, String> kv = reader.getFooter().getFileMetaData().getKeyValueMetaData();
            int[] index = checkSchema(f, schema);
            int originsBefore = origins.size();
            String originsJson = kv.get(META_ORIGINS);
            if (originsJson != null) {
                try {
                    origins.addAll(JSON.readValue(originsJson, new TypeReference<List<Origin>>() { }));
                } catch (JsonProcessingException e) {
                    throw DrugstatsException.of("%s: metadata '%s' is not a JSON list of origins: %s", f, META_ORIGINS,
                            e.getOriginalMessage());
                }
            }
            RowDigest.Running digest = new RowDigest.Running();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> rr = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0, n = pages.getRowCount(); i < n; i++) {
                    Group g = rr.read();
                    String[] row = new String[Column.values().length];
                    for (Column c : Column.values()) {
                        int idx = index[c.ordinal()];
                        if (idx >= 0 && g.getFieldRepetitionCount(idx) > 0) {
                            row[c.ordinal()] = textValue(g, idx, schema.getType(idx).asPrimitiveType());
                        }
                    }
                    if (row[Column.UNIT_MULT.ordinal()] == null) {
                        row[Column.UNIT_MULT.ordinal()] = "0";
                    }
                    digest.add(row);
                    rows.accept(row);
                }
            }
            String stored = kv.get(META_ROWS_DIGEST);
            // an extract this class wrote from published data always carries the digest; generated (synthetic)
            // extracts are streamed, and the pipeline's published observations are written by Spark: they do not
            boolean required = SCHEMA_VERSION.equals(kv.get(META_SCHEMA)) && !kv.containsKey(SPARK_VERSION_KEY)
                    && origins.size() > originsBefore
                    && origins.subList(originsBefore, origins.size()).stream().noneMatch(Origin::synthetic);
            if (stored == null && required) {
                throw DrugstatsException.of("%s: the rows' SHA-256 (%s) is missing from its metadata: the file is "
                        + "damaged, or was written by a drugstats before 0.1 (rebuild it with drugstats ingest)", f,
                        META_ROWS_DIGEST);
            }
            if (stored != null && !stored.equals(RowDigest.PLACEHOLDER)
                    && !stored.equals(digest.hex())) {
                throw DrugstatsException.of("%s: its rows do not match the SHA-256 stored when it was written (%s): the "
                        + "file is damaged", f, META_ROWS_DIGEST);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DrugstatsException de) {
                throw de;
            }
            throw new DrugstatsException(f + ": " + damage(e) + "; expected a drugstats extract", e);
        }
    }

    private static String textValue(Group g, int idx, PrimitiveType t) {
        return switch (t.getPrimitiveTypeName()) {
            case BINARY, FIXED_LEN_BYTE_ARRAY -> g.getString(idx, 0);
            case DOUBLE -> Observation.number(g.getDouble(idx, 0));
            case FLOAT -> Observation.number((double) g.getFloat(idx, 0));
            case INT32 -> Integer.toString(g.getInteger(idx, 0));
            case INT64 -> Long.toString(g.getLong(idx, 0));
            case BOOLEAN -> Boolean.toString(g.getBoolean(idx, 0));
            default -> g.getValueToString(idx, 0);
        };
    }

    /** Column positions in the file (-1 when absent); errors for missing contract columns and wrong types. */
    private static int[] checkSchema(Path f, MessageType schema) {
        int[] index = new int[Column.values().length];
        for (Column c : Column.values()) {
            if (!schema.containsField(c.columnName())) {
                if (Column.contract().contains(c)) {
                    throw DrugstatsException.of("%s: column '%s' is missing; an extract has the columns %s", f,
                            c.columnName(), Column.contract().stream().map(Column::columnName).toList());
                }
                index[c.ordinal()] = -1;
                continue;
            }
            int idx = schema.getFieldIndex(c.columnName());
            Type t = schema.getType(idx);
            if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
                throw DrugstatsException.of("%s: column '%s' is a %s; expected a single %s", f, c.columnName(), t,
                        c.type().name().toLowerCase(Locale.ROOT));
            }
            PrimitiveTypeName p = t.asPrimitiveType().getPrimitiveTypeName();
            boolean ok = switch (c.type()) {
                case STRING -> p == PrimitiveTypeName.BINARY;
                case DOUBLE -> p == PrimitiveTypeName.DOUBLE || p == PrimitiveTypeName.FLOAT
                        || p == PrimitiveTypeName.INT32 || p == PrimitiveTypeName.INT64;
                case INT -> p == PrimitiveTypeName.INT32 || p == PrimitiveTypeName.INT64;
            };
            if (!ok) {
                throw DrugstatsException.of("%s: column '%s' has type %s; expected %s", f, c.columnName(), p,
                        switch (c.type()) {
                            case STRING -> "a string (BINARY)";
                            case DOUBLE -> "a number (DOUBLE)";
                            case INT -> "an integer (INT32)";
                        });
            }
            index[c.ordinal()] = idx;
        }
        return index;
    }

    private static List<Origin> dedupe(List<Origin> origins) {
        Map<String, Origin> byId = new LinkedHashMap<>();
        for (Origin o : origins) {
            byId.putIfAbsent(o.id(), o);
        }
        return List.copyOf(byId.values());
    }
}
