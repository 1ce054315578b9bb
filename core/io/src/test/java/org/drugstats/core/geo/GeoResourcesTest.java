package org.drugstats.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.drugstats.core.SharedData;
import org.drugstats.core.ingest.GeoResourceGenerator;
import org.junit.jupiter.api.Test;

/** The committed derived resources are exactly what the generator makes from the published files. */
class GeoResourcesTest {

    @Test
    void committedResourcesEqualGeneratorOutput() throws IOException {
        GeoResourceGenerator.Output out = GeoResourceGenerator.generate(SharedData.dir());
        Path dir = SharedData.projectRoot().resolve("core/src/main/resources/org/drugstats/core/geo");
        assertEquals(2, out.files().size());
        for (Map.Entry<String, String> e : out.files().entrySet()) {
            String committed = Files.readString(dir.resolve(e.getKey()), StandardCharsets.UTF_8);
            assertEquals(e.getValue(), committed, e.getKey() + " differs from the generator's output; run "
                    + "GenerateGeoResources (see its javadoc) and review the diff");
        }
    }

    @Test
    void derivationReportsWhatItOverrodeOrSkipped() {
        GeoResourceGenerator.Output out = GeoResourceGenerator.generate(SharedData.dir());
        // Egypt is listed once under West and Central Africa in table 1.2 (carried-down sub-region); the majority wins
        assertTrue(out.notes().stream().anyMatch(n -> n.startsWith("EGY: annex rows disagree") && n.endsWith(
                "took North Africa")), out.notes().toString());
        assertTrue(out.notes().stream().anyMatch(n -> n.contains("region cell 'new' is not a UNODC region name")));
        assertTrue(out.notes().stream().anyMatch(n -> n.contains("'Ireland and Northern Ireland' is not one country")));
        assertTrue(out.notes().stream().anyMatch(n -> n.startsWith("ATA (Antarctica)")));
    }
}
