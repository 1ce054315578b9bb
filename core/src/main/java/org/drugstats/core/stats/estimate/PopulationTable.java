package org.drugstats.core.stats.estimate;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.drugstats.core.DrugstatsException;

/**
 * Populations by country and year ({@link AgePopulation}); the weights (persons aged 15–64) and the counts an
 * age-base conversion needs. Immutable once built.
 */
public final class PopulationTable {
    private final Map<String, AgePopulation> byKey;
    private final Map<String, Double> aged15to64;

    private PopulationTable(Map<String, AgePopulation> byKey, Map<String, Double> aged15to64) {
        this.byKey = Map.copyOf(byKey);
        this.aged15to64 = Map.copyOf(aged15to64);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The population of a country in a year, if known. */
    public Optional<AgePopulation> get(String iso3, int year) {
        return Optional.ofNullable(byKey.get(key(iso3, year)));
    }

    /**
     * Persons aged 15–64 of a country in a year (the weight): the count given by {@link Builder#put15to64} (WPP's
     * {@code population_15_64}), else the sum of the age groups 15-24 and 25-64, else 0 when unknown.
     */
    public double aged15to64(String iso3, int year) {
        Double direct = aged15to64.get(key(iso3, year));
        if (direct != null) {
            return direct;
        }
        AgePopulation p = byKey.get(key(iso3, year));
        return p == null ? 0 : p.aged15to64();
    }

    private static String key(String iso3, int year) {
        return iso3 + "|" + year;
    }

    /** Collects populations; a country-year given twice with different counts fails. */
    public static final class Builder {
        private final Map<String, AgePopulation> byKey = new HashMap<>();
        private final Map<String, Double> aged15to64 = new HashMap<>();

        private Builder() {
        }

        /** Adds one country-year. */
        public Builder put(String iso3, int year, AgePopulation p) {
            AgePopulation old = byKey.putIfAbsent(key(iso3, year), p);
            if (old != null && !old.equals(p)) {
                throw DrugstatsException.of("population of %s %d given twice with different counts: %s and %s", iso3,
                        year, old, p);
            }
            return this;
        }

        /** Adds the persons aged 15–64 of one country-year; given twice with different counts fails. */
        public Builder put15to64(String iso3, int year, double persons) {
            if (!(persons >= 0) || Double.isInfinite(persons)) {
                throw DrugstatsException.of("population aged 15-64 of %s %d must be finite and >= 0, got %s", iso3,
                        year, persons);
            }
            Double old = aged15to64.putIfAbsent(key(iso3, year), persons);
            if (old != null && old != persons) {
                throw DrugstatsException.of("population aged 15-64 of %s %d given twice: %s and %s", iso3, year, old,
                        persons);
            }
            return this;
        }

        /** The table. */
        public PopulationTable build() {
            return new PopulationTable(byKey, aged15to64);
        }
    }
}
