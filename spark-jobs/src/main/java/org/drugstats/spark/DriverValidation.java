package org.drugstats.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ExtractValidator;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.ObservationKey;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.data.PathInputFile;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.QuarantineRow;

/**
 * Validation of a small run's canonical extracts on the driver (issue 18): the same check of every row as {@link
 * ValidateStep} ({@link ExtractValidator#checkRow}), the same duplicate-key rule (the first row of a key within an
 * input is kept, later ones are quarantined naming it), the same quarantine files and the same accepted rows in the
 * same order, without Spark's row machinery.
 *
 * <p>Why: on the embedded data (386,719 rows) validation in Spark was the longest step of the run, 15–23 s on the
 * project's VM. Almost none of it was the check itself: Spark converted every row to an external row and back, sorted
 * the 55-column checked rows for the duplicate-key window, built and read an in-memory columnar cache of them and
 * wrote the accepted rows once more to cut the plan (BENCHMARKS.md). Here the rows are read with parquet-java, checked
 * with core, and the accepted ones are written once to a scratch Parquet file (uncompressed) that the analysis reads
 * as a plan of one leaf.
 *
 * <p>The accepted rows are written in the order the Spark step gives them: by input, then by the key columns
 * ({@link ObservationKey#COLUMNS}), each by its text in UTF-8 byte order with nulls first, which is the order of the
 * window's sort. Every later step therefore sees the same rows in the same order, and the results are the same bytes.
 *
 * <p>It is used only where its reading is provably Spark's: every canonical column a part file holds is a single
 * value of the physical type core writes (a UTF-8 string, a double or float, a 32- or 64-bit integer) which Spark
 * reads as the matching type; no two columns differ only by case; and the accepted rows fit the driver's memory
 * ({@link #BYTES_PER_ROW}). Anything else — a column of another type, a file Spark annotated otherwise, a damaged
 * data page — goes to {@link ValidateStep}, which is where such files were always checked and errors worded.
 */
final class DriverValidation {

    /**
     * Heap asked for per input row. The driver holds one input at a time: its accepted observations (measured on the
     * embedded population extract: 254,737 rows held 44.8 MB after the sort, 176 bytes a row, heap after a full GC
     * less the heap before) and, while it reads, the duplicate-key map (an {@link ObservationKey} and a map entry a
     * row, about 100 bytes more). 500 bytes is asked for every row of the run, not only of the largest input, and at
     * most half of the heap.
     */
    static final long BYTES_PER_ROW = 500;

    /** The scratch file's extra columns: the input's name and the 1-based row number. */
    private static final StructType SCRATCH = scratchSchema();

    private static final Comparator<String> TEXT = SqlSemantics.UTF8_NULLS_FIRST;

    /** What validation on the driver gives: the accepted observations and the rows accepted and quarantined. */
    record Result(Dataset<Row> observations, Map<String, Long> accepted, Map<String, Long> quarantined) {
    }

    private DriverValidation() {
    }

    /**
     * Why the extracts cannot be validated on the driver, or empty when they can.
     *
     * @param extracts canonical extract inputs
     * @param rows the rows of all of them
     * @param maxHeap the driver's heap limit in bytes ({@link Runtime#maxMemory()})
     */
    static Optional<String> unsuitable(SparkSession spark, List<InputFiles.Input> extracts, long rows, long maxHeap) {
        if (rows * BYTES_PER_ROW > maxHeap / 2) {
            return Optional.of(String.format(Locale.ROOT, "%,d rows need about %,d MB of the driver's %,d MB heap",
                    rows, rows * BYTES_PER_ROW >> 20, maxHeap >> 20));
        }
        for (InputFiles.Input in : extracts) {
            if (in.kind() != InputFiles.Kind.EXTRACT) {
                return Optional.of(in.name() + " is not a canonical extract");
            }
            for (Path part : in.parts()) {
                Optional<String> why = unsuitable(spark, footer(part));
                if (why.isPresent()) {
                    return Optional.of(part + ": " + why.get());
                }
            }
        }
        return Optional.empty();
    }

