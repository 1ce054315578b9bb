package org.drugstats.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.results.ResultTable;
import org.drugstats.core.stats.trend.JoinpointResult;
import org.drugstats.core.stats.trend.Segment;
import org.drugstats.core.stats.trend.SeriesComparison;
import org.drugstats.core.stats.trend.TrendBatch;
import org.drugstats.core.stats.trend.TrendSeries;

/**
 * Step 3c, comparisons of two trend series ({@code trend.compare}, issue 17): the tests of <b>coincidence</b> (one
 * joinpoint curve for both) and <b>parallelism</b> (same joinpoints and slopes, levels free) of Kim, Fay, Yu, Barrett
 * and Feuer (2004, Biometrics 60:1005–1014) by permutation, as NCI Joinpoint's pairwise comparison, computed by
 * core's {@link SeriesComparison} with the run's joinpoint settings ({@code trend.selection} or the nci5 preset's
 * WBIC for the numbers of joinpoints, {@code trend.max_joinpoints}, {@code trend.permutations}, {@code trend.alpha}).
 *
 * <p>Pairs: for each {@link TrendCompareSpec} {@code indicator:dimension=A,B}, every two series of the points (the
 * same points {@link TrendStep} fits: observations and aggregates, one value per year) that agree on every series
 * column except {@code dimension}, where one has A and the other B. A pair where only one side exists is not a
 * pair (no row). Each series is taken as {@link TrendStep} takes it: from its last change of method / source on, and
 * a series with fewer than {@code trend.joinpoint_min_points} years is not compared (one row with the reason).
 *
 * <p>Grouping as in {@link TrendStep}: repartition by a comparison key, sort within partitions by key, side and x,
 * and walk each partition; every pair draws its permutations from {@link TrendBatch#randomFor}(seed,
 * comparison_id), so results do not depend on partitioning, executors or task retries (local and cluster runs
 * give the same bytes).
 *
 * <p>Not combinable with autocorrelated errors or a jump model of the same indicator: NCI Joinpoint offers neither
 * with the comparison tests ({@link #check(RunConfig)}).
 */
public final class TrendComparisonStep {

    /** {@code results/trend_comparisons}. */
    public static final StructType TREND_COMPARISONS = Schemas.of(ResultTable.TREND_COMPARISONS);

    private static final String[] SERIES = ResultTable.SERIES_COLUMNS.toArray(String[]::new);
    private static final String KEY = "cmp_key";
    private static final String SPEC = "cmp_spec";
    private static final String SIDE = "cmp_side";

    private TrendComparisonStep() {
    }

    /**
     * Refuses a configuration NCI Joinpoint does not offer: comparisons with autocorrelated errors, or of an
     * indicator that has a jump model.
     *
     * @throws DrugstatsException naming the keys
     */
    public static void check(RunConfig config) {
        if (config.trendCompare().isEmpty()) {
            return;
        }
        if (!"none".equals(config.trendAutocorrelation())) {
            throw DrugstatsException.of("config: trend.compare cannot be combined with trend.autocorrelation = %s:"
                    + " the comparison tests assume independent errors (NCI Joinpoint: autocorrelated errors models"
                    + " are not available with these tests)", config.trendAutocorrelation());
        }
        for (String c : config.trendCompare()) {
            TrendCompareSpec s = TrendCompareSpec.parse(c);
            for (String j : config.trendJumps()) {
                if (TrendJumpSpec.parse(j).indicator().equals(s.indicator())) {
                    throw DrugstatsException.of("config: trend.compare '%s' names indicator '%s', which has a jump"
                            + " model in trend.jumps ('%s'); the comparison tests are not defined with a jump",
                            c, s.indicator(), j);
                }
            }
        }
    }

