package org.drugstats.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.QuarantineRow;

/**
 * The Spark schemas of the pipeline, as constants (see {@code spark-jobs/RESULTS.md} for the published ones).
 * The canonical extract schema is derived from core's {@link Column}, so that a column added there appears
 * here.
 */
public final class Schemas {

    private Schemas() {
    }

    /** Schema version tags written to the {@code drugstats.schema} key of each published Parquet file. */
    public static final String OBSERVATIONS_VERSION = "drugstats-extract/1";
    public static final String AGGREGATES_VERSION = "drugstats-aggregates/1";
    public static final String INDICATORS_VERSION = "drugstats-indicators/1";
    public static final String TRENDS_VERSION = "drugstats-trends/1";
    public static final String TREND_POINTS_VERSION = "drugstats-trend-points/1";
    public static final String TREND_EXTENSIONS_VERSION = "drugstats-trend-extensions/1";
    public static final String INEQUALITY_VERSION = "drugstats-inequality/1";

    /** The canonical extract schema (core's {@link Column}, in order). */
    public static final StructType EXTRACT = extract();

    /** Names of the canonical columns, in order. */
    public static final String[] EXTRACT_COLUMNS = Column.all().stream().map(Column::columnName).toArray(String[]::new);

    /** Input name and 1-based row number carried by validated rows. */
    public static final String INPUT = "input";
    public static final String ROW = "row";

    /**
     * The value in base units, value × 10^unit_mult (core's {@code Observation.scaledValue}), as a Spark column:
     * what every step aggregates, fits and divides.
     */
    public static org.apache.spark.sql.Column baseValue() {
        return org.apache.spark.sql.functions.col(Column.VALUE.columnName()).multiply(org.apache.spark.sql.functions.pow(
                org.apache.spark.sql.functions.lit(10.0), org.apache.spark.sql.functions.col(Column.UNIT_MULT.columnName())));
    }

    /**
     * Quarantine rows: every canonical column as text (as read), then reason, sheet, row, column, raw_value,
     * detail ({@link QuarantineRow#EXTRA_COLUMNS}), and the input's name.
     */
    public static final StructType QUARANTINE = quarantine();

    private static StructType extract() {
        List<StructField> f = new ArrayList<>();
        for (Column c : Column.values()) {
            f.add(DataTypes.createStructField(c.columnName(), sparkType(c), c.nullable()));
        }
        return DataTypes.createStructType(f);
    }

    private static StructType quarantine() {
        List<StructField> f = new ArrayList<>();
        for (Column c : Column.values()) {
            f.add(DataTypes.createStructField(c.columnName(), DataTypes.StringType, true));
        }
        f.add(DataTypes.createStructField("reason", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("sheet", DataTypes.StringType, true));
        f.add(DataTypes.createStructField(ROW, DataTypes.LongType, false));
        f.add(DataTypes.createStructField("column", DataTypes.StringType, true));
        f.add(DataTypes.createStructField("raw_value", DataTypes.StringType, true));
        f.add(DataTypes.createStructField("detail", DataTypes.StringType, true));
        f.add(DataTypes.createStructField(INPUT, DataTypes.StringType, false));
        return DataTypes.createStructType(f);
    }

    /** The Spark type of a canonical column. */
    public static DataType sparkType(Column c) {
        return switch (c.type()) {
            case STRING -> DataTypes.StringType;
            case DOUBLE -> DataTypes.DoubleType;
            case INT -> DataTypes.IntegerType;
        };
    }

    /** The canonical schema followed by extra fields. */
    public static StructType extractPlus(StructField... extra) {
        StructType s = EXTRACT;
        for (StructField x : extra) {
            s = s.add(x);
        }
        return s;
    }

    static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }
}
