package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.drugstats.core.geo.Geography;
import org.drugstats.reports.chart.BuiltChart;
import org.drugstats.reports.chart.ChartText;
import org.drugstats.reports.chart.WorldMapChart;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Page;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.ResultObservation;

/**
 * World maps of the indicators that the field reads on maps (issue 15): annual prevalence by country in the latest
 * survey year, opioid consumption per capita, coca bush cultivation and cocaine seizures, treatment where SDG 3.5.1
 * data exist. Each map has the table of its values (a CSV), a source line, and the United Nations disclaimer.
 */
final class MapsPage {

    static final String FILE = "maps.html";

    private MapsPage() {
    }

    /** One map: what to select, how to name it. */
    private record MapSpec(String id, String title, String subject, String unit, String legendUnit,
            List<ResultObservation> rows, Predicate<ResultObservation> select, String page) {
    }

    static Page build(PageContext c) {
        Geography g = Geography.fromResources();
        List<Section> sections = new ArrayList<>();
        Section.Builder use = Section.builder("drug-use", "Drug use: annual prevalence, latest survey year")
                .text("Each country's most recent annual prevalence estimate among the general population (both"
                        + " sexes), in the year and the age range of its survey (mostly 15–64; the table says which)."
                        + " Countries without a survey are \"No data\", never zero.");
        for (String[] d : new String[][] {{"cannabis", "Cannabis"}, {"cocaine", "Cocaine"},
            {"amphetamines", "Amphetamines"}, {"opioids", "Opioids"}}) {
            addMap(c, g, use, new MapSpec("map-prevalence-" + d[0], d[1] + ": annual prevalence, latest survey year",
                    "annual prevalence of " + d[0] + " use by country", "percent", "%", c.run.observations(),
                    o -> o.indicator().equals("prevalence_annual") && d[0].equals(o.drug()) && o.totalSex(),
                    DrugUsePage.FILE));
        }
        sections.add(use.build());
        Section.Builder med = Section.builder("medicines", "Controlled medicines");
        addMap(c, g, med, new MapSpec("map-opioid-consumption", "Opioid consumption for medical use, per capita",
                "opioid consumption per capita by country", "mg-per-capita", "mg", c.run.indicators(),
                o -> o.indicator().equals("opioid_consumption_per_capita"), MedicinesPage.FILE));
        sections.add(med.build());
        Section.Builder supply = Section.builder("supply", "Supply: cultivation and seizures");
        addMap(c, g, supply, new MapSpec("map-coca-cultivation", "Coca bush cultivation, latest year",
                "coca bush cultivation by country", "hectares", "ha", c.run.observations(),
                o -> o.indicator().equals("cultivation_area_coca"), SupplyPage.FILE));
        addMap(c, g, supply, new MapSpec("map-cocaine-seizures", "Cocaine seizures, latest year",
                "cocaine seizures by country", "kg", "kg", c.run.indicators(),
                o -> o.indicator().equals("seizures_total") && "cocaine".equals(o.drug()), SupplyPage.FILE));
        sections.add(supply.build());
        Section.Builder treat = Section.builder("treatment", "Treatment (SDG 3.5.1)");
        addMap(c, g, treat, new MapSpec("map-treatment-coverage", "Treatment coverage for substance use disorders,"
                + " latest year", "treatment coverage by country", "percent", "%", c.run.indicators(),
                o -> o.indicator().equals("treatment_coverage") && o.totalSex(), TreatmentPage.FILE));
        sections.add(treat.build());
        return new Page(FILE, "Maps", "Maps", "Where the data are: prevalence, medicines, cultivation, seizures and"
                + " treatment by country, each in its latest year, with \"No data\" shown apart from zero.",
                sections);
    }

    private static void addMap(PageContext c, Geography g, Section.Builder s, MapSpec m) {
        Map<String, ResultObservation> latest = latestByCountry(m.rows(), m.select());
        if (latest.isEmpty()) {
            s.add(Note.empty(m.subject(), "The run's results hold no country value of it."));
            return;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        latest.forEach((k, o) -> values.put(k, o.scaledValue()));
        int first = (int) latest.values().stream().mapToDouble(ResultObservation::year).min().orElse(0);
        int last = (int) latest.values().stream().mapToDouble(ResultObservation::year).max().orElse(0);
        String years = first == last ? String.valueOf(first) : first + "–" + last;
        String source = c.sources.of(latest.values(), m.rows() != c.run.observations());
        ChartText text = ChartText.of(m.title(), String.format(Locale.ROOT, "%d countries with data; year %s",
                values.size(), years), "", m.legendUnit(), source).withSubject(m.subject());
        BuiltChart chart = WorldMapChart.build(c.theme(), text, values, m.legendUnit(), values.size() >= 10 ? 5 : 3,
                g);
        s.add(c.assets.chart(m.id(), chart, m.title()));
        TableBuilder t = TableBuilder.of(m.id() + "-values", m.title() + ": the values mapped").text("Country")
                .column("Year", Kind.TEXT).text("Age").column("Value", Kind.NUMBER).text("Unit").text("Source")
                .column("More", Kind.LINK);
        latest.values().stream().sorted(Comparator.comparingDouble(ResultObservation::scaledValue).reversed())
                .forEach(o -> t.row(c.names.name(o.refArea()), o.timePeriod(), o.age(), o.scaledValue(), m.unit(),
                        o.source(), m.page()));
        s.add(c.assets.table(t.maxDisplayRows(10)));
    }

    /** Each country's row of the latest year (ties: the first in the results' order). */
    static Map<String, ResultObservation> latestByCountry(List<ResultObservation> rows,
            Predicate<ResultObservation> select) {
        Map<String, ResultObservation> out = new TreeMap<>();
        for (ResultObservation o : rows) {
            if (!select.test(o) || !o.hasValue() || !o.refArea().matches("[A-Z]{3}") || o.refArea().equals("WLD")
                    || Double.isNaN(o.year())) {
                continue;
            }
            ResultObservation prev = out.get(o.refArea());
            if (prev == null || o.year() > prev.year()
                    || (o.year() == prev.year() && "15-64".equals(o.age()) && !"15-64".equals(prev.age()))) {
                out.put(o.refArea(), o);
            }
        }
        return out;
    }
}