    /** Whether Spark reads every canonical column of this footer as the text {@link #textOf} gives. */
    static Optional<String> unsuitable(SparkSession spark, ParquetMetadata footer) {
        MessageType schema = footer.getFileMetaData().getSchema();
        java.util.Set<String> lower = new java.util.HashSet<>();
        for (Type t : schema.getFields()) {
            if (!lower.add(t.getName().toLowerCase(Locale.ROOT))) {
                return Optional.of("two columns named '" + t.getName() + "' but for case");
            }
        }
        // the schema Spark reads with (a Spark writer's stored schema where there is one)
        StructType spark0 = ValidateStep.sparkSchema(spark, footer);
        for (Column c : Column.values()) {
            if (!schema.containsField(c.columnName())) {
                continue;
            }
            Type t = schema.getType(c.columnName());
            if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
                return Optional.of("column '" + c.columnName() + "' is not a single value");
            }
            DataType natural = naturalType(t.asPrimitiveType());
            if (natural == null) {
                return Optional.of("column '" + c.columnName() + "' is " + t);
            }
            StructField read = spark0.getFieldIndex(c.columnName()).isDefined()
                    ? spark0.fields()[(Integer) spark0.getFieldIndex(c.columnName()).get()] : null;
            if (read == null || !read.dataType().equals(natural)) {
                return Optional.of("column '" + c.columnName() + "' is read by Spark as "
                        + (read == null ? "nothing" : read.dataType().simpleString()));
            }
        }
        return Optional.empty();
    }

    /** The Spark type of a primitive column core's reader reads the same way, or null. */
    private static DataType naturalType(PrimitiveType p) {
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        return switch (p.getPrimitiveTypeName()) {
            case BINARY -> a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation ? DataTypes.StringType : null;
            case DOUBLE -> a == null ? DataTypes.DoubleType : null;
            case FLOAT -> a == null ? DataTypes.FloatType : null;
            case INT32 -> a == null || a.equals(LogicalTypeAnnotation.intType(32, true)) ? DataTypes.IntegerType : null;
            case INT64 -> a == null || a.equals(LogicalTypeAnnotation.intType(64, true)) ? DataTypes.LongType : null;
            default -> null;
        };
    }

    /**
     * Validates the extracts, writes their quarantine files under {@code quarantineDir} and their accepted rows to
     * {@code scratch}, and returns the accepted rows as read back by Spark ({@link ValidateStep#OBSERVATIONS}'s
     * columns), in one partition.
     *
     * @throws DrugstatsException when a file cannot be read (the caller falls back to {@link ValidateStep})
     */
    static Result run(SparkSession spark, List<InputFiles.Input> extracts, Path scratch, Path quarantineDir) {
        List<InputFiles.Input> ordered = new ArrayList<>(extracts);
        ordered.sort(Comparator.comparing(InputFiles.Input::name, TEXT));
        Map<String, Long> accepted = new HashMap<>();
        Map<String, Long> quarantined;
        Path file = scratch.resolve("validated.parquet");
        try (QuarantineFiles.Printers q = QuarantineFiles.Printers.open(extracts, quarantineDir)) {
            Files.createDirectories(scratch);
            Files.deleteIfExists(file);
            try (ParquetWriter<Group> w = writer(file)) {
                SimpleGroupFactory groups = new SimpleGroupFactory(parquetSchema());
                for (InputFiles.Input in : ordered) {
                    List<Accepted> rows = check(in, q);
                    rows.sort(Accepted.ORDER);
                    for (Accepted a : rows) {
                        w.write(group(groups, a, in.name()));
                    }
                    accepted.put(in.name(), (long) rows.size());
                }
            }
            quarantined = q.finish();
        } catch (IOException e) {
            throw DrugstatsException.of(e, "%s: cannot write the validated rows: %s", file, e.getMessage());
        }
        Dataset<Row> observations = spark.read().schema(SCRATCH).parquet(file.toUri().toString()).coalesce(1);
        return new Result(observations, Map.copyOf(accepted), quarantined);
    }

    /** An accepted row with its 1-based row number. */
    private record Accepted(Observation o, long row) {
        static final Comparator<Accepted> ORDER = order();

        private static Comparator<Accepted> order() {
            Comparator<Accepted> c = null;
            for (Column k : ObservationKey.COLUMNS) {
                Comparator<Accepted> next = Comparator.comparing((Accepted a) -> a.o().text(k), TEXT);
                c = c == null ? next : c.thenComparing(next);
            }
            return c;
        }
    }

    /**
     * Checks every row of an input in row order: a rejected row and a later row of a key already accepted go to its
     * quarantine file at once (so in row order), the accepted ones are returned.
     */
    private static List<Accepted> check(InputFiles.Input in, QuarantineFiles.Printers q) {
        List<Accepted> out = new ArrayList<>();
        Map<ObservationKey, Long> firstRow = new HashMap<>();
        Texts texts = new Texts();
        long row = 0;
        for (Path part : in.parts()) {
            try (ParquetFileReader reader = ParquetFileReader.open(PathInputFile.of(part),
                    // pages checked against their CRC-32: a damaged page is left to the Spark step, not read as garbage
                    ParquetExtracts.verifyingReadOptions())) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                int[] index = new int[Column.values().length];
                for (Column c : Column.values()) {
                    index[c.ordinal()] = schema.containsField(c.columnName()) ? schema.getFieldIndex(c.columnName()) : -1;
                }
                MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
                PageReadStore pages;
                while ((pages = reader.readNextRowGroup()) != null) {
                    RecordReader<Group> rr = io.getRecordReader(pages, new GroupRecordConverter(schema));
                    for (long i = 0, n = pages.getRowCount(); i < n; i++) {
                        Group g = rr.read();
                        String[] raw = new String[index.length];
                        for (int c = 0; c < index.length; c++) {
                            int idx = index[c];
                            if (idx >= 0 && g.getFieldRepetitionCount(idx) > 0) {
                                raw[c] = texts.of(c, textOf(g, idx, schema.getType(idx).asPrimitiveType()));
                            }
                        }
                        if (raw[Column.UNIT_MULT.ordinal()] == null) {
                            raw[Column.UNIT_MULT.ordinal()] = "0";
                        }
                        row++;
                        ExtractValidator.RowCheck check = ExtractValidator.checkRow(in.name(), row, raw);
                        if (!check.accepted()) {
                            q.print(in.name(), check.quarantine().orElseThrow());
                            continue;
                        }
                        Observation o = check.observation().orElseThrow();
                        Long first = firstRow.putIfAbsent(o.key(), row);
                        if (first != null) {
                            q.print(in.name(), new QuarantineRow(in.name(), null, row, null, null,
                                    QuarantineReason.DUPLICATE_KEY,
                                    "same key as row " + first + " " + ExtractValidator.describeKey(o.key()),
                                    ExtractValidator.textOf(o)));
                        } else {
                            out.add(new Accepted(o, row));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof DrugstatsException de) {
                    throw de;
                }
                throw DrugstatsException.of(e, "%s: cannot be read on the driver (%s)", part, e.getMessage());
            }
        }
        return out;
    }

    /**
     * A cell as the text {@link ValidateStep.CheckExtractRows#text} gives for the value Spark reads from it (the
     * types {@link #naturalType} admits).
     */
    private static String textOf(Group g, int idx, PrimitiveType t) {
        return switch (t.getPrimitiveTypeName()) {
            case BINARY -> g.getString(idx, 0);
            case DOUBLE -> ValidateStep.CheckExtractRows.text(g.getDouble(idx, 0));
            case FLOAT -> ValidateStep.CheckExtractRows.text(g.getFloat(idx, 0));
            case INT32 -> Integer.toString(g.getInteger(idx, 0));
            case INT64 -> Long.toString(g.getLong(idx, 0));
            default -> throw new IllegalStateException("not admitted: " + t);
        };
    }

    /**
     * One shared string per distinct text of a column (a column of an input repeats a few codes across its rows,
     * which the reader decodes into a new string each time); at most 65,536 per column, then texts are kept as read.
     */
    private static final class Texts {
        private final List<Map<String, String>> byColumn = new ArrayList<>();

        Texts() {
            for (int i = 0; i < Column.values().length; i++) {
                byColumn.add(new HashMap<>());
            }
        }

        String of(int column, String s) {
            Map<String, String> m = byColumn.get(column);
            String shared = m.get(s);
            if (shared != null) {
                return shared;
            }
            if (m.size() < 65_536) {
                m.put(s, s);
            }
            return s;
        }
    }

    private static ParquetMetadata footer(Path part) {
        try (ParquetFileReader r = ParquetFileReader.open(PathInputFile.of(part))) {
            return r.getFooter();
        } catch (IOException e) {
            throw DrugstatsException.of(e, "%s: not a readable Parquet file (%s)", part, e.getMessage());
        }
    }

    // ---------------------------------------------------------------- the scratch file

    private static StructType scratchSchema() {
        StructType s = new StructType();
        for (StructField f : Schemas.EXTRACT.fields()) {
            s = s.add(f.name(), f.dataType(), true);
        }
        return s.add(Schemas.INPUT, DataTypes.StringType, true).add(Schemas.ROW, DataTypes.LongType, true);
    }

    private static MessageType parquetSchema() {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Column c : Column.values()) {
            switch (c.type()) {
                case STRING -> b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                        .named(c.columnName());
                case DOUBLE -> b.optional(PrimitiveTypeName.DOUBLE).named(c.columnName());
                case INT -> b.optional(PrimitiveTypeName.INT32).named(c.columnName());
                default -> throw new IllegalStateException(c.type().toString());
            }
        }
        b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(Schemas.INPUT);
        b.optional(PrimitiveTypeName.INT64).named(Schemas.ROW);
        return b.named("validated");
    }

    private static ParquetWriter<Group> writer(Path file) throws IOException {
        return ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new Configuration(false))
                .withType(parquetSchema())
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withDictionaryEncoding(true)
                .build();
    }

    /** The row as {@link ValidateStep} gives an accepted row: each column's typed value (as an extract holds it). */
    private static Group group(SimpleGroupFactory groups, Accepted a, String input) {
        Group g = groups.newGroup();
        for (Column c : Column.values()) {
            ParquetExtracts.putValue(g, c, a.o());
        }
        g.append(Schemas.INPUT, input);
        g.append(Schemas.ROW, a.row());
        return g;
    }
}
