package org.drugstats.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drugstats.core.data.Column;
import org.drugstats.core.results.ResultTable;
import org.drugstats.core.stats.trend.Joinpoint;
import org.drugstats.core.stats.trend.JoinpointAnalysis;
import org.drugstats.core.stats.trend.LogLinearTrend;
import org.drugstats.core.stats.trend.MannKendall;
import org.drugstats.core.stats.trend.Scale;
import org.drugstats.core.stats.trend.SelectionMethod;
import org.drugstats.core.stats.trend.TrendBatch;

/**
 * Step 3, trends: a log-linear APC, a joinpoint regression (with AAPC) and a Mann–Kendall test with Sen's slope
 * for every series — every (indicator, ref_area, sex, age, drug, unit) of the observations and of the aggregates
 * — fitted by core ({@link LogLinearTrend}, {@link Joinpoint}, {@link MannKendall}).
 *
 * <p>Grouping: the points are repartitioned by the series columns and sorted within partitions by the series
 * columns and x ({@code Dataset.repartition(cols)} + {@code sortWithinPartitions}); a {@code mapPartitions} then
 * walks each partition and fits each run of equal keys as it ends. This groups by columns, not by a lambda key, so
 * Spark plans it as one hash shuffle plus an in-partition sort, it streams (a group never has to be collected into
 * one row as {@code collect_list} would), and a series is always fitted on its points in x order whatever the
 * partitioning. Randomness (the permutation test) uses core's {@link TrendBatch#randomFor} seeded with
 * (global seed, series_id): results do not depend on partitioning, executors or task retries.
 *
 * <p>A series with two observations in one year (different sources or survey methods) keeps one: status
 * normal before others, then by method, source and origin (first in that order); the number dropped is in the
 * note. A method that cannot fit a series (e.g. the log scale with a zero) gives a row whose note says why.
 */
public final class TrendStep {

    /** Series columns, in order. */
    static final String[] SERIES = ResultTable.SERIES_COLUMNS.toArray(String[]::new);

    /** The double columns of {@link #TRENDS}, in order. */
    static final String[] DOUBLES = ResultTable.TREND_DOUBLES.toArray(String[]::new);

    /**
     * Optional last column of the points: the method and source of the observation kept for the year
     * ({@code "method / source"}). Where it changes inside a series (a survey redesign, another source or method),
     * the series has a break: see {@link TrendSeriesFitter}.
     */
    public static final String REGIME = "regime";

    /** Points to fit: the series columns, x (year), y (value × 10^unit_mult), imputed, dropped duplicates. */
    public static final StructType POINTS_IN = DataTypes.createStructType(new StructField[] {
        Schemas.field("indicator", DataTypes.StringType, false),
        Schemas.field("ref_area", DataTypes.StringType, false),
        Schemas.field("sex", DataTypes.StringType, false),
        Schemas.field("age", DataTypes.StringType, false),
        Schemas.field("drug", DataTypes.StringType, true),
        Schemas.field("unit", DataTypes.StringType, false),
        Schemas.field("x", DataTypes.DoubleType, false),
        Schemas.field("y", DataTypes.DoubleType, false),
        Schemas.field("imputed", DataTypes.BooleanType, false),
        Schemas.field("duplicates", DataTypes.IntegerType, false)});

    /** {@code results/trends}: one row per segment (joinpoint), per series (loglinear, mann-kendall). */
    public static final StructType TRENDS = Schemas.of(ResultTable.TRENDS);

    /** {@code results/trend_points}: the data and the fitted values. */
    public static final StructType TREND_POINTS = Schemas.of(ResultTable.TREND_POINTS);

    /**
     * {@code results/trend_extensions} (written only when an NCI Joinpoint 5 option is set): long format, one row
     * per quantity of a joinpoint series — {@code jump_at, jump_value, jump_se, jump_lower, jump_upper, jump_t,
     * jump_p_value, comparability_ratio, cr_se, cr_lower, cr_upper, cr_p_value} (segment null),
     * {@code apc_empirical_lower, apc_empirical_upper} (per segment), {@code aapc_empirical_lower,
     * aapc_empirical_upper, resamples}, {@code autocorrelation_rho, autocorrelation_iterations}.
     */
    public static final StructType TREND_EXTENSIONS = Schemas.of(ResultTable.TREND_EXTENSIONS);

