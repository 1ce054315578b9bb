package org.drugstats.core.stats.aggregate;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.Optional;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * Exact population-weighted sums over a set of areas: Σ population, Σ population with data, Σ rate ·
 * population for best, low and high, and area counts. Sums are {@link BigDecimal}: every double and every
 * product of two doubles is represented exactly, so {@link #combine} is exactly associative and commutative
 * and the result never depends on the order or partitioning of the input.
 */
final class WeightedSums implements Serializable {
    private static final long serialVersionUID = 1L;
    static final MathContext MC = MathContext.DECIMAL128;
    static final WeightedSums EMPTY = new WeightedSums(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0);

    final BigDecimal population;
    final BigDecimal populationWithData;
    final BigDecimal bestTimesPopulation;
    final BigDecimal lowTimesPopulation;
    final BigDecimal highTimesPopulation;
    final int areas;
    final int areasWithData;
    final int areasWithBounds;

    private WeightedSums(BigDecimal population, BigDecimal populationWithData, BigDecimal bestTimesPopulation,
            BigDecimal lowTimesPopulation, BigDecimal highTimesPopulation, int areas, int areasWithData,
            int areasWithBounds) {
        this.population = population;
        this.populationWithData = populationWithData;
        this.bestTimesPopulation = bestTimesPopulation;
        this.lowTimesPopulation = lowTimesPopulation;
        this.highTimesPopulation = highTimesPopulation;
        this.areas = areas;
        this.areasWithData = areasWithData;
        this.areasWithBounds = areasWithBounds;
    }

    static WeightedSums of(AreaObservation a) {
        BigDecimal p = new BigDecimal(a.population());
        if (a.rate().isEmpty()) {
            return new WeightedSums(p, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 1, 0, 0);
        }
        Interval r = a.rate().get();
        return new WeightedSums(p, p, p.multiply(new BigDecimal(r.best())), p.multiply(new BigDecimal(r.low())),
                p.multiply(new BigDecimal(r.high())), 1, 1, a.bounded() ? 1 : 0);
    }

    WeightedSums combine(WeightedSums o) {
        return new WeightedSums(population.add(o.population), populationWithData.add(o.populationWithData),
                bestTimesPopulation.add(o.bestTimesPopulation), lowTimesPopulation.add(o.lowTimesPopulation),
                highTimesPopulation.add(o.highTimesPopulation), areas + o.areas, areasWithData + o.areasWithData,
                areasWithBounds + o.areasWithBounds);
    }

    /** Population-weighted mean (low, best, high) of the areas with data, if any. */
    Optional<BigDecimal[]> mean() {
        if (populationWithData.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal[] {lowTimesPopulation.divide(populationWithData, MC),
            bestTimesPopulation.divide(populationWithData, MC), highTimesPopulation.divide(populationWithData, MC)});
    }

    boolean allBounded() {
        return areasWithBounds == areasWithData;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof WeightedSums w)) {
            return false;
        }
        return population.compareTo(w.population) == 0 && populationWithData.compareTo(w.populationWithData) == 0
                && bestTimesPopulation.compareTo(w.bestTimesPopulation) == 0
                && lowTimesPopulation.compareTo(w.lowTimesPopulation) == 0
                && highTimesPopulation.compareTo(w.highTimesPopulation) == 0 && areas == w.areas
                && areasWithData == w.areasWithData && areasWithBounds == w.areasWithBounds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(population.stripTrailingZeros(), populationWithData.stripTrailingZeros(),
                bestTimesPopulation.stripTrailingZeros(), areas, areasWithData, areasWithBounds);
    }
}
