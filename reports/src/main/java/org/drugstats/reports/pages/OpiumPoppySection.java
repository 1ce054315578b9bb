package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.drugstats.reports.chart.ChartText;
import org.drugstats.reports.chart.TimeSeriesBandChart;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.Headline;
import org.drugstats.reports.model.ResultObservation;

/**
 * "Opium poppy cultivation" on the Supply page (anchor {@value #ID}, the Overview's 345,900 ha card links here),
 * from the run's {@code cultivation_area_opium_poppy} indicators (WDR 2025 annex 6.2.1): the world total as
 * published with its bounds and the largest countries in a chart, the catalog's world figures beside the data, every
 * area and year in a table (years the workbook does not hold are rows without a best estimate, never zero) and the
 * year-on-year changes.
 */
final class OpiumPoppySection {

    static final String ID = "opium-poppy";
    static final String AREA = "cultivation_area_opium_poppy";
    private static final String TITLE = "Opium poppy cultivation";
    private static final int MAX_COUNTRIES = 3;

    private OpiumPoppySection() {
    }

    /** The section, or empty when the run has no opium poppy indicators (older results: the generic one applies). */
    static Optional<Section> build(PageContext c) {
        List<ResultObservation> area = Select.where(c.run.indicators(), o -> AREA.equals(o.indicator()));
        if (area.isEmpty()) {
            return Optional.empty();
        }
        List<ResultObservation> changes = Select.where(c.run.indicators(),
                o -> (AREA + "_change").equals(o.indicator()));
        Section.Builder s = Section.builder(ID, TITLE);
        List<ResultObservation> world = Select.where(area, o -> "WLD".equals(o.refArea())
                && "published-total".equals(o.method()));
        List<ResultObservation> countries = Select.where(area, o -> "as-published".equals(o.method()));
        long missing = countries.stream().filter(o -> !o.hasValue() && o.hasFlag("stale-formula")).count();
        s.text("Hectares under illicit opium poppy cultivation, UNODC World Drug Report 2025 statistical annex table "
                + "6.2.1: national survey estimates with the lower and upper bounds of the survey, an \"other "
                + "countries\" row and the annex's world total with its bounds, " + Select.yearSpan(area) + ". "
                + "A year whose best estimate the workbook does not hold has no value here, never zero: " + missing
                + " best estimates of 2019 (Afghanistan, the Lao PDR, Myanmar, Mexico) are links to another "
                + "workbook in the published file, so only their bounds are known; the lines of the chart join 2018 "
                + "to 2020 across that year, and the table shows it as missing.");
        List<TimeSeriesBandChart.Series> series = new ArrayList<>();
        List<TimeSeriesBandChart.Point> wp = SupplyPage.points(world);
        if (!wp.isEmpty()) {
            series.add(new TimeSeriesBandChart.Series("World (annex total)", wp));
        }
        Map<String, List<ResultObservation>> byCountry = Select.group(Select.where(countries, Select::isCountry),
                ResultObservation::refArea);
        byCountry.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, List<ResultObservation>> e) -> -e.getValue()
                        .stream().filter(ResultObservation::hasValue).mapToDouble(ResultObservation::scaledValue)
                        .max().orElse(0)).thenComparing(Map.Entry::getKey))
                .limit(MAX_COUNTRIES)
                .forEach(e -> {
                    List<TimeSeriesBandChart.Point> pts = SupplyPage.points(e.getValue());
                    if (!pts.isEmpty()) {
                        series.add(new TimeSeriesBandChart.Series(c.names.name(e.getKey()), pts));
                    }
                });
        if (!series.isEmpty()) {
            ChartText text = ChartText.of(TITLE + ", world and the largest countries",
                    "Best estimate with the survey's (or the annex total's) lower and upper bounds", "Year", "Hectares",
                    c.sources.of(area, false)).withSubject("opium poppy cultivation in the world and by country");
            s.add(c.assets.chart(ID + "-world", TimeSeriesBandChart.build(c.theme(), text, series),
                    "No marker in 2019 for the countries whose best estimate the workbook does not hold."));
        }
        List<Headline> catalog = c.headlines.stream().filter(h -> AREA.equals(h.indicator())
                && "hectares".equals(h.unit()) && "World".equalsIgnoreCase(h.scope())).toList();
        if (!catalog.isEmpty()) {
            TableBuilder t = TableBuilder.of(ID + "-catalog", "The catalog's world figures beside the data")
                    .text("Statement").column("Year", Kind.TEXT).column("Catalog (ha)", Kind.INTEGER)
                    .column("Annex total (ha)", Kind.NUMBER).column("Difference (ha)", Kind.NUMBER).text("Source")
                    .text("Notes");
            for (Headline h : catalog) {
                Optional<ResultObservation> d = world.stream().filter(o -> Objects.equals(o.timePeriod(), h.year())
                        && o.hasValue()).findFirst();
                t.row(h.title(), h.year(), h.scaledValue(), d.map(ResultObservation::scaledValue).orElse(Double.NaN),
                        d.map(o -> o.scaledValue() - h.scaledValue()).orElse(Double.NaN),
                        h.sourceDocument() + ", " + h.sourceLocator(),
                        d.isPresent() ? "the annex's unrounded total; its rounded total is in the table below"
                                : "the run's data hold no world total for this year");
            }
            s.add(c.assets.table(t.note("WDR 2019 published 345,900 ha for 2018; the WDR 2025 annex revises the year "
                    + "to 345,700 ha (rounded), with the country estimates of the later surveys.")));
        }
        TableBuilder t = TableBuilder.of(ID + "-cultivation", TITLE + " (hectares)")
                .text("Area").column("Year", Kind.TEXT).column("Best", Kind.INTEGER).column("Low", Kind.INTEGER)
                .column("High", Kind.INTEGER).text("Status").text("Method").text("Flags").text("Notes");
        area.stream().sorted(Comparator.comparing((ResultObservation o) -> "WLD".equals(o.refArea()) ? 0 : 1)
                        .thenComparing(o -> c.names.name(o.refArea())).thenComparing(o -> Objects.toString(o.method(), ""))
                        .thenComparing(o -> Objects.toString(o.timePeriod(), "")))
                .forEach(o -> t.row(c.names.name(o.refArea()), o.timePeriod(), o.scaledValue(), o.scaledLower(),
                        o.scaledUpper(), o.hasValue() ? o.obsStatus() : "missing (no best estimate)", o.method(),
                        o.flags(), o.notes()));
        s.add(c.assets.table(t.maxDisplayRows(200).note("Method: as-published (a country or the other-countries row "
                + "of the annex), published-total (the annex's world total with its bounds), sum-of-countries (the "
                + "parts summed by drugstats; missing where a part has no best estimate).")));
        if (!changes.isEmpty()) {
            TableBuilder ch = TableBuilder.of(ID + "-changes", TITLE + ": year-on-year change")
                    .text("Area").column("Year", Kind.TEXT).column("Change", Kind.SIGNED_PERCENT).text("Method")
                    .text("Notes");
            changes.stream().sorted(Comparator.comparing((ResultObservation o) -> "WLD".equals(o.refArea()) ? 0 : 1)
                            .thenComparing(o -> c.names.name(o.refArea()))
                            .thenComparing(o -> Objects.toString(o.method(), ""))
                            .thenComparing(o -> Objects.toString(o.timePeriod(), "")))
                    .forEach(o -> ch.row(c.names.name(o.refArea()), o.timePeriod(), o.value(), o.method(), o.notes()));
            s.add(c.assets.table(ch.maxDisplayRows(200).note("100 × (A(t) − A(t−1)) / A(t−1), only between "
                    + "consecutive years that both have a best estimate.")));
        }
        return Optional.of(s.build());
    }
}