    /**
     * All outputs in one row type: {@code kind} 0 = a trend row, 1 = a point row, 2 = an extension row (the other
     * parts null).
     */
    static final StructType FITTED = fitted();

    private TrendStep() {
    }


    private static StructType fitted() {
        StructType s = new StructType().add("kind", DataTypes.IntegerType, false);
        for (StructField f : TRENDS.fields()) {
            s = s.add("t_" + f.name(), f.dataType(), true);
        }
        for (StructField f : TREND_POINTS.fields()) {
            s = s.add("p_" + f.name(), f.dataType(), true);
        }
        for (StructField f : TREND_EXTENSIONS.fields()) {
            s = s.add("e_" + f.name(), f.dataType(), true);
        }
        return s;
    }

    /**
     * Settings of the fits (from the run configuration).
     *
     * @param selection bic, bic3, wbic or permutation
     * @param maxJoinpoints maximum joinpoints, or -1 for NCI's default by number of points
     * @param permutations permutations per test
     * @param alpha significance level; intervals at 1 − alpha
     * @param minPoints series with fewer observed years are not fitted (log-linear, Mann–Kendall)
     * @param seed global seed
     * @param joinpointMinPoints series with fewer observed years get no joinpoint model (see {@link TrendSeriesFitter})
     */
    public record Settings(String selection, int maxJoinpoints, int permutations, double alpha, int minPoints,
            long seed, int joinpointMinPoints, String ci, int resamples, String autocorrelation, List<String> jumps)
            implements Serializable {

        /** Settings with the joinpoint minimum equal to {@code minPoints} and the NCI Joinpoint 5 options given. */
        public Settings(String selection, int maxJoinpoints, int permutations, double alpha, int minPoints,
                long seed, String ci, int resamples, String autocorrelation, List<String> jumps) {
            this(selection, maxJoinpoints, permutations, alpha, minPoints, seed, minPoints, ci, resamples,
                    autocorrelation, jumps);
        }

        /** Settings with a joinpoint minimum and without the NCI Joinpoint 5 options. */
        public Settings(String selection, int maxJoinpoints, int permutations, double alpha, int minPoints, long seed,
                int joinpointMinPoints) {
            this(selection, maxJoinpoints, permutations, alpha, minPoints, seed, joinpointMinPoints, "parametric",
                    1000, "none", List.of());
        }

        public Settings {
            jumps = List.copyOf(jumps);
        }

        /** Settings without the NCI Joinpoint 5 options (parametric intervals, independent errors, no jumps). */
        public Settings(String selection, int maxJoinpoints, int permutations, double alpha, int minPoints,
                long seed) {
            this(selection, maxJoinpoints, permutations, alpha, minPoints, seed, minPoints, "parametric", 1000, "none",
                    List.of());
        }

        /** The settings of a run configuration ({@code trend.preset: nci5} sets wbic and empirical). */
        public static Settings of(RunConfig c) {
            boolean nci5 = "nci5".equals(c.trendPreset());
            return new Settings(nci5 ? "wbic" : c.trendSelection(), c.trendMaxJoinpoints(), c.trendPermutations(),
                    c.trendAlpha(), c.trendMinPoints(), c.seed(), c.trendJoinpointMinPoints(), nci5 ? "empirical" : c.trendCi(),
                    c.trendResamples(), c.trendAutocorrelation(), c.trendJumps());
        }

        Joinpoint joinpoint() {
            Joinpoint j = Joinpoint.withDefaults().withScale(Scale.LOG)
                    .withSelection(SelectionMethod.valueOf(selection.toUpperCase(Locale.ROOT)))
                    .withPermutations(permutations).withAlpha(alpha).withConfidenceLevel(1 - alpha);
            return maxJoinpoints >= 0 ? j.withMaxJoinpoints(maxJoinpoints) : j;
        }

        /** Whether any NCI Joinpoint 5 option is set (then results/trend_extensions is written). */
        public boolean extended() {
            return !"parametric".equals(ci) || !"none".equals(autocorrelation) || !jumps.isEmpty();
        }

        /** The joinpoint analysis for one indicator. */
        JoinpointAnalysis analysis(String indicator) {
            JoinpointAnalysis a = JoinpointAnalysis.of(joinpoint())
                    .withIntervals(JoinpointAnalysis.IntervalMethod.parse(ci), resamples);
            if ("estimate".equals(autocorrelation)) {
                a = a.withEstimatedAutocorrelation();
            } else if (!"none".equals(autocorrelation)) {
                a = a.withAutocorrelation(Double.parseDouble(autocorrelation));
            }
            for (String e : jumps) {
                TrendJumpSpec j = TrendJumpSpec.parse(e);
                if (j.indicator().equals(indicator)) {
                    a = Double.isNaN(j.ratio()) ? a.withJumpAt(j.at())
                            : a.withComparabilityRatio(j.at(), j.ratio(), j.variance());
                }
            }
            return a;
        }
    }

