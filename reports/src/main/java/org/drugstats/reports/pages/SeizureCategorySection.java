package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.drugstats.core.supply.SeizureCategories;
import org.drugstats.core.supply.SeizureCategory;
import org.drugstats.reports.chart.ChartText;
import org.drugstats.reports.chart.PointKind;
import org.drugstats.reports.chart.TimeSeriesBandChart;
import org.drugstats.reports.format.Numbers;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.ResultObservation;

/**
 * The Supply page's lead: seizures by drug as the <i>World Drug Report</i> counts them ({@code seizures_total}:
 * cocaine, cannabis herb and resin, heroin, opium, methamphetamine, amphetamine, ecstasy, fentanyl), world and
 * regions by year, the change and the fitted trend, the countries with the largest quantities and how many
 * countries reported each year.
 */
final class SeizureCategorySection {

    static final String TOTAL = "seizures_total";
    static final String TREND = "seizures_total_apc";
    private static final int TOP = 5;

    private SeizureCategorySection() {
    }

    static Section build(PageContext c) {
        Section.Builder s = Section.builder("seizures-by-drug", "Seizures by drug, as the World Drug Report counts them");
        List<ResultObservation> rows = Select.where(c.run.indicators(), o -> TOTAL.equals(o.indicator()) && o.hasValue());
        if (rows.isEmpty()) {
            return s.add(Note.empty("seizures by drug", "The run derived no seizures_total rows (results/indicators): "
                    + "none of its inputs reports seizures by drug.")).build();
        }
        SeizureCategories cats = SeizureCategories.fromResources();
        List<SeizureCategory> headline = cats.headlines();
        s.text("Kilograms seized, by drug, summed over the reporting countries (UNODC annex 7.1). Only one drug's "
                + "quantities are added: cocaine is hydrochloride, base and paste, \"crack\" and other smokable forms "
                + "and non-specified cocaine (coca leaf and coca bush apart); cannabis herb, resin and plants are apart; "
                + "a country's own \"total of the above\" row is never added to the rows it totals (where it exceeds "
                + "its own breakdown, the difference is counted as unspecified quantities); quantities in units, "
                + "tablets or litres are never added to kilograms. Seizures reflect enforcement and reporting as well "
                + "as trafficking.");
        List<ResultObservation> world = Select.where(rows, o -> "WLD".equals(o.refArea()));
        TreeSet<Integer> years = new TreeSet<>();
        world.forEach(o -> years.add((int) o.year()));
        Map<String, Map<Integer, ResultObservation>> byDrug = new LinkedHashMap<>();
        for (ResultObservation o : world) {
            byDrug.computeIfAbsent(o.drug(), k -> new java.util.TreeMap<>()).put((int) o.year(), o);
        }
        List<TimeSeriesBandChart.Series> series = new ArrayList<>();
        for (SeizureCategory h : headline) {
            Map<Integer, ResultObservation> m = byDrug.get(h.code());
            if (m == null) {
                continue;
            }
            List<TimeSeriesBandChart.Point> pts = new ArrayList<>();
            m.forEach((y, o) -> pts.add(new TimeSeriesBandChart.Point(y, o.scaledValue() / 1000, Double.NaN, Double.NaN,
                    PointKind.OBSERVED)));
            series.add(new TimeSeriesBandChart.Series(h.label(), pts));
        }
        if (!series.isEmpty()) {
            ChartText text = ChartText.of("Seizures by drug, world", "Sum of the reporting countries' seizures",
                    "Year", "Tonnes", c.sources.of(world, true)).withSubject("seizures by drug in the world");
            s.add(c.assets.chart("seizures-by-drug-world", TimeSeriesBandChart.build(c.theme(), text, series),
                    "Every drug and region is in the tables below and in results/indicators (seizures_total)."));
        }
        s.add(c.assets.table(worldTable(c, cats, byDrug, years)));
        s.add(c.assets.table(regionTable(c, headline, rows, years)));
        s.add(c.assets.table(topCountries(c, headline, rows, years)));
        s.add(c.assets.table(coverage(c, cats, byDrug, years)));
        long mismatches = rows.stream().filter(o -> Select.isCountry(o) && o.hasFlag("total-mismatch")).count();
        if (mismatches > 0) {
            s.add(Note.info(String.format(Locale.ROOT, "%d country-year-drug rows come from countries whose own total "
                    + "and breakdown disagree by more than 1 g (flagged total-mismatch in results/indicators; the notes "
                    + "give both figures).", mismatches)));
        }
        return s.build();
    }

