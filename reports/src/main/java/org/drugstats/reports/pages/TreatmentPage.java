package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.drugstats.reports.chart.ChartText;
import org.drugstats.reports.chart.PointKind;
import org.drugstats.reports.chart.TimeSeriesBandChart;
import org.drugstats.reports.format.Numbers;
import org.drugstats.reports.html.Facts;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Page;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.ResultObservation;

/**
 * SDG 3.5 — treatment coverage: coverage and gap with their bounds, the fitted trend, regional values where
 * coverage allows, and the England 3.5.1 series as a worked national example.
 */
final class TreatmentPage {

    static final String FILE = "sdg-3-5.html";

    private TreatmentPage() {
    }

    /**
     * At most this many areas are charted: the series with the most people with the disorder, and those at least a
     * quarter its size (so a national series is not drowned by its local areas); series much shorter than the
     * longest (a single year of a breakdown) are not candidates.
     */
    static final int MAX_AREAS = 3;

    static Page build(PageContext c) {
        List<ResultObservation> coverage = Select.where(c.run.indicators(),
                o -> Concept.TREATMENT_COVERAGE.matches(o.indicator()) && o.hasValue());
        boolean derived = !coverage.isEmpty();
        if (!derived) {
            coverage = Select.where(c.run.observations(),
                    o -> Concept.TREATMENT_COVERAGE.matches(o.indicator()) && o.hasValue());
        }
        List<String> areas = headlineAreas(c, coverage);
        List<Section> sections = new ArrayList<>();
        sections.add(definition());
        sections.add(coverage(c, coverage, areas, derived));
        sections.add(trend(c, areas));
        sections.add(TreatmentRates.rates(c));
        sections.add(regions(c));
        sections.add(TreatmentRates.editions(c));
        sections.add(workedExample(c, coverage, areas));
        return new Page(FILE, "SDG 3.5 \u2014 treatment coverage", "SDG 3.5",
                "Indicator 3.5.1: what share of people with substance use disorders received treatment, how that "
                        + "share changed, and how it is computed, with England as a worked national example.",
                sections);
    }

    private static Section definition() {
        return Section.builder("definition", "Definition")
                .text("SDG target 3.5: strengthen the prevention and treatment of substance abuse. Indicator 3.5.1 "
                        + "(custodian WHO, with UNODC): coverage of treatment interventions (pharmacological, "
                        + "psychosocial and rehabilitation and aftercare services) for substance use disorders.")
                .add(new Facts(List.of(
                        new Facts.Fact("Coverage", "people who received treatment in the year \u00f7 people with "
                                + "substance use disorders in the same year \u00d7 100"),
                        new Facts.Fact("Treatment gap", "100 \u2212 coverage (%)"),
                        new Facts.Fact("1 in N", "1 \u00f7 coverage, rounded: \"1 in 5 people with drug use "
                                + "disorders is in treatment\""),
                        new Facts.Fact("Reported", "separately for drugs and alcohol, by sex where possible (SDG "
                                + "series SH_SUD_TREAT)"))))
                .add(Note.caution("Published global figures come from different World Drug Report editions and "
                        + "models (for example \"1 in 5\" from WDR 2023 and \"1 in 11\" from WDR 2024); a change "
                        + "between editions is a change of method, not a trend."))
                .build();
    }

