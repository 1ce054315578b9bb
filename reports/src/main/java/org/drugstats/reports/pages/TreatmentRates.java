package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.drugstats.reports.chart.ChartText;
import org.drugstats.reports.chart.TimeSeriesBandChart;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.Headline;
import org.drugstats.reports.model.ResultObservation;

/**
 * The SDG 3.5 page's sections on national treatment rates (people treated or treatment admissions per 100,000
 * population: Kazakhstan, Spain, the Canary Islands) — one chart per substance, drugs and alcohol never on one chart —
 * and on the global "1 in N" figures of the World Drug Report, one edition per row, never chained into a series.
 */
final class TreatmentRates {

    static final String RATE = "treatment_rate";
    /** Substances in display order (the drug column of the derived indicators). */
    static final List<String> SUBSTANCES = List.of("drugs", "alcohol", "alcohol-and-drugs");

    private TreatmentRates() {
    }

    static Section rates(PageContext c) {
        Section.Builder s = Section.builder("rates", "Treatment rates per 100,000 population");
        List<ResultObservation> rows = Select.where(c.run.indicators(), o -> RATE.equals(o.indicator()) && o.hasValue());
        if (rows.isEmpty()) {
            return s.add(Note.empty("a national treatment rate", "The run's inputs hold no SDG 3.5.1 series published "
                    + "as a rate per 100,000 population (Kazakhstan's and the Canary Islands' platforms publish "
                    + "them; their extracts enter data/ with the generalised sdg-open-csv ingest).")).build();
        }
        s.text("Where a country publishes 3.5.1 as people treated (or treatment admissions) per 100,000 population, "
                + "the rate is shown as published. It is not a coverage: its denominator is the whole population, "
                + "not the people with the disorder, so no \"1 in N\" can be derived from it. Drugs, alcohol and the "
                + "two together are separate series and separate charts.");
        for (String substance : SUBSTANCES) {
            List<ResultObservation> one = Select.where(rows, o -> substance.equals(o.drug()));
            if (one.isEmpty()) {
                continue;
            }
            Map<List<String>, List<ResultObservation>> bySeries = Select.group(one,
                    o -> List.of(o.refArea(), Objects.toString(o.sex(), "T")));
            List<TimeSeriesBandChart.Series> series = new ArrayList<>();
            bySeries.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<List<String>, List<ResultObservation>> e) -> e.getKey()
                            .get(0)).thenComparing(e -> "T".equals(e.getKey().get(1)) ? "" : e.getKey().get(1)))
                    .forEach(e -> {
                        List<ResultObservation> pts = e.getValue().stream()
                                .sorted(Comparator.comparingDouble(ResultObservation::year)).toList();
                        String sex = e.getKey().get(1);
                        series.add(new TimeSeriesBandChart.Series(c.names.name(e.getKey().get(0))
                                + ("M".equals(sex) ? ", males" : "F".equals(sex) ? ", females" : ""),
                                SupplyPage.points(pts)));
                    });
            ChartText text = ChartText.of("Treatment per 100,000 population: " + substance, "As published on the "
                    + "national SDG platforms; " + Select.yearSpan(one), "Year", "Per 100,000 population",
                    c.sources.of(one, false)).withSubject("treatment rate, " + substance);
            s.add(c.assets.chart("treatment-rate-" + Labels.slug(substance), TimeSeriesBandChart.build(c.theme(),
                    text, series), "Unit: per 100,000 population, " + substance + " only."));
        }
        TableBuilder t = TableBuilder.of("treatment-rates", "Treatment rates per 100,000 population")
                .text("Area").text("Substance").text("Sex").column("Year", Kind.TEXT)
                .column("Per 100,000", Kind.FIXED1).text("Series");
        rows.stream().sorted(Comparator.comparing((ResultObservation o) -> c.names.name(o.refArea()))
                        .thenComparing(o -> Objects.toString(o.drug(), "")).thenComparing(o -> Objects.toString(o.sex(), ""))
                        .thenComparing(o -> Objects.toString(o.timePeriod(), "")))
                .forEach(o -> t.row(c.names.name(o.refArea()), o.drug(), o.sex(), o.timePeriod(), o.value(),
                        o.notes()));
        return s.add(c.assets.table(t.maxDisplayRows(80))).build();
    }

    /** The World Drug Report edition a figure comes from ("World Drug Report 2023" → 2023), else its id. */
    static String edition(Headline h) {
        String text = (h.upstreamSource() == null ? "" : h.upstreamSource()) + " " + h.title();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:World Drug Report|WDR) ?(\\d{4})")
                .matcher(text);
        return m.find() ? m.group(1) : h.id();
    }

    static Section editions(PageContext c) {
        Section.Builder s = Section.builder("editions", "Global figures by edition");
        List<Headline> global = c.headlines.stream()
                .filter(h -> h.id().startsWith("treatment_one_in_n") || h.id().startsWith("treatment_coverage"))
                .sorted(Comparator.comparing(TreatmentRates::edition).thenComparing(Headline::id)).toList();
        if (global.isEmpty()) {
            return s.add(Note.empty("a global treatment figure", "The catalog holds no global 3.5.1 figure.")).build();
        }
        s.text("The World Drug Report's global figure for people with drug use disorders in treatment comes from a "
                + "model that changes between editions (the countries with data, the estimate of people with "
                + "disorders, the definition of treatment). Each edition is shown on its own row: the figures are "
                + "not a time series, and the change from one to the next is not a trend.");
        TableBuilder t = TableBuilder.of("treatment-editions", "Global treatment figures, one row per edition")
                .text("Figure").column("1 in N", Kind.INTEGER).column("Coverage implied (%)", Kind.FIXED1)
                .text("Reference year").text("Edition / upstream source").text("Method").text("Cited in")
                .text("Where");
        for (Headline h : global) {
            boolean oneIn = "one-in-n".equals(h.unit());
            t.row(h.title(), oneIn ? h.value() : null, oneIn ? 100 / h.value() : h.value(),
                    h.year() == null || h.year().isBlank() ? "not stated" : h.year(),
                    h.upstreamSource() == null || h.upstreamSource().isBlank() ? h.sourceDocument() : h.upstreamSource(),
                    "people with drug use disorders in treatment \u00f7 people with drug use disorders, both the "
                            + "edition's own global estimates (countries with data, modelled for the others); "
                            + "rounded to 1 in N",
                    h.sourceDocument(), h.sourceLocator());
        }
        return s.add(c.assets.table(t)).build();
    }
}
