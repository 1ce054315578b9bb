package org.drugstats.core.stats.inequality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

/**
 * Reference values from core/src/test/reference/inequality_reference.py, /usr/bin/python3 with numpy
 * 1.24.2 (functions lorenz, gini_trapezoid, gini_pairwise, share_of_bottom = np.interp,
 * pop_share_of_bottom, boundary_cons, boundary_pop). Tolerance 1e-12: same arithmetic, different order.
 */
class LorenzCurveTest {
    static final List<AreaConsumption> TOY = List.of(
            AreaConsumption.of("A", 10, 50), AreaConsumption.of("B", 20, 10), AreaConsumption.of("C", 30, 300),
            AreaConsumption.of("D", 25, 0), AreaConsumption.of("E", 15, 150));

    @Test
    void pointsGiniAndReadingsMatchNumpy() {
        LorenzCurve c = LorenzCurve.of(TOY);
        // numpy: toy F and toy L
        double[] f = {0, 0.25, 0.45, 0.55, 0.85, 1};
        double[] l = {0, 0, 0.0196078431372549, 0.11764705882352941, 0.7058823529411765, 1};
        assertEquals(6, c.points().size());
        for (int i = 0; i < f.length; i++) {
            assertEquals(f[i], c.points().get(i).populationShare(), 1e-12, "F" + i);
            assertEquals(l[i], c.points().get(i).consumptionShare(), 1e-12, "L" + i);
        }
        // C and E tie at 10 per capita: ties are broken by area name
        assertEquals(List.of("D", "B", "A", "C", "E"),
                c.points().subList(1, 6).stream().map(LorenzPoint::area).toList());
        // numpy: gini_trapezoid = 0.4794117647058824, gini_pairwise = 0.47941176470588237
        assertEquals(0.4794117647058824, c.gini(), 1e-12);
        assertEquals(0.47941176470588237, Gini.pairwise(TOY), 1e-12);
        // numpy: np.interp(0.5, F, L) = 0.06862745098039214; pop_share_of_bottom(0.2) = 0.592
        assertEquals(0.06862745098039214, c.consumptionShareOfBottom(0.5, Reading.INTERPOLATED).consumptionShare(),
                1e-12);
        assertEquals(0.592, c.populationShareOfBottom(0.2, Reading.INTERPOLATED).populationShare(), 1e-12);
        // numpy: boundary_cons(0.5) = (0.45, 0.0196...), boundary_pop(0.2) = (0.55, 0.1176...)
        LorenzReading b1 = c.consumptionShareOfBottom(0.5, Reading.COUNTRY_BOUNDARY);
        assertEquals(0.45, b1.populationShare(), 1e-12);
        assertEquals(0.0196078431372549, b1.consumptionShare(), 1e-12);
        LorenzReading b2 = c.populationShareOfBottom(0.2, Reading.COUNTRY_BOUNDARY);
        assertEquals(0.55, b2.populationShare(), 1e-12);
        assertEquals(0.11764705882352941, b2.consumptionShare(), 1e-12);
    }

    @Test
    void readingsAtTheEnds() {
        LorenzCurve c = LorenzCurve.of(TOY);
        // the bottom 25% (area D) consumes nothing: zero consumption counts the whole flat segment
        assertEquals(0.25, c.populationShareOfBottom(0, Reading.INTERPOLATED).populationShare(), 0);
        assertEquals(0, c.consumptionShareOfBottom(0, Reading.INTERPOLATED).consumptionShare(), 0);
        assertEquals(1, c.consumptionShareOfBottom(1, Reading.INTERPOLATED).consumptionShare(), 0);
        assertEquals(1, c.populationShareOfBottom(1, Reading.COUNTRY_BOUNDARY).populationShare(), 0);
    }

