package org.drugstats.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ExtractValidator;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.QuarantineRow;
import org.drugstats.core.data.SeizureEvents;

/**
 * Step 1, validate: every row of every input is checked with core's rules and either accepted or quarantined
 * with a reason, so that per input rows read = rows accepted + rows quarantined.
 *
 * <p>Canonical extracts: core's pure per-row check {@link ExtractValidator#checkRow} runs in each partition;
 * duplicate keys ({@link org.drugstats.core.data.ObservationKey}: indicator, area, period, sex, age, drug,
 * method, source) are then found with a window over the key columns within each input: the first row (by row
 * number) is kept and later ones are quarantined naming it, exactly as core's single-machine validator does.
 * Seizure events: {@link SeizureEvents#checkRow} decides every row (rows a conservative SQL predicate recognises as
 * valid skip the round trip), then duplicate event ids within an input (see {@link ValidateEvents}).
 *
 * <p>Row numbers are 1-based positions in the input (part files in name order, offsets from their footers),
 * read with Spark's {@code _metadata.row_index}, so quarantine rows name the same row as
 * {@code drugstats extract validate}.
 */
public final class ValidateStep {

    /** Accepted observations: the canonical schema plus {@link Schemas#INPUT} and {@link Schemas#ROW}. */
    public static final StructType OBSERVATIONS = Schemas.extractPlus(
            Schemas.field(Schemas.INPUT, DataTypes.StringType, false),
            Schemas.field(Schemas.ROW, DataTypes.LongType, false));

    /**
     * Accepted seizure events with their input and row; {@code area_code} and {@code drug_code} are null for inputs
     * read by their names ({@link EventCodes}).
     */
    public static final StructType EVENTS = DataTypes.createStructType(new StructField[] {
        Schemas.field(Schemas.INPUT, DataTypes.StringType, false),
        Schemas.field(Schemas.ROW, DataTypes.LongType, false),
        Schemas.field(SeizureEvents.EVENT_ID, DataTypes.LongType, true),
        Schemas.field(SeizureEvents.REF_AREA, DataTypes.StringType, true),
        Schemas.field(SeizureEvents.YEAR, DataTypes.IntegerType, true),
        Schemas.field(SeizureEvents.DRUG_GROUP, DataTypes.StringType, true),
        Schemas.field(SeizureEvents.DRUG_SUBGROUP, DataTypes.StringType, true),
        Schemas.field(SeizureEvents.DRUG, DataTypes.StringType, true),
        Schemas.field(SeizureEvents.KILOGRAMS, DataTypes.DoubleType, true),
        Schemas.field(SeizureEvents.AREA_CODE, DataTypes.IntegerType, true),
        Schemas.field(SeizureEvents.DRUG_CODE, DataTypes.IntegerType, true)});

    private static final String[] KEY = org.drugstats.core.data.ObservationKey.COLUMNS.stream()
            .map(Column::columnName).toArray(String[]::new);

    private static final String OK = "ok";
    private static final String TEXT = "t_";
    static final String REASON = "q_reason";
    /** The part-file number column of {@link #readParts(SparkSession, InputFiles.Input, List, int)}. */
    static final String PART = "part";
    private static final String QCOLUMN = "q_column";
    private static final String RAW = "q_raw_value";
    private static final String DETAIL = "q_detail";

    /**
     * Checked canonical rows: typed columns, their text (an accepted row's only for the numbers, {@link
     * #textIsTyped}), input, row, and the quarantine fields (null when ok).
     */
    static final StructType CHECKED = checked();

    /** Checked events: the event columns, then the quarantine fields (null when accepted). */
    static final StructType CHECKED_EVENTS = EVENTS
            .add(REASON, DataTypes.StringType, true)
            .add(QCOLUMN, DataTypes.StringType, true)
            .add(RAW, DataTypes.StringType, true)
            .add(DETAIL, DataTypes.StringType, true);

    private ValidateStep() {
    }

    /**
     * What validation gives: accepted observations ({@link #OBSERVATIONS}), accepted events ({@link #EVENTS}) and
     * quarantined rows ({@link Schemas#QUARANTINE}), all lazily computed; and {@code checked}, the per-row check
     * results all three derive from — persist them before the first action, or every output re-runs the checks
     * over the whole input.
     */
    public record Result(Dataset<Row> observations, Dataset<Row> events, Dataset<Row> quarantine,
            List<Dataset<Row>> checked) {

        /** A result without intermediate datasets. */
        public Result(Dataset<Row> observations, Dataset<Row> events, Dataset<Row> quarantine) {
            this(observations, events, quarantine, List.of());
        }
    }