    /**
     * The points of every series: observations (and aggregates) with a value and a yearly time period ("2019"; a
     * fiscal year "2010/11" counts as its first year), one per series and year.
     *
     * @param data rows with the canonical columns and a boolean {@code imputed}
     */
    public static Dataset<Row> points(Dataset<Row> data) {
        org.apache.spark.sql.Column tp = col(Column.TIME_PERIOD.columnName());
        org.apache.spark.sql.Column x = when(tp.rlike("^[0-9]{4}$"), tp.cast(DataTypes.DoubleType))
                .when(tp.rlike("^[0-9]{4}/[0-9]{2}$"), org.apache.spark.sql.functions.substring(tp, 1, 4)
                        .cast(DataTypes.DoubleType));
        // a one-partition run gathers the series' parts (observations, aggregates, derived indicators) into its one
        // partition here, so that neither the window below nor the fit's grouping shuffles them
        Dataset<Row> in = SparkSessions.shufflesIntoOne(data.sparkSession()) ? data.coalesce(1) : data;
        Dataset<Row> d = in.filter(col(Column.VALUE.columnName()).isNotNull())
                .withColumn("x", x)
                .filter(col("x").isNotNull())
                .withColumn("y", Schemas.baseValue());
        org.apache.spark.sql.Column[] key = new org.apache.spark.sql.Column[SERIES.length + 1];
        for (int i = 0; i < SERIES.length; i++) {
            key[i] = col(SERIES[i]);
        }
        key[SERIES.length] = col("x");
        var w = Window.partitionBy(key).orderBy(
                when(col(Column.OBS_STATUS.columnName()).equalTo("normal"), 0).otherwise(1),
                col(Column.METHOD.columnName()).asc_nulls_first(), col(Column.SOURCE.columnName()).asc_nulls_first(),
                col(Column.ORIGIN.columnName()).asc_nulls_first(), col("y"));
        var all = Window.partitionBy(key);
        return d.withColumn("rank", org.apache.spark.sql.functions.row_number().over(w))
                .withColumn("copies", org.apache.spark.sql.functions.count(lit(1)).over(all))
                .filter(col("rank").equalTo(1))
                .select(col("indicator"), col("ref_area"), col("sex"), col("age"), col("drug"), col("unit"), col("x"),
                        col("y"), col("imputed"), col("copies").minus(1).cast(DataTypes.IntegerType).as("duplicates"),
                        org.apache.spark.sql.functions.concat_ws(" / ",
                                coalesce(col(Column.METHOD.columnName()), lit("")),
                                coalesce(col(Column.SOURCE.columnName()), lit(""))).as(REGIME));
    }

