package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.drugstats.reports.chart.ChartText;
import org.drugstats.reports.chart.LorenzChart;
import org.drugstats.reports.chart.TimeSeriesBandChart;
import org.drugstats.reports.format.Numbers;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.InequalitySummary;
import org.drugstats.reports.model.LorenzRow;
import org.drugstats.reports.model.ResultObservation;

/**
 * The Medicines page's sections on consumption over time (INCB Table XII, 1989–2013): opioid consumption in mg of
 * oral morphine equivalent per capita for the world and the UNODC regions, the latest year's Lorenz curve on these
 * unrounded data, and a comparison of the three concentration measures (this one, the 2015–2017 file's, and the
 * seed documents' 84% / 7.5%) with what differs between them.
 */
final class MedicinesOverTime {

    static final String INDICATOR = "opioid_consumption_me_per_capita";
    /** The seed documents' statement: 84% of the world population accounts for 7.5% of consumption. */
    static final double SEED_POPULATION = 0.84;
    static final double SEED_CONSUMPTION = 0.075;

    private MedicinesOverTime() {
    }

    static List<Section> sections(PageContext c) {
        return List.of(overTime(c), comparison(c));
    }

    private static Section overTime(PageContext c) {
        Section.Builder s = Section.builder("over-time", "Opioid consumption over time, 1989\u20132013 (morphine "
                + "equivalent)");
        List<ResultObservation> rows = Select.where(c.run.indicators(), o -> INDICATOR.equals(o.indicator()));
        if (rows.isEmpty()) {
            return s.add(Note.empty("consumption over time", "The run wrote no " + INDICATOR + " (the INCB Table XII "
                    + "extract is not among the inputs).")).build();
        }
        s.text("Consumption of morphine, fentanyl, oxycodone, pethidine, hydrocodone and codeine as reported to the "
                + "INCB (technical reports, Table XII), converted to milligrams of oral morphine equivalent with "
                + "published equianalgesic factors (morphine 1, fentanyl 83.3, oxycodone 1.33, pethidine 0.133: Pain "
                + "& Policy Studies Group, Gilson et al. 2013; hydrocodone 1, codeine 0.15: CDC 2016) and divided by "
                + "the UN WPP 2017 population of the year. A country-year without any report is left out, not "
                + "counted as zero; regional and world values are the reporting countries' total over their "
                + "population.");
        List<TimeSeriesBandChart.Series> series = new ArrayList<>();
        List<String> areas = new ArrayList<>(List.of("WLD"));
        rows.stream().map(ResultObservation::refArea).filter(a -> a.matches("UNODC_[A-Z]+")).distinct().sorted()
                .forEach(areas::add);
        for (String area : areas) {
            List<ResultObservation> one = rows.stream().filter(o -> area.equals(o.refArea()))
                    .sorted(Comparator.comparingDouble(ResultObservation::year)).toList();
            List<TimeSeriesBandChart.Point> pts = SupplyPage.points(one);
            if (!pts.isEmpty()) {
                series.add(new TimeSeriesBandChart.Series(c.names.name(area), pts));
            }
        }
        List<ResultObservation> shown = Select.where(rows, o -> areas.contains(o.refArea()));
        ChartText text = ChartText.of("Opioid consumption, mg morphine equivalent per capita, 1989\u20132013",
                "World and UNODC regions; reporting countries only", "Year", "mg morphine equivalent per capita",
                c.sources.of(shown, true)).withSubject("opioid consumption per capita by region");
        s.add(c.assets.chart("me-over-time", TimeSeriesBandChart.build(c.theme(), text, series),
                "Data: INCB Table XII (1989\u20132013), UN WPP 2017; unit mg oral morphine equivalent per person per "
                        + "year."));
        TableBuilder t = TableBuilder.of("me-by-area-year", "Opioid consumption, mg morphine equivalent per capita")
                .text("Area").text("Code").column("Year", Kind.TEXT).column("mg ME per capita", Kind.NUMBER)
                .text("Notes");
        rows.stream().sorted(Comparator.comparingInt((ResultObservation o) -> Select.areaRank(o.refArea()))
                        .thenComparing(ResultObservation::refArea).thenComparing(ResultObservation::timePeriod))
                .forEach(o -> t.row(c.names.name(o.refArea()), o.refArea(), o.timePeriod(), o.value(), o.notes()));
        s.add(c.assets.table(t.maxDisplayRows(75)));
        return s.build();
    }

