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

    private PopulationTable(Map<String, AgePopulation> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The population of a country in a year, if known. */
    public Optional<AgePopulation> get(String iso3, int year) {
        return Optional.ofNullable(byKey.get(key(iso3, year)));
    }

    /** Persons aged 15–64 of a country in a year, or 0 when unknown. */
    public double aged15to64(String iso3, int year) {
        AgePopulation p = byKey.get(key(iso3, year));
        return p == null ? 0 : p.aged15to64();
    }

    private static String key(String iso3, int year) {
        return iso3 + "|" + year;
    }

    /** Collects populations; a country-year given twice with different counts fails. */
    public static final class Builder {
        private final Map<String, AgePopulation> byKey = new HashMap<>();

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

        /** The table. */
        public PopulationTable build() {
            return new PopulationTable(byKey);
        }
    }
}
