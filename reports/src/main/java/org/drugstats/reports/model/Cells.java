package org.drugstats.reports.model;

import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Typed, tolerant cell access to a result table: a column that is absent (an older or newer run) reads as
 * missing, as does a missing cell; numbers are read whatever their stored width (int, long, double, or text).
 * Missing numbers are NaN, missing text is null, missing integers and booleans are null. Columns are looked up
 * once by exact name, not per cell.
 */
final class Cells {
    private final int rows;
    private final Map<String, Column<?>> columns = new HashMap<>();

    Cells(Table table) {
        this.rows = table.rowCount();
        for (Column<?> c : table.columns()) {
            columns.putIfAbsent(c.name(), c);
        }
    }

    int rows() {
        return rows;
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    String text(int row, String column) {
        Column<?> c = columns.get(column);
        if (c == null || c.isMissing(row)) {
            return null;
        }
        String s = c instanceof StringColumn sc ? sc.get(row) : c.getString(row);
        return s == null || s.isEmpty() ? null : s;
    }

    double number(int row, String column) {
        Column<?> c = columns.get(column);
        if (c == null || c.isMissing(row)) {
            return Double.NaN;
        }
        ColumnType t = c.type();
        if (t == ColumnType.DOUBLE) {
            return ((DoubleColumn) c).getDouble(row);
        }
        if (t == ColumnType.INTEGER) {
            return ((IntColumn) c).getInt(row);
        }
        if (t == ColumnType.LONG) {
            return ((LongColumn) c).getLong(row);
        }
        if (t == ColumnType.STRING) {
            try {
                return Double.parseDouble(((StringColumn) c).get(row).trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    Integer integer(int row, String column) {
        double d = number(row, column);
        return Double.isFinite(d) ? (int) Math.round(d) : null;
    }

    Boolean bool(int row, String column) {
        Column<?> c = columns.get(column);
        if (c == null || c.isMissing(row)) {
            return null;
        }
        if (c.type() == ColumnType.BOOLEAN) {
            return ((BooleanColumn) c).get(row);
        }
        String s = c.getString(row).trim();
        return "true".equalsIgnoreCase(s) || "1".equals(s);
    }
}
