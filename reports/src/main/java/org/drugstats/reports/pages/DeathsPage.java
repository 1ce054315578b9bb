package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.drugstats.reports.chart.ChartText;
import org.drugstats.reports.chart.JoinpointChart;
import org.drugstats.reports.chart.PointKind;
import org.drugstats.reports.chart.RankedDotChart;
import org.drugstats.reports.format.Numbers;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Page;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.ResultObservation;
import org.drugstats.reports.model.TrendPointRow;
import org.drugstats.reports.model.TrendRow;

/**
 * Drug-related deaths: the NCHS age-adjusted drug-poisoning death rate of the United States with its joinpoint fit
 * (SE-weighted, log scale), the states ranked by their latest rate and by their AAPC, and the table of every
 * state's APCs and AAPC (results/trends, series of {@code drug_poisoning_death_rate_age_adjusted}).
 */
final class DeathsPage {

    static final String FILE = "deaths.html";
    static final String RATE = "drug_poisoning_death_rate_age_adjusted";

    private DeathsPage() {
    }

    static Page build(PageContext c) {
        List<Section> sections = new ArrayList<>();
        List<ResultObservation> rates = Select.where(c.run.observations(), o -> RATE.equals(o.indicator())
                && o.totalSex() && "_T".equals(o.age()) && o.hasValue());
        List<TrendRow> fits = c.run.trends().stream().filter(r -> RATE.equals(r.indicator())
                && "joinpoint".equals(r.method())).toList();
        if (rates.isEmpty()) {
            sections.add(Section.builder("deaths", "Drug-poisoning deaths")
                    .add(Note.empty("drug-poisoning death rates", "None of the run's inputs holds the NCHS file "
                            + "(ingest kind nchs-drug-poisoning).")).build());
            return page(sections);
        }
        String source = c.sources.of(rates, false);
        sections.add(unitedStates(c, rates, fits, source));
        sections.add(ranked(c, rates, fits, source));
        sections.add(table(c, rates, fits));
        return page(sections);
    }

    private static Page page(List<Section> sections) {
        return new Page(FILE, "Drug-related deaths", "Deaths",
                "Drug-poisoning (overdose) death rates in the United States and its states, 1999\u20132017: the "
                        + "age-adjusted rate per 100,000 with its joinpoint trend, annual percent changes and the "
                        + "states ranked.", sections);
    }

    /** The segments of one series' joinpoint fit, in order; empty when not fitted. */
    private static List<TrendRow> segments(List<TrendRow> fits, String subArea) {
        return fits.stream().filter(r -> Objects.equals(subArea, r.subArea()) && Double.isFinite(r.apc()))
                .sorted(Comparator.comparing(TrendRow::segment)).toList();
    }

