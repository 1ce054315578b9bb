package org.drugstats.core.results;

import java.util.Objects;
import org.drugstats.core.data.Column;

/**
 * One column of a result table: its name, type and whether it may be null. The pipeline turns these into its
 * Spark schemas; the report reads the columns by these names.
 *
 * @param name column name
 * @param type value type
 * @param nullable true when the column may hold nulls
 */
public record ResultField(String name, Type type, boolean nullable) {

    /** Column types of the result tables (Parquet: binary UTF-8, double, int32, boolean). */
    public enum Type {
        /** Text. */
        STRING,
        /** 64-bit floating point. */
        DOUBLE,
        /** 32-bit integer. */
        INT,
        /** True or false. */
        BOOLEAN
    }

    /** Checks the parts. */
    public ResultField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** The field of a canonical extract column (core's {@link Column}). */
    public static ResultField of(Column c) {
        Type t = switch (c.type()) {
            case STRING -> Type.STRING;
            case DOUBLE -> Type.DOUBLE;
            case INT -> Type.INT;
        };
        return new ResultField(c.columnName(), t, c.nullable());
    }
}
