package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.drugstats.reports.chart.ChartText;
import org.drugstats.reports.chart.JoinpointChart;
import org.drugstats.reports.chart.PointKind;
import org.drugstats.reports.format.Numbers;
import org.drugstats.reports.html.Figure;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.RunResults;
import org.drugstats.reports.model.TrendPointRow;
import org.drugstats.reports.model.TrendRow;

/**
 * A fitted series of the run's trends (one series id and model), with its segments and data points; and the
 * chart and tables the trends and subject pages show for it.
 *
 * @param seriesId the stable series id
 * @param method joinpoint or loglinear
 * @param segments the segment rows in order
 * @param points the data points with fitted values
 */
record TrendSeries(String seriesId, String method, List<TrendRow> segments, List<TrendPointRow> points) {

    /** Every fitted (non Mann–Kendall) series and model, in the order of the trends file. */
    static List<TrendSeries> fitted(RunResults run) {
        Map<List<String>, List<TrendRow>> bySeries = new LinkedHashMap<>();
        for (TrendRow r : run.trends()) {
            if (!r.mannKendall() && r.seriesId() != null) {
                bySeries.computeIfAbsent(List.of(r.seriesId(), Objects.toString(r.method(), "")),
                        k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, List<TrendPointRow>> pointsById = new java.util.HashMap<>();
        for (TrendPointRow p : run.trendPoints()) {
            pointsById.computeIfAbsent(Objects.toString(p.seriesId(), ""), k -> new ArrayList<>()).add(p);
        }
        List<TrendSeries> out = new ArrayList<>();
        for (Map.Entry<List<String>, List<TrendRow>> e : bySeries.entrySet()) {
            String id = e.getKey().get(0);
            String method = e.getKey().get(1);
            List<TrendPointRow> pts = pointsById.getOrDefault(id, List.of()).stream()
                    .filter(p -> p.method() == null || method.equals(p.method())).toList();
            List<TrendRow> segs = e.getValue().stream()
                    .sorted(Comparator.comparingInt(r -> r.segment() == null ? 0 : r.segment())).toList();
            out.add(new TrendSeries(id, method, segs, pts));
        }
        return out;
    }

    /**
     * One model per series: the joinpoint fit where it succeeded, else the log-linear fit; series whose fits all
     * failed are left out (their notes are in the segment table).
     */
    static List<TrendSeries> preferred(List<TrendSeries> all) {
        Map<String, TrendSeries> best = new LinkedHashMap<>();
        for (TrendSeries t : all) {
            if (!t.succeeded()) {
                continue;
            }
            best.merge(t.key(), t, (a, b) -> "joinpoint".equals(b.method()) && !"joinpoint".equals(a.method()) ? b : a);
        }
        return List.copyOf(best.values());
    }

    /** The series without its model: indicator|area|sex|age|drug|unit. */
    String key() {
        TrendRow r = first();
        return String.join("|", Objects.toString(r.indicator(), ""), Objects.toString(r.refArea(), ""),
                Objects.toString(r.sex(), ""), Objects.toString(r.age(), ""), Objects.toString(r.drug(), ""),
                Objects.toString(r.unit(), "")) + (r.subArea() == null ? "" : "|" + r.subArea());
    }

    /** True when the model was fitted: its segments have times and an APC. */
    boolean succeeded() {
        return segments.stream().anyMatch(r -> Double.isFinite(r.segStart()) && Double.isFinite(r.apc()));
    }

    /** The largest observed value (0 when none), to rank series by size. */
    double maxValue() {
        return points.stream().mapToDouble(TrendPointRow::y).filter(Double::isFinite).max().orElse(0);
    }

    TrendRow first() {
        return segments.get(0);
    }

    /** "Coca bush cultivation — Colombia (coca bush)"; sex and age when not total. */
    String label(PageContext c) {
        TrendRow r = first();
        StringBuilder sb = new StringBuilder(c.indicatorName(r.indicator()));
        if (r.refArea() != null) {
            sb.append(" \u2014 ").append(c.names.name(r.refArea()));
        }
        if (r.subArea() != null) {
            sb.append(", ").append(r.subArea());
        }
        List<String> extra = new ArrayList<>();
        if (r.drug() != null && !r.drug().isBlank() && !sb.toString().toLowerCase(Locale.ROOT)
                .contains(r.drug().toLowerCase(Locale.ROOT))) {
            extra.add(r.drug());
        }
        if (r.sex() != null && !r.sex().equals("T") && !r.sex().equals("_T")) {
            extra.add(r.sex().equals("M") ? "males" : r.sex().equals("F") ? "females" : r.sex());
        }
        if (r.age() != null && !r.age().equals("_T") && !r.age().equals("15-64")) {
            extra.add("age " + r.age());
        }
        if (!extra.isEmpty()) {
            sb.append(" (").append(String.join(", ", extra)).append(')');
        }
        return sb.toString();
    }

    /** "Joinpoint model: 1 joinpoint (selected by permutation test)" or "Log-linear model". */
    String modelLabel() {
        TrendRow r = first();
        if ("loglinear".equals(method)) {
            return "Log-linear model";
        }
        int k = r.k() != null ? r.k() : segments.size() - 1;
        String s = "Joinpoint model: " + k + (k == 1 ? " joinpoint" : " joinpoints");
        if (r.selection() != null && !r.selection().isBlank()) {
            s += " (" + r.selection() + ")";
        }
        return s;
    }

    boolean chartable() {
        return succeeded() && points.stream().filter(p -> Double.isFinite(p.y())).count() >= 2;
    }

    /** The chart data. */
    JoinpointChart.Data chartData() {
        List<JoinpointChart.Point> pts = new ArrayList<>();
        for (TrendPointRow p : points) {
            if (Double.isFinite(p.x())) {
                pts.add(new JoinpointChart.Point(p.x(), p.y(), p.fitted(),
                        p.imputed() ? PointKind.IMPUTED : PointKind.OBSERVED));
            }
        }
        List<JoinpointChart.Segment> segs = new ArrayList<>();
        for (TrendRow r : segments) {
            if (Double.isFinite(r.segStart()) && Double.isFinite(r.segEnd())) {
                segs.add(new JoinpointChart.Segment(r.segStart(), r.segEnd(), r.apc(), r.apcLower(), r.apcUpper()));
            }
        }
        return new JoinpointChart.Data(pts, segs, modelLabel());
    }

    /** Renders the chart as {@code trend-<n>-<slug>}. */
    Figure chart(PageContext c, int n, String source) {
        TrendRow r = first();
        String unit = Labels.unit(r.unit());
        String label = label(c);
        String aapc = Double.isFinite(r.aapc()) ? "AAPC " + Numbers.signedPercent(r.aapc())
                + (Double.isFinite(r.aapcLower()) ? " (" + Numbers.signedPercent(r.aapcLower()) + " to "
                        + Numbers.signedPercent(r.aapcUpper()) + ")" : "")
                + (Double.isFinite(r.aapcStart()) ? ", " + Numbers.year(r.aapcStart()) + "\u2013"
                        + Numbers.year(r.aapcEnd()) : "") : null;
        ChartText text = ChartText.of(label, modelLabel() + (aapc == null ? "" : "; " + aapc)
                + (r.n() != null ? "; n = " + r.n() : ""), "Year", unit.isEmpty() ? "Value" : Labels.capitalise(unit),
                source).withSubject(label.toLowerCase(Locale.ROOT));
        return c.assets.chart(String.format(Locale.ROOT, "trend-%03d-%s", n, Labels.slug(label)),
                JoinpointChart.build(c.theme(), text, chartData()),
                "Points: data; line: fitted model; labels: annual percent change (APC) with its 95% CI.");
    }

    /** The columns of a segment table. */
    static TableBuilder segmentTable(String id, String caption) {
        return TableBuilder.of(id, caption).text("Series").text("Model").column("Joinpoints", Kind.INTEGER)
                .text("Selection").column("Segment", Kind.INTEGER).column("From", Kind.YEAR).column("To", Kind.YEAR)
                .column("APC", Kind.SIGNED_PERCENT).column("APC 95% CI low", Kind.SIGNED_PERCENT)
                .column("APC 95% CI high", Kind.SIGNED_PERCENT).column("p", Kind.P_VALUE)
                .column("AAPC", Kind.SIGNED_PERCENT).column("AAPC CI low", Kind.SIGNED_PERCENT)
                .column("AAPC CI high", Kind.SIGNED_PERCENT).text("AAPC period").column("n", Kind.INTEGER)
                .text("Note").text("Series id");
    }

    /** Adds this series' segments to a segment table. */
    void addRows(TableBuilder t, PageContext c) {
        for (TrendRow r : segments) {
            t.row(label(c), method, r.k(), r.selection(), r.segment() == null ? null : r.segment() + 1,
                    r.segStart(), r.segEnd(), r.apc(), r.apcLower(), r.apcUpper(), r.pValue(), r.aapc(), r.aapcLower(),
                    r.aapcUpper(), Double.isFinite(r.aapcStart()) ? Numbers.year(r.aapcStart()) + "\u2013"
                            + Numbers.year(r.aapcEnd()) : null, r.n(), r.note(), seriesId);
        }
    }

    /** The columns of a Mann–Kendall table. */
    static TableBuilder mannKendallTable(String id, String caption) {
        return TableBuilder.of(id, caption).text("Series").column("n", Kind.INTEGER).column("S", Kind.INTEGER)
                .column("Var(S)", Kind.NUMBER).column("Z", Kind.FIXED2).column("p", Kind.P_VALUE)
                .column("Kendall's tau", Kind.FIXED3).column("Sen's slope", Kind.NUMBER)
                .column("Slope CI low", Kind.NUMBER).column("Slope CI high", Kind.NUMBER).text("Unit").text("Note")
                .text("Series id");
    }

    /** A Mann–Kendall row. */
    static void addMannKendall(TableBuilder t, TrendRow r, PageContext c) {
        TrendSeries one = new TrendSeries(r.seriesId(), r.method(), List.of(r), List.of());
        t.row(one.label(c), r.n(), r.mkS(), r.mkVarS(), r.mkZ(), r.mkP(), r.tau(), r.senSlope(), r.senLower(),
                r.senUpper(), Labels.unit(r.unit()), r.note(), r.seriesId());
    }
}
