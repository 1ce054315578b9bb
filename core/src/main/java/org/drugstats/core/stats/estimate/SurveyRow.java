package org.drugstats.core.stats.estimate;

import java.util.Comparator;
import java.util.Objects;
import org.drugstats.core.DrugstatsException;

/**
 * One national estimate of annual prevalence as published in annex table 1.2 (an extract row of indicator
 * {@code prevalence_annual}, sex {@code T}, unit percent).
 *
 * @param area ISO3 code, or a code of a part of a country ({@code GB-EAW})
 * @param drug the annex drug code ({@code cannabis}, {@code opiates}, …)
 * @param timePeriod the survey year as published ({@code 2019}, {@code 2022/23}, {@code 2019-2021})
 * @param age the surveyed age range as published
 * @param value best estimate, percent
 * @param lower published low, percent, or NaN when none
 * @param upper published high, percent, or NaN when none
 * @param status {@code normal}, {@code estimated}
 * @param method the annex Method code
 * @param source the annex Source
 * @param record the record number when the table gives several for one key, else empty
 */
public record SurveyRow(String area, String drug, String timePeriod, String age, double value, double lower,
        double upper, String status, String method, String source, String record) {

    /**
     * The order that decides between two rows of one area, drug and survey year: the age rule (15-64 first), status
     * {@code normal} first, then source, method, record and value — by content only, so that the order in which
     * rows arrive changes nothing.
     */
    public static final Comparator<SurveyRow> PREFERENCE = Comparator
            .comparing((SurveyRow r) -> AgeRule.of(r.age()).ordinal())
            .thenComparing(r -> "normal".equals(r.status()) ? 0 : 1)
            .thenComparing(SurveyRow::source).thenComparing(SurveyRow::method).thenComparing(SurveyRow::record)
            .thenComparingDouble(SurveyRow::value).thenComparing(SurveyRow::age);

    /** Validates the fields; the value must be a percentage. */
    public SurveyRow {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(timePeriod, "timePeriod");
        age = age == null ? "" : age;
        status = status == null ? "" : status;
        method = method == null ? "" : method;
        source = source == null ? "" : source;
        record = record == null ? "" : record;
        if (!(value >= 0 && value <= 100)) {
            throw DrugstatsException.of("%s %s %s: prevalence %s is not a percentage in [0, 100]", area, drug,
                    timePeriod, value);
        }
    }

    /**
     * The survey year: the first four digits of the time period ({@code 2022/23} and {@code 2022-2023} count as
     * 2022, as in {@code results/aggregates}: the year the survey started).
     */
    public int surveyYear() {
        if (timePeriod.length() < 4) {
            throw DrugstatsException.of("%s %s: time period '%s' has no year", area, drug, timePeriod);
        }
        try {
            return Integer.parseInt(timePeriod.substring(0, 4));
        } catch (NumberFormatException e) {
            throw DrugstatsException.of(e, "%s %s: time period '%s' does not start with a year", area, drug, timePeriod);
        }
    }

    /** True when both a low and a high are published. */
    public boolean hasRange() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }
}
