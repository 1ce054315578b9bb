package org.drugstats.core.stats.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

class ChangeRatesTest {
    @Test
    void percentChange() {
        // hand computed: 100·(80 − 100)/100 = −20; 100·(345.9 − 416.7)/416.7 = −16.99...
        assertEquals(-20.0, ChangeRates.percentChange(100, 80), 1e-12);
        assertEquals(-16.9906407487401, ChangeRates.percentChange(416.7, 345.9), 1e-12);
        assertThrows(DrugstatsException.class, () -> ChangeRates.percentChange(0, 1));
        assertThrows(DrugstatsException.class, () -> ChangeRates.percentChange(Double.NaN, 1));
    }

    @Test
    void cagr() {
        // hand computed: doubling over 4 years = 2^(1/4) − 1 = 0.189207115002721
        assertEquals(0.189207115002721, ChangeRates.cagr(1, 2, 2013, 2017), 1e-15);
        assertEquals(0.0, ChangeRates.cagr(5, 5, 0, 3), 0);
        assertThrows(DrugstatsException.class, () -> ChangeRates.cagr(0, 2, 0, 1));
        assertThrows(DrugstatsException.class, () -> ChangeRates.cagr(1, 2, 1, 1));
        assertThrows(DrugstatsException.class, () -> ChangeRates.cagr(1, Double.NaN, 0, 1));
    }
}
