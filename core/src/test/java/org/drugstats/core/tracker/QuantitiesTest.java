package org.drugstats.core.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The tracker's numbers as a reader quotes them (issue 15: no false precision, the minus sign, not a hyphen). */
class QuantitiesTest {

    @Test
    void cultivationIsQuotedToTheHundredHectaresAsTheWdrDoes() {
        // world opium poppy 2024 in annex 6.2.1 is 236,651 ha; WDR 2019 quotes 2018 as "345,900 ha"
        assertEquals("236,700 ha", Quantities.format(236_651, "hectares"));
        assertEquals("345,700 ha", Quantities.format(345_703.29, "ha"));
        // small areas keep their digits
        assertEquals("9,876 ha", Quantities.format(9_876, "ha"));
    }

    @Test
    void negativeNumbersCarryTheMinusSign() {
        assertEquals("\u2212200 ha", Quantities.format(-200, "ha"));
        assertEquals("\u221239,800 ha", Quantities.format(-39_826, "ha"));
        assertEquals("\u221217%", Quantities.percentChange(-16.5));
        assertEquals("+68%", Quantities.percentChange(67.6));
        assertEquals("\u22121.5 t", Quantities.format(-1_500, "kg"));
        assertEquals("0.0%", Quantities.format(-0.0, "percent"));
    }

    @Test
    void peopleInMillionsAndThousands() {
        assertEquals("88.0 million", Quantities.format(88_019_389, "persons"));
        assertEquals("316 thousand", Quantities.format(316_200, "persons"));
        assertEquals("2,275 t", Quantities.format(2_274_600, "kg"));
    }
}
