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
import org.drugstats.reports.chart.RankedDotChart;
import org.drugstats.reports.format.Numbers;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.RunResults;
import org.drugstats.reports.model.YouthRow;

/**
 * "Young people (students)" on the drug-use page: drug use among students and youth from the World Drug Report
 * 2025 annex table 1.4 ({@code results/youth_estimates}) — the latest UNODC regional and world summaries of
 * students aged 15–16 with their coverage, a chart per drug of each country's latest past-year value, and every
 * country's latest value. Kept apart from the 15–64 estimates above it.
 */
final class YouthSection {
    static final String ANNUAL = "prevalence_youth_annual";
    static final String LIFETIME = "prevalence_youth_lifetime";
    static final String PAST_MONTH = "prevalence_youth_past_month";
    private static final List<String> PERIODS = List.of(ANNUAL, LIFETIME, PAST_MONTH);
    private static final List<String> GROUPS = List.of("students-15-16", "school-age", "young-adults", "undefined");
    private static final List<String> GROUP_LABELS = List.of("students aged 15\u201316", "other school ages",
            "youth including young adults", "age not defined");
    private static final int MAX_CHART_COUNTRIES = 40;
    private static final int MIN_CHART_COUNTRIES = 5;

    private YouthSection() {
    }

    static List<Section> build(PageContext c) {
        List<YouthRow> all = c.run.youth();
        if (all.isEmpty()) {
            return List.of(Section.builder("youth", "Young people (students)")
                    .add(Note.empty("drug use among students",
                            "The run wrote no results/youth_estimates (an older run, or no annex table 1.4 extract)."))
                    .build());
        }
        List<Section> out = new ArrayList<>();
        out.add(regions(c, all));
        out.add(countries(c, all));
        return out;
    }

    static String period(String indicator) {
        return switch (indicator) {
            case ANNUAL -> "past year";
            case LIFETIME -> "lifetime";
            case PAST_MONTH -> "past month";
            default -> indicator;
        };
    }

    static String group(String code) {
        int i = GROUPS.indexOf(code);
        return i < 0 ? String.valueOf(code) : GROUP_LABELS.get(i);
    }

    private static String source(PageContext c) {
        Set<String> ids = new LinkedHashSet<>();
        for (Origin o : c.run.originsOf(RunResults.YOUTH_ESTIMATES)) {
            if (o.id().startsWith("unodc-annex-prevalence-youth") || o.id().startsWith("wpp-population")) {
                ids.add(o.id());
            }
        }
        return c.sources.ofIds(ids, true);
    }

    private static List<String> drugs(List<YouthRow> rows) {
        return rows.stream().map(YouthRow::drug).distinct().sorted(Select.drugOrder()).toList();
    }