    /** Fits every series; returns the trend rows and the point rows. */
    public static Fitted fit(Dataset<Row> points, Settings settings) {
        org.apache.spark.sql.Column[] key = Arrays.stream(SERIES).map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new);
        org.apache.spark.sql.Column[] sort = Arrays.copyOf(key, key.length + 1);
        sort[key.length] = col("x");
        List<String> in = new ArrayList<>(Arrays.asList(POINTS_IN.fieldNames()));
        if (Arrays.asList(points.columns()).contains(REGIME)) {
            in.add(REGIME);
        }
        Dataset<Row> selected = points.select(in.stream().map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new));
        // one partition holds every series whole: coalescing keeps the rows there, where repartitioning by the series
        // would shuffle them into it (each series' points are then sorted by x either way)
        Dataset<Row> all = (SparkSessions.shufflesIntoOne(points.sparkSession()) ? selected.coalesce(1)
                        : selected.repartition(key))
                .sortWithinPartitions(sort)
                .mapPartitions(new FitPartition(settings), Encoders.row(FITTED));
        return new Fitted(all);
    }

    /** Fitted rows of both kinds; {@link #trends()} and {@link #points()} select each (persist it first). */
    public record Fitted(Dataset<Row> all) {
        /** Rows of {@link #TRENDS}. */
        public Dataset<Row> trends() {
            return all.filter(col("kind").equalTo(0)).select(Arrays.stream(TRENDS.fieldNames())
                    .map(n -> col("t_" + n).as(n)).toArray(org.apache.spark.sql.Column[]::new));
        }

        /** Rows of {@link #TREND_POINTS}. */
        public Dataset<Row> points() {
            return all.filter(col("kind").equalTo(1)).select(Arrays.stream(TREND_POINTS.fieldNames())
                    .map(n -> col("p_" + n).as(n)).toArray(org.apache.spark.sql.Column[]::new));
        }

        /** Rows of {@link #TREND_EXTENSIONS} (none unless an NCI Joinpoint 5 option is set). */
        public Dataset<Row> extensions() {
            return all.filter(col("kind").equalTo(2)).select(Arrays.stream(TREND_EXTENSIONS.fieldNames())
                    .map(n -> col("e_" + n).as(n)).toArray(org.apache.spark.sql.Column[]::new));
        }
    }

    /**
     * The stable id of a series and method: indicator|ref_area|sex|age|drug|method (empty drug as ""); a series of a
     * sub-national area (US state, waste-water site; {@link SubAreaTrends}) appends |sub_area.
     */
    public static String seriesId(String[] key, String method) {
        return key[0] + "|" + key[1] + "|" + key[2] + "|" + key[3] + "|" + (key[4] == null ? "" : key[4]) + "|" + method;
    }

    /** Walks a partition sorted by series and x, fitting each series when its last point has been read. */
    static final class FitPartition implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final Settings settings;

        FitPartition(Settings settings) {
            this.settings = settings;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            TrendSeriesFitter fitter = new TrendSeriesFitter(settings);
            return new Iterator<>() {
                private final ArrayDeque<Row> out = new ArrayDeque<>();
                private Row pending;
                private boolean done;

                @Override
                public boolean hasNext() {
                    while (out.isEmpty() && !done) {
                        fillNextGroup();
                    }
                    return !out.isEmpty();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return out.poll();
                }

                private void fillNextGroup() {
                    if (pending == null) {
                        if (!rows.hasNext()) {
                            done = true;
                            return;
                        }
                        pending = rows.next();
                    }
                    String[] key = key(pending);
                    List<Row> group = new ArrayList<>();
                    group.add(pending);
                    pending = null;
                    while (rows.hasNext()) {
                        Row r = rows.next();
                        if (Arrays.equals(key, key(r))) {
                            group.add(r);
                        } else {
                            pending = r;
                            break;
                        }
                    }
                    out.addAll(fitter.fit(key, group));
                }
            };
        }

        private static String[] key(Row r) {
            String[] k = new String[SERIES.length];
            for (int i = 0; i < k.length; i++) {
                k[i] = r.getString(i);
            }
            return k;
        }
    }
}
