package org.drugstats.core.stats.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.uncertainty.Interval;
import org.drugstats.core.stats.uncertainty.MonteCarloSummary;
import org.drugstats.core.stats.uncertainty.RangeFit;
import org.drugstats.core.stats.uncertainty.RangePropagation;
import org.junit.jupiter.api.Test;

class WeightedMeanRangeTest {

    @Test
    void independentRangeMatchesNumpyAndIsInsideTheConservativeOne() {
        List<AreaObservation> withData = AggregationStateTest.fixture().stream().filter(AreaObservation::hasData).toList();
        MonteCarloSummary s = WeightedMeanRange.of(withData,
                RangePropagation.withDefaults().withFit(RangeFit.LOGNORMAL).withDraws(200_000),
                RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        // numpy 1.24.2 (aggregate_reference.py, last line): 4e6 lognormal draws -> [2.8709, 3.4635, 4.2570],
        // point 3.4390243902439024. MC tolerance 1% relative.
        assertEquals(3.4390243902439024, s.pointEstimate(), 1e-12);
        assertEquals(2.87086873, s.lower(), 0.01 * 2.87);
        assertEquals(3.46345229, s.median(), 0.01 * 3.46);
        assertEquals(4.25696372, s.upper(), 0.01 * 4.26);
        // conservative (perfect correlation) weighted bounds of the same areas, by hand from the fixture:
        // lower (1.5*100 + 3*300 + 0.5*250 + 2*1000 + 5*400)/2050, upper (2.5*100 + 5*300 + 1.5*250 + 4.5*1000 + 8*400)/2050
        double lo = (150 + 900 + 125 + 2000 + 2000) / 2050.0;
        double hi = (250 + 1500 + 375 + 4500 + 3200) / 2050.0;
        assertTrue(lo < s.lower() && s.upper() < hi, s + " inside [" + lo + ", " + hi + "]");
        assertThrows(DrugstatsException.class, () -> WeightedMeanRange.of(
                List.of(AreaObservation.withoutData("x", "s", "r", 1)), RangePropagation.withDefaults(), null));
        assertEquals(Interval.exact(2), WeightedMeanRange.of(List.of(AreaObservation.withValue("x", "s", "r", 1, 2)),
                RangePropagation.withDefaults().withDraws(100), RandomSource.XO_RO_SHI_RO_128_PP.create(1L)).interval());
    }
}
