package org.drugstats.core.stats.inequality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drugstats.core.io.CsvTable;
import org.drugstats.core.stats.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The seed statement "84% of the world population accounts for 7.5% of global consumption" checked on
 * shared/data/consumption/incb-opioid-consumption-2015-2017.csv (Richards et al. 2021; mean opioid
 * consumption 2015–2017 in kg per 100,000, rounded to whole numbers; Pop_2016). Consumption per country
 * = meanop_pop × Pop_2016 / 1e5 kg; ranking per-capita ascending. Reference: inequality_reference.py,
 * /usr/bin/python3, numpy 1.24.2 (INCB lines of its output). Tolerance 1e-12.
 */
class IncbConsumptionInequalityTest {

    static List<AreaConsumption> load(List<String> noValue, List<String> noPopulation) {
        Path p = SharedData.file("consumption/incb-opioid-consumption-2015-2017.csv");
        CsvTable t = CsvTable.read(p, List.of("country", "pop_2016", "meanop_pop"));
        List<AreaConsumption> out = new ArrayList<>();
        for (CsvTable.Row r : t.rows()) {
            String name = r.requiredText("country");
            if (r.optionalNumber("meanop_pop").isEmpty()) {
                noValue.add(name);
                continue;
            }
            double pop = r.number("pop_2016");
            if (pop == 0) {
                noPopulation.add(name);
                continue;
            }
            out.add(AreaConsumption.of(name, pop,
                    ConsumptionRates.kgFromKgPer100k(r.number("meanop_pop"), pop)));
        }
        return out;
    }

    @Test
    void bottomEightyFourPercentAndBottomSevenPointFivePercent() {
        List<String> noValue = new ArrayList<>();
        List<String> noPop = new ArrayList<>();
        List<AreaConsumption> areas = load(noValue, noPop);
        // numpy script: excluded rows, n = 191, total population 7,094,107,560, total 229,464.93 kg
        assertEquals(List.of("Liechtenstein", "Monaco", "San Marino"), noValue);
        assertEquals(List.of("South Sudan"), noPop);
        assertEquals(191, areas.size());
        assertEquals(7_094_107_560.0, areas.stream().mapToDouble(AreaConsumption::population).sum(), 0);
        assertEquals(229_464.93, areas.stream().mapToDouble(AreaConsumption::consumption).sum(), 1e-6);

        LorenzCurve c = LorenzCurve.of(areas);
        // numpy: gini_trapezoid 0.9084884359671335, gini_pairwise 0.9084884359671337
        assertEquals(0.9084884359671335, c.gini(), 1e-12);
        assertEquals(0.9084884359671337, Gini.pairwise(areas), 1e-12);
        // numpy: np.interp(0.84, F, L) = 0.028816943417018015
        assertEquals(0.028816943417018015, c.consumptionShareOfBottom(0.84, Reading.INTERPOLATED).consumptionShare(),
                1e-12);
        // numpy: pop_share_of_bottom(F, L, 0.075) = 0.8984377999995629
        assertEquals(0.8984377999995629, c.populationShareOfBottom(0.075, Reading.INTERPOLATED).populationShare(),
                1e-12);
        // numpy: boundary_cons(0.84) = (0.8327428799232923, 0.026573341730259173)
        LorenzReading b1 = c.consumptionShareOfBottom(0.84, Reading.COUNTRY_BOUNDARY);
        assertEquals(0.8327428799232923, b1.populationShare(), 1e-12);
        assertEquals(0.026573341730259173, b1.consumptionShare(), 1e-12);
        // numpy: boundary_pop(0.075) = (0.8953297516678758, 0.06923471922267163)
        LorenzReading b2 = c.populationShareOfBottom(0.075, Reading.COUNTRY_BOUNDARY);
        assertEquals(0.8953297516678758, b2.populationShare(), 1e-12);
        assertEquals(0.06923471922267163, b2.consumptionShare(), 1e-12);
        // numpy: Lorenz points 10, 50, 100, 150, 190
        double[][] ref = {{0.04235867548644836, 0.0}, {0.5001754667503236, 0.0}, {0.6885563150384486, 0.0},
            {0.8444370922394078, 0.03018870901100225}, {0.9884530930342984, 0.8286483254761413}};
        int[] idx = {10, 50, 100, 150, 190};
        for (int i = 0; i < idx.length; i++) {
            assertEquals(ref[i][0], c.points().get(idx[i]).populationShare(), 1e-12);
            assertEquals(ref[i][1], c.points().get(idx[i]).consumptionShare(), 1e-12);
        }
    }
}