    private static Section regions(PageContext c, List<YouthRow> all) {
        List<YouthRow> top = all.stream().filter(r -> r.level().equals("world") || r.level().equals("unodc_region"))
                .filter(r -> !r.indicator().equals(PAST_MONTH)).toList();
        String year = top.isEmpty() ? "" : top.get(0).timePeriod();
        Section.Builder s = Section.builder("youth", "Young people (students)" + (year.isEmpty() ? "" : ", " + year));
        s.text("Drug use among students, from school and youth surveys (World Drug Report 2025, statistical annex "
                + "table 1.4). These are not the estimates for people aged 15\u201364 above and are never combined "
                + "with them: other surveys, other ages, other recall periods. Surveys of students aged 15\u201316 "
                + "(the age of the European ESPAD surveys, which the World Drug Report compares) form the comparable "
                + "group; surveys of other school ages, of youth up to 24 or of unstated ages are shown by country "
                + "only.");
        s.text("Regional and world values: the mean of the countries' latest survey of students aged 15\u201316 "
                + "of the last " + windowText(top) + ", weighted by each country's population aged 15\u201316 (UN "
                + "World Population Prospects); countries without such a survey are not imputed. Coverage is the "
                + "share of the region's population aged 15\u201316 living in countries with data; below 50% the "
                + "value describes the surveyed countries, not the region (marked \u2020). The median and the "
                + "range of the countries' values show how far they differ.");
        TableBuilder t = TableBuilder.of("youth-regions", "Students aged 15\u201316: latest past-year and lifetime "
                        + "use by region (%)")
                .text("Area").text("Drug").text("Period").column("Weighted mean (%)", Kind.FIXED1)
                .column("Median (%)", Kind.FIXED1).column("Lowest (%)", Kind.FIXED1)
                .column("Highest (%)", Kind.FIXED1).column("Coverage (%)", Kind.FIXED1)
                .text("Countries with data").text("Headline").text("Countries (survey year)");
        Map<String, List<String>> withoutValue = new java.util.LinkedHashMap<>();
        List<YouthRow> sorted = top.stream().sorted(Comparator.comparing(YouthRow::drug, Select.drugOrder())
                .thenComparingInt(r -> PERIODS.indexOf(r.indicator()))
                .thenComparing(r -> r.level().equals("world") ? "" : r.areaName())).toList();
        for (YouthRow r : sorted) {
            boolean has = Double.isFinite(r.value());
            if (!has) {
                withoutValue.computeIfAbsent(r.areaName(), k -> new ArrayList<>())
                        .add(Labels.drug(r.drug()).toLowerCase(Locale.ROOT) + " " + period(r.indicator()));
                continue;
            }
            t.row(r.areaName() + (r.headline() ? "" : " \u2020"), Labels.drug(r.drug()), period(r.indicator()),
                    r.value(), r.median(), r.min(), r.max(), r.coverage() * 100, r.nWithData() + " of " + r.nAreas(),
                    r.headline() ? "yes" : "no",
                    r.withDataAreas() == null ? "" : r.withDataAreas().replace(";", " "));
        }
        s.add(c.assets.table(t.maxDisplayRows(40)));
        s.add(Note.caution("\u2020 Coverage below 50% of the population aged 15\u201316: the mean of the surveyed "
                + "countries only. Europe's largest countries have no survey of students aged 15\u201316 in the "
                + "annex within the window (their surveys cover 12\u201317, 14\u201318, 15\u201319 or 17\u201318 "
                + "year-olds), so Europe's coverage stays low although most of its small countries take part in "
                + "ESPAD."));
        if (!withoutValue.isEmpty()) {
            int combos = (int) top.stream().map(r -> r.drug() + "|" + r.indicator()).distinct().count();
            List<String> parts = new ArrayList<>();
            new TreeMap<>(withoutValue).forEach((area, what) -> parts.add(area + ": " + (what.size() == combos
                    ? "no drug" : String.join(", ", what))));
            s.add(Note.info("No value, because no member has a survey of students aged 15\u201316 in the window "
                    + "\u2014 " + String.join("; ", parts) + "."));
        }
        Set<String> flagged = new java.util.TreeSet<>();
        all.stream().filter(r -> r.isCountry() && !r.headline()).forEach(r -> flagged.add(r.areaName() + " "
                + r.timePeriod() + " " + Labels.drug(r.drug()).toLowerCase(Locale.ROOT) + " " + Numbers.number(r.value())
                + "%"));
        s.add(Note.info("Caveats: students are not all young people (those not in school, often more exposed, "
                + "are not surveyed); surveys differ in questionnaire and in the products they ask about \u2014 "
                + "where a survey reports only products (herb, resin; crack, powder) the largest is taken, a lower "
                + "bound of the drug; the weights are the population of the age, not the number of students. "
                + "Past-year or past-month values above 50% are taken for shares of users rather than of students: "
                + "kept in the country table, flagged and left out of the regional values"
                + (flagged.isEmpty() ? "" : " (" + String.join("; ", flagged) + ")") + "."));
        return s.build();
    }

