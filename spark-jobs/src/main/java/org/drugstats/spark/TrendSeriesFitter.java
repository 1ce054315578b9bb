package org.drugstats.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.trend.Aapc;
import org.drugstats.core.stats.trend.Joinpoint;
import org.drugstats.core.stats.trend.JoinpointResult;
import org.drugstats.core.stats.trend.Jump;
import org.drugstats.core.stats.trend.LogLinearTrend;
import org.drugstats.core.stats.trend.MannKendall;
import org.drugstats.core.stats.trend.Segment;
import org.drugstats.core.stats.trend.TrendBatch;
import org.drugstats.core.stats.trend.TrendSeries;
import org.drugstats.spark.TrendStep.Settings;

/**
 * Fits one series of {@link TrendStep} with the three methods of core — {@link LogLinearTrend} (APC),
 * {@link Joinpoint} (segments, APCs and AAPC) and {@link MannKendall} (with Sen's slope) — as output rows of
 * {@link TrendStep#FITTED}: trend rows, point rows (data and fitted values) and extension rows. A regime
 * change (method or source) splits the series, which is fitted from the last break on; too short a series gives
 * rows whose note says why.
 */
final class TrendSeriesFitter {
    private final Settings settings;
    private final Joinpoint joinpoint;
    private final LogLinearTrend logLinear;
    private final MannKendall mannKendall;

    TrendSeriesFitter(Settings s) {
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
        int regimeAt = group.get(0).schema().getFieldIndex(TrendStep.REGIME).isDefined()
                ? group.get(0).fieldIndex(TrendStep.REGIME) : -1;
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
                out.add(trendRow(key, m, n, null, null, 0, new Double[TrendStep.DOUBLES.length], note));
            }
            return out;
        }
        out.addAll(logLinear(key, x, y, imputed, dupNote));
        if (n < settings.joinpointMinPoints()) {
            out.add(trendRow(key, "joinpoint", n, null, null, 0, new Double[TrendStep.DOUBLES.length],
                    join(String.format(Locale.ROOT, "not fitted: %d observed years, fewer than "
                            + "trend.joinpoint_min_points = %d", n, settings.joinpointMinPoints()), dupNote)));
        } else {
            out.addAll(joinpoint(key, x, y, imputed, dupNote));
        }
        out.addAll(mannKendall(key, x, y, imputed, dupNote));
        return out;
    }

    private List<Row> logLinear(String[] key, double[] x, double[] y, boolean[] imputed, String dupNote) {
        String id = TrendStep.seriesId(key, "loglinear");
        try {
            LogLinearTrend.Result r = logLinear.fit(TrendSeries.of(id, x, y));
            Double[] d = new Double[TrendStep.DOUBLES.length];
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
        String id = TrendStep.seriesId(key, "joinpoint");
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
                Double[] d = new Double[TrendStep.DOUBLES.length];
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
        String id = TrendStep.seriesId(key, "mann-kendall");
        try {
            MannKendall.Result r = mannKendall.test(TrendSeries.of(id, x, y));
            Double[] d = new Double[TrendStep.DOUBLES.length];
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
        out.add(trendRow(key, method, x.length, null, null, 0, new Double[TrendStep.DOUBLES.length],
                join("not fitted: " + e.getMessage(), dupNote)));
        String id = TrendStep.seriesId(key, method);
        for (int i = 0; i < x.length; i++) {
            out.add(pointRow(id, method, x[i], y[i], null, imputed[i]));
        }
        return out;
    }

    private static void set(Double[] d, String name, double v) {
        int i = Arrays.asList(TrendStep.DOUBLES).indexOf(name);
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
        Object[] v = new Object[TrendStep.FITTED.size()];
        v[0] = 0;
        int i = 1;
        v[i++] = TrendStep.seriesId(key, method);
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

    /** The rows of {@link TrendStep#TREND_EXTENSIONS} for one joinpoint result (none for a plain fit). */
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
        Object[] v = new Object[TrendStep.FITTED.size()];
        v[0] = 2;
        int i = 1 + TrendStep.TRENDS.size() + TrendStep.TREND_POINTS.size();
        v[i++] = id;
        v[i++] = segment;
        v[i++] = quantity;
        v[i] = Double.isFinite(value) ? value : null;
        return RowFactory.create(v);
    }

    private static Row pointRow(String id, String method, double x, double y, Double fitted, boolean imputed) {
        Object[] v = new Object[TrendStep.FITTED.size()];
        v[0] = 1;
        int i = 1 + TrendStep.TRENDS.size();
        v[i++] = id;
        v[i++] = method;
        v[i++] = x;
        v[i++] = y;
        v[i++] = fitted == null || !Double.isFinite(fitted) ? null : fitted;
        v[i] = imputed;
        return RowFactory.create(v);
    }
}
