package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.drugstats.reports.format.Numbers;
import org.drugstats.reports.html.Card;
import org.drugstats.reports.html.Cards;
import org.drugstats.reports.html.Facts;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Page;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.Headline;

/**
 * The overview: headline cards for the catalog's figures (each with source, year and a link to its detail
 * page; the run's recomputed value and the difference beside it where the run's data recompute it), what
 * this run holds, and the whole catalog as a table.
 */
final class OverviewPage {

    static final String FILE = "index.html";

    /** Groups of headline cards: section id, heading, and the indicators whose figures get a card, in order. */
    static final List<List<String>> GROUPS = List.of(
            List.of("drug-use", "Drug use and its consequences", "people_who_use_drugs", "prevalence_annual",
                    "people_with_dud", "people_who_inject_drugs", "hiv_prevalence_pwid", "hcv_prevalence_pwid"),
            List.of("treatment", "Treatment (SDG 3.5)", "treatment_one_in_n", "treatment_coverage"),
            List.of("medicines", "Access to controlled medicines", "consumption_lorenz"),
            List.of("supply", "Cultivation and seizures", "cultivation_area_coca", "cultivation_area_opium_poppy",
                    "seizures_quantity"),
            List.of("reporting", "Reporting to UNODC", "arq_submissions", "ids_submissions"));

    private OverviewPage() {
    }

    static Page build(PageContext c, List<Page> others) {
        List<Section> sections = new ArrayList<>(headlines(c));
        sections.add(thisRun(c, others));
        sections.add(download(c));
        sections.add(catalog(c));
        return new Page(FILE, "World drug indicators: overview", "Overview",
                "The published headline figures that frame the 2019 Ministerial Declaration and its 2029 review, "
                        + "each with its source and year; where this run's data recompute a figure, both values and "
                        + "the difference are shown (green cards).", sections);
    }

    private static List<Section> headlines(PageContext c) {
        if (c.headlines.isEmpty()) {
            return List.of(Section.builder("headlines", "Headline figures").add(Note.empty("headline figures",
                    "The indicator catalog was not available to the report.")).build());
        }
        List<Section> out = new ArrayList<>();
        for (List<String> group : GROUPS) {
            List<Card> cards = new ArrayList<>();
            for (String ind : group.subList(2, group.size())) {
                if (ind.equals("consumption_lorenz")) {
                    lorenzCard(c).ifPresent(cards::add);
                    continue;
                }
                // the current edition first: figures of earlier editions follow as editions, never chained
                c.headlines.stream().filter(h -> ind.equals(h.indicator()))
                        .sorted(java.util.Comparator.comparing((Headline h) -> h.edition() == null ? "" : h.edition())
                                .reversed())
                        .forEach(h -> cards.add(card(c, h)));
            }
            if (cards.isEmpty()) {
                continue;
            }
            Section.Builder s = Section.builder(group.get(0), group.get(1)).add(new Cards(cards));
            if (group.get(0).equals("drug-use")) {
                s.add(Note.caution("Figures from different World Drug Report editions come from different models "
                        + "and population estimates (for example 35 million people with drug use disorders in 2017 "
                        + "from WDR 2019, 39.5 million in 2021 from WDR 2023 and 64 million in 2022 from WDR 2024): "
                        + "a difference between editions is a change of method, not a trend."));
            }
            out.add(s.build());
        }
        return out;
    }

    private static Card card(PageContext c, Headline h) {
        String value = qualify(h.qualifier()) + formatValue(h.value(), h.unit(), h.unitMultiplier());
        String range = Double.isFinite(h.lower()) && Double.isFinite(h.upper())
                ? formatValue(h.lower(), h.unit(), h.unitMultiplier()) + " \u2013 "
                        + formatValue(h.upper(), h.unit(), h.unitMultiplier()) : "";
        String recomputed = "";
        String difference = "";
        String how = "";
        Optional<Recomputed> r = Recomputed.of(h, c.run);
        if (r.isPresent()) {
            double run = r.get().value();
            recomputed = formatValue(run / Math.pow(10, h.unitMultiplier()), h.unit(), h.unitMultiplier());
            difference = difference(run, h.scaledValue(), h.unit());
            how = r.get().how();
        }
        String[] link = detail(h.indicator());
        return new Card(cardId(h), h.title(), value, range, context(h), source(h),
                h.upstreamSource(), h.quote(), link[0], link[1], recomputed, difference, how);
    }

