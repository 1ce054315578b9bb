package org.drugstats.core.stats.estimate;

import java.util.List;
import org.drugstats.core.results.ResultField;
import org.drugstats.core.results.ResultTable;

/**
 * The rows of {@code results/estimates/} (the results contract's {@link ResultTable#ESTIMATES}): their columns,
 * and the indicator and unit of each value. One row per indicator, level, area, year, sex, age and drug. Kept free of Spark so that the results contract can be read and checked from core.
 */
public final class EstimatesContract {
    /** Schema tag written to the {@code drugstats.schema} key of the Parquet file. */
    public static final String SCHEMA = ResultTable.ESTIMATES.schemaVersion();
    /** Indicator of prevalence, in percent of the population aged 15–64. */
    public static final String PREVALENCE = "prevalence_annual";
    /** Indicator of people who used the drug in the past year, in persons aged 15–64. */
    public static final String PEOPLE = "people_who_use_drugs";
    /** Sex of every row. */
    public static final String SEX = "T";
    /** Age of every row. */
    public static final String AGE = "15-64";

    /** The columns, in order ({@link ResultTable#ESTIMATES}). */
    public static final List<ResultField> COLUMNS = ResultTable.ESTIMATES.fields();

    /** Sort order of the rows. */
    public static final List<String> ORDER = List.of("indicator", "level", "ref_area", "time_period", "drug");

    private EstimatesContract() {
    }

    /**
     * The two rows of an estimate, as values in {@link #COLUMNS} order: prevalence (percent) then people (persons).
     * Empty lists of imputed or carried areas are null.
     */
    public static List<Object[]> rows(AreaEstimate e) {
        String imputed = e.imputedAreas().isEmpty() ? null : String.join(";", e.imputedAreas());
        String carried = e.carriedAreas().isEmpty() ? null : String.join(";", e.carriedAreas());
        Object[] prev = {PREVALENCE, e.level().code(), e.refArea(), e.areaName(), Integer.toString(e.year()), SEX, AGE,
            e.drug().code(), e.percent().best(), e.percent().low(), e.percent().high(), e.coverage(), e.nAreas(),
            e.nWithData(), imputed, carried, e.method(), e.notes()};
        Object[] people = prev.clone();
        people[0] = PEOPLE;
        people[8] = e.persons().best();
        people[9] = e.persons().low();
        people[10] = e.persons().high();
        return List.of(prev, people);
    }
}