    @Test
    void bothGiniFormulasAgreeOnRandomData() {
        Random r = new Random(20260101L);
        for (int rep = 0; rep < 50; rep++) {
            List<AreaConsumption> a = new ArrayList<>();
            int n = 1 + r.nextInt(60);
            for (int i = 0; i < n; i++) {
                a.add(AreaConsumption.of("a" + i, 1 + r.nextInt(1_000_000), r.nextInt(5) == 0 ? 0 : r.nextDouble() * 1e4));
            }
            if (a.stream().allMatch(x -> x.consumption() == 0)) {
                continue;
            }
            assertEquals(Gini.pairwise(a), Gini.of(a), 1e-12, "rep " + rep);
        }
    }

    @Test
    void giniInvariantUnderPermutationAndScalingOfConsumption() {
        double g = Gini.of(TOY);
        List<AreaConsumption> shuffled = new ArrayList<>(TOY);
        Random r = new Random(5);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(shuffled, r);
            assertEquals(g, Gini.of(shuffled), 1e-15);
            assertEquals(LorenzCurve.of(TOY).points(), LorenzCurve.of(shuffled).points());
        }
        List<AreaConsumption> scaled = TOY.stream()
                .map(a -> AreaConsumption.of(a.area(), a.population(), a.consumption() * 37.5)).toList();
        assertEquals(g, Gini.of(scaled), 1e-14);
        List<AreaConsumption> popScaled = TOY.stream()
                .map(a -> AreaConsumption.of(a.area(), a.population() * 1000, a.consumption() * 1000)).toList();
        assertEquals(g, Gini.of(popScaled), 1e-14);
    }

    @Test
    void equalPerCapitaGivesZeroAndSingleAreaGivesDiagonal() {
        List<AreaConsumption> eq = List.of(AreaConsumption.of("x", 10, 20), AreaConsumption.of("y", 3, 6),
                AreaConsumption.of("z", 7, 14));
        assertEquals(0, Gini.of(eq), 1e-15);
        assertEquals(0, Gini.pairwise(eq), 1e-15);
        LorenzCurve one = LorenzCurve.of(List.of(AreaConsumption.of("x", 10, 5)));
        assertEquals(0, one.gini(), 0);
        assertEquals(0.3, one.consumptionShareOfBottom(0.3, Reading.INTERPOLATED).consumptionShare(), 1e-15);
    }

    @Test
    void concentrationCurveRanksByExternalVariable() {
        // income ranks C poorest: the curve starts with the biggest consumer -> concentration index < 0
        List<AreaConsumption> a = List.of(AreaConsumption.of("A", 10, 1, 3.0), AreaConsumption.of("B", 10, 1, 2.0),
                AreaConsumption.of("C", 10, 8, 1.0));
        LorenzCurve c = LorenzCurve.of(a, Ranking.EXTERNAL_VARIABLE_ASCENDING);
        assertEquals(List.of("C", "B", "A"), c.points().subList(1, 4).stream().map(LorenzPoint::area).toList());
        // by hand: F = 1/3, 2/3, 1; L = 0.8, 0.9, 1 -> 1 - (1/3)(0.8 + 1.7 + 1.9) = -7/15
        assertEquals(-7.0 / 15, c.gini(), 1e-15);
        assertThrows(DrugstatsException.class,
                () -> LorenzCurve.of(TOY, Ranking.EXTERNAL_VARIABLE_ASCENDING));
    }

    @Test
    void badInputFails() {
        assertThrows(DrugstatsException.class, () -> LorenzCurve.of(List.of()));
        assertThrows(DrugstatsException.class, () -> LorenzCurve.of(List.of(AreaConsumption.of("x", 1, 0))));
        assertThrows(DrugstatsException.class, () -> AreaConsumption.of("x", 0, 1));
        assertThrows(DrugstatsException.class, () -> AreaConsumption.of("x", 1, Double.NaN));
        assertThrows(DrugstatsException.class,
                () -> LorenzCurve.of(TOY).consumptionShareOfBottom(1.2, Reading.INTERPOLATED));
    }
}
