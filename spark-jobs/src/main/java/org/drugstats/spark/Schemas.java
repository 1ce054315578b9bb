package org.drugstats.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.QuarantineRow;
import org.drugstats.core.results.ResultField;
import org.drugstats.core.results.ResultTable;

/**
 * The Spark schemas of the pipeline, as constants. The published ones are built from the results contract in core
 * ({@link ResultTable}; {@code spark-jobs/RESULTS.md} describes them for people).
 * The canonical extract schema is derived from core's {@link Column}, so that a column added there appears
 * here.
 */
public final class Schemas {

    private Schemas() {
    }

    /**
     * Schema version tags written to the {@code drugstats.schema} key of each published Parquet file (the results
     * contract's, {@link ResultTable#schemaVersion()}).
     */
    public static final String OBSERVATIONS_VERSION = ResultTable.OBSERVATIONS.schemaVersion();
    public static final String AGGREGATES_VERSION = ResultTable.AGGREGATES.schemaVersion();
    public static final String INDICATORS_VERSION = ResultTable.INDICATORS.schemaVersion();
    public static final String TRENDS_VERSION = ResultTable.TRENDS.schemaVersion();
    public static final String TREND_POINTS_VERSION = ResultTable.TREND_POINTS.schemaVersion();
    public static final String INEQUALITY_VERSION = ResultTable.INEQUALITY.schemaVersion();
    /** The trend step's optional extension models (jump, comparability ratio, autocorrelation, empirical CIs). */
    public static final String TREND_EXTENSIONS_VERSION = ResultTable.TREND_EXTENSIONS.schemaVersion();

    /** The Spark schema of a result table of the contract (its fields in order, types and nullability). */
    public static StructType of(ResultTable table) {
        return of(table.fields());
    }

    /** The Spark schema of result fields. */
    public static StructType of(List<ResultField> fields) {
        List<StructField> f = new ArrayList<>();
        for (ResultField r : fields) {
            DataType t = switch (r.type()) {
                case STRING -> DataTypes.StringType;
                case DOUBLE -> DataTypes.DoubleType;
                case INT -> DataTypes.IntegerType;
                case BOOLEAN -> DataTypes.BooleanType;
            };
            f.add(DataTypes.createStructField(r.name(), t, r.nullable()));
        }
        return DataTypes.createStructType(f);
    }

    /** The canonical extract schema (core's {@link Column}, in order). */
    public static final StructType EXTRACT = extract();

    /** Names of the canonical columns, in order. */
    static final String[] EXTRACT_COLUMNS = Column.all().stream().map(Column::columnName).toArray(String[]::new);

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
