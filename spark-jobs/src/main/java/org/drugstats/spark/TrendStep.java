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
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Column;
import org.drugstats.core.results.ResultTable;
import org.drugstats.core.stats.trend.Aapc;
import org.drugstats.core.stats.trend.Joinpoint;
import org.drugstats.core.stats.trend.JoinpointAnalysis;
import org.drugstats.core.stats.trend.JoinpointResult;
import org.drugstats.core.stats.trend.Jump;
import org.drugstats.core.stats.trend.LogLinearTrend;
import org.drugstats.core.stats.trend.MannKendall;
import org.drugstats.core.stats.trend.Scale;
import org.drugstats.core.stats.trend.Segment;
import org.drugstats.core.stats.trend.SelectionMethod;
import org.drugstats.core.stats.trend.TrendBatch;
import org.drugstats.core.stats.trend.TrendSeries;

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
    private static final String[] SERIES = ResultTable.SERIES_COLUMNS.toArray(String[]::new);

    /** The double columns of {@link #TRENDS}, in order. */
    private static final String[] DOUBLES = ResultTable.TREND_DOUBLES.toArray(String[]::new);

    /**
     * Optional last column of the points: the method and source of the observation kept for the year
     * ({@code "method / source"}). Where it changes inside a series (a survey redesign, another source or method),
     * the series has a break: see {@link SeriesFitter}.
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
     * @param joinpointMinPoints series with fewer observed years get no joinpoint model (see {@link SeriesFitter})
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
        Dataset<Row> d = data.filter(col(Column.VALUE.columnName()).isNotNull())
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
        Dataset<Row> all = points.select(in.stream().map(org.apache.spark.sql.functions::col)
                        .toArray(org.apache.spark.sql.Column[]::new))
                .repartition(key).sortWithinPartitions(sort)
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
            SeriesFitter fitter = new SeriesFitter(settings);
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

    /** Fits one series with the three methods (core), as output rows. */
    static final class SeriesFitter {
        private final Settings settings;
        private final Joinpoint joinpoint;
        private final LogLinearTrend logLinear;
        private final MannKendall mannKendall;

        SeriesFitter(Settings s) {
            this.settings = s;
            this.joinpoint = s.joinpoint();
            this.logLinear = LogLinearTrend.withDefaults().withConfidenceLevel(1 - s.alpha());
            this.mannKendall = MannKendall.withDefaults().withAlpha(s.alpha());
        }

        List<Row> fit(String[] key, List<Row> group) {
            int n = group.size();
            double[] x = new double[n];
            double[] y = new double[n];
            boolean[] imputed = new boolean[n];
            int duplicates = 0;
            for (int i = 0; i < n; i++) {
                Row r = group.get(i);
                x[i] = r.getDouble(6);
                y[i] = r.getDouble(7);
                imputed[i] = r.getBoolean(8);
                duplicates += r.getInt(9);
            }
            String dupNote = duplicates == 0 ? null
                    : duplicates + " observation(s) in years already observed dropped (one value per year)";
            int regimeAt = group.get(0).schema().getFieldIndex(REGIME).isDefined()
                    ? group.get(0).fieldIndex(REGIME) : -1;
            int from = 0;
            List<String> breaks = new ArrayList<>();
            for (int i = 1; regimeAt >= 0 && i < n; i++) {
                String prev = group.get(i - 1).getString(regimeAt);
                String cur = group.get(i).getString(regimeAt);
                if (!java.util.Objects.equals(prev, cur)) {
                    breaks.add(String.format(Locale.ROOT, "%d ('%s' to '%s')", (long) x[i], prev, cur));
                    from = i;
                }
            }
            if (!breaks.isEmpty()) {
                String breakNote = "break: method / source changes in " + String.join(", ", breaks)
                        + "; fitted on the points from " + (long) x[from] + " only, not across the break";
                dupNote = join(breakNote, dupNote);
                x = Arrays.copyOfRange(x, from, n);
                y = Arrays.copyOfRange(y, from, n);
                imputed = Arrays.copyOfRange(imputed, from, n);
                n = n - from;
            }
            List<Row> out = new ArrayList<>();
            if (n < settings.minPoints()) {
                String note = join(String.format(Locale.ROOT, "not fitted: %d observed years, fewer than trend.min_points = %d",
                        n, settings.minPoints()), dupNote);
                for (String m : List.of("loglinear", "joinpoint", "mann-kendall")) {
                    out.add(trendRow(key, m, n, null, null, 0, new Double[DOUBLES.length], note));
                }
                return out;
            }
            out.addAll(logLinear(key, x, y, imputed, dupNote));
            if (n < settings.joinpointMinPoints()) {
                out.add(trendRow(key, "joinpoint", n, null, null, 0, new Double[DOUBLES.length],
                        join(String.format(Locale.ROOT, "not fitted: %d observed years, fewer than "
                                + "trend.joinpoint_min_points = %d", n, settings.joinpointMinPoints()), dupNote)));
            } else {
                out.addAll(joinpoint(key, x, y, imputed, dupNote));
            }
            out.addAll(mannKendall(key, x, y, imputed, dupNote));
            return out;
        }

        private List<Row> logLinear(String[] key, double[] x, double[] y, boolean[] imputed, String dupNote) {
            String id = seriesId(key, "loglinear");
            try {
                LogLinearTrend.Result r = logLinear.fit(TrendSeries.of(id, x, y));
                Double[] d = new Double[DOUBLES.length];
                set(d, "seg_start", x[0]);
                set(d, "seg_end", x[x.length - 1]);
                set(d, "slope", r.slope());
                set(d, "apc", r.apc());
                set(d, "apc_lower", r.apcLower());
                set(d, "apc_upper", r.apcUpper());
                set(d, "p_value", r.pValue());
                List<Row> out = new ArrayList<>();
                out.add(trendRow(key, "loglinear", r.n(), 0, null, 0, d, dupNote));
                for (int i = 0; i < x.length; i++) {
                    out.add(pointRow(id, "loglinear", x[i], y[i], Math.exp(r.intercept() + r.slope() * x[i]), imputed[i]));
                }
                return out;
            } catch (DrugstatsException e) {
                return failed(key, "loglinear", x, y, imputed, e, dupNote);
            }
        }

        private List<Row> joinpoint(String[] key, double[] x, double[] y, boolean[] imputed, String dupNote) {
            String id = seriesId(key, "joinpoint");
            try {
                TrendSeries s = TrendSeries.of(id, x, y);
                JoinpointResult r;
                if (settings.extended()) {
                    r = settings.analysis(key[0]).fit(s, settings.seed());
                } else {
                    r = "permutation".equals(settings.selection())
                            ? joinpoint.fit(s, TrendBatch.randomFor(settings.seed(), id))
                            : joinpoint.fit(s);
                }
                Aapc a = r.aapc();
                String notes = join(String.join("; ", r.notes()), dupNote);
                int k = r.joinpoints().size();
                String selection = r.selection() == null ? null : r.selection().method().name().toLowerCase(Locale.ROOT);
                List<Row> out = new ArrayList<>();
                List<Segment> segs = r.segments();
                for (int i = 0; i < segs.size(); i++) {
                    Segment g = segs.get(i);
                    Double[] d = new Double[DOUBLES.length];
                    set(d, "seg_start", g.start());
                    set(d, "seg_end", g.end());
                    set(d, "slope", g.slope());
                    set(d, "apc", g.apc());
                    set(d, "apc_lower", g.apcLower());
                    set(d, "apc_upper", g.apcUpper());
                    set(d, "p_value", g.pValue());
                    set(d, "aapc", a.value());
                    set(d, "aapc_lower", a.lower());
                    set(d, "aapc_upper", a.upper());
                    set(d, "aapc_start", a.start());
                    set(d, "aapc_end", a.end());
                    out.add(trendRow(key, "joinpoint", r.n(), k, selection, i, d, notes));
                }
                double[] c = r.coefficients();
                List<Double> tau = r.joinpoints();
                Jump jump = r.jump().orElse(null);
                for (int i = 0; i < x.length; i++) {
                    double z = c[0] + c[1] * x[i];
                    for (int j = 0; j < tau.size(); j++) {
                        z += c[2 + j] * Math.max(0, x[i] - tau.get(j));
                    }
                    if (jump != null && !jump.fixed() && x[i] > jump.at()) {
                        z += c[2 + tau.size()]; // the jump model's step
                    }
                    if (jump != null && jump.fixed() && x[i] < jump.at()) {
                        z -= Math.log(jump.comparabilityRatio()); // back to the old definition, as NCI plots it
                    }
                    out.add(pointRow(id, "joinpoint", x[i], y[i], Math.exp(z), imputed[i]));
                }
                out.addAll(extensionRows(id, r));
                return out;
            } catch (DrugstatsException e) {
                return failed(key, "joinpoint", x, y, imputed, e, dupNote);
            }
        }

        private List<Row> mannKendall(String[] key, double[] x, double[] y, boolean[] imputed, String dupNote) {
            String id = seriesId(key, "mann-kendall");
            try {
                MannKendall.Result r = mannKendall.test(TrendSeries.of(id, x, y));
                Double[] d = new Double[DOUBLES.length];
                set(d, "seg_start", x[0]);
                set(d, "seg_end", x[x.length - 1]);
                set(d, "mk_s", (double) r.s());
                set(d, "mk_var_s", r.varS());
                set(d, "mk_z", r.z());
                set(d, "mk_p", r.pValue());
                set(d, "tau", r.tau());
                set(d, "sen_slope", r.senSlope());
                set(d, "sen_intercept", r.senIntercept());
                set(d, "sen_lower", r.senLower());
                set(d, "sen_upper", r.senUpper());
                List<Row> out = new ArrayList<>();
                out.add(trendRow(key, "mann-kendall", r.n(), null, null, 0, d, dupNote));
                for (int i = 0; i < x.length; i++) {
                    out.add(pointRow(id, "mann-kendall", x[i], y[i], r.senIntercept() + r.senSlope() * x[i],
                            imputed[i]));
                }
                return out;
            } catch (DrugstatsException e) {
                return failed(key, "mann-kendall", x, y, imputed, e, dupNote);
            }
        }

        /** A method that could not fit the series: one trend row with the reason, and the points unfitted. */
        private List<Row> failed(String[] key, String method, double[] x, double[] y, boolean[] imputed,
                DrugstatsException e, String dupNote) {
            List<Row> out = new ArrayList<>();
            out.add(trendRow(key, method, x.length, null, null, 0, new Double[DOUBLES.length],
                    join("not fitted: " + e.getMessage(), dupNote)));
            String id = seriesId(key, method);
            for (int i = 0; i < x.length; i++) {
                out.add(pointRow(id, method, x[i], y[i], null, imputed[i]));
            }
            return out;
        }

        private static void set(Double[] d, String name, double v) {
            int i = Arrays.asList(DOUBLES).indexOf(name);
            d[i] = Double.isFinite(v) ? v : null;
        }

        private static String join(String a, String b) {
            if (a == null || a.isEmpty()) {
                return b;
            }
            return b == null ? a : a + "; " + b;
        }

        private static Row trendRow(String[] key, String method, int n, Integer k, String selection, int segment,
                Double[] d, String note) {
            Object[] v = new Object[FITTED.size()];
            v[0] = 0;
            int i = 1;
            v[i++] = seriesId(key, method);
            for (String s : key) {
                v[i++] = s;
            }
            v[i++] = method;
            v[i++] = n;
            v[i++] = k;
            v[i++] = selection;
            v[i++] = segment;
            for (Double x : d) {
                v[i++] = x;
            }
            v[i] = note;
            return RowFactory.create(v);
        }

        /** The rows of {@link #TREND_EXTENSIONS} for one joinpoint result (none for a plain fit). */
        private static List<Row> extensionRows(String id, JoinpointResult r) {
            List<Row> out = new ArrayList<>();
            r.jump().ifPresent(j -> {
                String[] q = {"jump_at", "jump_value", "jump_se", "jump_lower", "jump_upper", "jump_t", "jump_p_value",
                    "comparability_ratio", "cr_se", "cr_lower", "cr_upper", "cr_p_value"};
                double[] v = {j.at(), j.value(), j.se(), j.lower(), j.upper(), j.t(), j.pValue(),
                    j.comparabilityRatio(), j.crSe(), j.crLower(), j.crUpper(), j.crPValue()};
                for (int i = 0; i < q.length; i++) {
                    out.add(extensionRow(id, null, q[i], v[i]));
                }
            });
            r.empirical().ifPresent(e -> {
                for (int g = 0; g < e.apcLower().size(); g++) {
                    out.add(extensionRow(id, g, "apc_empirical_lower", e.apcLower().get(g)));
                    out.add(extensionRow(id, g, "apc_empirical_upper", e.apcUpper().get(g)));
                }
                out.add(extensionRow(id, null, "aapc_empirical_lower", e.aapcLower()));
                out.add(extensionRow(id, null, "aapc_empirical_upper", e.aapcUpper()));
                out.add(extensionRow(id, null, "resamples", e.resamples()));
            });
            r.autocorrelation().ifPresent(a -> {
                out.add(extensionRow(id, null, "autocorrelation_rho", a.rho()));
                out.add(extensionRow(id, null, "autocorrelation_iterations", a.iterations()));
            });
            return out;
        }

        private static Row extensionRow(String id, Integer segment, String quantity, double value) {
            Object[] v = new Object[FITTED.size()];
            v[0] = 2;
            int i = 1 + TRENDS.size() + TREND_POINTS.size();
            v[i++] = id;
            v[i++] = segment;
            v[i++] = quantity;
            v[i] = Double.isFinite(value) ? value : null;
            return RowFactory.create(v);
        }

        private static Row pointRow(String id, String method, double x, double y, Double fitted, boolean imputed) {
            Object[] v = new Object[FITTED.size()];
            v[0] = 1;
            int i = 1 + TRENDS.size();
            v[i++] = id;
            v[i++] = method;
            v[i++] = x;
            v[i++] = y;
            v[i++] = fitted == null || !Double.isFinite(fitted) ? null : fitted;
            v[i] = imputed;
            return RowFactory.create(v);
        }
    }
}
