package org.drugstats.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.drugstats.core.stats.estimate.AreaEstimate;
import org.drugstats.core.stats.estimate.EstimateLevel;
import org.drugstats.core.stats.estimate.EstimatesContract;
import org.drugstats.core.stats.estimate.WdrDrug;
import org.drugstats.core.stats.uncertainty.Interval;
import org.drugstats.core.tracker.TrackerRow;
import org.junit.jupiter.api.Test;

/** The results contract's tables: unique names and columns, and the rows core builds fit their table. */
class ResultTableTest {

    @Test
    void tableNamesAndColumnNamesAreUnique() {
        List<String> names = Arrays.stream(ResultTable.values()).map(ResultTable::tableName).toList();
        assertEquals(names.size(), new HashSet<>(names).size(), names.toString());
        for (ResultTable t : ResultTable.values()) {
            assertEquals(t.columnNames().size(), new HashSet<>(t.columnNames()).size(), t.toString());
            assertEquals("results/" + t.tableName() + "/part-00000.parquet", t.partFile());
        }
    }

    @Test
    void theEstimatesRowsHaveTheTablesColumnsAndTypes() {
        AreaEstimate e = new AreaEstimate(EstimateLevel.WORLD, "WLD", "World", 2023, WdrDrug.CANNABIS,
                Interval.of(4.0, 4.5, 5.0), Interval.of(2.0e8, 2.25e8, 2.5e8), 5.0e9, 0.8, 10, 8, List.of("AAA"),
                List.of(), "sum-of-regions", true, "headline");
        assertEquals(ResultTable.ESTIMATES.fields(), EstimatesContract.COLUMNS);
        assertEquals(ResultTable.ESTIMATES.schemaVersion(), EstimatesContract.SCHEMA);
        for (Object[] row : EstimatesContract.rows(e)) {
            assertEquals(ResultTable.ESTIMATES.fields().size(), row.length);
            for (int i = 0; i < row.length; i++) {
                ResultField f = ResultTable.ESTIMATES.fields().get(i);
                if (row[i] == null) {
                    assertTrue(f.nullable(), f.name() + " is null but not nullable");
                    continue;
                }
                Class<?> expected = switch (f.type()) {
                    case STRING -> String.class;
                    case DOUBLE -> Double.class;
                    case INT -> Integer.class;
                    case BOOLEAN -> Boolean.class;
                };
                assertInstanceOf(expected, row[i], f.name());
            }
        }
        assertEquals("2023", EstimatesContract.rows(e).get(0)[ResultTable.ESTIMATES.columnNames().indexOf("time_period")]);
    }

    @Test
    void theTrackerColumnsAreOnePerRecordComponent() {
        assertEquals(ResultTable.TRACKER.columnNames(), TrackerRow.COLUMNS);
        assertEquals(TrackerRow.class.getRecordComponents().length, ResultTable.TRACKER.fields().size());
        // challenge, direction and verdict are never null; the rest may be
        assertEquals(List.of("challenge", "direction", "verdict"), ResultTable.TRACKER.fields().stream()
                .filter(f -> !f.nullable()).map(ResultField::name).toList());
    }

    @Test
    void theMedicinesLorenzTableIsTheInequalityLayoutInItsOwnDirectory() {
        assertEquals(ResultTable.INEQUALITY.fields(), ResultTable.INEQUALITY_ME.fields());
        assertEquals(ResultTable.INEQUALITY.schemaVersion(), ResultTable.INEQUALITY_ME.schemaVersion());
        assertEquals("results/inequality_me", ResultTable.INEQUALITY_ME.dir());
    }

    @Test
    void theIndicatorRowsAreTheTableWithoutItsLastColumn() {
        List<ResultField> all = ResultTable.INDICATORS.fields();
        assertEquals(new ResultField(ResultColumns.N_WITH_DATA, ResultField.Type.INT, true), all.get(all.size() - 1));
        assertEquals(all.subList(0, all.size() - 1), ResultTable.indicatorRowFields());
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> ResultTable.TRACKER.fieldsWithout("no_such_column"));
        assertEquals("tracker has no column no_such_column", x.getMessage());
    }
}
