package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.drugstats.core.data.Column;
import org.junit.jupiter.api.Test;

class RecordsTest {

    static Row row(String ind, String area, double value, int mult, String unit, String record) {
        Object[] v = new Object[Column.values().length];
        v[Column.INDICATOR.ordinal()] = ind;
        v[Column.REF_AREA.ordinal()] = area;
        v[Column.TIME_PERIOD.ordinal()] = "2019";
        v[Column.SEX.ordinal()] = "T";
        v[Column.AGE.ordinal()] = "_T";
        v[Column.VALUE.ordinal()] = value;
        v[Column.UNIT.ordinal()] = unit;
        v[Column.OBS_STATUS.ordinal()] = "normal";
        v[Column.ORIGIN.ordinal()] = "o";
        v[Column.UNIT_MULT.ordinal()] = mult;
        v[Column.DRUG.ordinal()] = "d";
        v[Column.RECORD.ordinal()] = record;
        v[Column.OBS_FLAGS.ordinal()] = record == null ? null : "multiple-records";
        return RowFactory.create(v);
    }

    @Test
    void recordsOfSummedIndicatorsAreAddedOthersStayApart() {
        List<Row> rows = new ArrayList<>(List.of(
                row("seizures_quantity", "KEN", 1.0, 0, "kg", "1"),
                row("seizures_quantity", "KEN", 3.773, 3, "kg", "2"),
                row("seizures_quantity", "UGA", 5.5, 0, "kg", null),
                row("prevalence_annual", "CAN", 1.2, 0, "percent", "1"),
                row("prevalence_annual", "CAN", 1.9, 0, "percent", "2")));
        List<Row> out = Records.collapse(SparkTestSession.get().createDataFrame(rows, Schemas.EXTRACT),
                List.of("seizures_quantity")).orderBy(col("indicator"), col("ref_area"), col("value")).collectAsList();
        assertEquals(4, out.size());
        Row ken = out.stream().filter(r -> r.getAs("ref_area").equals("KEN")).findFirst().orElseThrow();
        assertEquals(3774.0, (Double) ken.getAs("value"), 0.0);
        assertEquals(0, (Integer) ken.getAs("unit_mult"));
        assertNull(ken.getAs("record"));
        assertEquals("sum of 2 published records", ken.getAs("notes"));
        assertEquals(2, out.stream().filter(r -> r.getAs("ref_area").equals("CAN")).count());
    }
}
