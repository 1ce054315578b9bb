package org.drugstats.core.results;

import static org.drugstats.core.results.ResultColumns.*;

import java.util.ArrayList;
import java.util.List;
import org.drugstats.core.data.Column;
import org.drugstats.core.results.ResultField.Type;

/**
 * The result tables of a run: directory, schema tag (the {@code drugstats.schema} key-value metadata of the
 * Parquet file) and columns in order, with types and nullability. The pipeline builds its Spark schemas from
 * {@link #fields()} and writes {@link #partFile()}; the report reads the same file by the same column names.
 */
public enum ResultTable {
    /** Every accepted input observation (the canonical extract schema). */
    OBSERVATIONS("observations", "drugstats-extract/1", false, canonicalPlus()),
    /** Subregion, region and world aggregates with coverage. */
    AGGREGATES("aggregates", "drugstats-aggregates/1", false, canonicalPlus(
            new ResultField(LEVEL, Type.STRING, false),
            new ResultField(COVERAGE, Type.DOUBLE, true),
            new ResultField(N_AREAS, Type.INT, false),
            new ResultField(N_WITH_DATA, Type.INT, false),
            new ResultField(IMPUTED_AREAS, Type.STRING, true),
            new ResultField(CARRIED_AREAS, Type.STRING, true))),
    /**
     * Derived indicators, with the indicator ids each used, and the number of countries counted in a sum of
     * countries' values ({@code n_with_data}: seizure categories and supply value; null for the other indicators).
     * The steps build rows without {@code n_with_data} ({@link #indicatorRowFields()}); the union of their outputs
     * adds it last.
     */
    INDICATORS("indicators", "drugstats-indicators/1", false, canonicalPlus(new ResultField(INPUTS, Type.STRING, false),
            new ResultField(N_WITH_DATA, Type.INT, true))),
    /** Fitted trends: one row per segment (joinpoint), per series (log-linear, Mann–Kendall). */
    TRENDS("trends", "drugstats-trends/1", false, trends()),
    /** The data points of the fitted series with the fitted values. */
    TREND_POINTS("trend_points", "drugstats-trend-points/1", false, List.of(
            new ResultField(SERIES_ID, Type.STRING, false),
            new ResultField(METHOD, Type.STRING, false),
            new ResultField(X, Type.DOUBLE, false),
            new ResultField(Y, Type.DOUBLE, false),
            new ResultField(FITTED, Type.DOUBLE, true),
            new ResultField(IMPUTED, Type.BOOLEAN, false))),
    /** Lorenz points of consumption, one per country in ranking order. */
    INEQUALITY("inequality", "drugstats-inequality/1", List.of(
            new ResultField(RANKING, Type.STRING, false),
            new ResultField(RANK, Type.INT, false),
            new ResultField(AREA, Type.STRING, false),
            new ResultField(AREA_NAME, Type.STRING, true),
            new ResultField(POPULATION, Type.DOUBLE, false),
            new ResultField(CONSUMPTION, Type.DOUBLE, false),
            new ResultField(PER_CAPITA, Type.DOUBLE, false),
            new ResultField(CUM_POPULATION_SHARE, Type.DOUBLE, false),
            new ResultField(CUM_CONSUMPTION_SHARE, Type.DOUBLE, false),
            new ResultField(ADEQUACY, Type.STRING, true))),
    /**
     * The Lorenz points of the consumption of controlled medicines in morphine equivalents (latest INCB Table XII
     * year): the columns and schema tag of {@link #INEQUALITY}, a table of its own.
     */
    INEQUALITY_ME("inequality_me", "drugstats-inequality/1", INEQUALITY.fields),
    /**
     * Estimates of people who use drugs aged 15–64 (core {@code org.drugstats.core.stats.estimate}; rows built by
     * its {@code EstimatesContract}): one row per indicator, level, area, year, sex, age and drug.
     */
    ESTIMATES("estimates", "drugstats-estimates/1", List.of(
            new ResultField(Column.INDICATOR.columnName(), Type.STRING, false),
            new ResultField(LEVEL, Type.STRING, false),
            new ResultField(Column.REF_AREA.columnName(), Type.STRING, false),
            new ResultField(AREA_NAME, Type.STRING, false),
            new ResultField(Column.TIME_PERIOD.columnName(), Type.STRING, false),
            new ResultField(Column.SEX.columnName(), Type.STRING, false),
            new ResultField(Column.AGE.columnName(), Type.STRING, false),
            new ResultField(Column.DRUG.columnName(), Type.STRING, false),
            new ResultField(Column.VALUE.columnName(), Type.DOUBLE, false),
            new ResultField(Column.LOWER.columnName(), Type.DOUBLE, false),
            new ResultField(Column.UPPER.columnName(), Type.DOUBLE, false),
            new ResultField(COVERAGE, Type.DOUBLE, false),
            new ResultField(N_AREAS, Type.INT, false),
            new ResultField(N_WITH_DATA, Type.INT, false),
            new ResultField(IMPUTED_AREAS, Type.STRING, true),
            new ResultField(CARRIED_AREAS, Type.STRING, true),
            new ResultField(METHOD, Type.STRING, false),
            new ResultField(Column.NOTES.columnName(), Type.STRING, true))),
    /**
     * Drug use among students and youth (WDR 2025 annex table 1.4): each country's latest estimate per drug, period
     * and age group, and the UNODC sub-regional, regional and world summaries of students aged 15–16 (core
     * {@code org.drugstats.core.stats.youth}; rows built by its {@code YouthContract}). A table of its own, never
     * mixed with the 15–64 rows of {@code results/estimates}.
     */
    YOUTH_ESTIMATES("youth_estimates", "drugstats-youth-estimates/1", List.of(
            new ResultField(Column.INDICATOR.columnName(), Type.STRING, false),
            new ResultField(LEVEL, Type.STRING, false),
            new ResultField(Column.REF_AREA.columnName(), Type.STRING, false),
            new ResultField(AREA_NAME, Type.STRING, false),
            new ResultField(Column.TIME_PERIOD.columnName(), Type.STRING, false),
            new ResultField(SURVEY_YEAR, Type.INT, true),
            new ResultField(Column.SEX.columnName(), Type.STRING, false),
            new ResultField(Column.AGE.columnName(), Type.STRING, false),
            new ResultField(AGE_GROUP, Type.STRING, false),
            new ResultField(Column.DRUG.columnName(), Type.STRING, false),
            new ResultField(Column.VALUE.columnName(), Type.DOUBLE, true),
            new ResultField(MEDIAN, Type.DOUBLE, true),
            new ResultField(MIN, Type.DOUBLE, true),
            new ResultField(MAX, Type.DOUBLE, true),
            new ResultField(COVERAGE, Type.DOUBLE, true),
            new ResultField(N_AREAS, Type.INT, false),
            new ResultField(N_WITH_DATA, Type.INT, false),
            new ResultField(WITH_DATA_AREAS, Type.STRING, true),
            new ResultField(HEADLINE, Type.BOOLEAN, false),
            new ResultField(METHOD, Type.STRING, false),
            new ResultField(COVERAGE_TEXT, Type.STRING, true),
            new ResultField(Column.SOURCE.columnName(), Type.STRING, true),
            new ResultField(Column.NOTES.columnName(), Type.STRING, true))),
    /**
     * Comparisons of two trend series (written only when {@code trend.compare} is configured): the tests of
     * coincidence and parallelism of Kim et al. (2004) with the fitted common and separate models, one row per test,
     * model and segment.
     */
    TREND_COMPARISONS("trend_comparisons", "drugstats-trend-comparisons/1", trendComparisons()),
    /**
     * The trend step's optional extension models (written only when an NCI Joinpoint 5 option is set: jump,
     * comparability ratio, autocorrelation, empirical intervals): long format, one row per quantity of a joinpoint
     * series, {@code segment} null for a quantity of the whole series.
     */
    TREND_EXTENSIONS("trend_extensions", "drugstats-trend-extensions/1", false, List.of(
            new ResultField(SERIES_ID, Type.STRING, false),
            new ResultField(SEGMENT, Type.INT, true),
            new ResultField(QUANTITY, Type.STRING, false),
            new ResultField(Column.VALUE.columnName(), Type.DOUBLE, true))),
    /**
     * The tracker of the 2019 Ministerial Declaration's challenges (core {@code org.drugstats.core.tracker}; columns
     * in the order of its {@code TrackerRow.COLUMNS}): only the challenge, direction and verdict are never null.
     */
    TRACKER("tracker", "drugstats-tracker/1", tracker());