    private static StructType checked() {
        StructType s = new StructType();
        for (StructField f : Schemas.EXTRACT.fields()) {
            s = s.add(f.name(), f.dataType(), true);
        }
        for (Column c : Column.values()) {
            s = s.add(TEXT + c.columnName(), DataTypes.StringType, true);
        }
        return s.add(Schemas.INPUT, DataTypes.StringType, false)
                .add(Schemas.ROW, DataTypes.LongType, false)
                .add(OK, DataTypes.BooleanType, false)
                .add(REASON, DataTypes.StringType, true)
                .add(QCOLUMN, DataTypes.StringType, true)
                .add(RAW, DataTypes.StringType, true)
                .add(DETAIL, DataTypes.StringType, true);
    }

    /** Validates every input. */
    public static Result run(SparkSession spark, List<InputFiles.Input> inputs) {
        Dataset<Row> obs = spark.createDataFrame(List.of(), OBSERVATIONS);
        Dataset<Row> events = spark.createDataFrame(List.of(), EVENTS);
        Dataset<Row> quarantine = spark.createDataFrame(List.of(), Schemas.QUARANTINE);
        List<InputFiles.Input> extracts = inputs.stream().filter(i -> i.kind() == InputFiles.Kind.EXTRACT).toList();
        List<InputFiles.Input> eventInputs = inputs.stream().filter(i -> i.kind() == InputFiles.Kind.SEIZURE_EVENTS)
                .toList();
        List<Dataset<Row>> checked = new ArrayList<>();
        if (!extracts.isEmpty()) {
            Result r = validateExtracts(spark, extracts);
            obs = r.observations();
            quarantine = quarantine.unionByName(r.quarantine());
            checked.addAll(r.checked());
        }
        if (!eventInputs.isEmpty()) {
            Result r = ValidateEvents.validate(spark, eventInputs);
            events = r.events();
            quarantine = quarantine.unionByName(r.quarantine());
            checked.addAll(r.checked());
        }
        return new Result(obs, events, quarantine, List.copyOf(checked));
    }

    // ---------------------------------------------------------------- canonical extracts

    static Result validateExtracts(SparkSession spark, List<InputFiles.Input> inputs) {
        Dataset<Row> raw = null;
        for (InputFiles.Input in : inputs) {
            Dataset<Row> d = readParts(spark, in, Arrays.stream(Column.values()).map(Column::columnName).toList());
            raw = raw == null ? d : raw.unionByName(d);
        }
        if (SparkSessions.shufflesIntoOne(spark)) {
            // the window below would shuffle every checked row (55 columns) into that one partition: reading into
            // it instead leaves the window nothing to exchange (one partition is clustered by any key)
            raw = raw.coalesce(1);
        }
        Dataset<Row> checked = raw.mapPartitions(new CheckExtractRows(), Encoders.row(CHECKED));

        WindowSpec byKey = Window.partitionBy(keyColumns());
        Dataset<Row> withFirst = checked.withColumn("first_row",
                when(col(OK), min(when(col(OK), col(Schemas.ROW))).over(byKey)));
        Column[] all = Column.values();
        Dataset<Row> accepted = withFirst.filter(col(OK).and(col(Schemas.ROW).equalTo(col("first_row"))));
        org.apache.spark.sql.Column[] obsCols = new org.apache.spark.sql.Column[all.length + 2];
        for (int i = 0; i < all.length; i++) {
            obsCols[i] = col(all[i].columnName());
        }
        obsCols[all.length] = col(Schemas.INPUT);
        obsCols[all.length + 1] = col(Schemas.ROW);
        Dataset<Row> observations = accepted.select(obsCols);

        Dataset<Row> dups = withFirst.filter(col(OK).and(col(Schemas.ROW).notEqual(col("first_row"))))
                .withColumn(REASON, lit(QuarantineReason.DUPLICATE_KEY.code()))
                .withColumn(QCOLUMN, lit(null).cast(DataTypes.StringType))
                .withColumn(RAW, lit(null).cast(DataTypes.StringType))
                .withColumn(DETAIL, org.apache.spark.sql.functions.format_string(
                        "same key as row %d (indicator=%s, ref_area=%s, time_period=%s, sex=%s, age=%s, drug=%s, method=%s, source=%s%s)",
                        col("first_row"), text(Column.INDICATOR), text(Column.REF_AREA), text(Column.TIME_PERIOD),
                        text(Column.SEX), text(Column.AGE), text(Column.DRUG), text(Column.METHOD),
                        col("source"),
                        // as core's ExtractValidator.describeKey words it: group, record and sub-area only where
                        // the key has them
                        org.apache.spark.sql.functions.concat(optionalKeyPart(Column.DRUG_GROUP),
                                optionalKeyPart(Column.RECORD), optionalKeyPart(Column.SUB_AREA))));
        Dataset<Row> bad = withFirst.filter(org.apache.spark.sql.functions.not(col(OK)));
        Dataset<Row> quarantine = toQuarantine(bad).unionByName(toQuarantine(dups));
        Dataset<Row> noEvents = spark.createDataFrame(List.of(), EVENTS);
        return new Result(observations, noEvents, quarantine, List.of(withFirst));
    }

