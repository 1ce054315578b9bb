package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.drugstats.core.tracker.Challenge;
import org.drugstats.core.tracker.Quantities;
import org.drugstats.core.tracker.TrackerRow;
import org.drugstats.core.tracker.TrackerRules;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Page;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;

/**
 * The road to 2029 (issue 16): the twelve challenges of the 2019 Ministerial Declaration, in its order, each with
 * the indicators of the run that bear on it (from {@code results/tracker}), an arrow for the direction the data
 * support, the verdict, and a link to the page that shows the series.
 */
final class RoadTo2029Page {

    static final String FILE = "road-to-2029.html";

    private RoadTo2029Page() {
    }

    static Page build(PageContext c) {
        List<TrackerRow> rows = c.run.tracker();
        List<Section> sections = new ArrayList<>();
        if (rows.isEmpty()) {
            sections.add(Section.builder("challenges", "Challenges").add(Note.empty("the tracker",
                    "The run wrote no results/tracker table (a run of an earlier version, or the tracker step"
                            + " did not run).")).build());
        } else {
            Map<String, List<TrackerRow>> byChallenge = new TreeMap<>();
            for (TrackerRow r : rows) {
                byChallenge.computeIfAbsent(r.challenge(), k -> new ArrayList<>()).add(r);
            }
            sections.add(summary(c, byChallenge));
            for (Challenge ch : Challenge.values()) {
                sections.add(challenge(c, ch, byChallenge.getOrDefault(ch.letter(), List.of())));
            }
            sections.add(all(c, rows));
        }
        sections.add(method());
        return new Page(FILE, "The road to 2029", "Road to 2029",
                "What the data say has happened since 2019 for each challenge that Member States listed in the 2019"
                        + " Ministerial Declaration — and where the data cannot tell.", sections);
    }