    /** The columns that identify a trend series, in order (after {@code series_id} in {@link #TRENDS}). */
    public static final List<String> SERIES_COLUMNS = List.of(Column.INDICATOR.columnName(),
            Column.REF_AREA.columnName(), Column.SEX.columnName(), Column.AGE.columnName(), Column.DRUG.columnName(),
            Column.UNIT.columnName());

    /** The double columns of {@link #TRENDS}, in order. */
    public static final List<String> TREND_DOUBLES = List.of(SEG_START, SEG_END, SLOPE, APC, APC_LOWER, APC_UPPER,
            P_VALUE, AAPC, AAPC_LOWER, AAPC_UPPER, AAPC_START, AAPC_END, MK_S, MK_VAR_S, MK_Z, MK_P, TAU, SEN_SLOPE,
            SEN_INTERCEPT, SEN_LOWER, SEN_UPPER);

    private final String name;
    private final String schemaVersion;
    private final List<ResultField> fields;
    private final boolean nullabilityWritten;

    ResultTable(String name, String schemaVersion, List<ResultField> fields) {
        this(name, schemaVersion, true, fields);
    }

    ResultTable(String name, String schemaVersion, boolean nullabilityWritten, List<ResultField> fields) {
        this.name = name;
        this.schemaVersion = schemaVersion;
        this.nullabilityWritten = nullabilityWritten;
        this.fields = List.copyOf(fields);
    }