    private static Optional<Card> lorenzCard(PageContext c) {
        Headline pop = null;
        Headline cons = null;
        for (Headline h : c.headlines) {
            if ("consumption_lorenz_population_share".equals(h.indicator()) && pop == null) {
                pop = h;
            } else if ("consumption_lorenz_consumption_share".equals(h.indicator()) && cons == null) {
                cons = h;
            }
        }
        if (pop == null || cons == null) {
            return Optional.empty();
        }
        String recomputed = "";
        String difference = "";
        String how = "";
        Optional<Recomputed> r = Recomputed.lorenz(pop.value() / 100, c.run);
        if (r.isPresent()) {
            recomputed = Numbers.percent(pop.value()) + " / " + Numbers.percent(100 * r.get().value());
            double d = 100 * r.get().value() - cons.value();
            difference = sign(d) + Numbers.fixed(Math.abs(d), 1) + " percentage points of consumption";
            how = r.get().how();
        }
        String[] link = detail(pop.indicator());
        return Optional.of(new Card(cardId(pop),
                "Share of world population / share of consumption of controlled medicines",
                Numbers.percent(pop.value()) + " / " + Numbers.percent(cons.value()), "", context(pop), source(pop),
                pop.upstreamSource(), pop.quote() + (cons.quote().equals(pop.quote()) ? "" : " \u2026 " + cons.quote()),
                link[0], link[1], recomputed, difference, how));
    }