    /** {@code ", column=text"} where the checked row has the column, else empty. */
    private static org.apache.spark.sql.Column optionalKeyPart(Column c) {
        return when(text(c).isNotNull(), org.apache.spark.sql.functions.concat(lit(", " + c.columnName() + "="),
                text(c))).otherwise(lit(""));
    }

    /**
     * Whether a column's text, as core's validator gives it, is its typed value: every column but the numbers. An
     * accepted row leaves the text of such a column null (its typed column holds the same string), which takes 19 of
     * the 24 text copies out of every checked row that is shuffled, sorted and cached (on data/ 386,719 rows whose
     * names, sources, notes and origins were held twice).
     */
    static boolean textIsTyped(Column c) {
        return switch (c) {
            case VALUE, LOWER, UPPER, STD_ERROR, UNIT_MULT -> false;
            default -> true;
        };
    }

    /** A checked row's text of a column: the text column, else (accepted rows) the typed value it equals. */
    private static org.apache.spark.sql.Column text(Column c) {
        org.apache.spark.sql.Column t = col(TEXT + c.columnName());
        return textIsTyped(c) ? coalesce(t, col(c.columnName())) : t;
    }

    private static org.apache.spark.sql.Column[] keyColumns() {
        org.apache.spark.sql.Column[] k = new org.apache.spark.sql.Column[KEY.length + 1];
        k[0] = col(Schemas.INPUT);
        for (int i = 0; i < KEY.length; i++) {
            k[i + 1] = col(KEY[i]);
        }
        return k;
    }

    private static Dataset<Row> toQuarantine(Dataset<Row> checked) {
        List<org.apache.spark.sql.Column> cols = new ArrayList<>();
        for (Column c : Column.values()) {
            cols.add(text(c).as(c.columnName()));
        }
        cols.add(col(REASON).as("reason"));
        cols.add(lit(null).cast(DataTypes.StringType).as("sheet"));
        cols.add(col(Schemas.ROW));
        cols.add(col(QCOLUMN).as("column"));
        cols.add(col(RAW).as("raw_value"));
        cols.add(col(DETAIL).as("detail"));
        cols.add(col(Schemas.INPUT));
        return checked.select(cols.toArray(new org.apache.spark.sql.Column[0]));
    }

    /**
     * Reads an input's parts with their row numbers: each part's {@code _metadata.row_index} plus the rows of
     * the parts before it. Columns absent from the file (optional ones) are read as null.
     */
    static Dataset<Row> readParts(SparkSession spark, InputFiles.Input in, List<String> columns) {
        return readParts(spark, in, columns, -1);
    }

    /**
     * As {@link #readParts(SparkSession, InputFiles.Input, List)}, with each part's number (from {@code firstPart}
     * on, in name order) as a constant column {@code part} when {@code firstPart} ≥ 0: a filter on it removes whole
     * parts from the plan before any file is opened.
     */
    static Dataset<Row> readParts(SparkSession spark, InputFiles.Input in, List<String> columns, int firstPart) {
        Dataset<Row> all = null;
        int partNumber = firstPart;
        long offset = 0;
        for (Path part : in.parts()) {
            org.apache.parquet.hadoop.metadata.ParquetMetadata footer = footer(part);
            // the schema Spark would infer from this footer, given: inferring it runs one Spark job per part file
            Dataset<Row> d = spark.read().schema(sparkSchema(spark, footer)).parquet(part.toUri().toString());
            List<String> present = Arrays.asList(d.columns());
            List<org.apache.spark.sql.Column> sel = new ArrayList<>();
            for (String c : columns) {
                sel.add(present.contains(c) ? col(c) : lit(null).cast(DataTypes.StringType).as(c));
            }
            sel.add(lit(in.name()).as(Schemas.INPUT));
            sel.add(col("_metadata.row_index").plus(offset + 1).as(Schemas.ROW));
            if (firstPart >= 0) {
                sel.add(lit(partNumber++).as(PART));
            }
            d = d.select(sel.toArray(new org.apache.spark.sql.Column[0]));
            all = all == null ? d : all.unionByName(d);
            offset += footer.getBlocks().stream().mapToLong(b -> b.getRowCount()).sum();
        }
        return all;
    }

