package org.drugstats.core.stats.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

/**
 * Reference values: core/src/test/reference/uncertainty_reference.py, run with /usr/bin/python3
 * (numpy 1.24.2, scipy 1.10.1). Monte Carlo tolerances are set from the sampling error of a percentile
 * at 200,000 draws (well under 1% relative here) with a safety factor.
 */
class RangePropagationTest {

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    private static final RangePropagation MC = RangePropagation.withDefaults().withFit(RangeFit.LOGNORMAL)
            .withDraws(200_000);

    @Test
    void lognormalFitQuantilesMatchScipy() {
        FittedRange f = FittedRange.of(Interval.of(1, 2, 4), RangeFit.LOGNORMAL);
        // scipy 1.10.1: stats.lognorm(s=(log 4 - log 1)/3.92, scale=2).ppf(0.025 / 0.5 / 0.975), .mean()
        assertEquals(1.0000127368232135, f.quantile(0.025), 1e-12);
        assertEquals(2.0, f.quantile(0.5), 1e-12);
        assertEquals(3.9999490533560436, f.quantile(0.975), 1e-12);
        assertEquals(2.129059028297157, f.mean(), 1e-12);
    }

    @Test
    void pertFitMatchesScipyBeta() {
        FittedRange f = FittedRange.of(Interval.of(2, 3, 10), RangeFit.PERT);
        // scipy 1.10.1: stats.beta(1.5, 4.5, loc=2, scale=8).mean(), .ppf(0.025), .ppf(0.975)
        assertEquals(4.0, f.mean(), 1e-12);
        assertEquals(2.180102127993241, f.quantile(0.025), 1e-9);
        assertEquals(7.029011205055954, f.quantile(0.975), 1e-9);
        // mode = a + (b - a)(alpha - 1)/(alpha + beta - 2) = 3.0 (scipy script); check the density peaks there
        UniformRandomProvider r = rng(11);
        var s = f.sampler(r);
        int[] bins = new int[16];
        for (int i = 0; i < 400_000; i++) {
            bins[(int) ((s.sample() - 2) * 2)]++;
        }
        int argmax = 0;
        for (int i = 1; i < bins.length; i++) {
            argmax = bins[i] > bins[argmax] ? i : argmax;
        }
        assertTrue(argmax == 1 || argmax == 2, "histogram mode bin " + argmax + " should straddle 3.0");
    }

    @Test
    void triangularFitMatchesScipy() {
        FittedRange f = FittedRange.of(Interval.of(2, 3, 10), RangeFit.TRIANGULAR);
        // scipy 1.10.1: stats.triang(c=1/8, loc=2, scale=8).mean(), .ppf(0.025), .ppf(0.975)
        assertEquals(5.0, f.mean(), 1e-12);
        assertEquals(2.447213595499958, f.quantile(0.025), 1e-9);
        assertEquals(8.816784043380077, f.quantile(0.975), 1e-9);
    }

    @Test
    void autoChoosesLognormalForLogSymmetricRangesElsePert() {
        assertEquals(RangeFit.LOGNORMAL, FittedRange.of(Interval.of(1, 2, 4), RangeFit.AUTO).fit());
        assertEquals(RangeFit.PERT, FittedRange.of(Interval.of(2, 3, 10), RangeFit.AUTO).fit());
        assertEquals(RangeFit.PERT, FittedRange.of(Interval.of(0, 3, 10), RangeFit.AUTO).fit());
    }

    @Test
    void ratioOfLognormalsHasExactLognormalQuantiles() {
        Interval x = Interval.of(50, 100, 200);
        Interval y = Interval.of(400, 500, 625);
        MonteCarloSummary s = MC.simulate(List.of(x, y), v -> v[0] / v[1], rng(42));
        // scipy 1.10.1: stats.lognorm(s=hypot(s1, s2), scale=exp(m1 - m2)).ppf(q) (script section 4)
        assertEquals(0.09655866818679036, s.lower(), 0.02 * 0.0966);
        assertEquals(0.2, s.median(), 0.01 * 0.2);
        assertEquals(0.41425592079026025, s.upper(), 0.02 * 0.414);
        assertEquals(0.2, s.pointEstimate(), 1e-15);
        Interval viaRatio = MC.ratio(x, y, rng(42));
        assertEquals(s.interval(), viaRatio);
    }