    /** "card-" and the catalog id with every run of other characters than a–z, 0–9 as '-'. */
    static String cardId(Headline h) {
        return "card-" + h.id().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String qualify(String qualifier) {
        if (qualifier == null) {
            return "";
        }
        return switch (qualifier) {
            case "approximately" -> "about ";
            case "more-than" -> "more than ";
            case "nearly" -> "nearly ";
            case "less-than" -> "less than ";
            default -> "";
        };
    }

    private static String context(Headline h) {
        List<String> parts = new ArrayList<>();
        parts.add(h.scope());
        if (h.year() != null) {
            parts.add(h.year().replace("-", "\u2013"));
        }
        if (h.edition() != null) {
            parts.add(h.edition());
        }
        return String.join(" \u00b7 ", parts);
    }

    private static String source(Headline h) {
        return h.sourceDocument() + (h.sourceLocator() == null ? "" : ", " + h.sourceLocator());
    }

    /** The page and section that detail an indicator, and the link text. */
    static String[] detail(String indicator) {
        String i = indicator == null ? "" : indicator;
        if (i.startsWith("treatment")) {
            return new String[] {TreatmentPage.FILE + "#coverage", "SDG 3.5 treatment coverage"};
        }
        if (i.startsWith("consumption") || i.startsWith("medicine") || i.startsWith("opioid")) {
            return new String[] {MedicinesPage.FILE + "#lorenz", "Lorenz curve of consumption"};
        }
        if (i.startsWith("cultivation_area_opium")) {
            return new String[] {SupplyPage.FILE + "#opium-poppy", "Opium poppy cultivation"};
        }
        if (i.startsWith("cultivation")) {
            return new String[] {SupplyPage.FILE + "#coca", "Coca bush cultivation"};
        }
        if (i.startsWith("seizures") || i.equals("ids_submissions")) {
            return new String[] {SupplyPage.FILE + "#seizures", "Seizures by drug group and region"};
        }
        if (i.equals("people_who_use_drugs")) {
            return new String[] {DrugUsePage.FILE + "#people-who-use", "People who use drugs"};
        }
        if (i.equals("illicit_financial_flows")) {
            return new String[] {FinancialFlowsPage.FILE, "SDG 16.4 illicit financial flows"};
        }
        if (i.startsWith("people") || i.startsWith("prevalence") || i.startsWith("hiv") || i.startsWith("hcv")
                || i.equals("arq_submissions")) {
            return new String[] {DrugUsePage.FILE + "#regions", "Drug use by drug and region"};
        }
        return new String[] {QualityPage.FILE + "#sources", "Sources"};
    }

    /** A figure in its unit: "39.5 million", "1 in 5", "84%", "+45%", "345,900 ha", "2×", "191st". */
    static String formatValue(double value, String unit, int multiplier) {
        double v = value * Math.pow(10, multiplier);
        return switch (unit) {
            case "percent" -> Numbers.percent(value);
            case "fraction" -> Numbers.percent(100 * value);
            case "percent-change" -> Numbers.signedPercent(value).replace(".0%", "%");
            case "one-in-n" -> "1 in " + Numbers.fixed(value, value == Math.rint(value) ? 0 : 1);
            case "ratio" -> Numbers.number(value) + "\u00d7";
            case "ordinal" -> Numbers.fixed(value, 0) + ordinalSuffix((long) value);
            case "year" -> Numbers.year(value);
            case "hectares" -> Numbers.compact(v) + " ha";
            case "kg" -> Numbers.compact(v) + " kg";
            case "tonnes" -> Numbers.compact(v) + " tonnes";
            case "usd" -> "US$ " + Numbers.compact(v);
            default -> Numbers.compact(v);
        };
    }

    private static String ordinalSuffix(long n) {
        long t = n % 100;
        if (t >= 11 && t <= 13) {
            return "th";
        }
        return switch ((int) (n % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /** Run minus published in the unit's terms: "+1.2 million (+3.0%)", "+0.4 percentage points". */
    static String difference(double run, double published, String unit) {
        double d = run - published;
        return switch (unit) {
            case "percent", "percent-change" -> sign(d) + Numbers.fixed(Math.abs(d), 1) + " percentage points";
            case "fraction" -> sign(d) + Numbers.fixed(Math.abs(100 * d), 1) + " percentage points";
            case "ratio", "one-in-n" -> sign(d) + Numbers.number(Math.abs(d));
            default -> sign(d) + Numbers.compact(Math.abs(d))
                    + (published != 0 ? " (" + Numbers.signedPercent(100 * d / published) + ")" : "");
        };
    }

    private static String sign(double d) {
        return d < 0 ? "\u2212" : d > 0 ? "+" : "\u00b1";
    }

    private static Section thisRun(PageContext c, List<Page> others) {
        Section.Builder s = Section.builder("this-run", "This run");
        if (c.run.isEmpty()) {
            s.add(Note.caution("The run directory holds no results: every page below says so plainly. Run "
                    + "'drugstats run' first."));
        }
        List<Facts.Fact> facts = new ArrayList<>();
        RunCounts n = c.counts;
        facts.add(new Facts.Fact("Observations", count(n.observations(), "accepted input rows")));
        facts.add(new Facts.Fact("Aggregates", count(n.aggregates(), "regional and world values")));
        facts.add(new Facts.Fact("Derived indicators", count(n.indicators(), "rows")));
        facts.add(new Facts.Fact("Trends", n.trendsText() + " (Trends page)"));
        facts.add(new Facts.Fact("Imputed", n.imputedText() + " (Quality page)"));
        facts.add(new Facts.Fact("Lorenz points", count(c.run.lorenz().size(), "countries")));
        facts.add(new Facts.Fact("Quarantined rows", count(n.quarantined(), "rows set aside with a reason by the run")));
        long byIngest = c.run.manifest().map(m -> m.inputs().stream().filter(i -> i.ingest() != null)
                .mapToLong(i -> i.ingest().rowsQuarantined()).sum()).orElse(0L);
        if (c.run.manifest().map(m -> m.inputs().stream().anyMatch(i -> i.ingest() != null)).orElse(false)) {
            facts.add(new Facts.Fact("Quarantined by the ingest", count((int) byIngest, "rows of the published files "
                    + "set aside before the run (Quality page)")));
        }
        Set<String> producers = new java.util.TreeSet<>();
        c.run.origins().values().forEach(o -> producers.add(Sources.describe(o)));
        facts.add(new Facts.Fact("Sources", producers.isEmpty() ? "none recorded" : String.join("; ", producers)));
        s.add(new Facts(facts));
        TableBuilder t = TableBuilder.of("pages", "Pages of this report").text("Page").text("What it answers")
                .column("Sections", Kind.INTEGER).column("Open", Kind.LINK);
        for (Page p : others) {
            t.row(p.title(), p.lead(), p.sections().size(), p.file());
        }
        s.add(c.assets.table(t));
        return s.build();
    }

    private static Section download(PageContext c) {
        int rows = org.drugstats.reports.data.ResultsDataset.rowCount(c.run);
        TableBuilder t = TableBuilder.of("downloads", "Every published value in one file").text("File")
                .text("What it holds").column("Open", Kind.LINK);
        t.row("results.csv", Numbers.fixed(rows, 0) + " rows: the aggregates and derived indicators of this run, one"
                + " value per row in base units, with range, coverage, method and source (RFC 4180, UTF-8)",
                "data/results.csv");
        t.row("results.parquet", "the same rows and columns as Parquet, with the run's provenance in its metadata",
                "data/results.parquet");
        t.row("dictionary.csv", "every column (type, meaning) and every indicator (unit, methods, rows, sources)",
                "data/dictionary.csv");
        return Section.builder("download", "Download the data")
                .text("One tidy file of every value the run published, to load in one line (R: read.csv, Python:"
                        + " pandas.read_csv or read_parquet, Excel: open). Each table of the pages also has its own CSV.")
                .add(c.assets.table(t)).build();
    }

    private static String count(long n, String what) {
        return Numbers.fixed(n, 0) + " " + what;
    }

    private static Section catalog(PageContext c) {
        Section.Builder s = Section.builder("catalog", "All published figures in the catalog");
        if (c.headlines.isEmpty()) {
            return s.add(Note.empty("catalog figures", null)).build();
        }
        s.text("Every quantitative statement of the source documents, encoded with its provenance "
                + "(drugstats catalog). The cards above show the headline ones.");
        TableBuilder t = TableBuilder.of("catalog", "Catalog of published figures (filter and sort: type in the box,"
                + " click a heading)").text("Figure").column("Value", Kind.TEXT).text("Year").text("Scope")
                .text("Edition").text("Source").text("Cites").text("Quote").text("Catalog id");
        for (Headline h : c.headlines) {
            t.row(h.title(), qualify(h.qualifier()) + formatValue(h.value(), h.unit(), h.unitMultiplier()),
                    h.year(), h.scope(), h.edition(), source(h), h.upstreamSource(), h.quote(), h.id());
        }
        return s.add(c.assets.table(t)).build();
    }
}
