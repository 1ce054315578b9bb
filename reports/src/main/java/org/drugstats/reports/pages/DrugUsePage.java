package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.drugstats.reports.chart.ChartText;
import org.drugstats.reports.chart.GroupedIntervalBarChart;
import org.drugstats.reports.chart.RankedDotChart;
import org.drugstats.reports.format.Numbers;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Page;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.ResultObservation;

/**
 * Drug use: annual prevalence by drug and region (with low–high ranges and coverage), people who use drugs
 * (prevalence × population 15–64), and country values per drug with the survey year and age base of each.
 */
final class DrugUsePage {

    static final String FILE = "drug-use.html";
    static final String STANDARD_AGE = "15-64";
    private static final int MAX_CHART_COUNTRIES = 50;
    /** Drugs reported by fewer countries share one table instead of a section each. */
    static final int MIN_COUNTRIES_FOR_SECTION = 10;

    private DrugUsePage() {
    }

    static Page build(PageContext c) {
        List<Section> sections = new ArrayList<>(EstimatesSections.build(c));
        sections.addAll(YouthSection.build(c));
        sections.add(regions(c));
        sections.add(peopleWhoUse(c));
        List<ResultObservation> countries = Select.where(c.run.observations(),
                o -> Concept.PREVALENCE.matches(o.indicator()) && o.totalSex() && Select.isCountry(o));
        if (countries.isEmpty()) {
            sections.add(Section.builder("countries", "Country values")
                    .add(Note.empty("national prevalence of drug use",
                            "The run's observations hold no prevalence rows for countries."))
                    .build());
        } else {
            List<ResultObservation> minor = new ArrayList<>();
            for (String drug : Select.drugs(countries)) {
                List<ResultObservation> rows = Select.where(countries, o -> Select.drugKey(o).equals(drug));
                if (rows.stream().map(ResultObservation::refArea).distinct().count() >= MIN_COUNTRIES_FOR_SECTION) {
                    sections.add(countrySection(c, drug, rows));
                } else {
                    minor.addAll(rows);
                }
            }
            if (!minor.isEmpty()) {
                sections.add(otherSubstances(c, minor));
            }
        }
        return new Page(FILE, "Drug use", "Drug use",
                "How many people used drugs in the past year, by drug and region, and what each country reported: "
                        + "best estimates with their low\u2013high ranges, the survey year and the age range surveyed.",
                sections);
    }

    private static Section regions(PageContext c) {
        Section.Builder s = Section.builder("regions", "Prevalence by drug and region");
        List<ResultObservation> agg = Select.where(c.run.aggregates(),
                o -> Concept.PREVALENCE.matches(o.indicator()) && o.totalSex());
        if (agg.isEmpty()) {
            return s.add(Note.empty("regional or global prevalence",
                    "The run wrote no prevalence aggregates (results/aggregates).")).build();
        }
        s.text("The plain aggregates of results/aggregates, kept for comparison: a country counts only within "
                + "aggregate.latest_within_years of its survey (default: the survey year only), so many regions have "
                + "no value; the estimates above carry "
                + "each country's latest survey forward as the World Drug Report does.");
        s.text("Population-weighted annual prevalence among people aged 15\u201364: countries without data are "
                + "imputed from their sub-regional (else regional) average, and each value states the share of the "
                + "population covered by countries with data. Whiskers show the low\u2013high range.");
        List<ResultObservation> top = Select.where(agg, o -> Select.isWorldOrRegion(o.refArea()));
        if (top.isEmpty()) {
            top = agg;
        }
        Map<List<String>, ResultObservation> latest = Select.latest(top, o -> List.of(Select.drugKey(o), o.refArea()));
        List<ResultObservation> shown = latest.values().stream()
                .sorted(Comparator.comparing(Select::drugKey, Select.drugOrder())
                        .thenComparing(o -> "WLD".equals(o.refArea()) ? "~" : c.names.name(o.refArea())))
                .toList();
        List<GroupedIntervalBarChart.Bar> bars = new ArrayList<>();
        for (ResultObservation o : shown) {
            bars.add(new GroupedIntervalBarChart.Bar(c.names.name(o.refArea()), Labels.drug(o.drug()), o.value(),
                    o.lower(), o.upper()));
        }
        java.util.Set<String> withValue = new java.util.TreeSet<>();
        shown.forEach(o -> withValue.add(c.names.name(o.refArea())));
        java.util.Set<String> without = new java.util.TreeSet<>();
        top.stream().filter(o -> !withValue.contains(c.names.name(o.refArea())))
                .forEach(o -> without.add(c.names.name(o.refArea())));
        if (!bars.isEmpty()) {
            ChartText text = ChartText.of("Annual prevalence of drug use by drug and region",
                    "Latest year with data for each drug and region (" + Select.yearSpan(shown) + ")", "Drug",
                    "Percent of population aged 15\u201364", c.sources.of(shown, true));
            s.add(c.assets.chart("prevalence-by-region", GroupedIntervalBarChart.build(c.theme(), text, bars,
                    GroupedIntervalBarChart.Orientation.VERTICAL), "Regions and world; latest year per drug."));
        }
        if (!without.isEmpty()) {
            s.add(Note.caution(String.join(", ", without) + ": no value in any year, because the countries with data "
                    + "cover too small a share of the population (see the coverage column)."));
        }
        TableBuilder t = TableBuilder.of("prevalence-aggregates", "Prevalence aggregates (all levels and years)")
                .text("Area").text("Level").text("Drug").column("Year", Kind.TEXT).column("Best (%)", Kind.NUMBER)
                .column("Low (%)", Kind.NUMBER).column("High (%)", Kind.NUMBER)
                .column("Population coverage (%)", Kind.FIXED1).text("Countries with data").text("Status")
                .text("Notes");
        for (ResultObservation o : sortAggregates(c, agg)) {
            t.row(c.names.name(o.refArea()), Labels.level(o.level()), Labels.drug(o.drug()), o.timePeriod(),
                    o.value(), o.lower(), o.upper(), o.coverage() * 100, countOf(o), o.obsStatus(), o.notes());
        }
        s.add(c.assets.table(t.maxDisplayRows(120)));
        if (agg.stream().anyMatch(o -> !o.hasValue())) {
            s.add(Note.caution("Rows without a value lie below the minimum population coverage; the notes say why."));
        }
        return s.build();
    }

