package org.drugstats.reports.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AreaNamesTest {

    @Test
    void publishedNamesLoseFootnoteLettersAndStraySpaces() {
        assertEquals("Colombia", AreaNames.clean("  Colombia a"));
        assertEquals("Peru", AreaNames.clean("Peru b,c"));
        assertEquals("United States of America", AreaNames.clean("United States of America "));
        assertEquals("Bolivia (Plurinational State of)", AreaNames.clean("Bolivia (Plurinational State of)\u00a0"));
        assertEquals("Côte d'Ivoire", AreaNames.clean("C\u00f4te d'Ivoire"));
        assertEquals("Saint Kitts and Nevis", AreaNames.clean("Saint Kitts and Nevis*"));
    }

    @Test
    void codesWithoutNamesAreShownAsCodesOrReadFromTheCode() {
        AreaNames n = AreaNames.none();
        assertEquals("World", n.name("WLD"));
        assertEquals("Ame south", n.name("UNODC_AME_SOUTH"));
        assertEquals("ZZZ", n.name("ZZZ"));
        assertEquals("", n.name(null));
    }

    @Test
    void geographyNamesComeFirstThenPublishedNames(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        RunResults run = RunResults.load(org.drugstats.reports.ResultsFixture.write(dir.resolve("out")));
        AreaNames n = AreaNames.from(run, org.drugstats.core.geo.Geography.fromResources());
        assertEquals("Americas", n.name("UNODC_AME"));
        assertEquals("World", n.name("WLD"));
        assertEquals("Colombia", n.name("COL"));
        assertEquals("England", n.name("GBR_ENG"), "an area outside M49 keeps its published name");
        assertEquals(org.drugstats.reports.ResultsFixture.EVIL_COUNTRY, n.name("ZZX"));
    }
}