    /**
     * Whether the Parquet file marks each column required or optional exactly as {@link #fields()} says. True for
     * the tables a step writes from rows of its declared schema. False for the tables Spark derives through
     * unions, joins and projections (observations, aggregates, indicators, trends, trend points, trend
     * extensions): there Spark's plan decides the repetition of the written file (e.g. every column of
     * {@code results/trends} is optional), and {@link ResultField#nullable()} says only whether a value may be
     * null. Names, order, types and the schema tag are exact for every table.
     */
    public boolean nullabilityWritten() {
        return nullabilityWritten;
    }

    /** The table's name, e.g. {@code trend_points}. */
    public String tableName() {
        return name;
    }

    /** The table's directory relative to the run's output directory, e.g. {@code results/trend_points}. */
    public String dir() {
        return ResultsLayout.RESULTS + "/" + name;
    }

    /** The table's data file relative to the output directory, e.g. {@code results/trends/part-00000.parquet}. */
    public String partFile() {
        return dir() + "/" + ResultsLayout.PART_FILE;
    }

    /** The {@code drugstats.schema} tag of the table's Parquet file. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** The columns in order. */
    public List<ResultField> fields() {
        return fields;
    }

    /** The column names in order. */
    public List<String> columnNames() {
        return fields.stream().map(ResultField::name).toList();
    }

    /**
     * The fields without the named columns, in order: e.g. the indicator rows the steps build, {@link #INDICATORS}
     * without {@code n_with_data}.
     */
    public List<ResultField> fieldsWithout(String... columns) {
        List<String> drop = List.of(columns);
        for (String c : drop) {
            if (!columnNames().contains(c)) {
                throw new IllegalArgumentException(name + " has no column " + c);
            }
        }
        return fields.stream().filter(f -> !drop.contains(f.name())).toList();
    }

    /** The fields of the rows each indicator step builds: {@link #INDICATORS} without {@code n_with_data}. */
    public static List<ResultField> indicatorRowFields() {
        return INDICATORS.fieldsWithout(N_WITH_DATA);
    }

    private static List<ResultField> tracker() {
        List<ResultField> f = new ArrayList<>();
        for (String c : List.of("challenge", "challenge_text", "indicator", "label", "ref_area", "area_name", "unit",
                "baseline_year", "baseline_value", "latest_year", "latest_value", "change", "change_percent",
                "trend_method", "trend_estimate", "trend_lower", "trend_upper", "p_value", "direction", "points",
                "coverage", "verdict", "source", "link")) {
            Type t = switch (c) {
                case "baseline_value", "latest_value", "change", "change_percent", "trend_estimate", "trend_lower",
                        "trend_upper", "p_value" -> Type.DOUBLE;
                case "baseline_year", "latest_year", "points" -> Type.INT;
                default -> Type.STRING;
            };
            f.add(new ResultField(c, t, !c.equals("challenge") && !c.equals("direction") && !c.equals("verdict")));
        }
        return f;
    }

