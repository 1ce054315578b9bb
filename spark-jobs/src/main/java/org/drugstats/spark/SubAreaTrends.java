package org.drugstats.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.trend.Aapc;
import org.drugstats.core.stats.trend.Joinpoint;
import org.drugstats.core.stats.trend.JoinpointResult;
import org.drugstats.core.stats.trend.MannKendall;
import org.drugstats.core.stats.trend.Segment;
import org.drugstats.core.stats.trend.TrendBatch;
import org.drugstats.core.stats.trend.TrendSeries;

/**
 * Rows of {@code results/trends} and {@code results/trend_points} ({@link TrendStep#TRENDS},
 * {@link TrendStep#TREND_POINTS}) for the series the domain steps fit themselves ({@link DeathsStep},
 * {@link WastewaterStep}): series of sub-national areas (a US state, a waste-water site), which the generic trend
 * step does not key, and fits with settings of their own (standard-error weights, minimum lengths per method).
 * Same columns and meanings as the generic rows; {@code sub_area} is set and the series id ends in
 * {@code |sub_area} ({@link TrendStep#seriesId}).
 */
final class SubAreaTrends {

    private static final List<String> FIELDS = Arrays.asList(TrendStep.TRENDS.fieldNames());

    private final List<Row> trends = new ArrayList<>();
    private final List<Row> points = new ArrayList<>();

    /**
     * The key of a series.
     *
     * @param subArea the sub-national area, or null for a whole country or an aggregate
     */
    record Key(String indicator, String refArea, String sex, String age, String drug, String unit, String subArea) {
        String id(String method) {
            return TrendStep.seriesId(new String[] {indicator, refArea, sex, age, drug}, method)
                    + (subArea == null ? "" : "|" + subArea);
        }
    }

    /** Fits a joinpoint model (the given settings, weights included) and adds its segment and point rows. */
    void joinpoint(Key key, double[] x, double[] y, double[] se, Joinpoint jp, boolean permutation, long seed,
            String note) {
        String id = key.id("joinpoint");
        try {
            TrendSeries s = TrendSeries.of(id, x, y, se);
            JoinpointResult r = permutation ? jp.fit(s, TrendBatch.randomFor(seed, id)) : jp.fit(s);
            Aapc a = r.aapc();
            String notes = join(String.join("; ", r.notes()), note);
            String selection = r.selection() == null ? null
                    : r.selection().method().name().toLowerCase(Locale.ROOT);
            List<Segment> segs = r.segments();
            for (int i = 0; i < segs.size(); i++) {
                Segment g = segs.get(i);
                Object[] v = base(key, "joinpoint", r.n(), r.joinpoints().size(), selection, i, notes);
                set(v, "seg_start", g.start());
                set(v, "seg_end", g.end());
                set(v, "slope", g.slope());
                set(v, "apc", g.apc());
                set(v, "apc_lower", g.apcLower());
                set(v, "apc_upper", g.apcUpper());
                set(v, "p_value", g.pValue());
                set(v, "aapc", a.value());
                set(v, "aapc_lower", a.lower());
                set(v, "aapc_upper", a.upper());
                set(v, "aapc_start", a.start());
                set(v, "aapc_end", a.end());
                trends.add(RowFactory.create(v));
            }
            double[] c = r.coefficients();
            List<Double> tau = r.joinpoints();
            for (int i = 0; i < x.length; i++) {
                double z = c[0] + c[1] * x[i];
                for (int j = 0; j < tau.size(); j++) {
                    z += c[2 + j] * Math.max(0, x[i] - tau.get(j));
                }
                point(id, "joinpoint", x[i], y[i], Math.exp(z));
            }
        } catch (DrugstatsException e) {
            notFitted(key, "joinpoint", x, y, join("not fitted: " + e.getMessage(), note));
        }
    }

    /** Mann–Kendall test with Sen's slope; its row and the Sen line at each point. */
    void mannKendall(Key key, double[] x, double[] y, MannKendall mk, String note) {
        String id = key.id("mann-kendall");
        try {
            MannKendall.Result r = mk.test(TrendSeries.of(id, x, y));
            Object[] v = base(key, "mann-kendall", r.n(), null, null, 0, note);
            set(v, "seg_start", x[0]);
            set(v, "seg_end", x[x.length - 1]);
            set(v, "mk_s", (double) r.s());
            set(v, "mk_var_s", r.varS());
            set(v, "mk_z", r.z());
            set(v, "mk_p", r.pValue());
            set(v, "tau", r.tau());
            set(v, "sen_slope", r.senSlope());
            set(v, "sen_intercept", r.senIntercept());
            set(v, "sen_lower", r.senLower());
            set(v, "sen_upper", r.senUpper());
            trends.add(RowFactory.create(v));
            for (int i = 0; i < x.length; i++) {
                point(id, "mann-kendall", x[i], y[i], r.senIntercept() + r.senSlope() * x[i]);
            }
        } catch (DrugstatsException e) {
            notFitted(key, "mann-kendall", x, y, join("not fitted: " + e.getMessage(), note));
        }
    }

    /** A method not applied to a series: one row whose note says why, and the points unfitted. */
    void notFitted(Key key, String method, double[] x, double[] y, String note) {
        Object[] v = base(key, method, x.length, null, null, 0, note);
        if (x.length > 0) {
            set(v, "seg_start", x[0]);
            set(v, "seg_end", x[x.length - 1]);
        }
        trends.add(RowFactory.create(v));
        for (int i = 0; i < x.length; i++) {
            point(key.id(method), method, x[i], y[i], Double.NaN);
        }
    }

    /** The trend rows ({@link TrendStep#TRENDS}). */
    Dataset<Row> trends(SparkSession spark) {
        return spark.createDataFrame(trends, TrendStep.TRENDS);
    }

    /** The point rows ({@link TrendStep#TREND_POINTS}). */
    Dataset<Row> points(SparkSession spark) {
        return spark.createDataFrame(points, TrendStep.TREND_POINTS);
    }

    /** Trend rows so far (for tests). */
    List<Row> trendRows() {
        return List.copyOf(trends);
    }

    private void point(String id, String method, double x, double y, double fitted) {
        points.add(RowFactory.create(id, method, x, y, Double.isFinite(fitted) ? fitted : null, false));
    }

    private static Object[] base(Key key, String method, int n, Integer k, String selection, int segment,
            String note) {
        Object[] v = new Object[FIELDS.size()];
        v[FIELDS.indexOf("series_id")] = key.id(method);
        v[FIELDS.indexOf("indicator")] = key.indicator();
        v[FIELDS.indexOf("ref_area")] = key.refArea();
        v[FIELDS.indexOf("sex")] = key.sex();
        v[FIELDS.indexOf("age")] = key.age();
        v[FIELDS.indexOf("drug")] = key.drug();
        v[FIELDS.indexOf("unit")] = key.unit();
        v[FIELDS.indexOf("method")] = method;
        v[FIELDS.indexOf("n")] = n;
        v[FIELDS.indexOf("k")] = k;
        v[FIELDS.indexOf("selection")] = selection;
        v[FIELDS.indexOf("segment")] = segment;
        v[FIELDS.indexOf("note")] = note == null || note.isEmpty() ? null : note;
        v[FIELDS.indexOf("sub_area")] = key.subArea();
        return v;
    }

    private static void set(Object[] v, String name, double d) {
        v[FIELDS.indexOf(name)] = Double.isFinite(d) ? d : null;
    }

    private static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        return b == null || b.isEmpty() ? a : a + "; " + b;
    }
}
