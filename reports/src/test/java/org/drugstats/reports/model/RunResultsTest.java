package org.drugstats.reports.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.drugstats.core.DrugstatsException;
import org.drugstats.reports.ResultsFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultsTest {

    @Test
    void readsEveryContractFileOfTheFixture(@TempDir Path dir) throws Exception {
        Path run = ResultsFixture.write(dir.resolve("out"));
        RunResults r = RunResults.load(run.resolve("results"));
        assertEquals(run, r.runDir(), "the results/ directory names its run directory");
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        assertFalse(r.observations().isEmpty());
        assertEquals(7, r.aggregates().size());
        ResultObservation low = r.aggregates().stream().filter(o -> !o.hasValue()).findFirst().orElseThrow();
        assertEquals("UNODC_OCE", low.refArea());
        assertEquals(0.12, low.coverage(), 0.0);
        assertEquals(16, low.nAreas());
        assertTrue(low.hasFlag("low-coverage"));
        assertEquals(6, r.trends().size());
        assertEquals(1, r.trends().stream().filter(TrendRow::mannKendall).count());
        assertEquals(14, r.trendPoints().size());
        assertTrue(r.trendPoints().stream().anyMatch(TrendPointRow::imputed));
        assertEquals(7, r.lorenz().size());
        InequalitySummary s = r.inequality().orElseThrow();
        assertEquals(0.512, s.gini(), 0.0);
        assertEquals(0.0931, s.consumptionShareOfBottom().get(0.84), 0.0);
        assertEquals(0.8, s.populationShareOfBottom().get(0.075), 0.0);
        Manifest m = r.manifest().orElseThrow();
        assertEquals(2, m.inputs().size());
        assertTrue(m.inputs().get(0).balanced());
        assertEquals("4499", m.parameters().get("joinpoint.permutations"));
        assertEquals(1, r.quarantine().size());
        assertEquals(2, r.quarantine().get(0).unmappedNames().get("Atlantis <script>alert(3)</script>"));
        assertEquals(5, r.origins().size());
    }

    @Test
    void sharesWrittenAsPercentagesAreReadAsFractions() throws Exception {
        InequalitySummary s = InequalitySummary.fromJson(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"gini\": 0.6, \"consumption_share_of_bottom\": {\"84\": 7.5}}"));
        assertEquals(0.075, s.consumptionShareOfBottom().get(0.84), 1e-15);
    }

    @Test
    void absentFilesAreEmptyAndAMissingDirectoryIsAnError(@TempDir Path dir) throws Exception {
        RunResults r = RunResults.load(Files.createDirectories(dir.resolve("out/results")));
        assertTrue(r.isEmpty());
        assertTrue(r.warnings().isEmpty());
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> RunResults.load(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        Path other = Files.createDirectories(dir.resolve("other"));
        assertThrows(DrugstatsException.class, () -> RunResults.load(other));
    }

    @Test
    void aDamagedFileBecomesAWarning(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out/results"));
        Files.writeString(dir.resolve("out/manifest.json"), "{not json");
        Files.writeString(out.resolve("inequality.json"), "[1, 2]");
        RunResults r = RunResults.load(dir.resolve("out"));
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("manifest.json"));
        assertTrue(r.inequality().isPresent(), "a JSON array has no fields, which read as absent values");
        assertTrue(Double.isNaN(r.inequality().get().gini()));
    }
}