    private static List<ResultField> canonicalPlus(ResultField... extra) {
        List<ResultField> f = new ArrayList<>();
        for (Column c : Column.values()) {
            f.add(ResultField.of(c));
        }
        f.addAll(List.of(extra));
        return f;
    }

    private static List<ResultField> trendComparisons() {
        List<ResultField> f = new ArrayList<>();
        f.add(new ResultField(COMPARISON_ID, Type.STRING, false));
        for (String s : List.of(Column.INDICATOR.columnName(), Column.REF_AREA.columnName(), Column.SEX.columnName(),
                Column.AGE.columnName(), Column.DRUG.columnName(), Column.UNIT.columnName())) {
            f.add(new ResultField(s, Type.STRING, true));
        }
        f.add(new ResultField(DIMENSION, Type.STRING, false));
        f.add(new ResultField(A, Type.STRING, false));
        f.add(new ResultField(B, Type.STRING, false));
        f.add(new ResultField(SERIES_A, Type.STRING, false));
        f.add(new ResultField(SERIES_B, Type.STRING, false));
        f.add(new ResultField(N_A, Type.INT, false));
        f.add(new ResultField(N_B, Type.INT, false));
        f.add(new ResultField(TEST, Type.STRING, true));
        f.add(new ResultField(K, Type.INT, true));
        f.add(new ResultField(SELECTED_A, Type.INT, true));
        f.add(new ResultField(SELECTED_B, Type.INT, true));
        f.add(new ResultField(SELECTED_POOLED, Type.INT, true));
        f.add(new ResultField(SSE_NULL, Type.DOUBLE, true));
        f.add(new ResultField(SSE_ALTERNATIVE, Type.DOUBLE, true));
        f.add(new ResultField(STATISTIC, Type.DOUBLE, true));
        f.add(new ResultField(F_STATISTIC, Type.DOUBLE, true));
        f.add(new ResultField(DF_NUMERATOR, Type.INT, true));
        f.add(new ResultField(DF_DENOMINATOR, Type.INT, true));
        f.add(new ResultField(PERMUTATIONS, Type.INT, true));
        f.add(new ResultField(EXCEEDANCES, Type.INT, true));
        f.add(new ResultField(P_VALUE, Type.DOUBLE, true));
        f.add(new ResultField(SHIFT, Type.DOUBLE, true));
        f.add(new ResultField(MODEL, Type.STRING, true));
        f.add(new ResultField(SEGMENT, Type.INT, true));
        for (String d : List.of(SEG_START, SEG_END, SLOPE, APC, APC_LOWER, APC_UPPER)) {
            f.add(new ResultField(d, Type.DOUBLE, true));
        }
        f.add(new ResultField(NOTE, Type.STRING, true));
        return f;
    }

    private static List<ResultField> trends() {
        List<ResultField> f = new ArrayList<>();
        f.add(new ResultField(SERIES_ID, Type.STRING, false));
        for (String s : List.of(Column.INDICATOR.columnName(), Column.REF_AREA.columnName(), Column.SEX.columnName(),
                Column.AGE.columnName(), Column.DRUG.columnName(), Column.UNIT.columnName())) {
            f.add(new ResultField(s, Type.STRING, true));
        }
        f.add(new ResultField(METHOD, Type.STRING, false));
        f.add(new ResultField(N, Type.INT, false));
        f.add(new ResultField(K, Type.INT, true));
        f.add(new ResultField(SELECTION, Type.STRING, true));
        f.add(new ResultField(SEGMENT, Type.INT, false));
        for (String d : List.of(SEG_START, SEG_END, SLOPE, APC, APC_LOWER, APC_UPPER, P_VALUE, AAPC, AAPC_LOWER,
                AAPC_UPPER, AAPC_START, AAPC_END, MK_S, MK_VAR_S, MK_Z, MK_P, TAU, SEN_SLOPE, SEN_INTERCEPT, SEN_LOWER,
                SEN_UPPER)) {
            f.add(new ResultField(d, Type.DOUBLE, true));
        }
        f.add(new ResultField(NOTE, Type.STRING, true));
        // a series of a sub-national area (US state, waste-water site), empty otherwise (issue 14)
        f.add(new ResultField(Column.SUB_AREA.columnName(), Type.STRING, true));
        return f;
    }
}
