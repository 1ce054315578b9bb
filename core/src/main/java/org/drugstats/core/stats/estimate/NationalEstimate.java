package org.drugstats.core.stats.estimate;

import java.util.Objects;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * A country's estimate of a WDR drug for ages 15–64 from one survey year, with the rules that made it.
 *
 * @param iso3 the country
 * @param drug the WDR drug
 * @param surveyYear the survey year
 * @param percent annual prevalence among 15–64, percent (low, best, high; exact when nothing was published)
 * @param ageRule the age rule (for a union: the furthest from 15-64 of its components)
 * @param definition how the drug's rows were combined
 * @param detail what was read: rows, age bases, factors (written to {@code notes})
 */
public record NationalEstimate(String iso3, WdrDrug drug, int surveyYear, Interval percent, AgeRule ageRule,
        DefinitionRule definition, String detail) {

    public NationalEstimate {
        Objects.requireNonNull(iso3, "iso3");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(ageRule, "ageRule");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(detail, "detail");
    }
}