    /**
     * The areas to show: those with the most people with the disorder (the national total before its local
     * areas), at most {@link #MAX_AREAS}; when the run holds no denominators, the areas with the longest series.
     */
    static List<String> headlineAreas(PageContext c, List<ResultObservation> coverage) {
        java.util.Set<String> withCoverage = new java.util.LinkedHashSet<>();
        coverage.forEach(o -> withCoverage.add(o.refArea()));
        Map<String, Double> size = new java.util.HashMap<>();
        for (ResultObservation o : denominators(c)) {
            if (withCoverage.contains(o.refArea())) {
                size.merge(o.refArea(), o.scaledValue(), Math::max);
            }
        }
        Map<String, Long> length = new java.util.HashMap<>();
        coverage.forEach(o -> length.merge(o.refArea(), 1L, Long::sum));
        long longest = length.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<String> ranked = withCoverage.stream()
                .filter(a -> length.get(a) >= Math.min(longest, Math.max(3, (longest + 1) / 2)))
                .sorted(Comparator.comparingDouble((String a) -> -size.getOrDefault(a, 0.0))
                        .thenComparing(a -> -length.getOrDefault(a, 0L)).thenComparing(a -> a))
                .toList();
        if (ranked.isEmpty()) {
            return List.of();
        }
        double top = size.getOrDefault(ranked.get(0), 0.0);
        return ranked.stream().filter(a -> top == 0 || size.getOrDefault(a, 0.0) >= 0.25 * top).limit(MAX_AREAS)
                .toList();
    }

    /** People with the disorder (the denominators of coverage) among the observations and indicators. */
    static List<ResultObservation> denominators(PageContext c) {
        List<ResultObservation> out = new ArrayList<>();
        for (List<ResultObservation> l : List.of(c.run.observations(), c.run.indicators())) {
            out.addAll(Select.where(l, o -> Concept.PEOPLE_WITH_DISORDERS.matches(o.indicator())
                    && "persons".equals(o.unit()) && o.hasValue() && o.totalSex()));
        }
        return out;
    }

    /** People in treatment (the numerators). */
    static List<ResultObservation> numerators(PageContext c) {
        List<ResultObservation> out = new ArrayList<>();
        for (List<ResultObservation> l : List.of(c.run.observations(), c.run.indicators())) {
            out.addAll(Select.where(l, o -> Concept.PEOPLE_IN_TREATMENT.matches(o.indicator()) && o.hasValue()
                    && o.totalSex()));
        }
        return out;
    }

    /** The substance of a 3.5.1 row: its drug, else what the indicator id says (alcohol, drugs), else empty. */
    static String substance(ResultObservation o) {
        if (o.drug() != null && !o.drug().isBlank()) {
            return o.drug();
        }
        String id = Objects.toString(o.indicator(), "");
        return id.contains("alcohol") ? "alcohol" : id.contains("drug") ? "drugs" : "";
    }

    static double percent(ResultObservation o, double v) {
        return "fraction".equals(o.unit()) ? 100 * v : v;
    }

