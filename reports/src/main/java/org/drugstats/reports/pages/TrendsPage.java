package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.drugstats.reports.format.Numbers;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Page;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.TrendRow;

/**
 * Trends, grouped by domain ({@link Domain}: use, supply, deaths, treatment, medicines, waste-water): for the key
 * series of each indicator, the fitted joinpoint (else log-linear) model over the data;
 * for every series, one summary row (AAPC with CI, last segment's APC, Mann–Kendall and Sen) and every segment
 * (APC with CI) in tables with complete CSVs.
 *
 * <p>Which series get a chart: the world, then UNODC regions, then other aggregates, then the series with the
 * largest values, at most {@link #CHARTS_PER_INDICATOR} per indicator and {@link #MAX_CHARTS} in all, of which at
 * most {@link #LOCAL_CHARTS_PER_INDICATOR} sub-national series (local authorities, states, sites: many near-duplicate
 * series of one indicator); context series (population, deciles) get none. The summary table shows at most
 * {@link #LOCAL_ROWS_PER_INDICATOR} sub-national series per indicator; its CSV and the segment table list every
 * series.
 */
final class TrendsPage {

    static final String FILE = "trends.html";
    static final int CHARTS_PER_INDICATOR = 6;
    static final int MAX_CHARTS = 60;
    static final int LOCAL_CHARTS_PER_INDICATOR = 2;
    static final int LOCAL_ROWS_PER_INDICATOR = 10;

    private TrendsPage() {
    }

    static Page build(PageContext c) {
        List<Section> sections = new ArrayList<>();
        List<TrendSeries> all = c.fittedTrends;
        List<TrendSeries> preferred = TrendSeries.preferred(all);
        List<TrendRow> mkRows = c.run.trends().stream().filter(TrendRow::mannKendall).toList();
        if (all.isEmpty() && mkRows.isEmpty()) {
            sections.add(Section.builder("fitted", "Fitted models")
                    .add(Note.empty("trends", "The run wrote no trends (results/trends).")).build());
            return page(sections);
        }
        sections.add(rules());
        sections.add(breaks(c));
        sections.addAll(charts(c, preferred));
        sections.add(summary(c, preferred, mkRows, all.size()));
        Section.Builder seg = Section.builder("segments", "Segments of every fitted model");
        if (all.isEmpty()) {
            seg.add(Note.empty("joinpoint or log-linear fits", null));
        } else {
            seg.text("Every model the run fitted, segment by segment: joinpoint and log-linear fits of each series, "
                    + "including those that could not be fitted, with the reason in the note.");
            TableBuilder t = TrendSeries.segmentTable("trend-segments", "Fitted segments of every series");
            all.forEach(ts -> ts.addRows(t, c));
            seg.add(c.assets.table(t.maxDisplayRows(200)));
        }
        sections.add(seg.build());
        Section.Builder mk = Section.builder("mann-kendall", "Mann\u2013Kendall test and Sen's slope");
        if (mkRows.isEmpty()) {
            mk.add(Note.empty("Mann\u2013Kendall tests", null));
        } else {
            mk.text("A trend test that assumes no functional form: S counts increases minus decreases over all pairs "
                    + "of years; Z is its normal approximation with the tie correction; Sen's slope is the median of "
                    + "all pairwise slopes, in the series' unit per year.");
            TableBuilder t = TrendSeries.mannKendallTable("trend-mann-kendall", "Mann\u2013Kendall test and Sen's slope");
            mkRows.forEach(r -> TrendSeries.addMannKendall(t, r, c));
            mk.add(c.assets.table(t.maxDisplayRows(200)));
        }
        sections.add(mk.build());
        return page(sections);
    }

    private static Section rules() {
        return Section.builder("rules", "Which series are fitted, and how")
                .text("Log-linear trend and Mann–Kendall test: series with at least the run's trend.min_points "
                        + "observed years. Joinpoint regression: only series with at least trend.joinpoint_min_points "
                        + "years (12 by default): below that the Joinpoint program's default allows one joinpoint, "
                        + "whose place rests on the two or three points of its shorter segment, a change the data "
                        + "cannot tell from noise. Those series show the log-linear fit.")
                .text("Breaks: where the method or source of a series changes (a survey redesign, another source "
                        + "or estimation method), the series is not fitted across the change: the models use the "
                        + "points after the last change only, and the note in the tables names the year and both "
                        + "methods. Series are grouped by domain: use, supply, deaths, treatment, medicines, "
                        + "waste-water.")
                .build();
    }