    private static Section unitedStates(PageContext c, List<ResultObservation> rates, List<TrendRow> fits,
            String source) {
        Section.Builder s = Section.builder("united-states", "United States");
        List<TrendRow> segs = segments(fits, null);
        List<ResultObservation> us = Select.where(rates, o -> o.subArea() == null && "USA".equals(o.refArea()));
        if (segs.isEmpty() || us.isEmpty()) {
            return s.add(Note.empty("a joinpoint fit of the United States series", null)).build();
        }
        TrendRow f = segs.get(0);
        String id = f.seriesId();
        List<JoinpointChart.Point> pts = new ArrayList<>();
        for (TrendPointRow p : c.run.trendPoints()) {
            if (id.equals(p.seriesId())) {
                pts.add(new JoinpointChart.Point(p.x(), p.y(), p.fitted(), PointKind.OBSERVED));
            }
        }
        List<JoinpointChart.Segment> js = segs.stream().map(r -> new JoinpointChart.Segment(r.segStart(),
                r.segEnd(), r.apc(), r.apcLower(), r.apcUpper())).toList();
        TrendRow last = segs.get(segs.size() - 1);
        s.text(String.format(Locale.ROOT, "Age-adjusted drug-poisoning death rate (2000 US standard population), "
                + "fitted by weighted least squares on the log scale with weights rate\u00b2/SE\u00b2 as NCI's "
                + "Joinpoint program does for age-adjusted rates with standard errors; %d joinpoint(s) chosen by "
                + "%s. AAPC %s\u2013%s: %s (95%% CI %s to %s); last segment %s\u2013%s: APC %s (%s to %s).",
                f.k(), Objects.toString(f.selection(), "the run's criterion").toUpperCase(Locale.ROOT),
                Numbers.year(f.aapcStart()), Numbers.year(f.aapcEnd()), Numbers.signedPercent(f.aapc()),
                Numbers.signedPercent(f.aapcLower()), Numbers.signedPercent(f.aapcUpper()),
                Numbers.year(last.segStart()), Numbers.year(last.segEnd()), Numbers.signedPercent(last.apc()),
                Numbers.signedPercent(last.apcLower()), Numbers.signedPercent(last.apcUpper())));
        ChartText text = ChartText.of("Age-adjusted drug-poisoning death rate, United States",
                String.format(Locale.ROOT, "%s\u2013%s, joinpoint model (SE-weighted, log scale); AAPC %s",
                        Numbers.year(f.segStart()), Numbers.year(last.segEnd()), Numbers.signedPercent(f.aapc())),
                "Year", "Deaths per 100,000 (age-adjusted, 2000 US standard)", source + "; joinpoint fitted by drugstats")
                .withSubject("the age-adjusted drug-poisoning death rate of the United States");
        s.add(c.assets.chart("deaths-us-joinpoint", JoinpointChart.build(c.theme(), text,
                new JoinpointChart.Data(pts, js, "Joinpoint model (" + f.k() + " joinpoints, weighted)")), ""));
        s.add(Note.info("NCHS Data Brief No. 329 (Hedegaard, Mini\u00f1o and Warner, 2018) reports on the same data "
                + "increases of 10% a year 1999\u20132006, 3% 2006\u20132014 and 16% 2014\u20132017; the segments "
                + "above are the run's own fit."));
        return s.build();
    }

    private static Section ranked(PageContext c, List<ResultObservation> rates, List<TrendRow> fits, String source) {
        Section.Builder s = Section.builder("states", "States ranked");
        List<ResultObservation> states = Select.where(rates, o -> o.subArea() != null);
        double latest = states.stream().mapToDouble(ResultObservation::year).filter(Double::isFinite).max()
                .orElse(Double.NaN);
        List<RankedDotChart.Dot> dots = new ArrayList<>();
        for (ResultObservation o : states) {
            if (o.year() == latest) {
                dots.add(new RankedDotChart.Dot(label(o), o.scaledValue(), o.scaledLower(), o.scaledUpper(),
                        "State"));
            }
        }
        ResultObservation us = states.isEmpty() ? null : rates.stream().filter(o -> o.subArea() == null
                && o.year() == latest).findFirst().orElse(null);
        if (us != null) {
            dots.add(new RankedDotChart.Dot("United States", us.scaledValue(), us.scaledLower(), us.scaledUpper(),
                    "United States"));
        }
        if (dots.isEmpty()) {
            return s.add(Note.empty("state rates", null)).build();
        }
        String year = Numbers.year(latest);
        s.text("Age-adjusted rates of the latest year with their 95% confidence limits as published, and the average "
                + "annual percent change over the whole period with its 95% confidence interval, from each state's "
                + "own joinpoint fit.");
        s.add(c.assets.chart("deaths-states-latest", RankedDotChart.build(c.theme(), ChartText.of(
                "Age-adjusted drug-poisoning death rate by state, " + year, "With 95% confidence limits",
                "State", "Deaths per 100,000 (age-adjusted)", source).withSubject(
                        "age-adjusted drug-poisoning death rates of the US states in " + year), dots,
                List.of("United States", "State"), RankedDotChart.Scale.LINEAR), ""));
        List<RankedDotChart.Dot> aapc = new ArrayList<>();
        Map<String, String> names = stateNames(rates);
        for (Map.Entry<String, String> e : names.entrySet()) {
            List<TrendRow> segs = segments(fits, e.getKey().isEmpty() ? null : e.getKey());
            if (!segs.isEmpty() && Double.isFinite(segs.get(0).aapc())) {
                TrendRow f = segs.get(0);
                aapc.add(new RankedDotChart.Dot(e.getValue(), f.aapc(), f.aapcLower(), f.aapcUpper(),
                        e.getKey().isEmpty() ? "United States" : "State"));
            }
        }
        if (!aapc.isEmpty()) {
            s.add(c.assets.chart("deaths-states-aapc", RankedDotChart.build(c.theme(), ChartText.of(
                    "Average annual percent change of the age-adjusted rate, 1999\u20132017",
                    "AAPC of each state's joinpoint fit, 95% confidence interval", "State", "AAPC (%)",
                    source + "; joinpoint fitted by drugstats").withSubject(
                            "the average annual percent change of drug-poisoning death rates by state"), aapc,
                    List.of("United States", "State"), RankedDotChart.Scale.LINEAR), ""));
        }
        return s.build();
    }