    @Test
    void sumOfLognormalsMatchesNumericIntegrationAndExactMean() {
        Interval x = Interval.of(50, 100, 200);
        Interval y = Interval.of(20, 40, 80);
        MonteCarloSummary s = MC.simulate(List.of(x, y), v -> v[0] + v[1], rng(7));
        // scipy 1.10.1: X.mean() + Y.mean() (exact)
        assertEquals(149.03413198080102, s.mean(), 0.005 * 149.03);
        // scipy 1.10.1: brentq on quad(F_X(s - y) f_Y(y), 0, s) = q (script section 5)
        assertEquals(84.93740275896137, s.lower(), 0.015 * 84.9);
        assertEquals(143.0864664637584, s.median(), 0.01 * 143.1);
        assertEquals(247.38930001519634, s.upper(), 0.015 * 247.4);
        // Fenton-Wilkinson (scipy script) is an approximation: within 2% of the exact quantiles here
        assertEquals(83.62041005504798, s.lower(), 0.03 * 83.6);
        assertEquals(246.2065535986339, s.upper(), 0.03 * 246.2);
        assertEquals(s.interval(), MC.sum(List.of(x, y), rng(7)));
    }

    @Test
    void seededRunsReproduceExactlyAndSeedsMatter() {
        RangePropagation p = RangePropagation.withDefaults().withDraws(2_000);
        List<Interval> in = List.of(Interval.of(1, 2, 3), Interval.of(10, 12, 20));
        Interval a = p.sum(in, rng(1));
        Interval b = p.sum(in, rng(1));
        Interval c = p.sum(in, rng(2));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void conservativeBoundsAreIntervalArithmetic() {
        RangePropagation c = RangePropagation.withDefaults().withMethod(BoundMethod.CONSERVATIVE);
        // by hand: (1+10, 2+12, 3+20); (1*10, 2*12, 3*20); (1/20, 2/12, 3/10)
        assertEquals(Interval.of(11, 14, 23), c.sum(List.of(Interval.of(1, 2, 3), Interval.of(10, 12, 20)), null));
        assertEquals(Interval.of(10, 24, 60), c.product(Interval.of(1, 2, 3), Interval.of(10, 12, 20), null));
        Interval r = c.ratio(Interval.of(1, 2, 3), Interval.of(10, 12, 20), null);
        assertEquals(0.05, r.low(), 1e-15);
        assertEquals(2.0 / 12, r.best(), 1e-15);
        assertEquals(0.3, r.high(), 1e-15);
        assertEquals(Interval.exact(0), c.sum(List.of(), null));
    }

    @Test
    void monteCarloIsNarrowerThanConservativeForSums() {
        List<Interval> in = List.of(Interval.of(50, 100, 200), Interval.of(20, 40, 80), Interval.of(5, 6, 9));
        Interval mc = MC.sum(in, rng(3));
        Interval cons = MC.withMethod(BoundMethod.CONSERVATIVE).sum(in, null);
        assertTrue(mc.low() > cons.low() && mc.high() < cons.high(), mc + " inside " + cons);
    }

    @Test
    void exactInputsGiveExactOutput() {
        Interval r = MC.withDraws(100).ratio(Interval.exact(3), Interval.exact(4), rng(5));
        assertEquals(Interval.exact(0.75), r);
    }

    @Test
    void badInputFailsWithOneLineMessage() {
        assertThrows(DrugstatsException.class, () -> Interval.of(3, 2, 4));
        assertThrows(DrugstatsException.class, () -> Interval.of(Double.NaN, 2, 4));
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> FittedRange.of(Interval.of(0, 1, 2), RangeFit.LOGNORMAL));
        assertTrue(e.getMessage().contains("low must be > 0"), e.getMessage());
        assertThrows(DrugstatsException.class, () -> MC.ratio(Interval.of(1, 2, 3), Interval.of(0, 1, 2), rng(1)));
        e = assertThrows(DrugstatsException.class, () -> MC.simulate(List.of(Interval.of(1, 2, 3)), x -> x[0] / 0,
                null));
        assertTrue(e.getMessage().startsWith("Monte Carlo draw 0 gave a non-finite value Infinity"), e.getMessage());
        assertThrows(DrugstatsException.class, () -> MC.withDraws(10));
    }

    @Test
    void theDefaultsWorkAloneWithASeededGenerator() {
        RangePropagation d = RangePropagation.withDefaults();
        Interval a = Interval.of(1, 2, 4);
        Interval b = Interval.of(10, 12, 20);
        // without a generator: a new one seeded with DEFAULT_SEED per call, so the same as passing that generator
        assertEquals(d.product(a, b, rng(RangePropagation.DEFAULT_SEED)), d.product(a, b, null));
        assertEquals(d.product(a, b, null), d.product(a, b, null));
        assertEquals(d.withSeed(5).ratio(a, b, rng(5)), d.withSeed(5).ratio(a, b, null));
        assertEquals(5, d.withSeed(5).withDraws(500).withFit(RangeFit.PERT).seed());
        // the best value of a Monte Carlo range is the median of the draws, not the product of the best values
        MonteCarloSummary s = d.simulate(List.of(a, b), x -> x[0] * x[1], rng(RangePropagation.DEFAULT_SEED));
        assertEquals(s.median(), d.product(a, b, null).best(), 0.0);
        assertEquals(24.0, s.pointEstimate(), 0.0);
    }
}