    static String countOf(ResultObservation o) {
        if (o.nWithData() == null || o.nAreas() == null) {
            return "";
        }
        return o.nWithData() + " of " + o.nAreas();
    }

    /**
     * Drug; rows with a value before withheld ones; then the world, UNODC regions, their sub-regions, other
     * aggregates and countries; then latest first.
     */
    static List<ResultObservation> sortAggregates(PageContext c, List<ResultObservation> rows) {
        return rows.stream().sorted(Comparator.comparing(Select::drugKey, Select.drugOrder())
                .thenComparing(o -> !o.hasValue())
                .thenComparingInt(o -> Select.areaRank(o.refArea()))
                .thenComparing(o -> c.names.name(o.refArea()))
                .thenComparing(o -> o.timePeriod() == null ? "" : o.timePeriod(), Comparator.reverseOrder())).toList();
    }

    private static Section peopleWhoUse(PageContext c) {
        Section.Builder s = Section.builder("people-who-use", "People who use drugs");
        List<ResultObservation> rows = Select.where(c.run.indicators(),
                o -> Concept.PEOPLE_WHO_USE.matches(o.indicator()) && o.totalSex());
        if (rows.isEmpty()) {
            return s.add(Note.empty("people who use drugs",
                    "The run derived no counts of people who use drugs (results/indicators).")).build();
        }
        s.text("Number of people aged 15\u201364 who used the drug in the past year = annual prevalence \u00d7 "
                + "population aged 15\u201364 of the same year. Ranges come from the prevalence ranges.");
        List<ResultObservation> top = Select.where(rows, o -> Select.isWorldOrRegion(o.refArea()));
        Map<List<String>, ResultObservation> latest = Select.latest(top, o -> List.of(Select.drugKey(o), o.refArea()));
        if (!latest.isEmpty()) {
            List<GroupedIntervalBarChart.Bar> bars = new ArrayList<>();
            List<ResultObservation> shown = latest.values().stream()
                    .sorted(Comparator.comparing(Select::drugKey, Select.drugOrder())
                            .thenComparing(o -> "WLD".equals(o.refArea()) ? "~" : c.names.name(o.refArea())))
                    .toList();
            for (ResultObservation o : shown) {
                bars.add(new GroupedIntervalBarChart.Bar(c.names.name(o.refArea()), Labels.drug(o.drug()),
                        o.scaledValue() / 1e6, o.scaledLower() / 1e6, o.scaledUpper() / 1e6));
            }
            ChartText text = ChartText.of("People who used drugs in the past year, by drug and region",
                    "Latest year per drug and region (" + Select.yearSpan(shown) + ")", "Drug",
                    "Million people aged 15\u201364", c.sources.of(shown, true));
            s.add(c.assets.chart("people-who-use-by-region", GroupedIntervalBarChart.build(c.theme(), text, bars,
                    GroupedIntervalBarChart.Orientation.VERTICAL), "Prevalence \u00d7 population aged 15\u201364."));
        }
        TableBuilder t = TableBuilder.of("people-who-use-drugs", "People who use drugs")
                .text("Area").text("Drug").column("Year", Kind.TEXT).column("People", Kind.NUMBER)
                .column("Low", Kind.NUMBER).column("High", Kind.NUMBER).text("Method").text("Inputs");
        for (ResultObservation o : sortAggregates(c, rows)) {
            t.row(c.names.name(o.refArea()), Labels.drug(o.drug()), o.timePeriod(), o.scaledValue(), o.scaledLower(),
                    o.scaledUpper(), o.method(), o.inputs());
        }
        s.add(c.assets.table(t.maxDisplayRows(200)));
        return s.build();
    }

