package org.drugstats.reports.model;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Typed, tolerant cell access to a result table: a column that is absent (an older or newer run) reads as
 * missing, as does a missing cell; numbers are read whatever their stored width (int, long, double).
 * Missing numbers are NaN, missing text is null, missing integers and booleans are null.
 */
final class Cells {
    private final Table table;

    Cells(Table table) {
        this.table = table;
    }

    int rows() {
        return table.rowCount();
    }

    boolean has(String column) {
        return table.containsColumn(column);
    }

    String text(int row, String column) {
        if (!table.containsColumn(column)) {
            return null;
        }
        Column<?> c = table.column(column);
        if (c.isMissing(row)) {
            return null;
        }
        String s = c.getString(row);
        return s == null || s.isEmpty() ? null : s;
    }

    double number(int row, String column) {
        if (!table.containsColumn(column)) {
            return Double.NaN;
        }
        Column<?> c = table.column(column);
        if (c.isMissing(row)) {
            return Double.NaN;
        }
        ColumnType t = c.type();
        if (t == ColumnType.DOUBLE) {
            return table.doubleColumn(column).getDouble(row);
        }
        if (t == ColumnType.INTEGER) {
            return table.intColumn(column).getInt(row);
        }
        if (t == ColumnType.LONG) {
            return table.longColumn(column).getLong(row);
        }
        if (t == ColumnType.STRING) {
            try {
                return Double.parseDouble(table.stringColumn(column).get(row).trim());
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
        if (!table.containsColumn(column)) {
            return null;
        }
        Column<?> c = table.column(column);
        if (c.isMissing(row)) {
            return null;
        }
        if (c.type() == ColumnType.BOOLEAN) {
            return table.booleanColumn(column).get(row);
        }
        String s = c.getString(row).trim();
        return "true".equalsIgnoreCase(s) || "1".equals(s);
    }
}
