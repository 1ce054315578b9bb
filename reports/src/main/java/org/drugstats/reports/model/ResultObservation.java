package org.drugstats.reports.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drugstats.core.data.Column;
import org.drugstats.core.results.ResultColumns;
import tech.tablesaw.api.Table;

/**
 * One row of the results in the canonical schema (observations, aggregates, indicators), with the columns
 * the aggregates and indicators add. Absent numbers are NaN, absent text null.
 *
 * @param indicator indicator id
 * @param refArea ISO3 or aggregate code
 * @param timePeriod period as stored ("2021", "2010/11", "2015-2017")
 * @param sex T, M or F
 * @param age age group
 * @param value value in unit × 10^unitMult, NaN when missing
 * @param lower lower bound or NaN
 * @param upper upper bound or NaN
 * @param unit unit code
 * @param unitMult unit multiplier
 * @param obsStatus normal, estimated, imputed, provisional or missing
 * @param source source as published
 * @param notes notes
 * @param origin origin id
 * @param drug drug
 * @param drugGroup drug group
 * @param drugSubgroup drug sub-group
 * @param method method code (extracts) or aggregation/derivation method (aggregates, indicators)
 * @param adjustment adjustment codes
 * @param flags quality flags joined by ';'
 * @param areaName area name as published
 * @param level aggregate level (aggregates only)
 * @param coverage population share with data, 0–1 (aggregates only)
 * @param nAreas number of areas in the aggregate
 * @param nWithData number of areas with data
 * @param imputedAreas ISO3 codes of imputed areas joined by ';'
 * @param inputs indicator ids a derived indicator used
 * @param subArea sub-national area within refArea (ISO 3166-2 subdivision, waste-water site), or null
 * @param stdError published standard error of the value, NaN when none
 */
public record ResultObservation(String indicator, String refArea, String timePeriod, String sex, String age,
        double value, double lower, double upper, String unit, int unitMult, String obsStatus, String source,
        String notes, String origin, String drug, String drugGroup, String drugSubgroup, String method,
        String adjustment, String flags, String areaName, String level, double coverage, Integer nAreas,
        Integer nWithData, String imputedAreas, String inputs, String subArea, double stdError) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** Reads every row of a canonical-schema table. */
    static List<ResultObservation> fromTable(Table t) {
        Cells c = new Cells(t);
        List<ResultObservation> out = new ArrayList<>(c.rows());
        for (int r = 0; r < c.rows(); r++) {
            Integer mult = c.integer(r, Column.UNIT_MULT.columnName());
            out.add(new ResultObservation(c.text(r, Column.INDICATOR.columnName()), c.text(r, Column.REF_AREA.columnName()), c.text(r, Column.TIME_PERIOD.columnName()),
                    c.text(r, Column.SEX.columnName()), c.text(r, Column.AGE.columnName()), c.number(r, Column.VALUE.columnName()), c.number(r, Column.LOWER.columnName()),
                    c.number(r, Column.UPPER.columnName()), c.text(r, Column.UNIT.columnName()), mult == null ? 0 : mult, c.text(r, Column.OBS_STATUS.columnName()),
                    c.text(r, Column.SOURCE.columnName()), c.text(r, Column.NOTES.columnName()), c.text(r, Column.ORIGIN.columnName()), c.text(r, Column.DRUG.columnName()),
                    c.text(r, Column.DRUG_GROUP.columnName()), c.text(r, Column.DRUG_SUBGROUP.columnName()), c.text(r, ResultColumns.METHOD), c.text(r, Column.ADJUSTMENT.columnName()),
                    c.text(r, Column.OBS_FLAGS.columnName()), c.text(r, Column.AREA_NAME.columnName()), c.text(r, ResultColumns.LEVEL), c.number(r, ResultColumns.COVERAGE),
                    c.integer(r, ResultColumns.N_AREAS), c.integer(r, ResultColumns.N_WITH_DATA), c.text(r, ResultColumns.IMPUTED_AREAS),
                    c.text(r, ResultColumns.INPUTS), c.text(r, Column.SUB_AREA.columnName()),
                    c.number(r, Column.STD_ERROR.columnName())));
        }
        return out;
    }

    /** First year of the period (2010 for "2010/11" and "2010-2012"), NaN when the period has no year. */
    public double year() {
        if (timePeriod == null) {
            return Double.NaN;
        }
        Matcher m = YEAR.matcher(timePeriod);
        return m.find() ? Integer.parseInt(m.group(1)) : Double.NaN;
    }

    /** True when the row has a value. */
    public boolean hasValue() {
        return Double.isFinite(value);
    }

    /** True when both bounds are given. */
    public boolean hasBounds() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }

    /** Value × 10^unitMult. */
    public double scaledValue() {
        return value * Math.pow(10, unitMult);
    }

    /** Lower × 10^unitMult. */
    public double scaledLower() {
        return lower * Math.pow(10, unitMult);
    }

    /** Upper × 10^unitMult. */
    public double scaledUpper() {
        return upper * Math.pow(10, unitMult);
    }

    /**
     * The aggregate's population coverage where it means something, else NaN. Areas under cultivation and
     * quantities seized do not scale with population, so the share of the population living in the reporting
     * countries says nothing about them (coca bush: 9% of the Americas' population, yet the three producing
     * countries): their coverage is the countries reporting, {@code nWithData} of {@code nAreas}.
     */
    public double populationCoverage() {
        return populationBased(indicator) ? coverage : Double.NaN;
    }

    /** False for indicators whose aggregates are not read against population (cultivation, seizures). */
    public static boolean populationBased(String indicator) {
        return indicator == null || !(indicator.startsWith("cultivation_area") || indicator.startsWith("seizures"));
    }

    /** True when the status says the value was imputed or estimated rather than published as measured. */
    public boolean imputed() {
        return "imputed".equals(obsStatus);
    }

    /** True when the row carries this quality flag code. */
    public boolean hasFlag(String code) {
        if (flags == null) {
            return false;
        }
        for (String f : flags.split(";")) {
            if (f.trim().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** True for total (both sexes) rows. */
    public boolean totalSex() {
        return sex == null || "T".equals(sex) || "_T".equals(sex);
    }
}
