package org.drugstats.core.stats.inequality;

import org.drugstats.core.DrugstatsException;

/**
 * Consumption rates from quantities and populations.
 *
 * <ul>
 *   <li>S-DDD per million inhabitants per day = (mg consumed / S-DDD in mg) / 365 / (population / 10⁶)
 *       (INCB; the S-DDD is a technical unit of measurement, not a recommended dose);</li>
 *   <li>mg per capita = mg consumed / population;</li>
 *   <li>mg per capita from kg per 100,000 inhabitants = kg/100k × 10⁶ mg/kg / 10⁵ = 10 × kg/100k;</li>
 *   <li>kg consumed from kg per 100,000 inhabitants = kg/100k × population / 10⁵.</li>
 * </ul>
 * The year is 365 days (INCB convention); quantities must be ≥ 0 and populations &gt; 0.
 */
public final class ConsumptionRates {
    private static final double DAYS_PER_YEAR = 365;

    private ConsumptionRates() {
    }

    /** S-DDD per million inhabitants per day for a year's consumption. */
    public static double sdddPerMillionPerDay(double mgConsumed, double sdddMg, double population) {
        requireQuantity(mgConsumed, "quantity consumed (mg)");
        if (!(sdddMg > 0) || Double.isInfinite(sdddMg)) {
            throw DrugstatsException.of("S-DDD must be a finite number of mg > 0, got %s", sdddMg);
        }
        requirePopulation(population);
        return mgConsumed / sdddMg / DAYS_PER_YEAR / (population / 1e6);
    }

    /** mg per capita. */
    public static double mgPerCapita(double mgConsumed, double population) {
        requireQuantity(mgConsumed, "quantity consumed (mg)");
        requirePopulation(population);
        return mgConsumed / population;
    }

    /** mg per capita from kg per 100,000 inhabitants (10 × the rate). */
    public static double mgPerCapitaFromKgPer100k(double kgPer100k) {
        requireQuantity(kgPer100k, "consumption (kg per 100,000)");
        return kgPer100k * 1e6 / 1e5;
    }

    /** Total kg from kg per 100,000 inhabitants and the population. */
    public static double kgFromKgPer100k(double kgPer100k, double population) {
        requireQuantity(kgPer100k, "consumption (kg per 100,000)");
        requirePopulation(population);
        return kgPer100k * population / 1e5;
    }

    static void requireQuantity(double q, String what) {
        if (!(q >= 0) || Double.isInfinite(q)) {
            throw DrugstatsException.of("%s must be finite and >= 0, got %s", what, q);
        }
    }

    static void requirePopulation(double p) {
        if (!(p > 0) || Double.isInfinite(p)) {
            throw DrugstatsException.of("population must be finite and > 0, got %s", p);
        }
    }
}
