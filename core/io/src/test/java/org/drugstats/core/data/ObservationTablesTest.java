package org.drugstats.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ObservationTablesTest {

    @Test
    void tableRoundTripIsLossless() {
        List<Observation> obs = Fixtures.observations();
        Table t = ObservationTables.toTable("t", obs);
        assertEquals(obs.size(), t.rowCount());
        assertEquals(Column.values().length, t.columnCount());
        assertEquals(obs, ObservationTables.fromTable(t));
    }

    @Test
    void filterAndSummariseWithTypedColumns() {
        Table t = ObservationTables.toTable("t", Fixtures.observations());
        Table cult = t.where(t.stringColumn(Column.INDICATOR.columnName()).isEqualTo("cultivation_area"));
        assertEquals(2, cult.rowCount());
        assertEquals(252600.0, cult.doubleColumn(Column.VALUE.columnName()).sum(), 0.0);
        assertEquals(1, cult.doubleColumn(Column.VALUE.columnName()).countMissing());
    }
}
