package org.drugstats.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Core's row check of record-level seizure events: one test per defect class, and the accepted edges. */
class SeizureEventsTest {

    static Optional<QuarantineRow> check(Long id, String area, Integer year, String group, String drug, Double kg) {
        return SeizureEvents.checkRow("events.parquet", 7, id, area, year, group, null, drug, kg);
    }

    static void rejected(Optional<QuarantineRow> q, String column, QuarantineReason reason, String raw) {
        assertTrue(q.isPresent(), "expected a quarantine row for " + column);
        assertEquals(column, q.get().column());
        assertEquals(reason, q.get().reason());
        assertEquals(raw, q.get().rawValue());
        assertEquals("events.parquet", q.get().file());
        assertEquals(7, q.get().row());
    }

    @Test
    void acceptsAValidEventAndTheEdgesOfEachDomain() {
        assertTrue(check(1L, "COL", 2023, "Cocaine-type", "Cocaine hydrochloride", 12.5).isEmpty());
        assertTrue(check(1L, "AAA", SeizureEvents.MIN_YEAR, "g", "d", 0.0).isEmpty());
        assertTrue(check(1L, "ZZZ", SeizureEvents.MAX_YEAR, "g", "d", Math.nextDown(1e9)).isEmpty());
    }

    @Test
    void eachDefectHasItsReasonColumnAndValue() {
        rejected(check(null, "COL", 2023, "g", "d", 1.0), SeizureEvents.EVENT_ID, QuarantineReason.MISSING_REQUIRED, null);
        rejected(check(1L, " ", 2023, "g", "d", 1.0), SeizureEvents.REF_AREA, QuarantineReason.MISSING_REQUIRED, null);
        rejected(check(1L, null, 2023, "g", "d", 1.0), SeizureEvents.REF_AREA, QuarantineReason.MISSING_REQUIRED, null);
        for (String area : new String[] {"Col", "CO", "COLO", "CÖL", "C1L", "col"}) {
            rejected(check(1L, area, 2023, "g", "d", 1.0), SeizureEvents.REF_AREA, QuarantineReason.UNKNOWN_CODE, area);
        }
        rejected(check(1L, "COL", null, "g", "d", 1.0), SeizureEvents.YEAR, QuarantineReason.MISSING_REQUIRED, null);
        rejected(check(1L, "COL", SeizureEvents.MIN_YEAR - 1, "g", "d", 1.0), SeizureEvents.YEAR,
                QuarantineReason.OUT_OF_DOMAIN, "1899");
        rejected(check(1L, "COL", SeizureEvents.MAX_YEAR + 1, "g", "d", 1.0), SeizureEvents.YEAR,
                QuarantineReason.OUT_OF_DOMAIN, "2101");
        rejected(check(1L, "COL", 2023, "", "d", 1.0), SeizureEvents.DRUG_GROUP, QuarantineReason.MISSING_REQUIRED, null);
        rejected(check(1L, "COL", 2023, "g", null, 1.0), SeizureEvents.DRUG, QuarantineReason.MISSING_REQUIRED, null);
        rejected(check(1L, "COL", 2023, "g", "d", null), SeizureEvents.KILOGRAMS, QuarantineReason.MISSING_REQUIRED, null);
        rejected(check(1L, "COL", 2023, "g", "d", Double.NaN), SeizureEvents.KILOGRAMS, QuarantineReason.NON_NUMERIC,
                "NaN");
        rejected(check(1L, "COL", 2023, "g", "d", -0.5), SeizureEvents.KILOGRAMS, QuarantineReason.OUT_OF_DOMAIN, "-0.5");
        rejected(check(1L, "COL", 2023, "g", "d", 1e9), SeizureEvents.KILOGRAMS, QuarantineReason.OUT_OF_DOMAIN,
                Observation.number(1e9));
    }

    @Test
    void theQuarantineRowCarriesTheEventInCanonicalColumns() {
        QuarantineRow q = check(42L, "COL", 1899, "Cocaine-type", "Cocaine base", 3.25).orElseThrow();
        String[] c = q.canonical();
        assertEquals("COL", c[Column.REF_AREA.ordinal()]);
        assertEquals("1899", c[Column.TIME_PERIOD.ordinal()]);
        assertEquals("Cocaine-type", c[Column.DRUG_GROUP.ordinal()]);
        assertEquals("Cocaine base", c[Column.DRUG.ordinal()]);
        assertEquals("3.25", c[Column.VALUE.ordinal()]);
        assertTrue(c[Column.SOURCE.ordinal()].contains("42"), c[Column.SOURCE.ordinal()]);
    }
}
