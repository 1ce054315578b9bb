package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drugstats.reports.chart.ChartText;
import org.drugstats.reports.chart.LorenzChart;
import org.drugstats.reports.chart.RankedDotChart;
import org.drugstats.reports.format.Numbers;
import org.drugstats.reports.html.Facts;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Page;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.InequalitySummary;
import org.drugstats.reports.model.LorenzRow;

/**
 * Controlled medicines: the Lorenz curve of consumption with the line of equality and the "X% of the
 * population / Y% of consumption" reading marked, the Gini coefficient, and countries ranked by consumption
 * per capita with their adequacy category.
 */
final class MedicinesPage {

    static final String FILE = "medicines.html";
    /** The reading of the seed documents: 84% of the world population, 7.5% of consumption. */
    static final double SEED_POPULATION_SHARE = 0.84;
    static final List<String> ADEQUACY_ORDER = List.of("adequate", "moderate", "low", "very low", "virtually none");

    private MedicinesPage() {
    }

    static Page build(PageContext c) {
        List<Section> sections = new ArrayList<>();
        List<LorenzRow> rows = c.run.lorenz();
        InequalitySummary sum = c.run.inequality().orElse(null);
        sections.add(lorenz(c, rows, sum));
        sections.add(countries(c, rows, sum));
        sections.add(adequacy(c, rows));
        sections.addAll(MedicinesOverTime.sections(c));
        return new Page(FILE, "Controlled medicines", "Medicines",
                "How unequally the consumption of controlled medicines (opioid analgesics) is spread across the "
                        + "world's population, and where each country stands against the need for pain relief.",
                sections);
    }