    private static org.apache.parquet.hadoop.metadata.ParquetMetadata footer(Path part) {
        try (ParquetFileReader r = ParquetFileReader.open(org.drugstats.core.data.PathInputFile.of(part))) {
            return r.getFooter();
        } catch (java.io.IOException e) {
            throw DrugstatsException.of(e, "%s: not a readable Parquet file (%s)", part, e.getMessage());
        }
    }

    /**
     * The schema Spark's Parquet source infers from a footer ({@code ParquetFileFormat.readSchemaFromFooter}): the
     * Spark schema a Spark writer stored in the file's metadata, else the conversion of the Parquet schema with the
     * session's settings. Given to the reader, it saves the inference job Spark runs per file.
     */
    static StructType sparkSchema(SparkSession spark, org.apache.parquet.hadoop.metadata.ParquetMetadata footer) {
        String stored = footer.getFileMetaData().getKeyValueMetaData()
                .get("org.apache.spark.sql.parquet.row.metadata");
        if (stored != null) {
            try {
                if (org.apache.spark.sql.types.DataType.fromJson(stored) instanceof StructType st) {
                    return st;
                }
            } catch (RuntimeException e) {
                // Spark falls back to the Parquet schema when the stored one does not parse; so do we
            }
        }
        return new org.apache.spark.sql.execution.datasources.parquet.ParquetToSparkSchemaConverter(
                spark.sessionState().conf()).convert(footer.getFileMetaData().getSchema());
    }

    /** Core's per-row check, applied to each row of a partition. */
    static final class CheckExtractRows implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            int n = Column.values().length;
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    Row r = rows.next();
                    String[] raw = new String[n];
                    for (int i = 0; i < n; i++) {
                        raw[i] = text(r.get(i));
                    }
                    if (raw[Column.UNIT_MULT.ordinal()] == null) {
                        raw[Column.UNIT_MULT.ordinal()] = "0";
                    }
                    String input = r.getString(n);
                    long row = r.getLong(n + 1);
                    ExtractValidator.RowCheck check = ExtractValidator.checkRow(input, row, raw);
                    Object[] out = new Object[CHECKED.size()];
                    if (check.accepted()) {
                        Observation o = check.observation().orElseThrow();
                        for (Column c : Column.values()) {
                            out[c.ordinal()] = typed(o, c);
                            out[n + c.ordinal()] = textIsTyped(c) ? null : o.text(c);
                        }
                        out[2 * n] = input;
                        out[2 * n + 1] = row;
                        out[2 * n + 2] = true;
                    } else {
                        QuarantineRow q = check.quarantine().orElseThrow();
                        for (Column c : Column.values()) {
                            out[n + c.ordinal()] = q.text(c);
                        }
                        out[2 * n] = input;
                        out[2 * n + 1] = row;
                        out[2 * n + 2] = false;
                        out[2 * n + 3] = q.reason().code();
                        out[2 * n + 4] = q.column();
                        out[2 * n + 5] = q.rawValue();
                        out[2 * n + 6] = q.detail();
                    }
                    return RowFactory.create(out);
                }
            };
        }

        /** A column's typed value: its text where {@link #textIsTyped} says so (the quarantine relies on it). */
        private static Object typed(Observation o, Column c) {
            if (textIsTyped(c)) {
                return o.text(c);
            }
            return switch (c) {
                case VALUE -> o.value();
                case LOWER -> o.lower();
                case UPPER -> o.upper();
                case STD_ERROR -> o.stdError();
                case UNIT_MULT -> o.unitMult();
                default -> throw new IllegalStateException("no typed value for " + c);
            };
        }

        /** A Parquet value as the text core's reader would give. */
        static String text(Object v) {
            if (v == null) {
                return null;
            }
            if (v instanceof Double d) {
                return Double.isFinite(d) ? Observation.number(d) : d.toString();
            }
            if (v instanceof Float f) {
                return Float.isFinite(f) ? Observation.number((double) f) : f.toString();
            }
            return v.toString();
        }
    }

    /** A quarantine row as a row of {@link Schemas#QUARANTINE}. */
    static Row quarantineRow(QuarantineRow q, String input) {
        int n = Column.values().length;
        Object[] out = new Object[n + 7];
        for (Column c : Column.values()) {
            out[c.ordinal()] = q.text(c);
        }
        out[n] = q.reason().code();
        out[n + 1] = q.sheet();
        out[n + 2] = q.row();
        out[n + 3] = q.column();
        out[n + 4] = q.rawValue();
        out[n + 5] = q.detail();
        out[n + 6] = input;
        return RowFactory.create(out);
    }
}
