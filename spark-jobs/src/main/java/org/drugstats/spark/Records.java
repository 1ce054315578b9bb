package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObservationKey;

/**
 * Several published records of one key ({@link Column#RECORD} 1, 2, …): for the indicators whose records are parts
 * of one total (annex 7.1: separate seizure reports of one country, drug and year; see {@code data/README.md}),
 * the records are summed into one observation before aggregation, trends and indicators; for the others
 * (alternative estimates, e.g. two prevalence surveys) they stay apart and the steps choose one as they do for any
 * two sources.
 *
 * <p>The sum is exact (decimal) and in base units (value × 10^unit_mult, unit_mult 0); the lower and upper bounds
 * are dropped (records carry none); {@code notes} says how many records were summed. {@code results/observations}
 * keeps the records as published.
 */
public final class Records {

    private Records() {
    }

    /** {@code data} with the records of {@code summed} indicators collapsed into one row per key. */
    public static Dataset<Row> collapse(Dataset<Row> data, List<String> summed) {
        if (summed.isEmpty()) {
            return data;
        }
        org.apache.spark.sql.Column isSummed = col(Column.INDICATOR.columnName()).isin(summed.toArray())
                .and(col(Column.RECORD.columnName()).isNotNull());
        Dataset<Row> keep = data.filter(org.apache.spark.sql.functions.not(isSummed));
        Dataset<Row> parts = data.filter(isSummed);
        List<org.apache.spark.sql.Column> by = new ArrayList<>();
        for (Column c : ObservationKey.COLUMNS) {
            if (c != Column.RECORD) {
                by.add(col(c.columnName()));
            }
        }
        for (Column c : List.of(Column.UNIT, Column.OBS_STATUS, Column.ORIGIN, Column.DRUG_GROUP,
                Column.DRUG_SUBGROUP, Column.ADJUSTMENT)) {
            by.add(col(c.columnName()));
        }
        var dec = DataTypes.createDecimalType(38, 6);
        Dataset<Row> summedRows = parts.groupBy(by.toArray(new org.apache.spark.sql.Column[0])).agg(
                sum(Schemas.baseValue()
                        .cast(dec)).cast(DataTypes.DoubleType).as(Column.VALUE.columnName()),
                count(lit(1)).as("n_records"),
                max(col(Column.OBS_FLAGS.columnName())).as(Column.OBS_FLAGS.columnName()),
                min(col(Column.AREA_NAME.columnName())).as(Column.AREA_NAME.columnName()));
        List<org.apache.spark.sql.Column> out = new ArrayList<>();
        for (String name : data.columns()) {
            Column c = Column.byName(name).orElse(null);
            if (c == null) {
                out.add(lit(null).cast(data.schema().apply(name).dataType()).as(name));
            } else if (c == Column.LOWER || c == Column.UPPER || c == Column.RECORD || c == Column.STD_ERROR) {
                out.add(lit(null).cast(Schemas.sparkType(c)).as(name));
            } else if (c == Column.UNIT_MULT) {
                out.add(lit(0).as(name));
            } else if (c == Column.NOTES) {
                out.add(concat(lit("sum of "), col("n_records").cast(DataTypes.StringType), lit(" published records"))
                        .as(name));
            } else {
                out.add(col(name));
            }
        }
        return keep.unionByName(summedRows.select(out.toArray(new org.apache.spark.sql.Column[0])));
    }
}
