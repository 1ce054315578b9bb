package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.drugstats.core.data.Origin;
import org.drugstats.reports.chart.ChartText;
import org.drugstats.reports.chart.GroupedIntervalBarChart;
import org.drugstats.reports.chart.PointKind;
import org.drugstats.reports.chart.TimeSeriesBandChart;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.EstimateRow;
import org.drugstats.reports.model.RunResults;

/**
 * The lead of the drug-use page: world and regional drug use as the World Drug Report estimates it
 * ({@code results/estimates}) — the latest year's table and charts (people who use drugs with ranges, prevalence,
 * coverage), then the trend 2013–2023 with the imputed and carried countries of every value.
 */
final class EstimatesSections {
    static final String PEOPLE = "people_who_use_drugs";
    static final String PREVALENCE = "prevalence_annual";
    private static final List<String> LEVEL_ORDER = List.of("world", "unodc_region", "unodc_subregion");

    private EstimatesSections() {
    }

    static List<Section> build(PageContext c) {
        List<EstimateRow> all = c.run.estimates();
        if (all.isEmpty()) {
            return List.of(Section.builder("estimates", "World and regional drug use")
                    .add(Note.empty("world and regional estimates of drug use",
                            "The run wrote no results/estimates (an older run, or the step did not run)."))
                    .build());
        }
        return List.of(latest(c, all), trend(c, all));
    }

    private static String source(PageContext c) {
        Set<String> ids = new LinkedHashSet<>();
        for (Origin o : c.run.originsOf(RunResults.ESTIMATES)) {
            if (o.id().startsWith("unodc-annex-prevalence") || o.id().startsWith("wpp-population")) {
                ids.add(o.id());
            }
        }
        return c.sources.ofIds(ids, true);
    }

    private static Map<String, EstimateRow> index(List<EstimateRow> rows) {
        Map<String, EstimateRow> m = new TreeMap<>();
        for (EstimateRow r : rows) {
            m.put(r.indicator() + "|" + r.refArea() + "|" + r.drug() + "|" + r.year(), r);
        }
        return m;
    }

    private static List<String> drugs(List<EstimateRow> rows) {
        return rows.stream().map(EstimateRow::drug).distinct().sorted(Select.drugOrder()).toList();
    }

    /** World first, then the regions by name. */
    private static List<EstimateRow> top(List<EstimateRow> rows) {
        return rows.stream().filter(r -> r.level().equals("world") || r.level().equals("unodc_region"))
                .sorted(Comparator.comparingInt((EstimateRow r) -> LEVEL_ORDER.indexOf(r.level()))
                        .thenComparing(EstimateRow::areaName))
                .toList();
    }

    private static String millions(double v) {
        return String.format(Locale.ROOT, "%.1f", v / 1e6);
    }

