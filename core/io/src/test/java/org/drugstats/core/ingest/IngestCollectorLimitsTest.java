package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;
import org.drugstats.core.geo.NameMatch;
import org.drugstats.core.geo.UnmappedReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an ingest keeps besides its rows does not grow with the rows: warnings of one kind keep
 * {@link IngestCollector#WARNING_EXAMPLES} examples and say how many more there were; unmapped names are listed up
 * to {@link IngestCollector#UNMAPPED_LISTED}; the accounting stays exact. The spill folder goes where it is told
 * ({@code --temp-dir}) and is removed.
 */
class IngestCollectorLimitsTest {

    @TempDir
    Path tmp;

    private static final SourceFile FILE = new SourceFile(Path.of("synthetic.csv"), "synthetic.csv",
            "0".repeat(64));

    private static Candidate row(IngestCollector out, int i) {
        String v = Integer.toString(i);
        return out.candidate(null, i + 2)
                .set(Column.INDICATOR, "ind")
                .set(Column.REF_AREA, "AFG")
                .set(Column.TIME_PERIOD, Integer.toString(1000 + i))
                .set(Column.SEX, Sex.TOTAL.code())
                .set(Column.AGE, "_T")
                .set(Column.UNIT, Unit.COUNT.code())
                .set(Column.UNIT_MULT, "0")
                .set(Column.OBS_STATUS, ObsStatus.NORMAL.code())
                .set(Column.ORIGIN, "o1")
                .set(Column.VALUE, v, "value", v);
    }

    private static Origin origin() {
        return IngestSupport.origin("synthetic", FILE, "p", "t", "c", "https://example.org", "l", null);
    }

    @Test
    void warningsOfOneKindKeepTheFirstExamplesAndCountTheRest() {
        IngestCollector out = new IngestCollector(FILE, "synthetic", RepeatedKeyRule.ONE_ROW_PER_KEY);
        out.warn("a warning of its own");
        for (int i = 0; i < 5000; i++) {
            out.read();
            out.warn("line %d: country '%s' is %s", i + 2, "X" + i, "ABC");
            if (i == 3) {
                out.warn("line %d: another kind", i + 2);
            }
            out.submit(row(out, i));
        }
        IngestResult r = out.finish(origin(), "cell");
        List<String> w = r.warnings();
        assertEquals(1 + 20 + 1 + 1, w.size(), w.toString());
        assertEquals("a warning of its own", w.get(0));
        assertEquals("line 2: country 'X0' is ABC", w.get(1));
        assertEquals("line 5: another kind", w.get(5));
        assertEquals("line 21: country 'X19' is ABC", w.get(21));
        assertEquals("\u2026 and 4980 more like the above (5000 in all): line \u2026: country '\u2026' is \u2026",
                w.get(22));
        assertEquals(5000, r.rowsRead());
        assertEquals(5000, r.rowsAccepted() + r.rowsQuarantined());
    }

    @Test
    void unmappedNamesAreListedUpToTheBoundAndTheRestCounted() {
        IngestCollector out = new IngestCollector(FILE, "synthetic", RepeatedKeyRule.ONE_ROW_PER_KEY);
        int names = IngestCollector.UNMAPPED_LISTED + 250;
        for (int i = 0; i < names; i++) {
            out.read();
            out.unmapped(new NameMatch.Unmapped("Atlantis " + i, UnmappedReason.UNKNOWN, null, null, "test"),
                    "line " + (i + 2), true);
            out.submit(row(out, i));
        }
        IngestResult r = out.finish(origin(), "cell");
        assertEquals(IngestCollector.UNMAPPED_LISTED, r.unmappedNames().size());
        assertTrue(r.warnings().contains("250 rows have names that are not one country beyond the 1000 names listed "
                + "in unmapped_names; not listed, each counted and handled as the listed ones are"), r.warnings()
                .toString());
        assertEquals(names, r.rowsRead());
    }

    @Test
    void theSpillFolderIsMadeInTheTempDirAndRemoved() throws IOException {
        Path temp = Files.createDirectory(tmp.resolve("spill"));
        IngestCollector out = new IngestCollector(FILE, "synthetic", RepeatedKeyRule.ONE_ROW_PER_KEY, 0, temp);
        for (int i = 0; i < 10; i++) {
            out.read();
            out.submit(row(out, i));
        }
        try (Stream<Path> s = Files.list(temp)) {
            List<Path> made = s.toList();
            assertEquals(1, made.size(), made.toString());
            assertTrue(made.get(0).getFileName().toString().startsWith("drugstats-ingest-"), made.toString());
        }
        IngestResult r = out.finish(origin(), "cell");
        assertEquals(10, r.rowsAccepted());
        r.release();
        try (Stream<Path> s = Files.list(temp)) {
            assertEquals(0, s.count(), "the spill folder is removed");
        }
    }

    @Test
    void aMissingTempDirIsRefusedBeforeReading() {
        Path missing = tmp.resolve("missing");
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> Ingest.run(IngestKinds.byName("m49"),
                tmp.resolve("not-read.csv"), tmp.resolve("out"), OutputFormat.CSV,
                IngestContext.withDefaults().withTempDir(missing)));
        assertEquals(missing + ": no such folder; expected an existing writable folder for the ingest's temporary "
                + "files", e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("out")));
    }
}
