package org.drugstats.reports.model;

import java.util.ArrayList;
import java.util.List;
import org.drugstats.core.data.Column;
import org.drugstats.core.results.ResultColumns;
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
            out.add(new TrendRow(c.text(r, ResultColumns.SERIES_ID), c.text(r, Column.INDICATOR.columnName()), c.text(r, Column.REF_AREA.columnName()),
                    c.text(r, Column.SEX.columnName()), c.text(r, Column.AGE.columnName()), c.text(r, Column.DRUG.columnName()), c.text(r, Column.UNIT.columnName()), c.text(r, ResultColumns.METHOD),
                    c.integer(r, ResultColumns.N), c.integer(r, ResultColumns.K), c.text(r, ResultColumns.SELECTION), c.integer(r, ResultColumns.SEGMENT),
                    c.number(r, ResultColumns.SEG_START), c.number(r, ResultColumns.SEG_END), c.number(r, ResultColumns.SLOPE), c.number(r, ResultColumns.APC),
                    c.number(r, ResultColumns.APC_LOWER), c.number(r, ResultColumns.APC_UPPER), c.number(r, ResultColumns.P_VALUE), c.number(r, ResultColumns.AAPC),
                    c.number(r, ResultColumns.AAPC_LOWER), c.number(r, ResultColumns.AAPC_UPPER), c.number(r, ResultColumns.AAPC_START),
                    c.number(r, ResultColumns.AAPC_END), c.number(r, ResultColumns.MK_S), c.number(r, ResultColumns.MK_VAR_S), c.number(r, ResultColumns.MK_Z),
                    c.number(r, ResultColumns.MK_P), c.number(r, ResultColumns.TAU), c.number(r, ResultColumns.SEN_SLOPE), c.number(r, ResultColumns.SEN_INTERCEPT),
                    c.number(r, ResultColumns.SEN_LOWER), c.number(r, ResultColumns.SEN_UPPER), c.text(r, ResultColumns.NOTE),
                    c.text(r, Column.SUB_AREA.columnName())));
        }
        return out;
    }

    /** True for a Mann–Kendall/Sen row. */
    public boolean mannKendall() {
        return MANN_KENDALL.equals(method);
    }
}
