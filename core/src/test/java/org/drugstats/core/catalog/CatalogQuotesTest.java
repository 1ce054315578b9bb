package org.drugstats.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every quote of an entry sourced to a seed document, and of its further citations, occurs verbatim in
 * that seed (after removing Markdown emphasis and collapsing white space), so a reviewer can find it.
 * The seeds are read from {@code ../shared/seeds} next to the shared data directory (Surefire property
 * {@code drugstats.shared.data}); like the shared data tests, this test runs and fails when they are
 * missing, it does not skip.
 */
class CatalogQuotesTest {
    private static final Map<String, String> SEED_FILES = Map.of(
            "Background note for the interactive, multi-stakeholder round tables of the high-level segment, Commission "
                    + "on Narcotic Drugs, sixty-seventh session (20 February 2024)", "000_0bda1c0195f771f4.txt",
            "CND 2019 Ministerial Segment, interactive multi-stakeholder round tables: summary of the salient points "
                    + "(14–15 March 2019)", "001_5e408520479a9a67.txt",
            "High-level declaration by the Commission on Narcotic Drugs on the 2024 midterm review, following up to the "
                    + "Ministerial Declaration of 2019 (Distr.: Limited, 14 March 2024)", "002_79ef3c8b67c3bccb.txt",
            "Commission on Narcotic Drugs, sixty-eighth session, draft report, addendum: follow-up to the implementation "
                    + "of all commitments as reflected in the Ministerial Declaration of 2019 (March 2025)",
            "003_a017be807abfa683.txt",
            "Report of the Secretary-General, International cooperation against the world drug problem, General "
                    + "Assembly, seventy-fifth session (12 June 2020)", "004_a1f2e2e94515ce7b.txt");
    private static final String NON_SEED_PREFIX = "UNODC World Drug Report ";
    private static final Map<String, String> TEXTS = new HashMap<>();

    @BeforeAll
    static void readSeeds() throws IOException {
        String data = System.getProperty("drugstats.shared.data", "../shared/data");
        Path seeds = Path.of(data).resolveSibling("seeds");
        for (Map.Entry<String, String> s : SEED_FILES.entrySet()) {
            Path file = seeds.resolve(s.getValue());
            if (!Files.isRegularFile(file)) {
                fail("seed document not found: " + file.toAbsolutePath());
            }
            TEXTS.put(s.getKey(), normalise(Files.readString(file, StandardCharsets.UTF_8)));
        }
    }

    static String normalise(String s) {
        return s.replace("\\", "").replace("*", "").replaceAll("\\s+", " ");
    }

    /**
     * The check itself: the problem with one citation of an entry, or null when the quote is found in its seed
     * (or the citation is to a World Drug Report, which is not among the seeds).
     */
    static String problem(String entryId, Citation c) {
        String text = TEXTS.get(c.sourceDocument());
        if (text == null) {
            return c.sourceDocument().startsWith(NON_SEED_PREFIX) ? null
                    : entryId + ": unknown source document '" + c.sourceDocument() + "'";
        }
        return text.contains(normalise(c.quote())) ? null : entryId + ": quote not in seed: '" + c.quote() + "'";
    }

    /** Every "source_document" naming a seed in the catalog's JSON, counted on the raw tree (not through Catalog). */
    private static int seedCitationsInTheJson() throws IOException {
        JsonNode root;
        try (InputStream in = Catalog.class.getResourceAsStream("headlines.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int n = 0;
        for (JsonNode doc : root.findValues("source_document")) {
            if (SEED_FILES.containsKey(doc.asText())) {
                n++;
            }
        }
        return n;
    }

    private static List<Citation> citations(CatalogEntry e) {
        List<Citation> cites = new ArrayList<>(e.alsoStatedIn());
        cites.add(0, new Citation(e.sourceDocument(), e.sourceLocator(), e.quote()));
        return cites;
    }

    @Test
    void everyQuoteOccursInItsSeed() throws IOException {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (CatalogEntry e : Catalog.load().entries()) {
            for (Citation c : citations(e)) {
                if (TEXTS.containsKey(c.sourceDocument())) {
                    checked++;
                }
                String p = problem(e.id(), c);
                if (p != null) {
                    missing.add(p);
                }
            }
        }
        assertTrue(missing.isEmpty(), () -> String.join("\n", missing));
        assertEquals(seedCitationsInTheJson(), checked, "citations of the catalog to a seed document");
        assertTrue(checked >= 101, "101 seed citations when this was written: " + checked);
    }

    @Test
    void theCheckCatchesAnAlteredQuoteAndAnUnknownDocument() {
        CatalogEntry entry = Catalog.load().entries().stream()
                .filter(e -> citations(e).stream().anyMatch(c -> c.quote().contains("271 million")))
                .findFirst().orElseThrow();
        Citation real = citations(entry).stream().filter(c -> c.quote().contains("271 million")).findFirst()
                .orElseThrow();
        assertNull(problem(entry.id(), real));
        Citation altered = new Citation(real.sourceDocument(), real.sourceLocator(),
                real.quote().replace("271 million", "217 million"));
        assertEquals(entry.id() + ": quote not in seed: '" + altered.quote() + "'", problem(entry.id(), altered));
        Citation unknown = new Citation("Some other report (2020)", real.sourceLocator(), real.quote());
        assertEquals(entry.id() + ": unknown source document 'Some other report (2020)'",
                problem(entry.id(), unknown));
        assertNull(problem(entry.id(), new Citation(NON_SEED_PREFIX + "2025", "annex", "not a seed")));
    }
}
