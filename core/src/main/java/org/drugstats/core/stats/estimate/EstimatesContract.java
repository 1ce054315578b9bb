package org.drugstats.core.stats.estimate;

import java.util.List;

/**
 * The published contract of {@code results/estimates/} (schema tag {@value #SCHEMA}): column names, in order,
 * with their types, and the indicator and unit of each value. One row per indicator, level, area, year, sex,
 * age and drug. Kept free of Spark so that the results contract can be read and checked from core.
 */
public final class EstimatesContract {
    /** Schema tag written to the {@code drugstats.schema} key of the Parquet file. */
    public static final String SCHEMA = "drugstats-estimates/1";
    /** Indicator of prevalence, in percent of the population aged 15–64. */
    public static final String PREVALENCE = "prevalence_annual";
    /** Indicator of people who used the drug in the past year, in persons aged 15–64. */
    public static final String PEOPLE = "people_who_use_drugs";
    /** Sex of every row. */
    public static final String SEX = "T";
    /** Age of every row. */
    public static final String AGE = "15-64";

    /** Column types. */
    public enum Type { STRING, DOUBLE, INT }

    /**
     * A column.
     *
     * @param name the column name
     * @param type its type
     * @param nullable whether it may be null
     */
    public record Field(String name, Type type, boolean nullable) {
    }

    /** The columns, in order. */
    public static final List<Field> COLUMNS = List.of(
            new Field("indicator", Type.STRING, false),
            new Field("level", Type.STRING, false),
            new Field("ref_area", Type.STRING, false),
            new Field("area_name", Type.STRING, false),
            new Field("time_period", Type.STRING, false),
            new Field("sex", Type.STRING, false),
            new Field("age", Type.STRING, false),
            new Field("drug", Type.STRING, false),
            new Field("value", Type.DOUBLE, false),
            new Field("lower", Type.DOUBLE, false),
            new Field("upper", Type.DOUBLE, false),
            new Field("coverage", Type.DOUBLE, false),
            new Field("n_areas", Type.INT, false),
            new Field("n_with_data", Type.INT, false),
            new Field("imputed_areas", Type.STRING, true),
            new Field("carried_areas", Type.STRING, true),
            new Field("method", Type.STRING, false),
            new Field("notes", Type.STRING, true));

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
