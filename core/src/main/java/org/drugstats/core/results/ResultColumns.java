package org.drugstats.core.results;

/**
 * Names of the result tables' columns beyond the canonical extract columns (those are core's
 * {@link org.drugstats.core.data.Column}). One constant per name, used by the pipeline that writes the tables and
 * the report that reads them.
 */
public final class ResultColumns {

    // aggregates (after the canonical columns)
    public static final String LEVEL = "level";
    public static final String COVERAGE = "coverage";
    public static final String N_AREAS = "n_areas";
    public static final String N_WITH_DATA = "n_with_data";
    public static final String IMPUTED_AREAS = "imputed_areas";
    public static final String CARRIED_AREAS = "carried_areas";

    // indicators (after the canonical columns)
    public static final String INPUTS = "inputs";

    // trends and trend points
    public static final String SERIES_ID = "series_id";
    public static final String METHOD = "method";
    public static final String N = "n";
    public static final String K = "k";
    public static final String SELECTION = "selection";
    public static final String SEGMENT = "segment";
    /** The quantity a row of {@code results/trend_extensions} holds (e.g. {@code jump_value}). */
    public static final String QUANTITY = "quantity";
    public static final String SEG_START = "seg_start";
    public static final String SEG_END = "seg_end";
    public static final String SLOPE = "slope";
    public static final String APC = "apc";
    public static final String APC_LOWER = "apc_lower";
    public static final String APC_UPPER = "apc_upper";
    public static final String P_VALUE = "p_value";
    public static final String AAPC = "aapc";
    public static final String AAPC_LOWER = "aapc_lower";
    public static final String AAPC_UPPER = "aapc_upper";
    public static final String AAPC_START = "aapc_start";
    public static final String AAPC_END = "aapc_end";
    public static final String MK_S = "mk_s";
    public static final String MK_VAR_S = "mk_var_s";
    public static final String MK_Z = "mk_z";
    public static final String MK_P = "mk_p";
    public static final String TAU = "tau";
    public static final String SEN_SLOPE = "sen_slope";
    public static final String SEN_INTERCEPT = "sen_intercept";
    public static final String SEN_LOWER = "sen_lower";
    public static final String SEN_UPPER = "sen_upper";
    public static final String NOTE = "note";
    public static final String X = "x";
    public static final String Y = "y";
    public static final String FITTED = "fitted";
    public static final String IMPUTED = "imputed";

    // trend comparisons (issue 17): tests of coincidence and parallelism of two series
    public static final String COMPARISON_ID = "comparison_id";
    public static final String DIMENSION = "dimension";
    public static final String A = "a";
    public static final String B = "b";
    public static final String SERIES_A = "series_a";
    public static final String SERIES_B = "series_b";
    public static final String N_A = "n_a";
    public static final String N_B = "n_b";
    public static final String TEST = "test";
    public static final String SELECTED_A = "selected_a";
    public static final String SELECTED_B = "selected_b";
    public static final String SELECTED_POOLED = "selected_pooled";
    public static final String SSE_NULL = "sse_null";
    public static final String SSE_ALTERNATIVE = "sse_alternative";
    public static final String STATISTIC = "statistic";
    public static final String F_STATISTIC = "f_statistic";
    public static final String DF_NUMERATOR = "df_numerator";
    public static final String DF_DENOMINATOR = "df_denominator";
    public static final String PERMUTATIONS = "permutations";
    public static final String EXCEEDANCES = "exceedances";
    public static final String SHIFT = "shift";
    public static final String MODEL = "model";

    // inequality (Lorenz points)
    public static final String RANKING = "ranking";
    public static final String RANK = "rank";
    public static final String AREA = "area";
    public static final String AREA_NAME = "area_name";
    public static final String POPULATION = "population";
    public static final String CONSUMPTION = "consumption";
    public static final String PER_CAPITA = "per_capita";
    public static final String CUM_POPULATION_SHARE = "cum_population_share";
    public static final String CUM_CONSUMPTION_SHARE = "cum_consumption_share";
    public static final String ADEQUACY = "adequacy";

    private ResultColumns() {
    }

    // youth estimates (results/youth_estimates)
    public static final String SURVEY_YEAR = "survey_year";
    public static final String AGE_GROUP = "age_group";
    public static final String MEDIAN = "median";
    public static final String MIN = "min";
    public static final String MAX = "max";
    public static final String WITH_DATA_AREAS = "with_data_areas";
    public static final String HEADLINE = "headline";
    public static final String COVERAGE_TEXT = "coverage_text";
}
