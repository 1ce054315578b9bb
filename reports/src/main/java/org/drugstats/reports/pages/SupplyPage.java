package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.drugstats.reports.chart.ChartText;
import org.drugstats.reports.chart.GroupedIntervalBarChart;
import org.drugstats.reports.chart.PointKind;
import org.drugstats.reports.chart.TimeSeriesBandChart;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Page;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.ResultObservation;
import org.drugstats.reports.model.TrendRow;

/**
 * Supply: illicit cultivation of coca bush and opium poppy (best estimates with survey bounds, by country
 * and in total), and drug seizures by drug group and region with their trends.
 */
final class SupplyPage {

    static final String FILE = "supply.html";
    private static final int MAX_SERIES = 8;
    /** Drug groups drawn in the world seizure chart (the largest; all are in the table). */
    private static final int MAX_GROUPS = 6;

    private SupplyPage() {
    }

    static Page build(PageContext c) {
        List<Section> sections = new ArrayList<>();
        sections.add(SeizureCategorySection.build(c));
        sections.add(cultivation(c, "coca", "Coca bush cultivation", Concept::isCoca));
        sections.add(OpiumPoppySection.build(c).orElseGet(() -> cultivation(c, OpiumPoppySection.ID,
                "Opium poppy cultivation", Concept::isOpiumPoppy)));
        sections.add(SupplyPriceSections.prices(c));
        sections.add(seizures(c));
        sections.add(seizureTrends(c));
        return new Page(FILE, "Supply: cultivation and seizures", "Supply",
                "How much coca bush and opium poppy is cultivated (best estimates, with the surveys' bounds where "
                        + "the source gives them), and how much of each drug group is seized, by region and year.", sections);
    }

