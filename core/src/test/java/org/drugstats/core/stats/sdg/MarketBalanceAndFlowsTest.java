package org.drugstats.core.stats.sdg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.uncertainty.BoundMethod;
import org.drugstats.core.stats.uncertainty.Interval;
import org.drugstats.core.stats.uncertainty.RangePropagation;
import org.junit.jupiter.api.Test;

/** Reference values: core/src/test/reference/sdg_reference.py (/usr/bin/python3, numpy 1.24.2, scipy 1.10.1). */
class MarketBalanceAndFlowsTest {
    static final Interval PROD = Interval.of(400, 500, 700);
    static final Interval IMP = Interval.exact(50);
    static final Interval EXP = Interval.of(20, 30, 40);
    static final Interval SEIZ = Interval.exact(100);
    static final Interval CONS = Interval.of(250, 300, 360);

    @Test
    void monteCarloResidualMatchesIndependentNumpySimulation() {
        MarketBalance mb = MarketBalance.withDefaults().withPropagation(RangePropagation.withDefaults().withDraws(200_000));
        BalanceResult b = mb.check(PROD, IMP, EXP, SEIZ, CONS, RandomSource.XO_RO_SHI_RO_128_PP.create(8L));
        // by hand: supply 550, use 430, residual 120, relative 120/550
        assertEquals(550, b.supply(), 0);
        assertEquals(430, b.use(), 0);
        assertEquals(120, b.residual(), 0);
        assertEquals(120.0 / 550, b.relativeResidual(), 1e-15);
        // numpy/scipy, 4e6 draws, PERT(production, exports) + lognormal(consumption):
        // residual percentiles [23.289, 132.351, 260.928]; relative [0.04761, 0.23573, 0.39256].
        // Tolerance: MC error of both simulations (absolute 3 on the residual, 0.005 on the relative)
        Interval r = b.residualRange().orElseThrow();
        assertEquals(23.28943247, r.low(), 3);
        assertEquals(132.35085679, r.best(), 3);
        assertEquals(260.92824153, r.high(), 3);
        Interval rel = b.relativeRange().orElseThrow();
        assertEquals(0.04760948, rel.low(), 0.005);
        assertEquals(0.23573426, rel.best(), 0.005);
        assertEquals(0.39255783, rel.high(), 0.005);
    }

    @Test
    void conservativeResidualIsIntervalArithmetic() {
        BalanceResult b = MarketBalance.withDefaults()
                .withPropagation(RangePropagation.withDefaults().withMethod(BoundMethod.CONSERVATIVE))
                .check(PROD, IMP, EXP, SEIZ, CONS, null);
        // by hand: supply [450, 750], use [370, 500]: residual [-50, 380]; relative [1 - 500/450, 1 - 370/750]
        assertEquals(Interval.of(-50, 120, 380), b.residualRange().orElseThrow());
        assertEquals(1 - 500.0 / 450, b.relativeRange().orElseThrow().low(), 1e-15);
        assertEquals(1 - 370.0 / 750, b.relativeRange().orElseThrow().high(), 1e-15);
        BalanceResult exact = MarketBalance.withDefaults().check(Interval.exact(10), Interval.exact(0),
                Interval.exact(2), Interval.exact(3), Interval.exact(5), null);
        assertEquals(0, exact.residual(), 0);
        assertTrue(exact.residualRange().isEmpty());
        assertThrows(DrugstatsException.class, () -> MarketBalance.withDefaults().check(Interval.exact(0),
                Interval.exact(0), Interval.exact(0), Interval.exact(0), Interval.exact(0), null));
    }

    @Test
    void flowTotalsByCountryRegionAndWorld() {
        List<IllicitFinancialFlow> flows = List.of(
                new IllicitFinancialFlow("A", "R1", 2019, FlowDirection.INWARD, FlowType.INCOME_GENERATION,
                        Interval.of(10, 12, 15)),
                new IllicitFinancialFlow("A", "R1", 2019, FlowDirection.OUTWARD, FlowType.INCOME_MANAGEMENT,
                        Interval.of(1, 2, 3)),
                new IllicitFinancialFlow("B", "R1", 2019, FlowDirection.OUTWARD, FlowType.INCOME_GENERATION,
                        Interval.exact(5)),
                new IllicitFinancialFlow("C", "R2", 2019, FlowDirection.INWARD, FlowType.INCOME_GENERATION,
                        Interval.of(100, 110, 130)),
                new IllicitFinancialFlow("A", "R1", 2020, FlowDirection.INWARD, FlowType.INCOME_GENERATION,
                        Interval.of(11, 13, 16)));
        // python (sdg_reference.py section 3): R1 2019 [16, 19, 23] from 2 countries; World 2019 [116, 129, 153] 3
        List<FlowTotal> reg = IllicitFlowTotals.of(flows, FlowGrouping.REGION);
        assertEquals(3, reg.size());
        FlowTotal r1 = reg.get(0);
        assertEquals("R1", r1.name());
        assertEquals(2019, r1.year());
        assertEquals(Interval.of(16, 19, 23), r1.total());
        assertEquals(2, r1.reportingCountries());
        assertEquals(Interval.of(10, 12, 15), r1.inward());
        assertEquals(Interval.of(6, 7, 8), r1.outward());
        assertEquals(Interval.of(15, 17, 20), r1.incomeGeneration());
        assertEquals(Interval.of(1, 2, 3), r1.incomeManagement());
        List<FlowTotal> w = IllicitFlowTotals.of(flows, FlowGrouping.WORLD);
        assertEquals(Interval.of(116, 129, 153), w.get(0).total());
        assertEquals(3, w.get(0).reportingCountries());
        assertEquals(Interval.of(11, 13, 16), w.get(1).total());
        List<FlowTotal> c = IllicitFlowTotals.of(flows, FlowGrouping.COUNTRY);
        assertEquals(4, c.size());
        assertEquals(Interval.of(11, 14, 18), c.get(0).total());
        assertThrows(DrugstatsException.class, () -> IllicitFlowTotals.of(List.of(flows.get(0),
                new IllicitFinancialFlow("A", "R9", 2019, FlowDirection.INWARD, FlowType.INCOME_GENERATION,
                        Interval.exact(1))), FlowGrouping.COUNTRY));
        assertThrows(DrugstatsException.class, () -> new IllicitFinancialFlow("A", "R1", 2019, FlowDirection.INWARD,
                FlowType.INCOME_GENERATION, Interval.of(-1, 0, 1)));
    }
}
