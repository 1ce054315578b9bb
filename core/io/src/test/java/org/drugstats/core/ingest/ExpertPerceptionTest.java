package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.drugstats.core.SharedData;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.Unit;
import org.junit.jupiter.api.Test;

/**
 * WDR 2025 annex table 2.1. Counts and spot values: {@code core/src/test/reference/annex_2_1_reference.py}
 * (openpyxl 3.0.9), its output beside it.
 */
class ExpertPerceptionTest {

    @Test
    void categoriesAreRanksAndNothingIsLost() {
        assertEquals(Optional.of(1), UnodcAnnexExpertPerceptionKind.rank("Large decrease (>10%)"));
        assertEquals(Optional.of(3), UnodcAnnexExpertPerceptionKind.rank("Stable situation (+-5%)"));
        assertEquals(Optional.of(4), UnodcAnnexExpertPerceptionKind.rank("Small increase (5-10%)"));
        assertEquals(Optional.empty(), UnodcAnnexExpertPerceptionKind.rank("Not known"));
        IngestResult r = IngestKinds.byName("unodc-annex-expert-perception").ingest(SourceFile.of(SharedData.file(
                "unodc-wdr2025/2.1_expert_perception_of_trends.xlsx")), IngestContext.withDefaults());
        assertEquals(7675, r.rowsRead()); // reference: perception cells
        assertEquals(r.rowsRead(), r.rowsAccepted() + r.rowsQuarantined());
        assertEquals(22, r.accepted().stream().filter(o -> o.obsStatus() == ObsStatus.MISSING).count()); // Not known
        assertEquals(1327, r.accepted().stream().filter(o -> o.value() != null && o.value() == 5).count()
                + r.quarantined().stream().filter(q -> q.detail() != null && q.canonical()[5] != null
                        && q.canonical()[5].equals("5")).count());
        List<Observation> kenya = r.accepted().stream().filter(o -> o.refArea().equals("KEN")
                && "Cannabis herb (marijuana)".equals(o.drug()) && o.timePeriod().equals("2023")).toList();
        Observation overall = kenya.stream().filter(o -> o.age().equals("_T")).findFirst().orElseThrow();
        assertEquals(4, overall.value(), 0); // Small increase (5-10%)
        assertEquals(Unit.ORDINAL, overall.unit());
        assertEquals("Small increase (5-10%)", overall.notes());
        assertEquals(3, kenya.stream().filter(o -> o.age().equals("25+")).findFirst().orElseThrow().value(), 0);
        assertEquals("Cannabis-type drugs", overall.drugGroup());
        assertNull(r.accepted().stream().filter(o -> o.value() != null && (o.value() < 1 || o.value() > 5))
                .findFirst().orElse(null));
        assertTrue(r.warnings().stream().noneMatch(w -> w.contains("msCode says")), r.warnings().toString());
    }
}