    private static Section summary(PageContext c, Map<String, List<TrackerRow>> byChallenge) {
        TableBuilder t = TableBuilder.of("tracker-summary", "The twelve challenges at a glance")
                .text("Challenge").text("What the data say").column("Details", Kind.LINK).text("Indicators");
        for (Challenge ch : Challenge.values()) {
            List<TrackerRow> rs = byChallenge.getOrDefault(ch.letter(), List.of());
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String d : List.of("increase", "decrease", "no significant change", "not measurable")) {
                counts.put(d, 0);
            }
            List<String> labels = new ArrayList<>();
            for (TrackerRow r : rs) {
                counts.merge(r.direction(), 1, Integer::sum);
                if (!r.indicator().isEmpty() && !labels.contains(r.label())) {
                    labels.add(r.label());
                }
            }
            List<String> parts = new ArrayList<>();
            counts.forEach((d, n) -> {
                if (n > 0) {
                    parts.add(arrow(d) + " " + n + " " + d);
                }
            });
            t.row("(" + ch.letter() + ") " + ch.title(), String.join(" · ", parts), "#challenge-" + ch.letter(),
                    labels.isEmpty() ? "none in the data" : String.join("; ", labels));
        }
        return Section.builder("summary", "At a glance")
                .text("One row per challenge, in the order of the declaration. Arrows: ▲ a significant increase,"
                        + " ▼ a significant decrease, ● no significant change, – not measurable. Each count is of"
                        + " indicator-and-area rows of the tracker; a rise is not always bad news (treatment, data"
                        + " coverage) — the verdicts below say what each number is.")
                .add(c.assets.table(t)).build();
    }

    private static Section challenge(PageContext c, Challenge ch, List<TrackerRow> rows) {
        Section.Builder s = Section.builder("challenge-" + ch.letter(), "(" + ch.letter() + ") " + ch.title())
                .text(ch.text());
        List<TrackerRow> measured = rows.stream().filter(r -> !r.indicator().isEmpty() && r.baselineYear() != null)
                .toList();
        if (!measured.isEmpty()) {
            TableBuilder t = TableBuilder.of("tracker-" + ch.letter(), "(" + ch.letter() + ") indicators since the"
                    + " baseline").text("Indicator").text("Area").text("Baseline").text("Latest")
                    .column("Change", Kind.SIGNED_PERCENT).text("Trend since the baseline").text("Direction")
                    .text("Coverage").column("Shown on", Kind.LINK);
            for (TrackerRow r : measured) {
                t.row(r.label(), r.areaName(), yearValue(r.baselineYear(), r.baselineValue(), r.unit()),
                        yearValue(r.latestYear(), r.latestValue(), r.unit()), r.changePercent(), trend(r),
                        arrow(r.direction()) + " " + r.direction(), r.coverage(), r.link());
            }
            s.add(c.assets.table(t));
        }
        for (TrackerRow r : rows) {
            s.add(r.direction().equals("not measurable") ? Note.info(r.verdict()) : new org.drugstats.reports.html
                    .Text(arrow(r.direction()) + " " + r.verdict() + sourceOf(r)));
        }
        return s.build();
    }

    private static Section all(PageContext c, List<TrackerRow> rows) {
        TableBuilder t = TableBuilder.of("tracker", "The tracker, every row (results/tracker)").text("Challenge")
                .text("Indicator").text("Area").column("Baseline year", Kind.YEAR).column("Baseline value", Kind.NUMBER)
                .column("Latest year", Kind.YEAR).column("Latest value", Kind.NUMBER).column("Change", Kind.NUMBER)
                .column("Change (%)", Kind.SIGNED_PERCENT).text("Trend method").column("Trend estimate", Kind.NUMBER)
                .column("Trend lower", Kind.NUMBER).column("Trend upper", Kind.NUMBER).column("p", Kind.P_VALUE)
                .text("Direction").text("Coverage").text("Verdict").text("Source");
        for (TrackerRow r : rows) {
            t.row(r.challenge(), r.indicator(), r.refArea(), r.baselineYear() == null ? Double.NaN : r.baselineYear(),
                    r.baselineValue(), r.latestYear() == null ? Double.NaN : r.latestYear(), r.latestValue(),
                    r.change(), r.changePercent(), r.trendMethod(), r.trendEstimate(), r.trendLower(),
                    r.trendUpper(), r.pValue(), r.direction(), r.coverage(), r.verdict(), r.source());
        }
        return Section.builder("download", "All rows")
                .text("The whole tracker as published in results/tracker (schema drugstats-tracker/1); the CSV link"
                        + " downloads it with full precision.")
                .add(c.assets.table(t.maxDisplayRows(6))).build();
    }

    private static Section method() {
        TrackerRules d = TrackerRules.withDefaults();
        return Section.builder("method", "How a direction is decided")
                .text(String.format(Locale.ROOT, "Baseline: the value of %d, the year of the declaration, or of the"
                        + " nearest earlier year of the series. Latest: the last year after the baseline with a value."
                        + " A series that ends before or at the baseline, or starts after it, is not measurable.",
                        d.baselineYear()))
                .text(String.format(Locale.ROOT, "Test, on the yearly values from the baseline to the latest year: from"
                        + " %d values, the Mann–Kendall test with Sen's slope and its %.0f%% interval (five values are"
                        + " the fewest with which the two-sided test can reach p < 0.05); a change is significant when"
                        + " p < %.2f and the interval excludes zero. With fewer values, when both the baseline and the"
                        + " latest value carry a range, the change is significant when the ranges do not overlap."
                        + " Otherwise, from %d positive values, the log-linear annual percent change with its t"
                        + " interval. Two values without ranges cannot be tested: the change is shown and the"
                        + " direction is \"not measurable\".", d.minPointsSen(), 100 * (1 - d.alpha()), d.alpha(),
                        d.minPointsApc()))
                .text("Challenges that no series of the run measures are listed with the data they would need;"
                        + " none is dropped. Figures of different World Drug Report editions are never chained into"
                        + " one series.")
                .build();
    }

    private static String yearValue(Integer year, double value, String unit) {
        return year == null ? "–" : Quantities.format(value, unit) + " (" + year + ")";
    }

    private static String trend(TrackerRow r) {
        switch (r.trendMethod()) {
            case "sen-slope":
                return "Sen " + signed(r.trendEstimate(), r.unit()) + "/yr (" + Quantities.format(r.trendLower(),
                        r.unit()) + " to " + Quantities.format(r.trendUpper(), r.unit()) + "), p "
                        + Quantities.pValue(r.pValue());
            case "apc":
                return String.format(Locale.ROOT, "APC %+.1f%% (%.1f%% to %.1f%%), p %s", r.trendEstimate(),
                        r.trendLower(), r.trendUpper(), Quantities.pValue(r.pValue()));
            case "range-comparison":
                return "ranges compared";
            default:
                return "no test";
        }
    }

    private static String signed(double v, String unit) {
        String f = Quantities.format(v, unit);
        return v > 0 ? "+" + f : f;
    }

    private static String sourceOf(TrackerRow r) {
        return r.source().isEmpty() ? "" : " Source: " + r.source() + ".";
    }

    static String arrow(String direction) {
        switch (direction) {
            case "increase":
                return "▲";
            case "decrease":
                return "▼";
            case "no significant change":
                return "●";
            default:
                return "–";
        }
    }
}
