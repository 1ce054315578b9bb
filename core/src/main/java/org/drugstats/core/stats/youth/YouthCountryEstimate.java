package org.drugstats.core.stats.youth;

import java.util.List;
import java.util.Objects;

/**
 * A country's (or sub-national area's) latest youth estimate of one drug, period and age group.
 *
 * @param level {@link YouthLevel#COUNTRY} or {@link YouthLevel#SUBNATIONAL}
 * @param refArea ISO3 or the sub-national code
 * @param drug the drug code
 * @param period the recall period
 * @param group the age group
 * @param row the row chosen (for a component maximum: the largest component)
 * @param value prevalence in percent (the row's value)
 * @param method {@code latest-survey} (a whole-drug row) or {@code latest-survey-component-max} (only component
 *     rows in the latest survey year: the largest, a lower bound of the drug)
 * @param implausible whether the value is above {@link YouthSettings#implausibleAbove()} (past year or month)
 * @param alternatives the other rows of the same survey year and group not used, as {@code value (product, age,
 *     source)}
 */
public record YouthCountryEstimate(YouthLevel level, String refArea, String drug, YouthPeriod period,
        YouthAgeGroup group, YouthSurveyRow row, double value, String method, boolean implausible,
        List<String> alternatives) {

    /** Checks the parts. */
    public YouthCountryEstimate {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(row, "row");
        alternatives = List.copyOf(alternatives);
    }

    /** The survey year. */
    public int surveyYear() {
        return row.surveyYear();
    }
}
