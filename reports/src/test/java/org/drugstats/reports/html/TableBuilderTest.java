package org.drugstats.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

class TableBuilderTest {

    private static TableBuilder table() {
        return TableBuilder.of("t", "Caption").text("Country").column("Best (%)", TableBuilder.Kind.NUMBER)
                .column("APC", TableBuilder.Kind.SIGNED_PERCENT).column("p", TableBuilder.Kind.P_VALUE)
                .column("File", TableBuilder.Kind.LINK);
    }

    @Test
    void pageShowsRoundedValuesAndTheCsvKeepsFullPrecision() {
        TableBuilder t = table().row("Colombia", 2.6437, 5.12, 0.0004, "data/q.csv")
                .row("Peru", Double.NaN, null, 0.0123, null);
        TableView v = t.view("tables/t.csv");
        assertEquals(List.of("Colombia", "2.64", "+5.1%", "<0.001", "data/q.csv"), v.rows().get(0));
        assertEquals(List.of("Peru", "\u2013", "\u2013", "0.012", ""), v.rows().get(1));
        assertEquals(List.of("Colombia", "2.6437", "5.12", "0.0004", "data/q.csv"), t.csvRows().get(0));
        assertEquals(List.of("Peru", "", "", "0.0123", ""), t.csvRows().get(1));
        assertEquals(List.of(false, true, true, true, false), v.numeric());
        assertEquals(List.of(false, false, false, false, true), v.links());
        assertEquals("table-t", v.id());
    }

    @Test
    void displayRowsCanBeFewerThanTheCsvRows() {
        TableBuilder t = table().maxDisplayRows(1);
        t.row("a", 1, 1, 1, null).row("b", 2, 2, 2, null);
        TableView v = t.view("x.csv");
        assertEquals(1, v.rows().size());
        assertEquals(2, v.totalRows());
        assertTrue(v.truncated());
        assertEquals(2, t.csvRows().size());
    }

    @Test
    void malformedTablesAreRefused() {
        assertThrows(DrugstatsException.class, () -> TableBuilder.of("Bad Id", "c"));
        assertThrows(DrugstatsException.class, () -> table().row("only one"));
        TableBuilder t = table().row("a", 1, 1, 1, null);
        assertThrows(DrugstatsException.class, () -> t.text("late column"));
    }
}