    /**
     * The comparison rows of {@link #TREND_COMPARISONS} for the configured pairs.
     *
     * @param points {@link TrendStep#points} (with the optional {@link TrendStep#REGIME} column)
     * @param settings the trend settings of the run
     * @param specs the entries of {@code trend.compare}
     */
    public static Dataset<Row> run(Dataset<Row> points, TrendStep.Settings settings, List<TrendCompareSpec> specs) {
        boolean regime = Arrays.asList(points.columns()).contains(TrendStep.REGIME);
        Dataset<Row> all = null;
        for (int i = 0; i < specs.size(); i++) {
            TrendCompareSpec s = specs.get(i);
            org.apache.spark.sql.Column[] parts = new org.apache.spark.sql.Column[SERIES.length];
            for (int c = 0; c < SERIES.length; c++) {
                parts[c] = SERIES[c].equals(s.dimension()) ? lit("*") : coalesce(col(SERIES[c]), lit(""));
            }
            Dataset<Row> d = points.filter(col("indicator").equalTo(s.indicator())
                            .and(col(s.dimension()).isin(s.a(), s.b())))
                    .select(lit(i).as(SPEC), concat_ws("|", parts).as(KEY),
                            when(col(s.dimension()).equalTo(s.a()), 0).otherwise(1).as(SIDE),
                            col("indicator"), col("ref_area"), col("sex"), col("age"), col("drug"), col("unit"),
                            col("x"), col("y"), regime ? col(TrendStep.REGIME) : lit(null).cast(DataTypes.StringType)
                                    .as(TrendStep.REGIME));
            all = all == null ? d : all.unionByName(d);
        }
        if (all == null) {
            return points.sparkSession().createDataFrame(List.of(), TREND_COMPARISONS);
        }
        return all.repartition(col(SPEC), col(KEY)).sortWithinPartitions(col(SPEC), col(KEY), col(SIDE), col("x"))
                .mapPartitions(new ComparePartition(settings, specs), Encoders.row(TREND_COMPARISONS));
    }

    /** Walks a partition sorted by (spec, key, side, x), comparing each pair when its last point has been read. */
    static final class ComparePartition implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final TrendStep.Settings settings;
        private final List<TrendCompareSpec> specs;

        ComparePartition(TrendStep.Settings settings, List<TrendCompareSpec> specs) {
            this.settings = settings;
            this.specs = List.copyOf(specs);
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            PairComparer comparer = new PairComparer(settings);
            return new Iterator<>() {
                private Row pending;
                private final java.util.ArrayDeque<Row> out = new java.util.ArrayDeque<>();

                @Override
                public boolean hasNext() {
                    while (out.isEmpty() && (pending != null || rows.hasNext())) {
                        nextGroup();
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

                private void nextGroup() {
                    Row first = pending != null ? pending : rows.next();
                    pending = null;
                    List<Row> group = new ArrayList<>();
                    group.add(first);
                    while (rows.hasNext()) {
                        Row r = rows.next();
                        if (r.getInt(0) == first.getInt(0) && r.getString(1).equals(first.getString(1))) {
                            group.add(r);
                        } else {
                            pending = r;
                            break;
                        }
                    }
                    out.addAll(comparer.compare(specs.get(first.getInt(0)), group));
                }
            };
        }
    }

    /** One side of a pair: its series columns and points (after the last break). */
    private record Side(String[] key, double[] x, double[] y, String note) {
    }

    /** Compares the two series of one group (rows of one spec and key, sorted by side and x). */
    static final class PairComparer implements Serializable {
        private static final long serialVersionUID = 1L;
        private final TrendStep.Settings settings;
        private final SeriesComparison comparison;

        PairComparer(TrendStep.Settings settings) {
            this.settings = settings;
            this.comparison = SeriesComparison.of(settings.joinpoint());
        }

        List<Row> compare(TrendCompareSpec spec, List<Row> group) {
            List<Row> a = group.stream().filter(r -> r.getInt(2) == 0).toList();
            List<Row> b = group.stream().filter(r -> r.getInt(2) == 1).toList();
            if (a.isEmpty() || b.isEmpty()) {
                return List.of();
            }
            Side sa = side(a);
            Side sb = side(b);
            Head head = new Head(spec, sa, sb);
            List<Row> out = new ArrayList<>();
            int min = settings.joinpointMinPoints();
            if (sa.x.length < min || sb.x.length < min) {
                out.add(head.row(null, null, null, null, null, join(String.format(Locale.ROOT, "not compared: %d and %d"
                        + " observed years, the joinpoint needs trend.joinpoint_min_points = %d in each series",
                        sa.x.length, sb.x.length, min), head.notes())));
                return out;
            }
            try {
                SeriesComparison.Result r = comparison.compare(TrendSeries.of(head.seriesA, sa.x, sa.y),
                        TrendSeries.of(head.seriesB, sb.x, sb.y), TrendBatch.randomFor(settings.seed(), head.id));
                String note = join(String.join("; ", r.notes()), head.notes());
                addTest(out, head, r, r.coincidence(), r.selectedCoincident(), note);
                addTest(out, head, r, r.parallelism(), r.selectedParallel(), note);
            } catch (DrugstatsException e) {
                out.clear();
                out.add(head.row(null, null, null, null, null, join("not compared: " + e.getMessage(), head.notes())));
            }
            return out;
        }

        private static void addTest(List<Row> out, Head head, SeriesComparison.Result r, SeriesComparison.Test t,
                int selectedPooled, String note) {
            boolean parallel = "parallelism".equals(t.hypothesis());
            double[] c = t.nullModel().coefficients();
            Object[] stats = {t.maxJoinpoints(), r.selectedA(), r.selectedB(), selectedPooled, dbl(t.sseNull()),
                dbl(t.sseAlternative()), dbl(t.statistic()), dbl(t.fStatistic()), t.dfNumerator(), t.dfDenominator(),
                t.permutations(), t.exceedances(), dbl(t.pValue()), parallel ? dbl(c[c.length - 1]) : null};
            String[] names = {"common", "a", "b"};
            JoinpointResult[] models = {t.nullModel(), t.separateA(), t.separateB()};
            for (int m = 0; m < models.length; m++) {
                List<Segment> segs = models[m].segments();
                for (int g = 0; g < segs.size(); g++) {
                    Segment s = segs.get(g);
                    Object[] seg = {dbl(s.start()), dbl(s.end()), dbl(s.slope()), dbl(s.apc()), dbl(s.apcLower()),
                        dbl(s.apcUpper())};
                    out.add(head.row(t.hypothesis(), stats, names[m], g, seg, note));
                }
            }
        }

        private Side side(List<Row> rows) {
            Row first = rows.get(0);
            String[] key = new String[SERIES.length];
            for (int c = 0; c < SERIES.length; c++) {
                key[c] = first.getString(3 + c);
            }
            int regimeAt = 11;
            int from = 0;
            List<String> breaks = new ArrayList<>();
            for (int i = 1; i < rows.size(); i++) {
                String prev = rows.get(i - 1).getString(regimeAt);
                String cur = rows.get(i).getString(regimeAt);
                if (!Objects.equals(prev, cur)) {
                    breaks.add(String.format(Locale.ROOT, "%d ('%s' to '%s')", (long) rows.get(i).getDouble(9),
                            prev, cur));
                    from = i;
                }
            }
            int n = rows.size() - from;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rows.get(from + i).getDouble(9);
                y[i] = rows.get(from + i).getDouble(10);
            }
            String note = breaks.isEmpty() ? null : "break in " + TrendStep.seriesId(key, "joinpoint")
                    + ": method / source changes in " + String.join(", ", breaks) + "; compared on the points from "
                    + (long) x[0] + " only";
            return new Side(key, x, y, note);
        }

        private static Double dbl(double v) {
            return Double.isFinite(v) ? v : null;
        }

        private static String join(String a, String b) {
            if (a == null || a.isEmpty()) {
                return b;
            }
            return b == null || b.isEmpty() ? a : a + "; " + b;
        }
    }

