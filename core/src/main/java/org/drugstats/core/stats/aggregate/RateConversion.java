package org.drugstats.core.stats.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * Counts from rates and back: persons = prevalence % / 100 × population; prevalence % = persons /
 * population × 100 (DOMAIN §2: 296 million / 5.125 billion aged 15–64 in 2021 = 5.78%). Bounds scale
 * exactly (the population is taken as known).
 *
 * <p>Years and age bases are aligned explicitly: by default ({@link AgeBasePolicy#REQUIRE_SAME},
 * {@link YearPolicy#REQUIRE_SAME}) a prevalence for ages "12+" and a population for "15-64", or a 2019
 * prevalence and a 2021 population, are refused with an error naming both; permissive policies proceed and
 * record the assumption in {@link PeopleEstimate#assumptions()}.
 */
public final class RateConversion {
    private final AgeBasePolicy agePolicy;
    private final YearPolicy yearPolicy;

    private RateConversion(AgeBasePolicy agePolicy, YearPolicy yearPolicy) {
        this.agePolicy = agePolicy;
        this.yearPolicy = yearPolicy;
    }

    /** Strict alignment of age bases and years. */
    public static RateConversion withDefaults() {
        return new RateConversion(AgeBasePolicy.REQUIRE_SAME, YearPolicy.REQUIRE_SAME);
    }

    /** A copy with the given age-base policy. */
    public RateConversion withAgeBasePolicy(AgeBasePolicy p) {
        return new RateConversion(Objects.requireNonNull(p, "age base policy"), yearPolicy);
    }

    /** A copy with the given year policy. */
    public RateConversion withYearPolicy(YearPolicy p) {
        return new RateConversion(agePolicy, Objects.requireNonNull(p, "year policy"));
    }

    /** Number of people: prevalence % / 100 × population. */
    public PeopleEstimate people(Prevalence prevalence, PopulationCount population) {
        List<String> assumptions = new ArrayList<>();
        if (!prevalence.ageBase().equals(population.ageBase())) {
            if (agePolicy == AgeBasePolicy.REQUIRE_SAME) {
                throw DrugstatsException.of(
                        "prevalence age base %s differs from population age base %s; choose an AgeBasePolicy "
                                + "(e.g. APPLY_RATE_TO_POPULATION_BASE) to combine them",
                        prevalence.ageBase(), population.ageBase());
            }
            assumptions.add(String.format(Locale.ROOT, "prevalence for ages %s applied to population aged %s",
                    prevalence.ageBase(), population.ageBase()));
        }
        if (prevalence.year() != population.year()) {
            if (yearPolicy == YearPolicy.REQUIRE_SAME) {
                throw DrugstatsException.of(
                        "prevalence year %d differs from population year %d; choose YearPolicy.ALLOW_DIFFERENT "
                                + "to combine them",
                        prevalence.year(), population.year());
            }
            assumptions.add(String.format(Locale.ROOT, "prevalence of %d applied to population of %d",
                    prevalence.year(), population.year()));
        }
        Interval persons = prevalence.percent().scale(population.persons() / 100);
        return new PeopleEstimate(persons, prevalence.year(), population.ageBase(), List.copyOf(assumptions));
    }

    /** Prevalence in percent: persons / population × 100, same year and age base as the population. */
    public Prevalence prevalence(Interval persons, PopulationCount population) {
        if (!(persons.low() >= 0 && persons.high() <= population.persons())) {
            throw DrugstatsException.of("persons (%s, %s, %s) must lie in [0, population %s]", persons.low(),
                    persons.best(), persons.high(), population.persons());
        }
        return new Prevalence(persons.scale(100 / population.persons()), population.year(), population.ageBase());
    }
}
