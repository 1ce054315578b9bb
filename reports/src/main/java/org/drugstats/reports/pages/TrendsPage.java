package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.List;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Page;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.model.TrendRow;

/**
 * Trends: for every series with a fitted trend, the joinpoint (or log-linear) model over the data, with
 * segments, APC and AAPC with confidence intervals in a table; and the Mann–Kendall test with Sen's slope.
 */
final class TrendsPage {

    static final String FILE = "trends.html";
    /** Charts beyond this number are left to the tables, and the page says so. */
    static final int MAX_CHARTS = 80;

    private TrendsPage() {
    }

    static Page build(PageContext c) {
        List<Section> sections = new ArrayList<>();
        List<TrendSeries> fitted = TrendSeries.fitted(c.run);
        Section.Builder models = Section.builder("fitted", "Fitted models");
        if (fitted.isEmpty()) {
            models.add(Note.empty("fitted trends", "The run wrote no joinpoint or log-linear fits (results/trends)."));
        } else {
            models.text("Each chart shows a series' data and the fitted continuous piecewise log-linear model "
                    + "(joinpoint regression; Kim et al. 2000). Each segment is labelled with its annual percent "
                    + "change, APC = 100\u00b7(e^b \u2212 1), and 95% confidence interval; the subtitle gives the "
                    + "average annual percent change (AAPC) over the period.");
            TableBuilder t = TrendSeries.segmentTable("trend-segments", "Fitted segments of every series");
            int n = 0;
            for (TrendSeries ts : fitted) {
                if (ts.chartable() && n < MAX_CHARTS) {
                    models.add(ts.chart(c, n++, c.trendSource(ts.first())));
                }
                ts.addRows(t, c);
            }
            if (fitted.stream().filter(TrendSeries::chartable).count() > MAX_CHARTS) {
                models.add(Note.info("Charts are drawn for the first " + MAX_CHARTS + " series; the table lists all "
                        + fitted.size() + "."));
            }
            models.add(c.assets.table(t.maxDisplayRows(300)));
        }
        sections.add(models.build());
        Section.Builder mk = Section.builder("mann-kendall", "Mann\u2013Kendall test and Sen's slope");
        List<TrendRow> mkRows = c.run.trends().stream().filter(TrendRow::mannKendall).toList();
        if (mkRows.isEmpty()) {
            mk.add(Note.empty("Mann\u2013Kendall tests", null));
        } else {
            mk.text("A trend test that assumes no functional form: S counts increases minus decreases over all pairs "
                    + "of years; Z is its normal approximation with the tie correction; Sen's slope is the median of "
                    + "all pairwise slopes, in the series' unit per year.");
            TableBuilder t = TrendSeries.mannKendallTable("trend-mann-kendall", "Mann\u2013Kendall test and Sen's slope");
            mkRows.forEach(r -> TrendSeries.addMannKendall(t, r, c));
            mk.add(c.assets.table(t.maxDisplayRows(300)));
        }
        sections.add(mk.build());
        return new Page(FILE, "Trends", "Trends",
                "Which series rose or fell, when the direction changed, and how sure the estimates are.", sections);
    }
}
