package org.drugstats.core.stats.inequality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

class ConsumptionRatesTest {

    @Test
    void sdddPerMillionPerDay() {
        // by hand: 73,000,000 mg / 100 mg = 730,000 S-DDD; / 365 = 2,000 per day; / 10 million = 200
        assertEquals(200, ConsumptionRates.sdddPerMillionPerDay(73_000_000, 100, 10_000_000), 1e-12);
    }

    @Test
    void perCapitaConversions() {
        // 1 kg per 100,000 = 1e6 mg / 1e5 persons = 10 mg per capita
        assertEquals(10, ConsumptionRates.mgPerCapitaFromKgPer100k(1), 0);
        assertEquals(480, ConsumptionRates.mgPerCapitaFromKgPer100k(48), 1e-12);
        // Germany in the INCB file: 48 kg/100k x 81,915,000 / 1e5 = 39,319.2 kg
        assertEquals(39_319.2, ConsumptionRates.kgFromKgPer100k(48, 81_915_000), 1e-9);
        assertEquals(2.5, ConsumptionRates.mgPerCapita(25, 10), 0);
        assertThrows(DrugstatsException.class, () -> ConsumptionRates.mgPerCapita(1, 0));
        assertThrows(DrugstatsException.class, () -> ConsumptionRates.sdddPerMillionPerDay(1, Double.NaN, 1));
    }

    @Test
    void adequacyCategoriesAtTheirCutOffs() {
        assertEquals(AdequacyCategory.ADEQUATE, AdequacyCategory.classify(100, 100));
        assertEquals(AdequacyCategory.MODERATE, AdequacyCategory.classify(99.9, 100));
        assertEquals(AdequacyCategory.MODERATE, AdequacyCategory.classify(30, 100));
        assertEquals(AdequacyCategory.LOW, AdequacyCategory.classify(29.9, 100));
        assertEquals(AdequacyCategory.LOW, AdequacyCategory.classify(10, 100));
        assertEquals(AdequacyCategory.VERY_LOW, AdequacyCategory.classify(9.99, 100));
        assertEquals(AdequacyCategory.VERY_LOW, AdequacyCategory.classify(1, 100));
        assertEquals(AdequacyCategory.VIRTUALLY_NONE, AdequacyCategory.classify(0.99, 100));
        assertEquals(AdequacyCategory.VIRTUALLY_NONE, AdequacyCategory.classify(0, 100));
        assertThrows(DrugstatsException.class, () -> AdequacyCategory.classify(1, 0));
    }
}
