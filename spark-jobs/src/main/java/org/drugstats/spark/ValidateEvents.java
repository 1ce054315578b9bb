package org.drugstats.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.substring;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.drugstats.core.data.QuarantineRow;
import org.drugstats.core.data.SeizureEventCodes;
import org.drugstats.core.data.SeizureEvents;

/**
 * Validation of seizure-event inputs (the extracts' validation is {@link ValidateStep}'s): core's event check
 * ({@link SeizureEvents#checkRow}) decides every row, then repeated event ids within an input are quarantined after
 * their first row; bad and repeated events become quarantine rows.
 *
 * <p>At scale (10^8 events) three things are cheap here that were not (issue 18):
 * <ul>
 * <li><b>A fast path that is sound by construction.</b> A row that satisfies {@link #surelyAccepted()} — a
 * conservative predicate in Spark SQL, evaluated on Parquet's column batches — is one that core's check accepts
 * (each conjunct implies one of core's conditions, see the method). Those rows are accepted without being converted
 * to {@code Row} objects; every other row goes through core's check, which accepts or quarantines it with its
 * reason. A row the predicate does not recognise is therefore only slower, never judged differently, and the
 * results are those of core's check on every row ({@code ValidateEventsTest} compares both on faulty rows).</li>
 * <li><b>Repeated event ids without a full hash aggregation.</b> One pass over the event ids alone
 * ({@link EventIdRuns}) proves, for the usual file of increasing ids, that no id repeats: within each Spark partition
 * the ids strictly increase (so they are distinct) and the partitions' [min, max] ranges of one input do not
 * overlap (so no id is in two partitions). Only when that proof fails (ids out of order or ranges overlapping) are
 * the repeated ids found exactly, by a group-by on (input, event_id) joined back, as before. Either way the
 * accepted rows and the quarantine are the same: an id of distinct raw ids cannot repeat among the accepted ones.</li>
 * <li><b>Only the rows core checks are cached</b> ({@link ValidateStep.Result#checked()}: the rows outside the
 * fast path, usually the faulty ones), and they are read only from the part files where the pass over the ids
 * counted any: the accepted events are re-read from Parquet through the fast path.</li>
 * </ul>
 *
 * <p>Coded inputs ({@link EventCodes}: {@code area_code} and {@code drug_code} with a dictionary in the metadata)
 * have their codes checked too, in the fast path ({@link EventCodes#consistent}) and in core's check alike, so that
 * the totals grouped by codes cannot differ from the totals by names: a row whose code is missing, unlisted or
 * stands for other names is quarantined with its reason. The ids pass counts the rows outside the same fast path.
 */
final class ValidateEvents {

    private ValidateEvents() {
    }

