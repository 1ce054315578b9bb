package org.drugstats.reports.model;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * One row of {@code results/youth_estimates} (schema {@code drugstats-youth-estimates/1}, see
 * {@code spark-jobs/RESULTS.md}): a country's latest youth estimate, or a UNODC summary of students aged 15–16.
 * Absent numbers are NaN, absent text null.
 *
 * @param indicator {@code prevalence_youth_lifetime}, {@code prevalence_youth_annual} or
 *     {@code prevalence_youth_past_month}
 * @param level country, subnational, unodc_subregion, unodc_region or world
 * @param refArea ISO3, sub-national code, aggregate code or WLD
 * @param areaName name
 * @param timePeriod survey period as published (countries) or the target year (summaries)
 * @param surveyYear survey year (countries), 0 for summaries
 * @param age age as surveyed
 * @param ageGroup comparability group code
 * @param drug drug code
 * @param value prevalence (%) or the weighted mean of a summary
 * @param median summary: median of the country values
 * @param min summary: smallest country value
 * @param max summary: largest country value
 * @param coverage summary: share of the population aged 15–16 in countries with data, 0–1
 * @param nAreas members with a population
 * @param nWithData countries with data
 * @param withDataAreas {@code ;}-joined {@code ISO3:year}, or null
 * @param headline country: not flagged; summary: coverage at least the minimum
 * @param method how the value was obtained
 * @param coverageText the survey's coverage as published
 * @param source the source column
 * @param notes rules and flags
 */
public record YouthRow(String indicator, String level, String refArea, String areaName, String timePeriod,
        int surveyYear, String age, String ageGroup, String drug, double value, double median, double min, double max,
        double coverage, int nAreas, int nWithData, String withDataAreas, boolean headline, String method,
        String coverageText, String source, String notes) {

    /** True for a country or sub-national row. */
    public boolean isCountry() {
        return "country".equals(level) || "subnational".equals(level);
    }

    static List<YouthRow> fromTable(Table t) {
        Cells c = new Cells(t);
        List<YouthRow> out = new ArrayList<>(c.rows());
        for (int r = 0; r < c.rows(); r++) {
            Integer sy = c.integer(r, "survey_year");
            Integer na = c.integer(r, "n_areas");
            Integer nd = c.integer(r, "n_with_data");
            Boolean h = c.bool(r, "headline");
            out.add(new YouthRow(c.text(r, "indicator"), c.text(r, "level"), c.text(r, "ref_area"),
                    c.text(r, "area_name"), c.text(r, "time_period"), sy == null ? 0 : sy, c.text(r, "age"),
                    c.text(r, "age_group"), c.text(r, "drug"), c.number(r, "value"), c.number(r, "median"),
                    c.number(r, "min"), c.number(r, "max"), c.number(r, "coverage"), na == null ? 0 : na,
                    nd == null ? 0 : nd, c.text(r, "with_data_areas"), h != null && h, c.text(r, "method"),
                    c.text(r, "coverage_text"), c.text(r, "source"), c.text(r, "notes")));
        }
        return out;
    }
}
