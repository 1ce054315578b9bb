package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.drugstats.core.data.QuarantineRow;
import org.drugstats.core.data.SeizureEvents;

/**
 * Validation of seizure-event inputs (the extracts' validation is {@link ValidateStep}'s): core's event check on
 * every row ({@link SeizureEvents#checkRow}), then repeated event ids within an input quarantined after their first
 * row; bad and repeated events become quarantine rows.
 */
final class ValidateEvents {

    private ValidateEvents() {
    }

    /** Validates seizure-event inputs: accepted events, and bad and repeated events as quarantine rows. */
    static ValidateStep.Result validate(SparkSession spark, List<InputFiles.Input> inputs) {
        Dataset<Row> raw = null;
        for (InputFiles.Input in : inputs) {
            Dataset<Row> d = ValidateStep.readParts(spark, in, SeizureEvents.COLUMNS)
                    .select(col(Schemas.INPUT), col(Schemas.ROW),
                            col(SeizureEvents.EVENT_ID).cast(DataTypes.LongType),
                            col(SeizureEvents.REF_AREA).cast(DataTypes.StringType),
                            col(SeizureEvents.YEAR).cast(DataTypes.IntegerType),
                            col(SeizureEvents.DRUG_GROUP).cast(DataTypes.StringType),
                            col(SeizureEvents.DRUG_SUBGROUP).cast(DataTypes.StringType),
                            col(SeizureEvents.DRUG).cast(DataTypes.StringType),
                            col(SeizureEvents.KILOGRAMS).cast(DataTypes.DoubleType));
            raw = raw == null ? d : raw.unionByName(d);
        }
        Dataset<Row> checked = raw.mapPartitions(new CheckEventRows(), Encoders.row(ValidateStep.CHECKED_EVENTS));
        Dataset<Row> okRows = checked.filter(col(ValidateStep.REASON).isNull());
        Dataset<Row> repeated = okRows.groupBy(col(Schemas.INPUT), col(SeizureEvents.EVENT_ID))
                .agg(min(col(Schemas.ROW)).as("first_row"), org.apache.spark.sql.functions.count(lit(1)).as("n"))
                .filter(col("n").gt(1))
                .select(col(Schemas.INPUT).as("d_input"), col(SeizureEvents.EVENT_ID).as("d_event_id"),
                        col("first_row"));
        Dataset<Row> joined = okRows.join(repeated, okRows.col(Schemas.INPUT).equalTo(repeated.col("d_input"))
                .and(okRows.col(SeizureEvents.EVENT_ID).equalTo(repeated.col("d_event_id"))), "left");
        org.apache.spark.sql.Column isDup = col("first_row").isNotNull().and(col(Schemas.ROW).notEqual(col("first_row")));
        String[] eventCols = Arrays.stream(ValidateStep.EVENTS.fieldNames()).toArray(String[]::new);
        Dataset<Row> accepted = joined.filter(org.apache.spark.sql.functions.not(isDup))
                .select(Arrays.stream(eventCols).map(org.apache.spark.sql.functions::col)
                        .toArray(org.apache.spark.sql.Column[]::new));
        Dataset<Row> dups = joined.filter(isDup)
                .select(col(Schemas.INPUT), col(Schemas.ROW), col("first_row"), col(SeizureEvents.EVENT_ID),
                        col(SeizureEvents.REF_AREA), col(SeizureEvents.YEAR), col(SeizureEvents.DRUG_GROUP),
                        col(SeizureEvents.DRUG_SUBGROUP), col(SeizureEvents.DRUG), col(SeizureEvents.KILOGRAMS))
                .map(new EventDuplicate(), Encoders.row(Schemas.QUARANTINE));
        Dataset<Row> bad = checked.filter(col(ValidateStep.REASON).isNotNull())
                .map(new EventQuarantine(), Encoders.row(Schemas.QUARANTINE));
        Dataset<Row> noObs = spark.createDataFrame(List.of(), ValidateStep.OBSERVATIONS);
        return new ValidateStep.Result(noObs, accepted, bad.unionByName(dups), List.of(checked));
    }

    /** Core's event check on each row; the quarantine fields stay null for accepted events. */
    static final class CheckEventRows implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

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
                    for (int i = 0; i < 9; i++) {
                        out[i] = r.get(i);
                    }
                    Optional<QuarantineRow> q = SeizureEvents.checkRow(r.getString(0), r.getLong(1),
                            (Long) r.get(2), r.getString(3), (Integer) r.get(4), r.getString(5), r.getString(6),
                            r.getString(7), (Double) r.get(8));
                    if (q.isPresent()) {
                        out[9] = q.get().reason().code();
                        out[10] = q.get().column();
                        out[11] = q.get().rawValue();
                        out[12] = q.get().detail();
                    }
                    return RowFactory.create(out);
                }
            };
        }
    }

    /** A quarantined event as a quarantine row (re-running core's check gives its canonical text). */
    static final class EventQuarantine implements org.apache.spark.api.java.function.MapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public Row call(Row r) {
            QuarantineRow q = SeizureEvents.checkRow(r.getString(0), r.getLong(1), (Long) r.get(2), r.getString(3),
                    (Integer) r.get(4), r.getString(5), r.getString(6), r.getString(7), (Double) r.get(8))
                    .orElseThrow();
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
