package org.drugstats.reports.model;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * One row of {@code results/trends}: a fitted segment of a joinpoint or log-linear model, or the one row of a
 * Mann–Kendall/Sen test. Doubles are NaN where not applicable.
 */
public record TrendRow(String seriesId, String indicator, String refArea, String sex, String age, String drug,
        String unit, String method, Integer n, Integer k, String selection, Integer segment, double segStart,
        double segEnd, double slope, double apc, double apcLower, double apcUpper, double pValue, double aapc,
        double aapcLower, double aapcUpper, double aapcStart, double aapcEnd, double mkS, double mkVarS, double mkZ,
        double mkP, double tau, double senSlope, double senIntercept, double senLower, double senUpper,
        String note, String subArea) {

    /** Method name of Mann–Kendall rows. */
    public static final String MANN_KENDALL = "mann-kendall";

    static List<TrendRow> fromTable(Table t) {
        Cells c = new Cells(t);
        List<TrendRow> out = new ArrayList<>(c.rows());
        for (int r = 0; r < c.rows(); r++) {
            out.add(new TrendRow(c.text(r, "series_id"), c.text(r, "indicator"), c.text(r, "ref_area"),
                    c.text(r, "sex"), c.text(r, "age"), c.text(r, "drug"), c.text(r, "unit"), c.text(r, "method"),
                    c.integer(r, "n"), c.integer(r, "k"), c.text(r, "selection"), c.integer(r, "segment"),
                    c.number(r, "seg_start"), c.number(r, "seg_end"), c.number(r, "slope"), c.number(r, "apc"),
                    c.number(r, "apc_lower"), c.number(r, "apc_upper"), c.number(r, "p_value"), c.number(r, "aapc"),
                    c.number(r, "aapc_lower"), c.number(r, "aapc_upper"), c.number(r, "aapc_start"),
                    c.number(r, "aapc_end"), c.number(r, "mk_s"), c.number(r, "mk_var_s"), c.number(r, "mk_z"),
                    c.number(r, "mk_p"), c.number(r, "tau"), c.number(r, "sen_slope"), c.number(r, "sen_intercept"),
                    c.number(r, "sen_lower"), c.number(r, "sen_upper"), c.text(r, "note"), c.text(r, "sub_area")));
        }
        return out;
    }

    /** True for a Mann–Kendall/Sen row. */
    public boolean mannKendall() {
        return MANN_KENDALL.equals(method);
    }
}