    private static Section cultivation(PageContext c, String id, String title, Predicate<ResultObservation> is) {
        Section.Builder s = Section.builder(id, title);
        List<ResultObservation> obs = Select.where(c.run.observations(),
                o -> Concept.CULTIVATION.matches(o.indicator()) && is.test(o));
        List<ResultObservation> derived = Select.where(c.run.indicators(),
                o -> Concept.CULTIVATION.matches(o.indicator()) && is.test(o));
        if (obs.isEmpty() && derived.isEmpty()) {
            return s.add(Note.empty(title.toLowerCase(Locale.ROOT),
                    "None of the run's inputs holds a cultivation survey for this crop.")).build();
        }
        List<ResultObservation> countries = Select.where(obs, o -> Select.isCountry(o) && "hectares".equals(o.unit()));
        List<ResultObservation> totals = Select.where(derived, o -> "WLD".equals(o.refArea())
                && "hectares".equals(o.unit()));
        boolean derivedTotal = !totals.isEmpty();
        if (totals.isEmpty()) {
            totals = Select.where(obs, o -> ("WLD".equals(o.refArea()) || o.hasFlag("published-aggregate"))
                    && "hectares".equals(o.unit()));
        }
        boolean anyBounds = countries.stream().anyMatch(ResultObservation::hasBounds);
        s.text(String.format(Locale.ROOT, "Hectares under illicit cultivation as estimated by national monitoring "
                + "surveys: %s. %d countries, %s.", anyBounds
                        ? "best estimate with lower and upper bounds where the survey gives them"
                        : "best estimates only (the source table gives no lower or upper bounds)",
                countries.stream().map(ResultObservation::refArea).distinct().count(), Select.yearSpan(obs)));
        if (!totals.isEmpty()) {
            List<TimeSeriesBandChart.Point> pts = points(totals);
            if (!pts.isEmpty()) {
                ChartText text = ChartText.of(title + ", world total", derivedTotal
                        ? "Sum of country estimates computed by drugstats" : "Total as published",
                        "Year", "Hectares", c.sources.of(totals, derivedTotal))
                        .withSubject(title.toLowerCase(Locale.ROOT) + " in the world");
                s.add(c.assets.chart(id + "-total", TimeSeriesBandChart.build(c.theme(), text,
                        List.of(new TimeSeriesBandChart.Series("World", pts))), ""));
            }
        }
        Map<List<String>, List<ResultObservation>> byCountry = Select.group(countries,
                o -> List.of(o.refArea(), Objects.toString(o.method(), "")));
        List<TimeSeriesBandChart.Series> series = new ArrayList<>();
        List<String> footnotes = new ArrayList<>();
        byCountry.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<List<String>, List<ResultObservation>> e) -> -maxValue(
                        e.getValue())))
                .limit(MAX_SERIES)
                .forEach(e -> {
                    List<TimeSeriesBandChart.Point> pts = points(e.getValue());
                    if (!pts.isEmpty()) {
                        String area = c.names.name(e.getKey().get(0));
                        String m = e.getKey().get(1);
                        boolean twoMethods = !m.isEmpty() && byCountry.keySet().stream()
                                .filter(k -> k.get(0).equals(e.getKey().get(0))).count() >= 2;
                        String name = area;
                        if (twoMethods) {
                            // two series of one country differ by their footnote: say what it says
                            java.util.Optional<String> note = Footnotes.isMarker(m)
                                    ? Footnotes.text(m, e.getValue()) : java.util.Optional.empty();
                            name = area + ", " + (Footnotes.isMarker(m) ? Footnotes.label(m, note) : m);
                            note.ifPresent(n -> footnotes.add(area + " (" + Footnotes.label(m, note) + "): " + n));
                        }
                        series.add(new TimeSeriesBandChart.Series(name, pts));
                    }
                });
        if (!series.isEmpty()) {
            boolean bounds = countries.stream().anyMatch(ResultObservation::hasBounds);
            String what = bounds ? "best estimate with survey bounds" : "best estimate (the source gives no bounds)";
            ChartText text = ChartText.of(title + " by country", byCountry.size() > MAX_SERIES
                    ? "The " + MAX_SERIES + " largest of " + byCountry.size() + " series; " + what
                    : Labels.capitalise(what), "Year", "Hectares", c.sources.of(countries, false))
                    .withSubject(title.toLowerCase(Locale.ROOT));
            s.add(c.assets.chart(id + "-countries", TimeSeriesBandChart.build(c.theme(), text, series),
                    footnotes.isEmpty() ? "A country published with two methods appears once per method."
                            : "A country published with two methods appears once per method, as the annex's "
                                    + "footnotes say: " + String.join("; ", footnotes)));
        }
        TableBuilder t = TableBuilder.of(id + "-cultivation", title + " (hectares)")
                .text("Area").column("Year", Kind.TEXT).column("Best", Kind.INTEGER).column("Low", Kind.INTEGER)
                .column("High", Kind.INTEGER).text("Status").text("Method").text("Flags").text("Notes");
        List<ResultObservation> all = new ArrayList<>(obs);
        all.addAll(Select.where(derived, o -> "hectares".equals(o.unit())));
        all.stream().sorted(Comparator.comparing((ResultObservation o) -> Select.isCountry(o) ? 1 : 0)
                .thenComparing(o -> c.names.name(o.refArea())).thenComparing(o -> Objects.toString(o.timePeriod(), "")))
                .forEach(o -> t.row(c.names.name(o.refArea()), o.timePeriod(), o.value(), o.lower(), o.upper(),
                        o.obsStatus(), Footnotes.method(o.method(), o.notes()), o.flags(), o.notes()));
        s.add(c.assets.table(t));
        List<ResultObservation> changes = Select.where(derived, o -> "percent-change".equals(o.unit()));
        if (!changes.isEmpty()) {
            TableBuilder ch = TableBuilder.of(id + "-changes", title + ": year-on-year change")
                    .text("Area").column("Year", Kind.TEXT).column("Change", Kind.SIGNED_PERCENT).text("Method");
            changes.stream().sorted(Comparator.comparing((ResultObservation o) -> c.names.name(o.refArea()))
                    .thenComparing(o -> Objects.toString(o.timePeriod(), "")))
                    .forEach(o -> ch.row(c.names.name(o.refArea()), o.timePeriod(), o.value(), o.method()));
            s.add(c.assets.table(ch));
        }
        return s.build();
    }

    private static double maxValue(List<ResultObservation> rows) {
        return rows.stream().mapToDouble(ResultObservation::value).filter(Double::isFinite).max().orElse(0);
    }

    static List<TimeSeriesBandChart.Point> points(List<ResultObservation> rows) {
        List<TimeSeriesBandChart.Point> pts = new ArrayList<>();
        for (ResultObservation o : rows) {
            if (o.hasValue() && Double.isFinite(o.year())) {
                pts.add(new TimeSeriesBandChart.Point(o.year(), o.scaledValue(), o.scaledLower(), o.scaledUpper(),
                        o.imputed() ? PointKind.IMPUTED : PointKind.OBSERVED));
            }
        }
        return pts;
    }

    private static String group(ResultObservation o) {
        return o.drugGroup() != null ? o.drugGroup() : o.drug() != null ? o.drug() : "All drugs";
    }

    private static Section seizures(PageContext c) {
        Section.Builder s = Section.builder("seizures", "Seizures by drug group and region");
        List<ResultObservation> totals = Select.where(c.run.indicators(),
                o -> Concept.SEIZURES.matches(o.indicator()) && o.hasValue());
        if (totals.isEmpty()) {
            totals = Select.where(c.run.aggregates(), o -> Concept.SEIZURES.matches(o.indicator()) && o.hasValue());
        }
        List<ResultObservation> countryRows = Select.where(c.run.observations(),
                o -> Concept.SEIZURES.matches(o.indicator()));
        if (totals.isEmpty()) {
            s.add(Note.empty("seizure totals by drug group and region", countryRows.isEmpty()
                    ? "None of the run's inputs reports seizures."
                    : "The run derived no totals (results/indicators); its observations hold " + countryRows.size()
                            + " country seizure rows."));
            return s.build();
        }
        s.text("Kilograms seized, summed over the countries of each region that reported, by drug group and year. "
                + "Seizures reflect enforcement activity and reporting as well as trafficking: a rise can mean more "
                + "drugs or more effective interdiction.");
        List<ResultObservation> world = Select.where(totals, o -> "WLD".equals(o.refArea()));
        if (!world.isEmpty()) {
            Map<String, List<ResultObservation>> byGroup = Select.group(world, SupplyPage::group);
            List<String> biggest = byGroup.entrySet().stream()
                    .sorted(Comparator.comparingDouble((Map.Entry<String, List<ResultObservation>> e) -> -e.getValue()
                            .stream().mapToDouble(ResultObservation::scaledValue).filter(Double::isFinite).sum())
                            .thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey).limit(MAX_GROUPS).toList();
            List<TimeSeriesBandChart.Series> series = new ArrayList<>();
            for (String g : biggest) {
                List<TimeSeriesBandChart.Point> pts = new ArrayList<>();
                for (ResultObservation o : byGroup.get(g)) {
                    if (Double.isFinite(o.year())) {
                        pts.add(new TimeSeriesBandChart.Point(o.year(), o.scaledValue() / 1000, Double.NaN, Double.NaN,
                                PointKind.OBSERVED));
                    }
                }
                if (!pts.isEmpty()) {
                    series.add(new TimeSeriesBandChart.Series(g, pts));
                }
            }
            if (!series.isEmpty()) {
                ChartText text = ChartText.of("Seizures by drug group, world", byGroup.size() > MAX_GROUPS
                        ? "The " + MAX_GROUPS + " largest of " + byGroup.size() + " drug groups; sum of reported "
                                + "country seizures" : "Sum of reported country seizures",
                        "Year", "Tonnes", c.sources.of(world, true)).withSubject("drug seizures in the world");
                s.add(c.assets.chart("seizures-world", TimeSeriesBandChart.build(c.theme(), text, series),
                        "Every drug group is in the table below."));
            }
        }
        List<ResultObservation> regions = Select.where(totals, o -> Select.isWorldOrRegion(o.refArea())
                && !"WLD".equals(o.refArea()));
        if (!regions.isEmpty()) {
            double latestYear = regions.stream().mapToDouble(ResultObservation::year).filter(Double::isFinite).max()
                    .orElse(Double.NaN);
            List<GroupedIntervalBarChart.Bar> bars = new ArrayList<>();
            regions.stream().filter(o -> o.year() == latestYear)
                    .sorted(Comparator.comparing(SupplyPage::group).thenComparing(o -> c.names.name(o.refArea())))
                    .forEach(o -> bars.add(new GroupedIntervalBarChart.Bar(c.names.name(o.refArea()), group(o),
                            o.scaledValue() / 1000, Double.NaN, Double.NaN)));
            if (!bars.isEmpty()) {
                ChartText text = ChartText.of("Seizures by drug group and region, " + (long) latestYear,
                        "Sum of reported country seizures", "Drug group", "Tonnes", c.sources.of(regions, true))
                        .withSubject("drug seizures by drug group and region in " + (long) latestYear);
                s.add(c.assets.chart("seizures-regions", GroupedIntervalBarChart.build(c.theme(), text, bars,
                        GroupedIntervalBarChart.Orientation.HORIZONTAL), ""));
            }
        }
        TableBuilder t = TableBuilder.of("seizures-totals", "Seizures by drug group, region and year (kilograms)")
                .text("Area").text("Drug group").column("Year", Kind.TEXT).column("Kilograms", Kind.INTEGER)
                .text("Method").text("Notes");
        totals.stream().sorted(Comparator.comparing((ResultObservation o) -> "WLD".equals(o.refArea()) ? "" :
                c.names.name(o.refArea())).thenComparing(SupplyPage::group)
                .thenComparing(o -> Objects.toString(o.timePeriod(), "")))
                .forEach(o -> t.row(c.names.name(o.refArea()), group(o), o.timePeriod(), o.scaledValue(), o.method(),
                        o.notes()));
        s.add(c.assets.table(t.maxDisplayRows(300)));
        return s.build();
    }

    private static Section seizureTrends(PageContext c) {
        Section.Builder s = Section.builder("seizure-trends", "Seizure trends");
        List<TrendRow> rows = c.run.trends().stream().filter(r -> Concept.SEIZURES.matches(r.indicator())).toList();
        if (rows.isEmpty()) {
            return s.add(Note.empty("seizure trends", "The run fitted no trend to seizure series.")).build();
        }
        s.text("Fitted trends of seizure series; the charts are on the Trends page.");
        List<TrendSeries> fitted = TrendSeries.fitted(c.run).stream()
                .filter(ts -> Concept.SEIZURES.matches(ts.first().indicator())).toList();
        if (!fitted.isEmpty()) {
            TableBuilder t = TrendSeries.segmentTable("seizure-trend-segments", "Seizures: fitted segments");
            fitted.forEach(ts -> ts.addRows(t, c));
            s.add(c.assets.table(t.maxDisplayRows(200)));
        }
        List<TrendRow> mk = rows.stream().filter(TrendRow::mannKendall).toList();
        if (!mk.isEmpty()) {
            TableBuilder t = TrendSeries.mannKendallTable("seizure-trend-mann-kendall",
                    "Seizures: Mann\u2013Kendall test and Sen's slope");
            mk.forEach(r -> TrendSeries.addMannKendall(t, r, c));
            s.add(c.assets.table(t.maxDisplayRows(200)));
        }
        return s.build();
    }
}
