package org.drugstats.core.stats.sdg;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.uncertainty.BoundMethod;
import org.drugstats.core.stats.uncertainty.Interval;
import org.drugstats.core.stats.uncertainty.RangePropagation;

/**
 * Drug-market balance check used by UNODC to estimate SDG 16.4.1 drug flows: supply S = production +
 * imports, use U = exports + seizures + consumption; residual R = S − U, relative residual R / S. Inputs
 * are quantities (kg) or values (USD) in one unit.
 *
 * <p>Ranges: Monte Carlo by default (inputs independent, {@link RangePropagation}; the ranges are
 * (P2.5, median, P97.5) of the draws); with {@link BoundMethod#CONSERVATIVE}, interval arithmetic:
 * R ∈ [S_low − U_high, S_high − U_low] and R/S = 1 − U/S ∈ [1 − U_high/S_low, 1 − U_low/S_high].
 * The residual and the relative residual are two simulations drawn one after the other from the same
 * generator. The point values always use the best estimates.
 *
 * <p>Edge cases: inputs must be ≥ 0 and supply &gt; 0 (its lower bound too, for the relative residual).
 * Reference: UNODC and UNCTAD (2020), Conceptual Framework for the Statistical Measurement of IFFs, ch. 4.
 */
public final class MarketBalance {
    private final RangePropagation propagation;

    private MarketBalance(RangePropagation propagation) {
        this.propagation = propagation;
    }

    /** Monte Carlo with {@link RangePropagation#withDefaults()}. */
    public static MarketBalance withDefaults() {
        return new MarketBalance(RangePropagation.withDefaults());
    }

    /** A copy propagating ranges with {@code p}. */
    public MarketBalance withPropagation(RangePropagation p) {
        return new MarketBalance(Objects.requireNonNull(p, "propagation"));
    }

    /** The residual; {@code rng} is needed only for Monte Carlo when an input has a range. */
    public BalanceResult check(Interval production, Interval imports, Interval exports, Interval seizures,
            Interval consumption, UniformRandomProvider rng) {
        List<Interval> in = List.of(production, imports, exports, seizures, consumption);
        String[] names = {"production", "imports", "exports", "seizures", "consumption"};
        for (int i = 0; i < in.size(); i++) {
            if (!(in.get(i).low() >= 0)) {
                throw DrugstatsException.of("%s must be >= 0, got (%s, %s, %s)", names[i], in.get(i).low(),
                        in.get(i).best(), in.get(i).high());
            }
        }
        double sLow = production.low() + imports.low();
        if (!(sLow > 0)) {
            throw DrugstatsException.of("supply (production + imports) must be > 0, lower bound is %s", sLow);
        }
        double s = production.best() + imports.best();
        double u = exports.best() + seizures.best() + consumption.best();
        double r = s - u;
        if (in.stream().allMatch(Interval::isExact)) {
            return new BalanceResult(s, u, r, r / s, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Interval rr;
        Interval rel;
        if (propagation.method() == BoundMethod.CONSERVATIVE) {
            double sHigh = production.high() + imports.high();
            double uLow = exports.low() + seizures.low() + consumption.low();
            double uHigh = exports.high() + seizures.high() + consumption.high();
            rr = Interval.of(sLow - uHigh, r, sHigh - uLow);
            rel = Interval.of(1 - uHigh / sLow, r / s, 1 - uLow / sHigh);
        } else {
            rr = propagation.simulate(in, x -> x[0] + x[1] - x[2] - x[3] - x[4], rng).interval();
            rel = propagation.simulate(in, x -> 1 - (x[2] + x[3] + x[4]) / (x[0] + x[1]), rng).interval();
        }
        return new BalanceResult(s, u, r, r / s, Optional.of(rr), Optional.of(rel), Optional.of(propagation.method()));
    }
}