    /** Validates seizure-event inputs: accepted events, and bad and repeated events as quarantine rows. */
    static ValidateStep.Result validate(SparkSession spark, List<InputFiles.Input> inputs) {
        Map<String, SeizureEventCodes> codes = EventCodes.byInput(inputs);
        Dataset<Row> raw = read(spark, inputs, codes);
        String[] eventCols = ValidateStep.EVENTS.fieldNames();
        org.apache.spark.sql.Column[] eventColumns = Arrays.stream(eventCols)
                .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new);
        org.apache.spark.sql.Column fast = surelyAccepted(codes,
                inputs.stream().map(InputFiles.Input::name).toList());
        List<EventIdRuns.IdRange> runs = EventIdRuns.idRanges(raw, fast);
        // core checks the rows outside the fast path, read only from the parts that hold any
        Object[] slowParts = runs.stream().filter(r -> r.slow() > 0).map(EventIdRuns.IdRange::part).distinct().toArray();
        Dataset<Row> checked = raw.filter(col(ValidateStep.PART).isin(slowParts))
                .filter(not(coalesce(fast, lit(false)))).select(eventColumns)
                .mapPartitions(new CheckEventRows(codes), Encoders.row(ValidateStep.CHECKED_EVENTS));
        Dataset<Row> fastRows = raw.filter(fast);
        Dataset<Row> coreOk = checked.filter(col(ValidateStep.REASON).isNull()).select(eventColumns);
        Dataset<Row> okRows = fastRows.select(eventColumns).unionByName(coreOk);
        Dataset<Row> bad = checked.filter(col(ValidateStep.REASON).isNotNull())
                .map(new EventQuarantine(codes), Encoders.row(Schemas.QUARANTINE));
        Dataset<Row> noObs = spark.createDataFrame(List.of(), ValidateStep.OBSERVATIONS);
        Map<String, List<long[]>> suspect = EventIdRuns.suspectRanges(runs);
        if (suspect.isEmpty()) {
            Dataset<Row> noDups = spark.createDataFrame(List.of(), Schemas.QUARANTINE);
            return new ValidateStep.Result(noObs, okRows, bad.unionByName(noDups), List.of(checked));
        }
        // ids that may repeat lie in the suspect ranges (all of them when there are too many ranges to name)
        boolean named = suspect.values().stream().mapToInt(List::size).sum() <= EventIdRuns.MAX_RANGES;
        org.apache.spark.sql.Column inSuspect = named ? EventIdRuns.within(suspect) : lit(true);
        // only the parts whose runs meet a suspect range can hold such ids: the others leave the plan
        Object[] suspectParts = runs.stream().filter(r -> !named || EventIdRuns.meets(r, suspect.get(r.input())))
                .map(EventIdRuns.IdRange::part).distinct().toArray();
        Dataset<Row> clear = okRows.filter(not(inSuspect));
        Dataset<Row> maybe = fastRows.filter(col(ValidateStep.PART).isin(suspectParts)).select(eventColumns)
                .unionByName(coreOk).filter(inSuspect);
        Dataset<Row> repeated = maybe.groupBy(col(Schemas.INPUT), col(SeizureEvents.EVENT_ID))
                .agg(min(col(Schemas.ROW)).as("first_row"), org.apache.spark.sql.functions.count(lit(1)).as("n"))
                .filter(col("n").gt(1))
                .select(col(Schemas.INPUT).as("d_input"), col(SeizureEvents.EVENT_ID).as("d_event_id"),
                        col("first_row"));
        Dataset<Row> joined = maybe.join(repeated, maybe.col(Schemas.INPUT).equalTo(repeated.col("d_input"))
                .and(maybe.col(SeizureEvents.EVENT_ID).equalTo(repeated.col("d_event_id"))), "left");
        org.apache.spark.sql.Column isDup = col("first_row").isNotNull()
                .and(col(Schemas.ROW).notEqual(col("first_row")));
        Dataset<Row> accepted = clear.unionByName(joined.filter(not(isDup)).select(eventColumns));
        Dataset<Row> dups = joined.filter(isDup)
                .select(col(Schemas.INPUT), col(Schemas.ROW), col("first_row"), col(SeizureEvents.EVENT_ID),
                        col(SeizureEvents.REF_AREA), col(SeizureEvents.YEAR), col(SeizureEvents.DRUG_GROUP),
                        col(SeizureEvents.DRUG_SUBGROUP), col(SeizureEvents.DRUG), col(SeizureEvents.KILOGRAMS))
                .map(new EventDuplicate(), Encoders.row(Schemas.QUARANTINE));
        return new ValidateStep.Result(noObs, accepted, bad.unionByName(dups), List.of(checked));
    }

    /**
     * The events of every input, typed as {@link ValidateStep#EVENTS}, with their input and row number, and the
     * number of their part file (over all inputs, from 0); the code columns of the coded inputs among {@code codes},
     * null for the others.
     */
    static Dataset<Row> read(SparkSession spark, List<InputFiles.Input> inputs, Map<String, SeizureEventCodes> codes) {
        Dataset<Row> raw = null;
        int parts = 0;
        for (InputFiles.Input in : inputs) {
            boolean coded = codes.containsKey(in.name());
            List<String> columns = new java.util.ArrayList<>(SeizureEvents.COLUMNS);
            if (coded) {
                columns.addAll(SeizureEvents.CODE_COLUMNS);
            }
            org.apache.spark.sql.Column area = coded ? col(SeizureEvents.AREA_CODE).cast(DataTypes.IntegerType)
                    : lit(null).cast(DataTypes.IntegerType);
            org.apache.spark.sql.Column drug = coded ? col(SeizureEvents.DRUG_CODE).cast(DataTypes.IntegerType)
                    : lit(null).cast(DataTypes.IntegerType);
            Dataset<Row> d = ValidateStep.readParts(spark, in, columns, parts)
                    .select(col(Schemas.INPUT), col(Schemas.ROW),
                            col(SeizureEvents.EVENT_ID).cast(DataTypes.LongType),
                            col(SeizureEvents.REF_AREA).cast(DataTypes.StringType),
                            col(SeizureEvents.YEAR).cast(DataTypes.IntegerType),
                            col(SeizureEvents.DRUG_GROUP).cast(DataTypes.StringType),
                            col(SeizureEvents.DRUG_SUBGROUP).cast(DataTypes.StringType),
                            col(SeizureEvents.DRUG).cast(DataTypes.StringType),
                            col(SeizureEvents.KILOGRAMS).cast(DataTypes.DoubleType),
                            area.as(SeizureEvents.AREA_CODE), drug.as(SeizureEvents.DRUG_CODE), col(ValidateStep.PART));
            parts += in.parts().size();
            raw = raw == null ? d : raw.unionByName(d);
        }
        return raw;
    }

    /**
     * A predicate that holds only for events core's {@link SeizureEvents#checkRow} accepts (null counts as false;
     * it may reject an event core accepts, which then goes through core's check). Conjunct by conjunct, against
     * core's conditions in their order:
     * <ul>
     * <li>{@code event_id IS NOT NULL}: core's first check.</li>
     * <li>{@code ref_area}: exactly three bytes, and each of the three one-character substrings between "A" and
     * "Z" in byte order — three bytes that are the letters A–Z, so a Java string of three upper-case ASCII letters:
     * not blank, and of the ISO 3166 alpha-3 form.</li>
     * <li>{@code year} in [{@value SeizureEvents#MIN_YEAR}, {@value SeizureEvents#MAX_YEAR}] (so not null).</li>
     * <li>{@code drug_group} and {@code drug}: at least "!" and below "\u007f" in byte order, i.e. not empty and
     * with a first byte in 0x21–0x7E, a printable ASCII character that is not {@link Character#isWhitespace
     * white space}: the string is not blank.</li>
     * <li>{@code kilograms} not NaN, ≥ 0 and &lt; 10^9: finite (infinities fail a bound) and in core's domain.</li>
     * </ul>
     * The string conditions compare bytes without decoding: no Java string is made per row.
     */
    static org.apache.spark.sql.Column surelyAccepted() {
        return surelyAccepted(Map.of(), List.of());
    }

    /**
     * {@link #surelyAccepted()} and, for the rows of coded inputs, {@link EventCodes#consistent}: codes present,
     * listed in the input's dictionary and standing for the row's own names — core's code check
     * ({@link SeizureEvents#checkRow(String, long, Long, String, Integer, String, String, String, Double, Integer,
     * Integer, SeizureEventCodes)}). A row with a wrong code leaves the fast path and core quarantines it.
     */
    static org.apache.spark.sql.Column surelyAccepted(Map<String, SeizureEventCodes> codes, List<String> inputs) {
        org.apache.spark.sql.Column base = surelyAcceptedByName();
        return codes.isEmpty() ? base : base.and(EventCodes.consistent(codes, inputs));
    }

    private static org.apache.spark.sql.Column surelyAcceptedByName() {
        org.apache.spark.sql.Column area = col(SeizureEvents.REF_AREA);
        org.apache.spark.sql.Column kg = col(SeizureEvents.KILOGRAMS);
        return col(SeizureEvents.EVENT_ID).isNotNull()
                .and(octet_length(area).equalTo(3))
                .and(upper(area))
                .and(upper(substring(area, 2, 1)))
                .and(upper(substring(area, 3, 1)))
                .and(col(SeizureEvents.YEAR).geq(SeizureEvents.MIN_YEAR))
                .and(col(SeizureEvents.YEAR).leq(SeizureEvents.MAX_YEAR))
                .and(printableFirst(col(SeizureEvents.DRUG_GROUP)))
                .and(printableFirst(col(SeizureEvents.DRUG)))
                .and(not(isnan(kg))).and(kg.geq(0.0)).and(kg.lt(1e9));
    }

    /**
     * The string's first byte is A–Z: for the whole string, between "A" and "[" (the byte after "Z"), excluding
     * "[" itself and what starts with it; for a one-character string, between "A" and "Z".
     */
    private static org.apache.spark.sql.Column upper(org.apache.spark.sql.Column s) {
        return s.geq(lit("A")).and(s.lt(lit("[")));
    }

    /** Not empty, first byte in 0x21–0x7E (a printable, non-space ASCII character). */
    private static org.apache.spark.sql.Column printableFirst(org.apache.spark.sql.Column s) {
        return s.geq(lit("!")).and(s.lt(lit("\u007f")));
    }

    /** Core's event check on each row; the quarantine fields stay null for accepted events. */
    static final class CheckEventRows implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final Map<String, SeizureEventCodes> codes;

        CheckEventRows(Map<String, SeizureEventCodes> codes) {
            this.codes = new java.util.HashMap<>(codes);
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    Row r = rows.next();
                    Object[] out = new Object[ValidateStep.CHECKED_EVENTS.size()];
                    int n = ValidateStep.EVENTS.size();
                    for (int i = 0; i < n; i++) {
                        out[i] = r.get(i);
                    }
                    Optional<QuarantineRow> q = check(r, codes);
                    if (q.isPresent()) {
                        out[n] = q.get().reason().code();
                        out[n + 1] = q.get().column();
                        out[n + 2] = q.get().rawValue();
                        out[n + 3] = q.get().detail();
                    }
                    return RowFactory.create(out);
                }
            };
        }
    }

    /** Core's check of one event row ({@link ValidateStep#EVENTS} order), with its input's codes if coded. */
    static Optional<QuarantineRow> check(Row r, Map<String, SeizureEventCodes> codes) {
        return SeizureEvents.checkRow(r.getString(0), r.getLong(1), (Long) r.get(2), r.getString(3),
                (Integer) r.get(4), r.getString(5), r.getString(6), r.getString(7), (Double) r.get(8),
                (Integer) r.get(9), (Integer) r.get(10), codes.get(r.getString(0)));
    }

    /** A quarantined event as a quarantine row (re-running core's check gives its canonical text). */
    static final class EventQuarantine implements org.apache.spark.api.java.function.MapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final Map<String, SeizureEventCodes> codes;

        EventQuarantine(Map<String, SeizureEventCodes> codes) {
            this.codes = new java.util.HashMap<>(codes);
        }

        @Override
        public Row call(Row r) {
            QuarantineRow q = check(r, codes).orElseThrow();
            return ValidateStep.quarantineRow(q, r.getString(0));
        }
    }

    /** A duplicate event as a quarantine row. */
    static final class EventDuplicate implements org.apache.spark.api.java.function.MapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public Row call(Row r) {
            QuarantineRow q = SeizureEvents.duplicate(r.getString(0), r.getLong(1), r.getLong(2), (Long) r.get(3),
                    r.getString(4), (Integer) r.get(5), r.getString(6), r.getString(7), r.getString(8),
                    (Double) r.get(9));
            return ValidateStep.quarantineRow(q, r.getString(0));
        }
    }
}