    /** The series whose method or source changes: one row each (its log-linear row carries the note). */
    private static Section breaks(PageContext c) {
        Section.Builder s = Section.builder("breaks", "Breaks: method or source changes inside a series");
        List<TrendRow> rows = c.run.trends().stream().filter(r -> "loglinear".equals(r.method()) && r.note() != null
                && r.note().contains("break: ")).sorted(Comparator.comparing((TrendRow r) -> Domain.of(r.indicator()))
                        .thenComparing(TrendRow::seriesId)).toList();
        if (rows.isEmpty()) {
            return s.add(Note.empty("a series with a change of method or source", null)).build();
        }
        s.text(String.format(Locale.ROOT, "%d series change method or source at least once (in the World Drug "
                + "Report annex: the source code, e.g. ARQ to Government source, or the survey method). Their models "
                + "use the points after the last change only; where those are too few, the series is not fitted.",
                rows.size()));
        TableBuilder t = TableBuilder.of("trend-breaks", "Series with a break").text("Domain").text("Indicator")
                .text("Area").text("Drug").text("Sex").column("Points fitted", Kind.INTEGER).text("Break");
        rows.forEach(r -> t.row(Domain.of(r.indicator()).heading(), c.indicatorName(r.indicator()),
                c.names.name(r.refArea()), r.drug(), r.sex(), r.n(), r.note()));
        return s.add(c.assets.table(t.maxDisplayRows(40))).build();
    }

    private static Page page(List<Section> sections) {
        return new Page(FILE, "Trends", "Trends",
                "Which series rose or fell, when the direction changed, and how sure the estimates are: joinpoint "
                        + "regression with annual percent changes, and the Mann\u2013Kendall test with Sen's slope.",
                sections);
    }

    /** True for series that give context rather than a drug indicator (no chart). */
    static boolean context(TrendRow r) {
        String i = Objects.toString(r.indicator(), "");
        return i.startsWith("population") || i.endsWith("_decile") || "ordinal".equals(r.unit());
    }

    private static int areaRank(String code) {
        return Select.areaRank(code);
    }

    private static List<Section> charts(PageContext c, List<TrendSeries> preferred) {
        Map<String, List<TrendSeries>> byIndicator = new LinkedHashMap<>();
        preferred.stream().filter(t -> t.chartable() && !context(t.first()))
                .sorted(Comparator.comparing((TrendSeries t) -> Domain.of(t.first().indicator()))
                        .thenComparing(t -> Objects.toString(t.first().indicator(), "")))
                .forEach(t -> byIndicator.computeIfAbsent(t.first().indicator(), k -> new ArrayList<>()).add(t));
        List<Section> out = new ArrayList<>();
        int n = 0;
        int left = 0;
        for (Map.Entry<String, List<TrendSeries>> e : byIndicator.entrySet()) {
            List<TrendSeries> ranked = e.getValue().stream()
                    .sorted(Comparator.comparing((TrendSeries t) -> Domain.local(t.first().refArea()))
                            .thenComparingInt(t -> areaRank(t.first().refArea()))
                            .thenComparing(Comparator.comparingDouble(TrendSeries::maxValue).reversed())
                            .thenComparing(TrendSeries::key))
                    .toList();
            Section.Builder s = Section.builder("trend-" + Labels.slug(e.getKey()),
                    Domain.of(e.getKey()).heading() + ": " + c.indicatorName(e.getKey()));
            int shown = 0;
            int local = 0;
            java.util.Set<List<Double>> drawn = new java.util.HashSet<>();
            for (TrendSeries ts : ranked) {
                if (shown == CHARTS_PER_INDICATOR || n == MAX_CHARTS) {
                    break;
                }
                // an aggregate with the same data as one already drawn (a region holding one reporting country,
                // the same group in two schemes) adds nothing: it stays in the tables
                if (Domain.local(ts.first().refArea()) && local == LOCAL_CHARTS_PER_INDICATOR) {
                    continue;
                }
                if (!drawn.add(ts.points().stream().map(p -> p.y()).toList())) {
                    continue;
                }
                if (Domain.local(ts.first().refArea())) {
                    local++;
                }
                s.add(ts.chart(c, n++, c.trendSource(ts.first())));
                shown++;
            }
            if (shown == 0) {
                left += ranked.size();
                continue;
            }
            if (ranked.size() > shown) {
                s.add(Note.info(String.format(Locale.ROOT, "Charts for %d of %d series (aggregates and countries "
                        + "first, then the largest, at most %d sub-national; a series with the same data as a charted "
                        + "one is not drawn again); the summary table and its CSV list the others.", shown,
                        ranked.size(), LOCAL_CHARTS_PER_INDICATOR)));
                left += ranked.size() - shown;
            }
            out.add(s.build());
        }
        if (out.isEmpty()) {
            out.add(Section.builder("fitted", "Fitted models")
                    .add(Note.empty("a fitted model with data to chart", null)).build());
        } else {
            out.add(0, Section.builder("reading", "How to read the charts")
                    .text("Each chart shows a series' data and the fitted continuous piecewise log-linear model "
                            + "(joinpoint regression; Kim et al. 2000). Each segment is labelled with its annual "
                            + "percent change, APC = 100\u00b7(e^b \u2212 1), and 95% confidence interval; dashed "
                            + "lines mark the joinpoints; the subtitle gives the average annual percent change (AAPC) "
                            + "over the whole period. Hollow markers are imputed values.")
                    .add(Note.info(left == 0 ? String.format(Locale.ROOT, "%d charts, one per series.", n)
                            : String.format(Locale.ROOT, "%d charts; %s further series are in the tables only.", n,
                                    Numbers.fixed(left, 0))))
                    .build());
        }
        return out;
    }

