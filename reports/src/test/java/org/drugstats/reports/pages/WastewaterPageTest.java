package org.drugstats.reports.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The spread band of the waste-water page: quantiles as R's default (type 7). */
class WastewaterPageTest {

    @Test
    void quantilesAsR() {
        // R 4.2.2: quantile(c(3.5, 1.2, 8, 2.2), c(.25, .5, .75), type = 7) -> 1.950 2.850 4.625 (exact decimals)
        List<Double> v = List.of(3.5, 1.2, 8.0, 2.2);
        assertEquals(1.95, WastewaterPage.quantile(v, 0.25), 1e-12);
        assertEquals(2.85, WastewaterPage.quantile(v, 0.5), 1e-12);
        assertEquals(4.625, WastewaterPage.quantile(v, 0.75), 1e-12);
        // one value: every quantile is that value (R: quantile(5, c(.25, .75)) -> 5 5)
        assertEquals(5, WastewaterPage.quantile(List.of(5.0), 0.25), 0);
        assertTrue(Double.isNaN(WastewaterPage.quantile(List.of(), 0.5)));
    }

    /** The run's notes on the means, as the real run writes them (2026-12-07), quoted without false precision. */
    @Test
    void sitesAndPopulationAreRoundedForReading() {
        assertEquals("13 sites, 9.31 million people served",
                WastewaterPage.sitesAndPopulation("13 sites, population served 9306950"));
        assertEquals("1 site, 523,000 people served", WastewaterPage.sitesAndPopulation("1 sites, population served 523000"));
        assertEquals("something else", WastewaterPage.sitesAndPopulation("something else"));
    }
}
