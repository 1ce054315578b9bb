package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The INCB Table XII 1989–2013 kind on the real OpioidAtlas file and on small fixtures of its shape. Expected values
 * are read off the file with Python's json module (python3 3.11: {@code json.loads} of the text between the first
 * '[' and the last ']'): 174 countries × 25 years × 6 drugs = 26,100 cells; ANT (no M49 code) 150 cells; 912
 * country-years of the 173 others have all six drugs 0.
 */
class IncbTableXiiKindTest {

    static final String FILE = "consumption/incb-table-xii-consumption-1989-2013-opioidatlas.js";

    @Test
    void realFile() {
        IngestResult r = ingest(org.drugstats.core.SharedData.file(FILE));
        IngestRealFilesTest.accountingHolds(r, 26_100);
        assertEquals(150, r.rowsQuarantined());
        assertTrue(r.quarantined().stream().allMatch(q -> q.reason() == QuarantineReason.UNMAPPED_AREA
                && q.rawValue().equals("ANT")));
        assertEquals(912 * 6, r.accepted().stream().filter(o -> o.obsStatus() == ObsStatus.MISSING).count());
        Observation usOxy = IngestRealFilesTest.one(r, o -> o.refArea().equals("USA") && o.timePeriod().equals("2013")
                && o.drug().equals("oxycodone"));
        assertEquals(95_719.5, usOxy.value(), 0);
        assertEquals(Unit.KILOGRAMS, usOxy.unit());
        assertEquals("United States", usOxy.areaName());
        // Afghanistan 1991: all six drugs 0 in the file -> no report, not zero consumption
        Observation afg = IngestRealFilesTest.one(r, o -> o.refArea().equals("AFG") && o.timePeriod().equals("1991")
                && o.drug().equals("codeine"));
        assertNull(afg.value());
        assertEquals(ObsStatus.MISSING, afg.obsStatus());
        assertTrue(afg.notes().startsWith("no report"));
        // Afghanistan 2013: pethidine 0.131 with oxycodone 0 -> a reported zero
        Observation afgOxy = IngestRealFilesTest.one(r, o -> o.refArea().equals("AFG") && o.timePeriod().equals("2013")
                && o.drug().equals("oxycodone"));
        assertEquals(0.0, afgOxy.value(), 0);
        assertEquals(ObsStatus.NORMAL, afgOxy.obsStatus());
        assertEquals(0, r.warnings().size(), "every total equals the six drugs within 0.0001 kg");
    }

    @Test
    void totalMismatchIsWarnedAndShortSeriesQuarantined(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("incb.js");
        Files.writeString(f, "var incb = [{\"static\":{\"country\":\"france\",\"json_country\":\"France\",\"iso3\":\"FRA\"},"
                + "\"ts\":{\"years\":[\"1989-01-01\",\"1990-01-01\"],\"morphine\":[1,2],\"fentanyl\":[0,0],"
                + "\"oxycodone\":[0,0],\"pethidine\":[0,0],\"hydrocodone\":[0,0],\"codeine\":[0.5],"
                + "\"total\":[1.6,2]}}];\n");
        IngestResult r = IncbTableXiiKindTest.ingest(f);
        assertEquals(12, r.rowsRead());
        assertEquals(11, r.rowsAccepted());
        assertEquals(QuarantineReason.MISSING_REQUIRED, r.quarantined().get(0).reason());
        assertEquals("ts.codeine[1]", r.quarantined().get(0).column());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("total 1.6 kg differs from the sum of the six drugs 1.5 kg"),
                r.warnings().get(0));
    }

    @Test
    void notTheKind(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("other.js");
        Files.writeString(f, "var x = {\"a\": 1};");
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ingest(f));
        assertTrue(e.getMessage().startsWith("other.js is not an incb-table-xii file"), e.getMessage());
        Files.writeString(f, "var incb = [{\"country\": \"x\"}];");
        e = assertThrows(DrugstatsException.class, () -> ingest(f));
        assertTrue(e.getMessage().contains("found fields [country]"), e.getMessage());
    }

    static IngestResult ingest(Path f) {
        return new IncbTableXiiKind().ingest(SourceFile.of(f), IngestContext.withDefaults());
    }
}