    private static TableBuilder worldTable(PageContext c, SeizureCategories cats,
            Map<String, Map<Integer, ResultObservation>> byDrug, TreeSet<Integer> years) {
        TableBuilder t = TableBuilder.of("seizures-by-drug-world", "World seizures by drug (tonnes), change and trend");
        t.text("Drug");
        for (int y : years) {
            t.column(Integer.toString(y), Kind.NUMBER);
        }
        t.column("Change " + years.first() + "–" + years.last(), Kind.SIGNED_PERCENT)
                .column("APC", Kind.SIGNED_PERCENT).text("APC 95% CI").text("Trend test");
        List<ResultObservation> trends = Select.where(c.run.indicators(), o -> TREND.equals(o.indicator())
                && "WLD".equals(o.refArea()));
        for (SeizureCategory cat : cats.categories()) {
            Map<Integer, ResultObservation> m = byDrug.get(cat.code());
            if (m == null) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            row.add(cat.label() + (cat.headline() > 0 ? "" : " (not a headline drug)"));
            for (int y : years) {
                ResultObservation o = m.get(y);
                row.add(o == null ? Double.NaN : o.scaledValue() / 1000);
            }
            ResultObservation a = m.get(years.first());
            ResultObservation b = m.get(years.last());
            row.add(a != null && b != null && a.scaledValue() > 0 ? 100 * (b.scaledValue() / a.scaledValue() - 1)
                    : Double.NaN);
            Optional<ResultObservation> tr = trends.stream().filter(o -> cat.code().equals(o.drug())).findFirst();
            row.add(tr.filter(ResultObservation::hasValue).map(ResultObservation::value).orElse(Double.NaN));
            row.add(tr.filter(ResultObservation::hasBounds).map(o -> Numbers.range(o.lower(), o.upper())).orElse(""));
            row.add(tr.map(SeizureCategorySection::trendSummary).orElse("no trend row"));
            t.row(row.toArray());
        }
        return t.maxDisplayRows(60);
    }

    /** The Mann–Kendall p-value of a fitted trend row, or the reason it was not fitted (from its notes). */
    static String trendSummary(ResultObservation o) {
        String n = o.notes() == null ? "" : o.notes();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Mann-Kendall S = (-?\\d+), z = [^,]+, p = ([^,]+),")
                .matcher(n);
        String mk = m.find() ? "Mann-Kendall S = " + m.group(1) + ", p = " + m.group(2) : null;
        int nf = n.indexOf("not fitted: ");
        String why = null;
        if (nf >= 0) {
            int start = n.lastIndexOf("; ", nf) < 0 ? 0 : n.lastIndexOf("; ", nf) + 2;
            int end = n.indexOf(';', nf);
            why = n.substring(start, end < 0 ? n.length() : end);
        }
        return mk == null ? (why == null ? n : why) : why == null ? mk : mk + "; " + why;
    }

    private static TableBuilder regionTable(PageContext c, List<SeizureCategory> headline, List<ResultObservation> rows,
            TreeSet<Integer> years) {
        int last = years.last();
        TableBuilder t = TableBuilder.of("seizures-by-drug-regions", "Seizures by drug and UNODC region, " + last
                + " (tonnes)");
        t.text("Region");
        for (SeizureCategory h : headline) {
            t.column(h.label(), Kind.NUMBER);
        }
        List<String> regions = rows.stream().map(ResultObservation::refArea).filter(Select::isWorldOrRegion).distinct()
                .sorted(Comparator.comparingInt(Select::areaRank).thenComparing(a -> c.names.name(a))).toList();
        for (String r : regions) {
            List<Object> row = new ArrayList<>();
            row.add(c.names.name(r));
            for (SeizureCategory h : headline) {
                row.add(rows.stream().filter(o -> r.equals(o.refArea()) && h.code().equals(o.drug()) && o.year() == last)
                        .mapToDouble(o -> o.scaledValue() / 1000).findFirst().orElse(Double.NaN));
            }
            t.row(row.toArray());
        }
        return t;
    }

    private static TableBuilder topCountries(PageContext c, List<SeizureCategory> headline, List<ResultObservation> rows,
            TreeSet<Integer> years) {
        int last = years.last();
        TableBuilder t = TableBuilder.of("seizures-by-drug-top-countries", "Countries with the largest seizures, " + last)
                .text("Drug").column("Rank", Kind.INTEGER).text("Country").column("Tonnes", Kind.NUMBER)
                .column("Share of world", Kind.FIXED1).text("Counted as");
        for (SeizureCategory h : headline) {
            double world = rows.stream().filter(o -> "WLD".equals(o.refArea()) && h.code().equals(o.drug())
                    && o.year() == last).mapToDouble(ResultObservation::scaledValue).findFirst().orElse(Double.NaN);
            List<ResultObservation> top = rows.stream().filter(o -> Select.isCountry(o) && h.code().equals(o.drug())
                    && o.year() == last).sorted(Comparator.comparingDouble(ResultObservation::scaledValue).reversed())
                    .limit(TOP).toList();
            int rank = 1;
            for (ResultObservation o : top) {
                String notes = o.notes() == null ? "" : o.notes();
                int i = notes.indexOf("basis ");
                t.row(h.label(), rank++, c.names.name(o.refArea()), o.scaledValue() / 1000,
                        100 * o.scaledValue() / world, i < 0 ? "" : notes.substring(i + 6, notes.indexOf(':', i)));
            }
        }
        return t.note("Share of world: per cent of the world total of the drug in " + last + ".");
    }

    private static TableBuilder coverage(PageContext c, SeizureCategories cats,
            Map<String, Map<Integer, ResultObservation>> byDrug, TreeSet<Integer> years) {
        TableBuilder t = TableBuilder.of("seizures-by-drug-coverage", "Reporting countries by drug and year");
        t.text("Drug");
        for (int y : years) {
            t.column(Integer.toString(y), Kind.INTEGER);
        }
        for (SeizureCategory cat : cats.categories()) {
            Map<Integer, ResultObservation> m = byDrug.get(cat.code());
            if (m == null) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            row.add(cat.label());
            for (int y : years) {
                ResultObservation o = m.get(y);
                row.add(o == null || o.nWithData() == null ? Double.NaN : (double) o.nWithData());
            }
            t.row(row.toArray());
        }
        return t.note("Countries whose seizures of the drug are counted in the world total (n_with_data). A total "
                + "moves when the reporting countries change: trends are fitted only where they are stable.");
    }
}