    private static Section otherSubstances(PageContext c, List<ResultObservation> rows) {
        Section.Builder s = Section.builder("countries-other", "Other substances: country values");
        s.text(String.format(java.util.Locale.ROOT, "Substances reported by fewer than %d countries: %d substances, "
                + "%d rows. Values are not comparable across substances or surveys without their age range and "
                + "method.", MIN_COUNTRIES_FOR_SECTION, Select.drugs(rows).size(), rows.size()));
        TableBuilder t = TableBuilder.of("prevalence-other-substances", "Other substances: annual prevalence by country")
                .text("Substance").text("Country").text("ISO3").column("Survey year", Kind.TEXT).text("Age surveyed")
                .column("Best (%)", Kind.NUMBER).column("Low (%)", Kind.NUMBER).column("High (%)", Kind.NUMBER)
                .text("Source").text("Method").text("Notes");
        rows.stream().sorted(Comparator.comparing(Select::drugKey, Select.drugOrder())
                .thenComparing((ResultObservation o) -> c.names.name(o.refArea()))
                .thenComparing(o -> o.timePeriod() == null ? "" : o.timePeriod(), Comparator.reverseOrder()))
                .forEach(o -> t.row(Labels.drug(o.drug()), c.names.name(o.refArea()), o.refArea(), o.timePeriod(),
                        STANDARD_AGE.equals(o.age()) ? o.age() : o.age() + " \u2020", o.value(), o.lower(), o.upper(),
                        o.source(), o.method(), o.notes()));
        t.note("\u2020 survey age range differs from 15\u201364.");
        return s.add(c.assets.table(t)).build();
    }

    private static Section countrySection(PageContext c, String drug, List<ResultObservation> rows) {
        String label = Labels.drug(drug.isEmpty() ? null : drug);
        String slug = Labels.slug(label);
        Section.Builder s = Section.builder("countries-" + slug, label + ": country values");
        Map<String, ResultObservation> latest = Select.latest(rows, ResultObservation::refArea);
        long other = latest.values().stream().filter(o -> !STANDARD_AGE.equals(o.age())).count();
        s.text(String.format(java.util.Locale.ROOT,
                "%d countries and territories report an annual prevalence of %s use (%d rows, surveys of %s). "
                        + "%d of the latest values come from surveys of another age range than 15\u201364; the "
                        + "table gives each value's survey year, age range, source and the publisher's adjustment "
                        + "codes (a = adjusted to 15\u201364, e = converted from lifetime or monthly prevalence).",
                latest.size(), label.toLowerCase(java.util.Locale.ROOT), rows.size(), Select.yearSpan(rows), other));
        List<RankedDotChart.Dot> dots = new ArrayList<>();
        List<ResultObservation> ranked = latest.values().stream()
                .sorted(Comparator.comparingDouble(ResultObservation::value).reversed()).toList();
        for (ResultObservation o : ranked.subList(0, Math.min(MAX_CHART_COUNTRIES, ranked.size()))) {
            dots.add(new RankedDotChart.Dot(c.names.name(o.refArea()) + " (" + Numbers.year(o.year()) + ")",
                    o.value(), o.lower(), o.upper(), STANDARD_AGE.equals(o.age()) ? "surveyed aged 15\u201364"
                            : "other age range surveyed"));
        }
        String subtitle = ranked.size() > MAX_CHART_COUNTRIES
                ? "The " + MAX_CHART_COUNTRIES + " highest of " + ranked.size() + " latest values; survey year in brackets"
                : "Latest value per country; survey year in brackets";
        ChartText text = ChartText.of(label + ": annual prevalence by country", subtitle, "Country",
                "Percent of population (past-year use)", c.sources.of(rows, false))
                .withSubject("annual prevalence of " + label.toLowerCase(java.util.Locale.ROOT) + " use by country");
        s.add(c.assets.chart("prevalence-countries-" + slug, RankedDotChart.build(c.theme(), text, dots,
                List.of("surveyed aged 15\u201364", "other age range surveyed"), RankedDotChart.Scale.LINEAR),
                "Dots: best estimate; lines: low\u2013high range where published."));
        TableBuilder t = TableBuilder.of("prevalence-" + slug, label + ": annual prevalence by country")
                .text("Country").text("ISO3").column("Survey year", Kind.TEXT).text("Age surveyed")
                .column("Best (%)", Kind.NUMBER).column("Low (%)", Kind.NUMBER).column("High (%)", Kind.NUMBER)
                .text("Source").text("Method").text("Adjustment").text("Notes");
        rows.stream().sorted(Comparator.comparing((ResultObservation o) -> c.names.name(o.refArea()))
                .thenComparing(o -> o.timePeriod() == null ? "" : o.timePeriod(), Comparator.reverseOrder()))
                .forEach(o -> t.row(c.names.name(o.refArea()), o.refArea(), o.timePeriod(),
                        STANDARD_AGE.equals(o.age()) ? o.age() : o.age() + " \u2020", o.value(), o.lower(), o.upper(),
                        o.source(), o.method(), o.adjustment(), o.notes()));
        t.note("\u2020 survey age range differs from 15\u201364. Method codes: HHS household survey, SS school survey, "
                + "I indirect estimate, R registry, A adjusted.");
        s.add(c.assets.table(t));
        return s.build();
    }
}
