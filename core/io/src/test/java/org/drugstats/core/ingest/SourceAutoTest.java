package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.SharedData;
import org.junit.jupiter.api.Test;

/**
 * {@code --source auto}: every file of the shared data folder is recognised as its kind from its content alone, and
 * a file no kind of this build reads gets one line listing each kind and why it did not match.
 */
class SourceAutoTest {

    /**
     * The kind of every published file. Files whose kinds are not in this build map to null: no kind may claim
     * them (a kind added for one of them implements {@link IngestKind#sniff} and its line here names it).
     */
    static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("unodc-wdr2025/1.2_prevalence_general_population_national.xlsx", "unodc-annex-prevalence"),
            Map.entry("unodc-wdr2025/1.4_prevalence_youth_national.xlsx", "unodc-annex-prevalence-youth"),
            Map.entry("unodc-wdr2025/2.1_expert_perception_of_trends.xlsx", "unodc-annex-expert-perception"),
            Map.entry("unodc-wdr2025/6.1.1_coca_bush_cultivation.xlsx", "unodc-annex-cultivation"),
            Map.entry("unodc-wdr2025/6.2.1_opium_poppy_cultivation.xlsx", "unodc-annex-cultivation"),
            Map.entry("unodc-wdr2025/7.1_drug_seizures_2019-2023.xlsx", "unodc-annex-seizures"),
            Map.entry("population/wpp2017-population-by-age-group.csv", "wpp-population"),
            Map.entry("geo/unsd-m49.csv", "m49"),
            Map.entry("consumption/incb-opioid-consumption-2015-2017.csv", "incb-consumption"),
            Map.entry("sdg-3.5.1/ons-indicator_3-5-1-alcohol-england.csv", "sdg-open-csv"),
            Map.entry("sdg-3.5.1/kazstat-indicator_3-5-1-kazakhstan.csv", "sdg-open-csv"),
            Map.entry("sdg-3.5.1/istac-indicator_3-5-1-spain-canary-islands.csv", "sdg-open-csv"),
            Map.entry("consumption/incb-table-xii-consumption-1989-2013-opioidatlas.js", "incb-table-xii"),
            Map.entry("deaths/nchs-drug-poisoning-mortality-by-state-1999-2017.csv", "nchs-drug-poisoning"),
            Map.entry("wastewater/euda-ww2025-all-data.csv", "euda-wastewater"),
            Map.entry("wastewater/euda-ww2025-site-info-table.csv", "euda-wastewater-sites"),
            Map.entry("unodc-wdr2024/8.1_prices_and_purity_2018-2022.xlsx", "unodc-annex-prices"),
            Map.entry("unodc-wdr2022/10.1_drug_related_crimes.xlsx", "unodc-annex-crimes")));

    @Test
    void everySharedFileIsRecognisedAsItsKind() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(SharedData.dir())) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md")).sorted()
                    .toList();
        }
        Map<String, String> found = new TreeMap<>();
        for (Path p : files) {
            String rel = SharedData.dir().relativize(p).toString().replace('\\', '/');
            SourceFile f = SourceFile.of(p);
            List<Sniff> sniffs = IngestKinds.sniff(f);
            String expected = EXPECTED.get(rel);
            if (expected == null) {
                DrugstatsException e = assertThrows(DrugstatsException.class, () -> IngestKinds.detect(f, sniffs),
                        rel + " was claimed by " + sniffs.get(0));
                assertTrue(e.getMessage().startsWith(f.name() + ": no ingest kind recognises it: "), e.getMessage());
                for (IngestKind k : IngestKinds.all()) {
                    assertTrue(e.getMessage().contains(k.name() + ": "), e.getMessage());
                }
                continue;
            }
            found.put(rel, IngestKinds.detect(f, sniffs).name());
            assertTrue(sniffs.get(0).why().length() > 0);
        }
        Map<String, String> wanted = new TreeMap<>(EXPECTED);
        assertEquals(wanted, found);
    }

    @Test
    void theOpenSdgKindSaysWhichColumnsConvincedIt() {
        Sniff s = IngestKinds.sniff(SourceFile.of(SharedData.file("sdg-3.5.1/istac-indicator_3-5-1-spain-canary-islands"
                + ".csv"))).get(0);
        assertEquals("sdg-open-csv", s.kind());
        assertTrue(s.why().contains("[Serie, Units, general.territorio]"), s.why());
    }
}