    private static Section coverage(PageContext c, List<ResultObservation> all, List<String> areas,
            boolean derived) {
        Section.Builder s = Section.builder("coverage", "Coverage and gap");
        if (all.isEmpty()) {
            return s.add(Note.empty("treatment coverage",
                    "The run holds no treatment coverage: no derived indicator treatment_coverage and no published "
                            + "3.5.1 series (met need) among its observations.")).build();
        }
        List<ResultObservation> coverage = Select.where(all, o -> areas.contains(o.refArea()));
        long otherAreas = all.stream().map(ResultObservation::refArea).distinct().count() - areas.size();
        s.text((derived ? "Coverage as derived by this run from the numbers in treatment and with the disorder"
                : "Coverage as published (\"met need\"); this run derived no coverage of its own")
                + (otherAreas > 0 ? String.format(java.util.Locale.ROOT, ". Shown: %s; the CSV also holds %d "
                        + "further areas (local or sub-national series).", areas.stream().map(c.names::name)
                        .collect(java.util.stream.Collectors.joining(", ")), otherAreas) : "."));
        Map<List<String>, List<ResultObservation>> bySeries = Select.group(coverage,
                o -> List.of(o.refArea(), Select.drugKey(o), Objects.toString(o.sex(), "T")));
        List<TimeSeriesBandChart.Series> series = new ArrayList<>();
        for (Map.Entry<List<String>, List<ResultObservation>> e : bySeries.entrySet()) {
            List<TimeSeriesBandChart.Point> pts = new ArrayList<>();
            for (ResultObservation o : e.getValue()) {
                if (o.hasValue() && Double.isFinite(o.year())) {
                    pts.add(new TimeSeriesBandChart.Point(o.year(), percent(o, o.value()), percent(o, o.lower()),
                            percent(o, o.upper()), o.imputed() ? PointKind.IMPUTED : PointKind.OBSERVED));
                }
            }
            if (!pts.isEmpty()) {
                series.add(new TimeSeriesBandChart.Series(seriesName(c, e.getValue().get(0)), pts));
            }
        }
        if (!series.isEmpty()) {
            ChartText text = ChartText.of("Treatment coverage (SDG 3.5.1)",
                    "People in treatment as a share of people with the disorder; fiscal years by their first year",
                    "Year", "Percent of people with the disorder", c.sources.of(coverage, derived))
                    .withSubject("treatment coverage");
            s.add(c.assets.chart("treatment-coverage", TimeSeriesBandChart.build(c.theme(), text, series),
                    "Band: lower\u2013upper bound where the inputs give one."));
        }
        List<ResultObservation> gaps = Select.where(c.run.indicators(), o -> Concept.TREATMENT_GAP.matches(o.indicator()));
        List<ResultObservation> oneIn = Select.where(c.run.indicators(),
                o -> Concept.TREATMENT_ONE_IN_N.matches(o.indicator()));
        TableBuilder t = TableBuilder.of("treatment-coverage", "Treatment coverage, gap and \"1 in N\"")
                .text("Area").text("Substance").text("Sex").column("Year", Kind.TEXT)
                .column("Coverage (%)", Kind.FIXED1).column("Low (%)", Kind.FIXED1).column("High (%)", Kind.FIXED1)
                .column("Gap (%)", Kind.FIXED1).column("1 in N", Kind.INTEGER).text("Method").text("Inputs");
        all.stream().sorted(Comparator.comparingInt((ResultObservation o) -> areas.contains(o.refArea())
                ? areas.indexOf(o.refArea()) : areas.size()).thenComparing(o -> c.names.name(o.refArea()))
                .thenComparing(Select::drugKey).thenComparing(o -> Objects.toString(o.timePeriod(), "")))
                .forEach(o -> {
                    ResultObservation gap = match(gaps, o);
                    ResultObservation n = match(oneIn, o);
                    t.row(c.names.name(o.refArea()), substance(o), o.sex(), o.timePeriod(),
                            percent(o, o.value()), percent(o, o.lower()), percent(o, o.upper()),
                            gap == null ? null : percent(gap, gap.value()), n == null ? null : n.value(), o.method(),
                            o.inputs());
                });
        s.add(c.assets.table(t.maxDisplayRows(60)));
        return s.build();
    }

    private static String seriesName(PageContext c, ResultObservation o) {
        String name = c.names.name(o.refArea());
        if (!substance(o).isEmpty()) {
            name += ", " + substance(o);
        }
        if (o.sex() != null && !o.totalSex()) {
            name += o.sex().equals("M") ? ", males" : o.sex().equals("F") ? ", females" : ", " + o.sex();
        }
        return name;
    }

    /** The row of another indicator with the same area, period, drug and sex. */
    static ResultObservation match(List<ResultObservation> rows, ResultObservation o) {
        for (ResultObservation r : rows) {
            if (Objects.equals(r.refArea(), o.refArea()) && Objects.equals(r.timePeriod(), o.timePeriod())
                    && Objects.equals(r.drug(), o.drug()) && Objects.equals(r.sex(), o.sex())) {
                return r;
            }
        }
        return null;
    }