    /** The columns a pair's rows share. */
    private static final class Head {
        final String id;
        final String seriesA;
        final String seriesB;
        final TrendCompareSpec spec;
        final Side a;
        final Side b;

        Head(TrendCompareSpec spec, Side a, Side b) {
            this.spec = spec;
            this.a = a;
            this.b = b;
            this.seriesA = TrendStep.seriesId(a.key(), "joinpoint");
            this.seriesB = TrendStep.seriesId(b.key(), "joinpoint");
            String[] k = a.key().clone();
            int d = Arrays.asList(SERIES).indexOf(spec.dimension());
            k[d] = spec.a() + "~" + spec.b();
            this.id = String.join("|", Arrays.stream(k).map(v -> v == null ? "" : v).toArray(String[]::new));
        }

        String notes() {
            String n = a.note();
            if (b.note() != null) {
                n = n == null ? b.note() : n + "; " + b.note();
            }
            return n;
        }

        /** One row: a test's statistics and one segment of one of its models, or (all null) a pair not compared. */
        Row row(String test, Object[] stats, String model, Integer segment, Object[] seg, String note) {
            Object[] v = new Object[TREND_COMPARISONS.size()];
            int i = 0;
            v[i++] = id;
            int d = Arrays.asList(SERIES).indexOf(spec.dimension());
            for (int c = 0; c < SERIES.length; c++) {
                v[i++] = c == d ? null : a.key()[c];
            }
            v[i++] = spec.dimension();
            v[i++] = spec.a();
            v[i++] = spec.b();
            v[i++] = seriesA;
            v[i++] = seriesB;
            v[i++] = a.x().length;
            v[i++] = b.x().length;
            v[i++] = test;
            for (int s = 0; s < 14; s++) {
                v[i++] = stats == null ? null : stats[s];
            }
            v[i++] = model;
            v[i++] = segment;
            for (int s = 0; s < 6; s++) {
                v[i++] = seg == null ? null : seg[s];
            }
            v[i] = note;
            return RowFactory.create(v);
        }
    }
}
