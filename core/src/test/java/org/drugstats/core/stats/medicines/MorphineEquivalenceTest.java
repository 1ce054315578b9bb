package org.drugstats.core.stats.medicines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.Map;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.medicines.MorphineEquivalence.Factor;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed countries: core/src/test/reference/morphine_equivalent.py (Python 3.11, exact fractions; output in
 * morphine_equivalent.out), on the INCB Table XII compilation and WPP 2017 for 2013. Tolerance 1e-9 relative (the
 * Java sum is in doubles).
 */
class MorphineEquivalenceTest {

    static Map<Factor, Double> kg(double morphine, double fentanyl, double oxycodone, double pethidine,
            double hydrocodone, double codeine) {
        Map<Factor, Double> m = new EnumMap<>(Factor.class);
        m.put(Factor.MORPHINE, morphine);
        m.put(Factor.FENTANYL, fentanyl);
        m.put(Factor.OXYCODONE, oxycodone);
        m.put(Factor.PETHIDINE, pethidine);
        m.put(Factor.HYDROCODONE, hydrocodone);
        m.put(Factor.CODEINE, codeine);
        return m;
    }

    @Test
    void unitedKingdom2013() {
        double me = MorphineEquivalence.kgMorphineEquivalent(kg(2129, 105.0889, 1308, 116, 0.004, 4874.4));
        assertEquals(13369.13737, me, 13369.13737 * 1e-12);
        assertEquals(206.820974608883, MorphineEquivalence.mgPerCapita(me, 64_641_110), 206.820974608883 * 1e-9);
    }

    @Test
    void india2013() {
        double me = MorphineEquivalence.kgMorphineEquivalent(kg(171, 5.4092, 0.8535, 47, 0.062, 6974.7));
        assertEquals(1675.239515, me, 1675.239515 * 1e-12);
        assertEquals(1.310252646158, MorphineEquivalence.mgPerCapita(me, 1_278_562_207), 1.310252646158 * 1e-9);
    }

    @Test
    void morphineAloneIsItsOwnEquivalent() {
        // 1 kg morphine over 1,000,000 people = 1 mg per capita
        double me = MorphineEquivalence.kgMorphineEquivalent(kg(1, 0, 0, 0, 0, 0));
        assertEquals(1.0, MorphineEquivalence.mgPerCapita(me, 1_000_000), 0);
    }

    @Test
    void aMissingDrugIsNotZero() {
        Map<Factor, Double> m = kg(1, 0, 0, 0, 0, 0);
        m.remove(Factor.CODEINE);
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> MorphineEquivalence.kgMorphineEquivalent(m));
        assertEquals("morphine equivalent: codeine is null; expected kilograms >= 0 for all six drugs", e.getMessage());
        assertThrows(DrugstatsException.class, () -> MorphineEquivalence.mgPerCapita(1, 0));
    }

    @Test
    void factorsByDrugCode() {
        assertEquals(83.3, Factor.of("fentanyl").orElseThrow().factor(), 0);
        assertEquals(MorphineEquivalence.Source.CDC_2016, Factor.of("codeine").orElseThrow().source());
        assertEquals(6, Factor.values().length);
    }
}