    private static Section trend(PageContext c, List<String> areas) {
        Section.Builder s = Section.builder("trend", "Trend");
        List<TrendSeries> fitted = TrendSeries.preferred(c.fittedTrends).stream()
                .filter(t -> Concept.TREATMENT_COVERAGE.matches(t.first().indicator())
                        && areas.contains(t.first().refArea())).toList();
        if (fitted.isEmpty()) {
            return s.add(Note.empty("a fitted trend of treatment coverage",
                    "The run's trends (results/trends) hold no series of treatment coverage.")).build();
        }
        s.text("Joinpoint regression on the log scale: each segment's annual percent change (APC) with its 95% "
                + "confidence interval, and the average annual percent change (AAPC) over the whole period.");
        TableBuilder t = TrendSeries.segmentTable("treatment-coverage-trend", "Treatment coverage: fitted segments");
        int n = 0;
        for (TrendSeries ts : fitted) {
            if (ts.chartable()) {
                s.add(ts.chart(c, 900 + n++, c.trendSource(ts.first())));
            }
            ts.addRows(t, c);
        }
        s.add(c.assets.table(t));
        return s.build();
    }

    private static Section regions(PageContext c) {
        Section.Builder s = Section.builder("regions", "By region");
        List<ResultObservation> agg = Select.where(c.run.aggregates(),
                o -> Concept.TREATMENT_COVERAGE.matches(o.indicator()));
        if (agg.stream().noneMatch(ResultObservation::hasValue)) {
            String why = agg.isEmpty()
                    ? "Regional and global coverage is computed only where enough countries and population have "
                            + "data; the run's inputs hold treatment data for too few countries."
                    : "Every regional value lies below the minimum population coverage.";
            s.add(Note.empty("regional treatment coverage", why));
            if (agg.isEmpty()) {
                return s.build();
            }
        }
        TableBuilder t = TableBuilder.of("treatment-coverage-regions", "Treatment coverage by region")
                .text("Area").text("Level").text("Substance").column("Year", Kind.TEXT)
                .column("Coverage (%)", Kind.FIXED1).column("Low (%)", Kind.FIXED1).column("High (%)", Kind.FIXED1)
                .column("Population coverage (%)", Kind.FIXED1).text("Countries with data").text("Notes");
        for (ResultObservation o : DrugUsePage.sortAggregates(c, agg)) {
            t.row(c.names.name(o.refArea()), Labels.level(o.level()), substance(o), o.timePeriod(),
                    percent(o, o.value()), percent(o, o.lower()), percent(o, o.upper()), o.coverage() * 100,
                    DrugUsePage.countOf(o), o.notes());
        }
        return s.add(c.assets.table(t)).build();
    }

