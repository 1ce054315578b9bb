package org.drugstats.reports.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Footnote markers of the WDR annex tables become what the footnotes say (texts as in annex 6.1.1 and 6.2.1). */
class FootnotesTest {

    private static final String NOTES = "footnote b: Figures represent the area under coca cultivation as interpreted "
            + "on satellite imagery (without deductions for subsequent eradication).; footnote c: Net area on 31 "
            + "December, deducting fields eradicated after satellite imagery was taken.";

    @Test
    void markersAreLettersNotMethodNames() {
        assertTrue(Footnotes.isMarker("b"));
        assertTrue(Footnotes.isMarker("b, c"));
        assertTrue(Footnotes.isMarker("d,e,f"));
        assertFalse(Footnotes.isMarker("sum-of-reported"));
        assertFalse(Footnotes.isMarker("HHS"));
        assertFalse(Footnotes.isMarker(null));
    }

    @Test
    void labelsSayWhatTheFootnoteSays() {
        assertEquals(Optional.of("Net area on 31 December, deducting fields eradicated after satellite imagery was "
                + "taken."), Footnotes.text("c", NOTES));
        assertEquals("net area after eradication", Footnotes.method("c", NOTES));
        assertEquals("area on satellite imagery, before eradication", Footnotes.method("b", NOTES));
        assertEquals("area on satellite imagery, before eradication; net area after eradication",
                Footnotes.method("b, c", NOTES));
        // another footnote: its first clause, cut at a word
        assertEquals("data from 2016 onwards are not comparable to…", Footnotes.method("g",
                "footnote g: Data from 2016 onwards are not comparable to prior years."));
        // no text: never the bare letter
        assertEquals("footnote d", Footnotes.method("d", null));
        assertEquals("HHS", Footnotes.method("HHS", NOTES));
    }
}
