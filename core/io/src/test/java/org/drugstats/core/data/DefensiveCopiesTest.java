package org.drugstats.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.drugstats.core.stats.aggregate.Aggregate;
import org.drugstats.core.stats.aggregate.AggregateLevel;
import org.drugstats.core.stats.aggregate.ImputedArea;
import org.drugstats.core.stats.uncertainty.Interval;
import org.junit.jupiter.api.Test;

/** Public values do not share their mutable parts with the caller. */
class DefensiveCopiesTest {

    @Test
    void aQuarantineRowKeepsItsCanonicalValues() {
        String[] values = new String[Column.values().length];
        values[Column.REF_AREA.ordinal()] = "COL";
        QuarantineRow q = new QuarantineRow("f.csv", null, 2, "value", "x", QuarantineReason.NON_NUMERIC, "d", values);
        values[Column.REF_AREA.ordinal()] = "changed by the caller";
        q.canonical()[Column.REF_AREA.ordinal()] = "changed through the accessor";
        assertEquals("COL", q.text(Column.REF_AREA));
        assertEquals("COL", q.canonical()[Column.REF_AREA.ordinal()]);
        assertNotSame(q.canonical(), q.canonical());
        assertThrows(UnsupportedOperationException.class, () -> QuarantineRow.EXTRA_COLUMNS.set(0, "x"));
        assertThrows(UnsupportedOperationException.class, () -> SeizureEvents.COLUMNS.set(0, "x"));
    }

    @Test
    void recordsCopyTheirLists() {
        List<ImputedArea> imputed = new ArrayList<>(List.of(new ImputedArea("A3", 200, AggregateLevel.SUBREGION,
                Interval.exact(3.5))));
        Aggregate a = new Aggregate(AggregateLevel.SUBREGION, "Sub A", Optional.of(Interval.exact(3.5)), false, 0.5,
                600, 400, 3, 2, imputed, Optional.empty());
        imputed.clear();
        assertEquals(1, a.imputedAreas().size());
        assertThrows(UnsupportedOperationException.class, () -> a.imputedAreas().clear());
    }
}