    private static Section workedExample(PageContext c, List<ResultObservation> coverage, List<String> areas) {
        String code = areas.isEmpty() ? null : areas.get(0);
        String area = code == null ? "England" : c.names.name(code);
        Section.Builder s = Section.builder("worked-example", "Worked national example: " + area);
        List<ResultObservation> series = Select.where(coverage, o -> o.refArea().equals(code) && o.totalSex()).stream()
                .sorted(Comparator.comparingDouble(ResultObservation::year)).toList();
        if (series.isEmpty()) {
            return s.add(Note.empty("a national coverage series",
                    "The worked example needs the inputs of indicator 3.5.1 for one country over several years "
                            + "(for England: the ONS SDG 3.5.1 extract).")).build();
        }
        ResultObservation first = series.get(0);
        // the inputs carry the substance in their id (sdg_3_5_1_alcohol_...), the derived coverage in drug: compare
        // the substance, not the drug column (comparing drug left every input unmatched and the table empty)
        List<ResultObservation> num = Select.where(numerators(c), o -> o.refArea().equals(code)
                && substance(o).equals(substance(first)));
        List<ResultObservation> den = Select.where(denominators(c), o -> o.refArea().equals(code)
                && substance(o).equals(substance(first)));
        List<ResultObservation> pub = Select.where(c.run.observations(), o -> o.refArea().equals(code)
                && o.hasValue() && o.totalSex() && Objects.toString(o.indicator(), "").endsWith("met_need")
                && substance(o).equals(substance(first)));
        String substance = substance(first).isEmpty() ? null : substance(first);
        s.text(String.format(Locale.ROOT, "%s reports the inputs of indicator 3.5.1%s for %d years (%s). Coverage "
                + "is recomputed from them as people in treatment \u00f7 people with the disorder \u00d7 100 and "
                + "set beside the published value.", area, substance == null ? "" : " for " + substance,
                series.size(), Select.yearSpan(series)));
        List<Facts.Fact> worked = new ArrayList<>();
        TableBuilder t = TableBuilder.of("treatment-worked-example", area + ": coverage recomputed from its inputs")
                .column("Year", Kind.TEXT).column("In treatment", Kind.INTEGER)
                .column("With the disorder", Kind.INTEGER).column("Recomputed (%)", Kind.FIXED2)
                .column("Published (%)", Kind.FIXED2).column("Difference (points)", Kind.FIXED3);
        for (ResultObservation o : series) {
            ResultObservation n = matchPeriod(num, o);
            ResultObservation d = matchPeriod(den, o);
            double recomputed = n != null && d != null ? 100 * n.scaledValue() / d.scaledValue() : Double.NaN;
            ResultObservation p = matchPeriod(pub, o);
            double published = p == null ? Double.NaN : percent(p, p.value());
            t.row(o.timePeriod(), n == null ? null : n.scaledValue(), d == null ? null : d.scaledValue(), recomputed,
                    published, recomputed - published);
            if (o == series.get(0) || o == series.get(series.size() - 1)) {
                worked.add(new Facts.Fact(o.timePeriod(), n != null && d != null
                        ? Numbers.number(n.scaledValue()) + " in treatment \u00f7 " + Numbers.number(d.scaledValue())
                                + " with the disorder \u00d7 100 = " + Numbers.fixed(recomputed, 1) + "%"
                                + (Double.isFinite(published) ? " (published " + Numbers.fixed(published, 1) + "%)"
                                        : " (no published value)")
                        : "coverage " + Numbers.fixed(percent(o, o.value()), 1) + "%; the run holds no separate "
                                + "numerator and denominator for this year"));
            }
        }
        s.add(new Facts(worked));
        s.add(c.assets.table(t));
        if (!num.isEmpty() && !den.isEmpty()) {
            List<TimeSeriesBandChart.Series> lines = new ArrayList<>();
            lines.add(new TimeSeriesBandChart.Series("People with the disorder", points(den)));
            lines.add(new TimeSeriesBandChart.Series("People in treatment", points(num)));
            List<ResultObservation> both = new ArrayList<>(num);
            both.addAll(den);
            ChartText text = ChartText.of(area + ": people with the disorder and people in treatment",
                    (substance == null ? "" : "Substance: " + substance + "; ") + "fiscal years by their first year",
                    "Year", "Persons", c.sources.of(both, false));
            s.add(c.assets.chart("treatment-inputs-" + Labels.slug(area), TimeSeriesBandChart.build(c.theme(), text,
                    lines), "The gap between the lines is the number of people not in treatment."));
        }
        return s.build();
    }

    /** The row of the same area and period (and drug) in another indicator. */
    private static ResultObservation matchPeriod(List<ResultObservation> rows, ResultObservation o) {
        for (ResultObservation r : rows) {
            if (Objects.equals(r.refArea(), o.refArea()) && Objects.equals(r.timePeriod(), o.timePeriod())) {
                return r;
            }
        }
        return null;
    }

    private static List<TimeSeriesBandChart.Point> points(List<ResultObservation> rows) {
        List<TimeSeriesBandChart.Point> pts = new ArrayList<>();
        for (ResultObservation o : rows) {
            if (Double.isFinite(o.year())) {
                pts.add(new TimeSeriesBandChart.Point(o.year(), o.scaledValue(), o.scaledLower(), o.scaledUpper(),
                        o.imputed() ? PointKind.IMPUTED : PointKind.OBSERVED));
            }
        }
        return pts;
    }
}