    private static String windowText(List<YouthRow> top) {
        for (YouthRow r : top) {
            if (r.notes() != null) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("of (\\d{4})-(\\d{4}) \\(window (\\d+)")
                        .matcher(r.notes());
                if (m.find()) {
                    return "survey years " + m.group(1) + "\u2013" + m.group(2);
                }
            }
        }
        return "years";
    }

    private static Section countries(PageContext c, List<YouthRow> all) {
        List<YouthRow> countries = all.stream().filter(YouthRow::isCountry).toList();
        Section.Builder s = Section.builder("youth-countries", "Young people (students): country values");
        long areas = countries.stream().map(YouthRow::refArea).distinct().count();
        s.text(String.format(Locale.ROOT, "Each country's latest survey per drug, recall period and age group "
                + "(%d countries and areas). Charts: the latest past-year value per country, students aged "
                + "15\u201316 where the country has such a survey, else its latest survey of another age group "
                + "(colour); the label gives the survey year and the ages surveyed. Values from surveys of "
                + "different ages are not comparable with each other.", areas));
        String src = source(c);
        for (String drug : drugs(countries)) {
            Map<String, YouthRow> best = new TreeMap<>();
            for (YouthRow r : countries) {
                if (!r.drug().equals(drug) || !r.indicator().equals(ANNUAL)) {
                    continue;
                }
                YouthRow old = best.get(r.refArea());
                if (old == null || GROUPS.indexOf(r.ageGroup()) < GROUPS.indexOf(old.ageGroup())) {
                    best.put(r.refArea(), r);
                }
            }
            if (best.size() < MIN_CHART_COUNTRIES) {
                continue;
            }
            List<YouthRow> ranked = best.values().stream()
                    .sorted(Comparator.comparingDouble(YouthRow::value).reversed()).toList();
            List<RankedDotChart.Dot> dots = new ArrayList<>();
            for (YouthRow r : ranked.subList(0, Math.min(MAX_CHART_COUNTRIES, ranked.size()))) {
                String label = r.areaName() + " (" + r.surveyYear() + ", " + ageLabel(r.age()) + ")"
                        + (r.headline() ? "" : " \u2021");
                dots.add(new RankedDotChart.Dot(label, r.value(), Double.NaN, Double.NaN, group(r.ageGroup())));
            }
            String label = Labels.drug(drug);
            String subtitle = (ranked.size() > MAX_CHART_COUNTRIES ? "The " + MAX_CHART_COUNTRIES + " highest of "
                    + ranked.size() + " countries" : ranked.size() + " countries")
                    + "; students and youth surveys, latest survey; \u2021 flagged implausible";
            ChartText text = ChartText.of(label + ": past-year use among students and youth, by country", subtitle,
                    "Country (survey year, ages)", "Percent of those surveyed (past-year use)", src)
                    .withSubject("past-year " + label.toLowerCase(Locale.ROOT) + " use among students by country");
            s.add(c.assets.chart("youth-countries-" + Labels.slug(label), RankedDotChart.build(c.theme(), text, dots,
                    GROUP_LABELS, RankedDotChart.Scale.LINEAR),
                    label + ": latest past-year use among students by country (school and youth surveys)."));
        }
        TableBuilder t = TableBuilder.of("youth-countries", "Students and youth: latest value per country, drug, "
                        + "period and age group")
                .text("Country").text("ISO3").text("Drug").text("Period").text("Age group").text("Ages surveyed")
                .column("Survey year", Kind.TEXT).column("Value (%)", Kind.NUMBER).text("Method")
                .text("Coverage (as published)").text("Source").text("Notes");
        countries.stream().sorted(Comparator.comparing(YouthRow::drug, Select.drugOrder())
                        .thenComparingInt(r -> PERIODS.indexOf(r.indicator()))
                        .thenComparingInt(r -> GROUPS.indexOf(r.ageGroup())).thenComparing(YouthRow::areaName))
                .forEach(r -> t.row(r.areaName(), r.refArea(), Labels.drug(r.drug()), period(r.indicator()),
                        group(r.ageGroup()), ageLabel(r.age()), r.timePeriod(), r.value(), r.method(),
                        r.coverageText(), r.source(), r.notes()));
        t.note("Method latest-survey-component-max: only products were reported in the latest survey; the largest "
                + "is shown, a lower bound of the drug.");
        s.add(c.assets.table(t.maxDisplayRows(60)));
        return s.build();
    }

    static String ageLabel(String age) {
        if (age == null || age.equals("_U")) {
            return "ages not stated";
        }
        String[] p = age.split("-");
        if (p.length == 2 && p[0].equals(p[1])) {
            return "aged " + p[0];
        }
        return "aged " + age.replace("-", "\u2013");
    }
}