    /** The marked reading: the seed's 84% when the run gives it, else the first reading the run gives. */
    static double[] mark(InequalitySummary sum) {
        if (sum == null || sum.consumptionShareOfBottom().isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        for (Map.Entry<Double, Double> e : sum.consumptionShareOfBottom().entrySet()) {
            if (Math.abs(e.getKey() - SEED_POPULATION_SHARE) < 1e-9) {
                return new double[] {e.getKey(), e.getValue()};
            }
        }
        Map.Entry<Double, Double> e = new java.util.TreeMap<>(sum.consumptionShareOfBottom()).firstEntry();
        return new double[] {e.getKey(), e.getValue()};
    }

    /**
     * The origins of the observations the curve is computed from (consumption and total population); the origins
     * the inequality result carries when the observations hold none.
     */
    private static String source(PageContext c) {
        List<org.drugstats.reports.model.ResultObservation> inputs = Select.where(c.run.observations(),
                o -> Concept.CONSUMPTION.matches(o.indicator()) && !o.indicator().endsWith("_decile")
                        && !o.indicator().equals("opioid_consumption_quantity"));
        if (!inputs.isEmpty()) {
            return c.sources.of(inputs, true);
        }
        return c.sources.ofIds(c.run.originsOf(org.drugstats.reports.model.RunResults.INEQUALITY).stream()
                .map(org.drugstats.core.data.Origin::id).toList(), true);
    }

    private static Section lorenz(PageContext c, List<LorenzRow> rows, InequalitySummary sum) {
        Section.Builder s = Section.builder("lorenz", "Lorenz curve and Gini coefficient");
        if (rows.isEmpty()) {
            return s.add(Note.empty("the distribution of consumption",
                    "The run wrote no Lorenz points (results/inequality).")).build();
        }
        List<LorenzRow> sorted = rows.stream().sorted(Comparator.comparingDouble(LorenzRow::cumPopulationShare)).toList();
        double[] f = new double[sorted.size() + 1];
        double[] l = new double[sorted.size() + 1];
        for (int i = 0; i < sorted.size(); i++) {
            f[i + 1] = sorted.get(i).cumPopulationShare();
            l[i + 1] = sorted.get(i).cumConsumptionShare();
        }
        double gini = sum == null ? Double.NaN : sum.gini();
        double[] mark = mark(sum);
        String ranking = sum != null && sum.ranking() != null ? sum.ranking() : sorted.get(0).ranking();
        ChartText text = ChartText.of("Distribution of consumption across the world's population",
                "Ranking: " + (ranking == null ? "consumption per capita, ascending" : ranking) + "; Gini "
                        + Numbers.fixed(gini, 3) + "; " + sorted.size() + " countries",
                "Cumulative share of population", "Cumulative share of consumption", source(c))
                .withSubject(sum != null && sum.measure() != null ? sum.measure() : "consumption");
        s.add(c.assets.chart("lorenz", LorenzChart.build(c.theme(), text, new LorenzChart.Data(f, l, gini, mark[0],
                mark[1])), "The further the curve lies below the diagonal, the more unequal the distribution."));
        List<Facts.Fact> facts = new ArrayList<>();
        facts.add(new Facts.Fact("Gini coefficient", Numbers.fixed(gini, 3)
                + " (0 = the same consumption per person everywhere; near 1 = consumption concentrated in a small share "
                + "of the population)"));
        facts.add(new Facts.Fact("Countries", Integer.toString(rows.size())));
        facts.add(new Facts.Fact("Ranking", ranking == null ? "" : ranking));
        if (sum != null && sum.measure() != null) {
            facts.add(new Facts.Fact("Measure", sum.measure()));
        }
        if (sum != null && sum.reading() != null) {
            facts.add(new Facts.Fact("Reading of shares", sum.reading()));
        }
        if (sum != null && Double.isFinite(sum.benchmarkMgPerCapita())) {
            facts.add(new Facts.Fact("Adequacy benchmark", Numbers.number(sum.benchmarkMgPerCapita())
                    + " mg per capita"));
        }
        if (Double.isFinite(mark[0])) {
            facts.add(new Facts.Fact("Marked point", Numbers.percent(100 * mark[0]) + " of the population accounts for "
                    + Numbers.percent(100 * mark[1]) + " of consumption"));
        }
        s.add(new Facts(facts));
        if (sum != null && (!sum.consumptionShareOfBottom().isEmpty() || !sum.populationShareOfBottom().isEmpty())) {
            TableBuilder t = TableBuilder.of("lorenz-readings", "Readings of the Lorenz curve")
                    .text("Reading").column("Population share (%)", Kind.FIXED1)
                    .column("Consumption share (%)", Kind.FIXED2);
            sum.consumptionShareOfBottom().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> t.row("consumption of the bottom " + Numbers.percent(100 * e.getKey())
                            + " of the population", 100 * e.getKey(), 100 * e.getValue()));
            sum.populationShareOfBottom().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> t.row("population holding the bottom " + Numbers.percent(100 * e.getKey())
                            + " of consumption", 100 * e.getValue(), 100 * e.getKey()));
            s.add(c.assets.table(t));
        }
        return s.build();
    }

    private static Section countries(PageContext c, List<LorenzRow> rows, InequalitySummary sum) {
        Section.Builder s = Section.builder("countries", "Countries by consumption per capita");
        if (rows.isEmpty()) {
            return s.add(Note.empty("consumption by country", null)).build();
        }
        PerCapita unit = PerCapita.of(sum);
        List<RankedDotChart.Dot> dots = new ArrayList<>();
        for (LorenzRow r : rows) {
            if (Double.isFinite(r.perCapita())) {
                dots.add(new RankedDotChart.Dot(name(c, r), unit.factor() * r.perCapita(), Double.NaN, Double.NaN,
                        adequacy(r.adequacy())));
            }
        }
        long zeros = dots.stream().filter(d -> d.value() <= 0).count();
        List<String> order = new ArrayList<>(ADEQUACY_ORDER);
        order.add("no category");
        boolean categories = dots.stream().anyMatch(d -> !d.group().equals("no category"));
        ChartText text = ChartText.of("Consumption per capita by country", "Logarithmic scale"
                + (categories ? "; colour: adequacy of consumption" : "; no adequacy benchmark in this run")
                + (zeros > 0 ? "; " + zeros + (zeros == 1 ? " country" : " countries")
                        + " with zero consumption in the table only" : ""), "Country",
                Labels.capitalise(unit.label()), source(c))
                .withSubject("consumption per capita by country");
        if (dots.stream().anyMatch(d -> d.value() > 0)) {
            s.add(c.assets.chart("consumption-per-capita", RankedDotChart.build(c.theme(), text, dots, order,
                    RankedDotChart.Scale.LOG), "Ranked from highest to lowest."));
        }
        TableBuilder t = TableBuilder.of("consumption-by-country", "Consumption by country, ranked as on the curve")
                .text("Country").text("ISO3").column("Population", Kind.INTEGER).column("Consumption", Kind.NUMBER)
                .column(Labels.capitalise(unit.label()), Kind.NUMBER).column("Cumulative population (%)", Kind.FIXED1)
                .column("Cumulative consumption (%)", Kind.FIXED2).text("Adequacy");
        rows.stream().sorted(Comparator.comparingDouble(LorenzRow::cumPopulationShare))
                .forEach(r -> t.row(name(c, r), r.area(), r.population(), r.consumption(), unit.factor() * r.perCapita(),
                        100 * r.cumPopulationShare(), 100 * r.cumConsumptionShare(), adequacy(r.adequacy())));
        s.add(c.assets.table(t.maxDisplayRows(250)));
        return s.build();
    }

    /** "very low" for VERY_LOW, very-low or very low; "no category" when absent. */
    static String adequacy(String category) {
        if (category == null || category.isBlank()) {
            return "no category";
        }
        return category.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    }

    /**
     * How per-capita consumption is shown: amounts in kg or g per person are shown in mg per capita (the unit of
     * the adequacy benchmark); otherwise as given, "per capita" in the amount's unit.
     */
    record PerCapita(double factor, String label) {
        static PerCapita of(InequalitySummary sum) {
            String u = sum == null ? "" : sum.massUnit();
            return switch (u) {
                case "kg" -> new PerCapita(1e6, "mg per capita");
                case "g" -> new PerCapita(1e3, "mg per capita");
                case "mg" -> new PerCapita(1, "mg per capita");
                case "t", "tonnes" -> new PerCapita(1e9, "mg per capita");
                default -> new PerCapita(1, "consumption per capita");
            };
        }
    }

    private static String name(PageContext c, LorenzRow r) {
        String n = c.names.name(r.area());
        return n.equals(r.area()) && r.areaName() != null ? r.areaName() : n;
    }

    private static Section adequacy(PageContext c, List<LorenzRow> rows) {
        Section.Builder s = Section.builder("adequacy", "Adequacy of consumption");
        if (rows.isEmpty() || rows.stream().allMatch(r -> r.adequacy() == null)) {
            return s.add(Note.empty("adequacy categories",
                    "The run's Lorenz points carry no adequacy category.")).build();
        }
        s.text("The WHO adequacy of consumption measure compares a country's consumption per capita with a need "
                + "benchmark (the morbidity-corrected consumption of the 20 countries with the highest Human "
                + "Development Index) and places it in a category from adequate to virtually none.");
        double total = rows.stream().mapToDouble(LorenzRow::population).filter(Double::isFinite).sum();
        Map<String, double[]> byCat = new LinkedHashMap<>();
        for (String cat : ADEQUACY_ORDER) {
            byCat.put(cat, new double[3]);
        }
        for (LorenzRow r : rows) {
            String cat = adequacy(r.adequacy());
            double[] acc = byCat.computeIfAbsent(cat, k -> new double[3]);
            acc[0]++;
            acc[1] += Double.isFinite(r.population()) ? r.population() : 0;
            acc[2] += Double.isFinite(r.consumption()) ? r.consumption() : 0;
        }
        double totalConsumption = rows.stream().mapToDouble(LorenzRow::consumption).filter(Double::isFinite).sum();
        TableBuilder t = TableBuilder.of("adequacy-categories", "Countries and population by adequacy category")
                .text("Category").column("Countries", Kind.INTEGER).column("Population", Kind.INTEGER)
                .column("Share of population (%)", Kind.FIXED1).column("Share of consumption (%)", Kind.FIXED1);
        byCat.forEach((cat, acc) -> {
            if (acc[0] > 0) {
                t.row(cat, acc[0], acc[1], total > 0 ? 100 * acc[1] / total : Double.NaN,
                        totalConsumption > 0 ? 100 * acc[2] / totalConsumption : Double.NaN);
            }
        });
        return s.add(c.assets.table(t)).build();
    }
}