    private static Section summary(PageContext c, List<TrendSeries> preferred, List<TrendRow> mk, int models) {
        Section.Builder s = Section.builder("summary", "All series at a glance");
        Map<String, TrendRow> mkByKey = new HashMap<>();
        for (TrendRow r : mk) {
            mkByKey.put(new TrendSeries(r.seriesId(), r.method(), List.of(r), List.of()).key(), r);
        }
        TableBuilder t = TableBuilder.of("trend-summary", "One row per series: fitted model and trend test")
                .text("Series").text("Unit").text("Model").column("n", Kind.INTEGER).column("Joinpoints", Kind.INTEGER)
                .column("AAPC", Kind.SIGNED_PERCENT).column("AAPC CI low", Kind.SIGNED_PERCENT)
                .column("AAPC CI high", Kind.SIGNED_PERCENT).text("Period").column("Last APC", Kind.SIGNED_PERCENT)
                .text("Last segment").column("Kendall's tau", Kind.FIXED3).column("MK p", Kind.P_VALUE)
                .column("Sen's slope", Kind.NUMBER).text("Series id");
        List<TrendSeries> rows = preferred.stream()
                .sorted(Comparator.comparing((TrendSeries x) -> Domain.of(x.first().indicator()))
                        .thenComparing(x -> Objects.toString(x.first().indicator(), ""))
                        .thenComparing(x -> Domain.local(x.first().refArea()))
                        .thenComparingInt(x -> areaRank(x.first().refArea())).thenComparing(x -> x.label(c)))
                .toList();
        // the page shows every national and aggregate series and the first sub-national ones of each indicator;
        // the CSV of the table holds every row
        Map<String, Integer> localShown = new HashMap<>();
        List<TrendSeries> onPage = new ArrayList<>();
        List<TrendSeries> offPage = new ArrayList<>();
        for (TrendSeries ts : rows) {
            boolean loc = Domain.local(ts.first().refArea());
            int k = loc ? localShown.merge(Objects.toString(ts.first().indicator(), ""), 1, Integer::sum) : 0;
            (k > LOCAL_ROWS_PER_INDICATOR ? offPage : onPage).add(ts);
        }
        for (TrendSeries ts : java.util.stream.Stream.concat(onPage.stream(), offPage.stream()).toList()) {
            TrendRow f = ts.first();
            TrendRow last = ts.segments().get(ts.segments().size() - 1);
            TrendRow m = mkByKey.get(ts.key());
            t.row(ts.label(c), Labels.unit(f.unit()), ts.method(), f.n(), f.k(), f.aapc(), f.aapcLower(),
                    f.aapcUpper(), Double.isFinite(f.aapcStart()) ? Numbers.year(f.aapcStart()) + "\u2013"
                            + Numbers.year(f.aapcEnd()) : null, last.apc(),
                    Double.isFinite(last.segStart()) ? Numbers.year(last.segStart()) + "\u2013"
                            + Numbers.year(last.segEnd()) : null,
                    m == null ? null : m.tau(), m == null ? null : m.mkP(), m == null ? null : m.senSlope(),
                    ts.seriesId());
        }
        if (rows.isEmpty()) {
            return s.add(Note.empty("a successfully fitted series", models + " models were attempted; their notes "
                    + "say why none could be fitted.")).build();
        }
        s.text("Trends of this run: " + c.counts.trendsText() + ". One row per series with a fitted trend, grouped "
                + "by domain. AAPC: average annual percent change over the period, with its 95% confidence interval; "
                + "last APC: the annual percent change of the most recent segment.");
        if (!offPage.isEmpty()) {
            s.add(Note.info(String.format(Locale.ROOT, "%d sub-national series beyond the first %d of each indicator "
                    + "(local authorities, states, sites) are not shown on the page; they are the last rows of the "
                    + "table's CSV.", offPage.size(), LOCAL_ROWS_PER_INDICATOR)));
        }
        return s.add(c.assets.table(t.maxDisplayRows(Math.min(onPage.size(), 300)))).build();
    }
}