    private static Section latest(PageContext c, List<EstimateRow> all) {
        int year = all.stream().mapToInt(EstimateRow::year).max().orElseThrow();
        Section.Builder s = Section.builder("estimates", "World and regional drug use, " + year);
        s.text("People aged 15\u201364 who used each drug in the past year, estimated as the World Drug Report "
                + "does: each country's latest national survey (carried forward to " + year + " when older), age "
                + "bases brought to 15\u201364, countries without a survey imputed from their sub-regional (else "
                + "regional) average with a range, and regional and world figures summed from the sub-regions. "
                + "Coverage is the share of the population aged 15\u201364 living in countries with a national "
                + "estimate; below 50% a figure is shown but is not a headline (marked \u2020). The methods page "
                + "gives every rule.");
        Map<String, EstimateRow> ix = index(all);
        List<EstimateRow> people = top(all.stream().filter(r -> r.year() == year && r.indicator().equals(PEOPLE))
                .toList());
        List<String> drugs = drugs(people);
        List<GroupedIntervalBarChart.Bar> bars = new ArrayList<>();
        List<GroupedIntervalBarChart.Bar> prevBars = new ArrayList<>();
        TableBuilder t = TableBuilder.of("estimates-latest", "World and regions, " + year + ": people who use drugs "
                + "(millions) and prevalence (%), with ranges and coverage")
                .text("Area").text("Drug").column("People (millions)", Kind.FIXED1).column("Low", Kind.FIXED1)
                .column("High", Kind.FIXED1).column("Prevalence (%)", Kind.FIXED2).column("Low (%)", Kind.FIXED2)
                .column("High (%)", Kind.FIXED2).column("Coverage (%)", Kind.FIXED1).text("Countries with data")
                .column("Imputed countries", Kind.INTEGER).column("Carried countries", Kind.INTEGER).text("Headline");
        List<String> notHeadline = new ArrayList<>();
        for (String drug : drugs) {
            for (EstimateRow p : people) {
                if (!p.drug().equals(drug)) {
                    continue;
                }
                EstimateRow q = ix.get(PREVALENCE + "|" + p.refArea() + "|" + drug + "|" + year);
                String area = p.areaName() + (p.headline() ? "" : " \u2020");
                bars.add(new GroupedIntervalBarChart.Bar(p.areaName(), Labels.drug(drug), p.value() / 1e6, p.lower() / 1e6,
                        p.upper() / 1e6));
                if (q != null) {
                    prevBars.add(new GroupedIntervalBarChart.Bar(p.areaName(), Labels.drug(drug), q.value(), q.lower(),
                            q.upper()));
                }
                t.row(area, Labels.drug(drug), p.value() / 1e6, p.lower() / 1e6, p.upper() / 1e6,
                        q == null ? Double.NaN : q.value(), q == null ? Double.NaN : q.lower(),
                        q == null ? Double.NaN : q.upper(), p.coverage() * 100, p.nWithData() + " of " + p.nAreas(),
                        (double) p.imputedCount(), (double) p.carriedCount(), p.headline() ? "yes" : "no");
                if (!p.headline()) {
                    notHeadline.add(p.areaName() + " " + drug);
                }
            }
        }
        String src = source(c);
        if (!bars.isEmpty()) {
            s.add(c.assets.chart("estimates-people-" + year, GroupedIntervalBarChart.build(c.theme(),
                    ChartText.of("People who used drugs in the past year, " + year,
                            "World and UNODC regions; whiskers: low\u2013high range; coverage in the table below", "Drug",
                            "Millions of people aged 15\u201364", src),
                    bars, GroupedIntervalBarChart.Orientation.VERTICAL),
                    "People who use drugs by drug, world and regions, " + year + "."));
        }
        s.add(c.assets.table(t));
        if (!notHeadline.isEmpty()) {
            s.add(Note.caution("\u2020 Not a headline (coverage below 50%, the figure rests mostly on imputed "
                    + "countries): " + String.join(", ", notHeadline) + "."));
        }
        if (!prevBars.isEmpty()) {
            s.add(c.assets.chart("estimates-prevalence-" + year, GroupedIntervalBarChart.build(c.theme(),
                    ChartText.of("Annual prevalence of drug use, " + year,
                            "World and UNODC regions; whiskers: low\u2013high range", "Drug",
                            "Percent of population aged 15\u201364", src),
                    prevBars, GroupedIntervalBarChart.Orientation.VERTICAL),
                    "Prevalence by drug, world and regions, " + year + "."));
        }
        List<EstimateRow> subs = all.stream().filter(r -> r.year() == year && r.indicator().equals(PEOPLE)
                && r.level().equals("unodc_subregion")).sorted(Comparator.comparing(EstimateRow::drug,
                        Select.drugOrder()).thenComparing(EstimateRow::areaName)).toList();
        TableBuilder st = TableBuilder.of("estimates-subregions", "UNODC sub-regions, " + year)
                .text("Sub-region").text("Drug").column("People (millions)", Kind.FIXED2).column("Low", Kind.FIXED2)
                .column("High", Kind.FIXED2).column("Coverage (%)", Kind.FIXED1).text("Countries with data")
                .text("Headline").text("Flags");
        for (EstimateRow r : subs) {
            String flag = r.notes() != null && r.notes().contains("rests on one small country")
                    ? r.notes().substring(r.notes().indexOf("rests on one small country")) : "";
            st.row(r.areaName(), Labels.drug(r.drug()), r.value() / 1e6, r.lower() / 1e6, r.upper() / 1e6,
                    r.coverage() * 100, r.nWithData() + " of " + r.nAreas(), r.headline() ? "yes" : "no", flag);
        }
        s.add(c.assets.table(st.maxDisplayRows(40)));
        s.add(Note.info("\"Any drug\" (the World Drug Report's 316 million in 2023) is not estimated: annex table 1.2 "
                + "has no national any-drug estimates and nothing on how many people use several drugs, so the "
                + "drugs cannot be added up."));
        return s.build();
    }

