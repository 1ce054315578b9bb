package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.Arrays;
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

    static Page build(PageContext c) {
        List<ResultObservation> coverage = Select.where(c.run.indicators(),
                o -> Concept.TREATMENT_COVERAGE.matches(o.indicator()));
        List<Section> sections = new ArrayList<>();
        sections.add(definition());
        sections.add(coverage(c, coverage));
        sections.add(trend(c));
        sections.add(regions(c));
        sections.add(workedExample(c, coverage));
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

    static double percent(ResultObservation o, double v) {
        return "fraction".equals(o.unit()) ? 100 * v : v;
    }

    private static Section coverage(PageContext c, List<ResultObservation> coverage) {
        Section.Builder s = Section.builder("coverage", "Coverage and gap");
        if (coverage.isEmpty()) {
            return s.add(Note.empty("treatment coverage",
                    "The run derived no treatment coverage (results/indicators, indicator treatment_coverage).")).build();
        }
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
                    "Year", "Percent of people with the disorder", c.sources.of(coverage, true))
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
        coverage.stream().sorted(Comparator.comparing((ResultObservation o) -> c.names.name(o.refArea()))
                .thenComparing(Select::drugKey).thenComparing(o -> Objects.toString(o.timePeriod(), "")))
                .forEach(o -> {
                    ResultObservation gap = match(gaps, o);
                    ResultObservation n = match(oneIn, o);
                    t.row(c.names.name(o.refArea()), Labels.drug(o.drug()), o.sex(), o.timePeriod(),
                            percent(o, o.value()), percent(o, o.lower()), percent(o, o.upper()),
                            gap == null ? null : percent(gap, gap.value()), n == null ? null : n.value(), o.method(),
                            o.inputs());
                });
        s.add(c.assets.table(t));
        return s.build();
    }

    private static String seriesName(PageContext c, ResultObservation o) {
        String name = c.names.name(o.refArea());
        if (o.drug() != null) {
            name += ", " + o.drug();
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

    private static Section trend(PageContext c) {
        Section.Builder s = Section.builder("trend", "Trend");
        List<TrendSeries> fitted = TrendSeries.fitted(c.run).stream()
                .filter(t -> Concept.TREATMENT_COVERAGE.matches(t.first().indicator())).toList();
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
            t.row(c.names.name(o.refArea()), Labels.level(o.level()), Labels.drug(o.drug()), o.timePeriod(),
                    percent(o, o.value()), percent(o, o.lower()), percent(o, o.upper()), o.coverage() * 100,
                    DrugUsePage.countOf(o), o.notes());
        }
        return s.add(c.assets.table(t)).build();
    }

    private static Section workedExample(PageContext c, List<ResultObservation> coverage) {
        Map<List<String>, List<ResultObservation>> bySeries = Select.group(
                Select.where(coverage, o -> o.hasValue() && o.totalSex()),
                o -> List.of(o.refArea(), Select.drugKey(o)));
        List<ResultObservation> longest = bySeries.values().stream()
                .max(Comparator.comparingInt(List::size)).orElse(List.of());
        String area = longest.isEmpty() ? "England" : c.names.name(longest.get(0).refArea());
        Section.Builder s = Section.builder("worked-example", "Worked national example: " + area);
        if (longest.isEmpty()) {
            return s.add(Note.empty("a national coverage series",
                    "The worked example needs the inputs of indicator 3.5.1 for one country over several years "
                            + "(for England: the ONS SDG 3.5.1 extract).")).build();
        }
        ResultObservation first = longest.get(0);
        List<String> inputIds = first.inputs() == null ? List.of()
                : Arrays.stream(first.inputs().split("[;,]")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        List<ResultObservation> all = new ArrayList<>(c.run.observations());
        all.addAll(c.run.indicators());
        List<ResultObservation> inputs = Select.where(all, o -> inputIds.contains(o.indicator())
                && Objects.equals(o.refArea(), first.refArea()) && Objects.equals(o.drug(), first.drug())
                && o.totalSex() && o.hasValue());
        List<ResultObservation> numerators = Select.where(inputs, o -> Concept.PEOPLE_IN_TREATMENT.matches(o.indicator()));
        List<ResultObservation> denominators = Select.where(inputs,
                o -> !Concept.PEOPLE_IN_TREATMENT.matches(o.indicator()) && "persons".equals(o.unit()));
        s.text(String.format(Locale.ROOT, "%s reports the inputs of indicator 3.5.1%s for %d years (%s). Coverage "
                + "is recomputed from them as people in treatment \u00f7 people with the disorder \u00d7 100.", area,
                first.drug() == null ? "" : " for " + first.drug(), longest.size(), Select.yearSpan(longest)));
        List<ResultObservation> sorted = longest.stream().sorted(Comparator.comparingDouble(ResultObservation::year))
                .toList();
        List<Facts.Fact> worked = new ArrayList<>();
        for (ResultObservation o : List.of(sorted.get(0), sorted.get(sorted.size() - 1))) {
            ResultObservation num = match(numerators, o);
            ResultObservation den = match(denominators, o);
            if (num != null && den != null) {
                double recomputed = 100 * num.scaledValue() / den.scaledValue();
                worked.add(new Facts.Fact(o.timePeriod(), Numbers.number(num.scaledValue()) + " in treatment \u00f7 "
                        + Numbers.number(den.scaledValue()) + " with the disorder \u00d7 100 = "
                        + Numbers.fixed(recomputed, 1) + "% (run's value " + Numbers.fixed(percent(o, o.value()), 1)
                        + "%)"));
            } else {
                worked.add(new Facts.Fact(o.timePeriod(), "coverage " + Numbers.fixed(percent(o, o.value()), 1)
                        + "%; the run's results hold no separate numerator and denominator for this year"));
            }
            if (sorted.size() == 1) {
                break;
            }
        }
        s.add(new Facts(worked));
        if (!numerators.isEmpty() && !denominators.isEmpty()) {
            List<TimeSeriesBandChart.Series> series = new ArrayList<>();
            series.add(new TimeSeriesBandChart.Series(c.indicatorName(denominators.get(0).indicator()),
                    points(denominators)));
            series.add(new TimeSeriesBandChart.Series(c.indicatorName(numerators.get(0).indicator()),
                    points(numerators)));
            List<ResultObservation> both = new ArrayList<>(numerators);
            both.addAll(denominators);
            ChartText text = ChartText.of(area + ": people with the disorder and people in treatment",
                    first.drug() == null ? null : "Substance: " + first.drug() + "; fiscal years by their first year",
                    "Year", "Persons", c.sources.of(both, false));
            s.add(c.assets.chart("treatment-inputs-" + Labels.slug(area), TimeSeriesBandChart.build(c.theme(), text,
                    series), "The gap between the lines is the number of people not in treatment."));
        }
        return s.build();
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
