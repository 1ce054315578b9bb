package org.drugstats.reports.model;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * One row of {@code results/estimates} (schema {@code drugstats-estimates/1}, see {@code spark-jobs/RESULTS.md}).
 * Absent numbers are NaN, absent text null.
 *
 * @param indicator {@code prevalence_annual} or {@code people_who_use_drugs}
 * @param level country, unodc_subregion, unodc_region or world
 * @param refArea ISO3, aggregate code or WLD
 * @param areaName the WDR's name
 * @param year target year
 * @param drug drug code
 * @param value best estimate
 * @param lower low
 * @param upper high
 * @param coverage population share with a national estimate, 0–1
 * @param nAreas member countries
 * @param nWithData countries with a national estimate
 * @param imputedAreas {@code ;}-joined ISO3, or null
 * @param carriedAreas {@code ;}-joined {@code ISO3:year}, or null
 * @param method how the value was obtained
 * @param notes rules and flags
 */
public record EstimateRow(String indicator, String level, String refArea, String areaName, int year, String drug,
        double value, double lower, double upper, double coverage, int nAreas, int nWithData, String imputedAreas,
        String carriedAreas, String method, String notes) {

    /** True when the notes say the aggregate is a headline (coverage at least the minimum). */
    public boolean headline() {
        return notes != null && notes.startsWith("headline");
    }

    /** Number of imputed countries. */
    public int imputedCount() {
        return imputedAreas == null || imputedAreas.isBlank() ? 0 : imputedAreas.split(";").length;
    }

    /** Number of countries carried from an earlier survey year. */
    public int carriedCount() {
        return carriedAreas == null || carriedAreas.isBlank() ? 0 : carriedAreas.split(";").length;
    }

    static List<EstimateRow> fromTable(Table t) {
        Cells c = new Cells(t);
        List<EstimateRow> out = new ArrayList<>(c.rows());
        for (int r = 0; r < c.rows(); r++) {
            String tp = c.text(r, "time_period");
            Integer na = c.integer(r, "n_areas");
            Integer nd = c.integer(r, "n_with_data");
            out.add(new EstimateRow(c.text(r, "indicator"), c.text(r, "level"), c.text(r, "ref_area"),
                    c.text(r, "area_name"), tp == null ? 0 : Integer.parseInt(tp.substring(0, 4)), c.text(r, "drug"),
                    c.number(r, "value"), c.number(r, "lower"), c.number(r, "upper"), c.number(r, "coverage"),
                    na == null ? 0 : na, nd == null ? 0 : nd, c.text(r, "imputed_areas"), c.text(r, "carried_areas"),
                    c.text(r, "method"), c.text(r, "notes")));
        }
        return out;
    }
}
