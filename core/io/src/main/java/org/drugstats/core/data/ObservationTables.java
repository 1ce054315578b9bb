package org.drugstats.core.data;

import java.util.ArrayList;
import java.util.List;
import org.drugstats.core.DrugstatsException;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Observations as Tablesaw tables and back, for people who embed core: filter, summarise by region and year,
 * join with population in a few lines. Columns are named by {@link Column#columnName()} and typed
 * (strings, doubles, int); absent numbers are Tablesaw's missing values, absent strings empty strings.
 *
 * <p>The conversion is lossless: {@code fromTable(toTable(obs, name))} equals {@code obs}.
 */
public final class ObservationTables {

    private ObservationTables() {
    }

    /** A table of these observations, one row each, named {@code name}. */
    public static Table toTable(String name, List<Observation> observations) {
        Table t = Table.create(name);
        for (Column c : Column.values()) {
            switch (c.type()) {
                case STRING -> t.addColumns(StringColumn.create(c.columnName()));
                case DOUBLE -> t.addColumns(DoubleColumn.create(c.columnName()));
                case INT -> t.addColumns(IntColumn.create(c.columnName()));
                default -> throw new IllegalStateException();
            }
        }
        for (Observation o : observations) {
            for (Column c : Column.values()) {
                switch (c) {
                    case VALUE -> appendDouble(t.doubleColumn(c.columnName()), o.value());
                    case LOWER -> appendDouble(t.doubleColumn(c.columnName()), o.lower());
                    case UPPER -> appendDouble(t.doubleColumn(c.columnName()), o.upper());
                    case STD_ERROR -> appendDouble(t.doubleColumn(c.columnName()), o.stdError());
                    case UNIT_MULT -> t.intColumn(c.columnName()).append(o.unitMult());
                    default -> {
                        String s = o.text(c);
                        t.stringColumn(c.columnName()).append(s == null ? "" : s);
                    }
                }
            }
        }
        return t;
    }

    /** A table of an extract's observations, named after its first origin (or "extract"). */
    public static Table toTable(Extract extract) {
        String name = extract.origins().isEmpty() ? "extract" : extract.origins().get(0).id();
        return toTable(name, extract.observations());
    }

    private static void appendDouble(DoubleColumn col, Double d) {
        if (d == null) {
            col.appendMissing();
        } else {
            col.append(d);
        }
    }

    /**
     * Observations from a table that has the canonical columns (at least the contract ones, with the types
     * {@link #toTable} gives). Rows that do not form valid observations are an error naming the row and the
     * problem; use {@link ExtractValidator} on {@link #rawRows} to quarantine them instead.
     */
    public static List<Observation> fromTable(Table table) {
        ValidationResult r = ExtractValidator.validate(table.name(), rawRows(table));
        if (!r.quarantined().isEmpty()) {
            throw new DrugstatsException(r.quarantined().get(0).describe());
        }
        return r.accepted();
    }

    /** The table's rows as raw canonical text rows. */
    public static List<String[]> rawRows(Table table) {
        for (Column c : Column.contract()) {
            if (!table.columnNames().contains(c.columnName())) {
                throw DrugstatsException.of("table '%s': column '%s' is missing; expected the columns %s", table.name(),
                        c.columnName(), Column.contract().stream().map(Column::columnName).toList());
            }
        }
        List<String[]> rows = new ArrayList<>(table.rowCount());
        for (Row row : table) {
            String[] raw = new String[Column.values().length];
            for (Column c : Column.values()) {
                if (!table.columnNames().contains(c.columnName())) {
                    continue;
                }
                ColumnType type = table.column(c.columnName()).type();
                if (row.isMissing(c.columnName())) {
                    continue;
                }
                if (type == ColumnType.DOUBLE) {
                    raw[c.ordinal()] = Observation.number(row.getDouble(c.columnName()));
                } else if (type == ColumnType.INTEGER) {
                    raw[c.ordinal()] = Integer.toString(row.getInt(c.columnName()));
                } else if (type == ColumnType.LONG) {
                    raw[c.ordinal()] = Long.toString(row.getLong(c.columnName()));
                } else {
                    String s = row.getObject(c.columnName()).toString();
                    raw[c.ordinal()] = s.isEmpty() ? null : s;
                }
            }
            if (raw[Column.UNIT_MULT.ordinal()] == null) {
                raw[Column.UNIT_MULT.ordinal()] = "0";
            }
            rows.add(raw);
        }
        return rows;
    }
}