    private static Section comparison(PageContext c) {
        Section.Builder s = Section.builder("measures", "How concentrated: three measures side by side");
        InequalitySummary me = c.run.inequalityMe().orElse(null);
        InequalitySummary file = c.run.inequality().orElse(null);
        List<LorenzRow> rows = c.run.lorenzMe();
        if (me != null && !rows.isEmpty()) {
            List<LorenzRow> sorted = rows.stream().sorted(Comparator.comparingDouble(LorenzRow::cumPopulationShare))
                    .toList();
            double[] f = new double[sorted.size() + 1];
            double[] l = new double[sorted.size() + 1];
            for (int i = 0; i < sorted.size(); i++) {
                f[i + 1] = sorted.get(i).cumPopulationShare();
                l[i + 1] = sorted.get(i).cumConsumptionShare();
            }
            double y84 = share(me.consumptionShareOfBottom(), SEED_POPULATION);
            ChartText text = ChartText.of("Distribution of morphine-equivalent consumption, " + year(me),
                    "Countries ranked by mg ME per capita; Gini " + Numbers.fixed(me.gini(), 3) + "; " + sorted.size()
                            + " reporting countries", "Cumulative share of population",
                    "Cumulative share of consumption", c.sources.of(Select.where(c.run.indicators(),
                            o -> INDICATOR.equals(o.indicator())), true))
                    .withSubject("morphine-equivalent consumption");
            s.add(c.assets.chart("lorenz-me", LorenzChart.build(c.theme(), text, new LorenzChart.Data(f, l, me.gini(),
                    SEED_POPULATION, y84)), "Unit: kg oral morphine equivalent; INCB Table XII, WPP 2017 population."));
        }
        TableBuilder t = TableBuilder.of("concentration-measures", "Concentration of opioid consumption by measure")
                .text("Measure").text("Years").text("Countries").column("Gini", Kind.FIXED3)
                .column("Bottom 84% of population: share of consumption (%)", Kind.FIXED2)
                .column("Population holding the bottom 7.5% of consumption (%)", Kind.FIXED1).text("What it counts");
        if (me != null) {
            t.row("mg morphine equivalent per capita, six opioids (this run)", year(me),
                    Integer.toString(c.run.lorenzMe().size()), me.gini(),
                    100 * share(me.consumptionShareOfBottom(), SEED_POPULATION),
                    100 * share(me.populationShareOfBottom(), SEED_CONSUMPTION),
                    "kg of six opioids weighted by analgesic potency; unrounded; reporting countries only");
        }
        if (file != null) {
            t.row("kg of opioids per 100,000 (Richards et al. 2021 file, this run)", "2015\u20132017 mean",
                    Integer.toString(c.run.lorenz().size()), file.gini(),
                    100 * share(file.consumptionShareOfBottom(), SEED_POPULATION),
                    100 * share(file.populationShareOfBottom(), SEED_CONSUMPTION),
                    "kg of all controlled opioids, unweighted (a kg of codeine counts as a kg of fentanyl); rounded "
                            + "to whole kg per 100,000, so most countries read 0");
        }
        t.row("Seed statement (WDR 2023, via the Roundtable document)", "not stated", "not stated", null, 7.5, 84.0,
                "\"84% of the world population accounts for 7.5% of global consumption\" of controlled medicines; "
                        + "measure not published with it");
        s.text("The three numbers answer the same question on different measures. A kilogram total weighs a "
                + "kilogram of codeine (a weak opioid, also a cough medicine) like a kilogram of fentanyl (83.3 / 0.15, about "
                + "555 times as potent by the factors used here); morphine equivalents weigh each drug by its analgesic potency. The 2015\u20132017 "
                + "file is rounded to whole kg per 100,000, which sets most low-consumption countries to zero and "
                + "pushes the bottom of the curve down. The years differ (2013 against 2015\u20132017), and "
                + "countries that report nothing are left out of the curve, which understates the concentration "
                + "when they are the low consumers. The seed figure's measure and year are not published with it.");
        if (me == null && file == null) {
            s.add(Note.empty("a Lorenz curve", "The run wrote neither results/inequality_me.json nor "
                    + "results/inequality.json."));
        }
        return s.add(c.assets.table(t)).build();
    }

    private static String year(InequalitySummary s) {
        String m = s.measure() == null ? "" : s.measure();
        java.util.regex.Matcher y = java.util.regex.Pattern.compile("(19|20)\\d\\d").matcher(m);
        return y.find() ? y.group() : "latest year";
    }

    /** The reading at a share, or NaN when the run did not ask for it. */
    private static double share(Map<Double, Double> readings, double at) {
        for (Map.Entry<Double, Double> e : readings.entrySet()) {
            if (Math.abs(e.getKey() - at) < 1e-9) {
                return e.getValue();
            }
        }
        return Double.NaN;
    }
}