    private static Section trend(PageContext c, List<EstimateRow> all) {
        int first = all.stream().mapToInt(EstimateRow::year).min().orElseThrow();
        int last = all.stream().mapToInt(EstimateRow::year).max().orElseThrow();
        Section.Builder s = Section.builder("estimates-trend", "People who use drugs, " + first + "\u2013" + last);
        s.text("The same estimate for every year. Most countries are surveyed every few years, so a year's figure "
                + "carries each country's latest survey forward: the table counts, for every value, the countries "
                + "imputed and the countries carried from an earlier survey year (the CSV lists them). Hollow markers: "
                + "coverage below 50% (not a headline).");
        List<EstimateRow> people = top(all.stream().filter(r -> r.indicator().equals(PEOPLE)).toList());
        String src = source(c);
        for (String drug : drugs(people)) {
            Map<String, List<TimeSeriesBandChart.Point>> series = new java.util.LinkedHashMap<>();
            for (EstimateRow r : people) {
                if (r.drug().equals(drug)) {
                    series.computeIfAbsent(r.areaName(), k -> new ArrayList<>()).add(new TimeSeriesBandChart.Point(
                            r.year(), r.value() / 1e6, r.lower() / 1e6, r.upper() / 1e6,
                            r.headline() ? PointKind.OBSERVED : PointKind.IMPUTED));
                }
            }
            List<TimeSeriesBandChart.Series> list = new ArrayList<>();
            series.forEach((k, v) -> list.add(new TimeSeriesBandChart.Series(k, v)));
            s.add(c.assets.chart("estimates-trend-" + Labels.slug(drug), TimeSeriesBandChart.build(c.theme(),
                    ChartText.of(Labels.drug(drug) + ": people who used it in the past year, " + first + "\u2013" + last,
                            "World and UNODC regions; bands: low\u2013high; hollow: coverage below 50%", "Year",
                            "Millions of people aged 15\u201364", src),
                    list), Labels.drug(drug) + ", world and regions, " + first + "\u2013" + last + "."));
        }
        TableBuilder t = TableBuilder.of("estimates-trend", "World and regions by year")
                .text("Area").text("Drug").column("Year", Kind.TEXT).column("People (millions)", Kind.FIXED1)
                .column("Low", Kind.FIXED1).column("High", Kind.FIXED1).column("Coverage (%)", Kind.FIXED1)
                .column("Imputed countries", Kind.INTEGER).column("Carried countries", Kind.INTEGER).text("Headline")
                .text("Carried (country:survey year)");
        for (EstimateRow r : people.stream().sorted(Comparator.comparing(EstimateRow::drug, Select.drugOrder())
                .thenComparingInt(r -> LEVEL_ORDER.indexOf(r.level())).thenComparing(EstimateRow::areaName)
                .thenComparing(EstimateRow::year, Comparator.reverseOrder())).toList()) {
            t.row(r.areaName(), Labels.drug(r.drug()), Integer.toString(r.year()), r.value() / 1e6, r.lower() / 1e6,
                    r.upper() / 1e6, r.coverage() * 100, (double) r.imputedCount(), (double) r.carriedCount(),
                    r.headline() ? "yes" : "no", r.carriedAreas() == null ? "" : r.carriedAreas().replace(";", " "));
        }
        s.add(c.assets.table(t.maxDisplayRows(66)));
        return s.build();
    }
}