    private static Section table(PageContext c, List<ResultObservation> rates, List<TrendRow> fits) {
        Section.Builder s = Section.builder("apc-table", "Annual percent changes by state");
        TableBuilder t = TableBuilder.of("deaths-apc", "Joinpoint fits of the age-adjusted drug-poisoning death rate")
                .text("Area").text("Code").column("Rate 1999", Kind.FIXED1).column("Rate latest", Kind.FIXED1)
                .column("Joinpoints", Kind.INTEGER).text("Joinpoint years").column("AAPC", Kind.SIGNED_PERCENT)
                .column("AAPC low", Kind.SIGNED_PERCENT).column("AAPC high", Kind.SIGNED_PERCENT)
                .text("Last segment").column("Last APC", Kind.SIGNED_PERCENT).column("APC low", Kind.SIGNED_PERCENT)
                .column("APC high", Kind.SIGNED_PERCENT).column("APC p", Kind.P_VALUE).text("Series id");
        Map<String, String> names = stateNames(rates);
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            String sub = e.getKey().isEmpty() ? null : e.getKey();
            List<TrendRow> segs = segments(fits, sub);
            List<ResultObservation> own = Select.where(rates, o -> Objects.equals(sub, o.subArea()));
            ResultObservation first = own.stream().min(Comparator.comparingDouble(ResultObservation::year))
                    .orElse(null);
            ResultObservation lastObs = own.stream().max(Comparator.comparingDouble(ResultObservation::year))
                    .orElse(null);
            if (segs.isEmpty()) {
                rows.add(new Object[] {e.getValue(), sub == null ? "USA" : sub, first == null ? null : first.value(),
                        lastObs == null ? null : lastObs.value(), null, null, null, null, null, null, null, null, null,
                        null, null});
                continue;
            }
            TrendRow f = segs.get(0);
            TrendRow last = segs.get(segs.size() - 1);
            StringBuilder jp = new StringBuilder();
            for (int i = 1; i < segs.size(); i++) {
                jp.append(i > 1 ? ", " : "").append(Numbers.year(segs.get(i).segStart()));
            }
            rows.add(new Object[] {e.getValue(), sub == null ? "USA" : sub, first == null ? null : first.value(),
                    lastObs == null ? null : lastObs.value(), f.k(), jp.toString(), f.aapc(), f.aapcLower(),
                    f.aapcUpper(), Numbers.year(last.segStart()) + "\u2013" + Numbers.year(last.segEnd()), last.apc(),
                    last.apcLower(), last.apcUpper(), last.pValue(), f.seriesId()});
        }
        rows.sort(Comparator.comparing((Object[] r) -> "USA".equals(r[1]) ? 0 : 1).thenComparing(
                (Object[] r) -> r[6] == null ? Double.NEGATIVE_INFINITY : (Double) r[6], Comparator.reverseOrder()));
        rows.forEach(t::row);
        s.text("The United States first, then the states from the largest average annual percent change to the "
                + "smallest. APC: annual percent change of a segment, 100\u00b7(e^b \u2212 1); intervals and p-values "
                + "as NCI documents them (segments fitted apart, joinpoint observations removed, t with the pooled "
                + "degrees of freedom); the AAPC interval uses the normal quantile (Clegg et al. 2009).");
        return s.add(c.assets.table(t.maxDisplayRows(60))).build();
    }

    /** Sub-area code ("" for the United States) → name, sorted by code. */
    private static Map<String, String> stateNames(List<ResultObservation> rates) {
        Map<String, String> m = new TreeMap<>();
        for (ResultObservation o : rates) {
            m.putIfAbsent(o.subArea() == null ? "" : o.subArea(), o.subArea() == null ? "United States" : label(o));
        }
        return m;
    }

    private static String label(ResultObservation o) {
        return o.areaName() != null ? o.areaName() : Objects.toString(o.subArea(), o.refArea());
    }
}
