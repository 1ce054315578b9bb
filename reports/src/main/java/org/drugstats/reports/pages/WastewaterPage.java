package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.drugstats.reports.chart.ChartText;
import org.drugstats.reports.chart.PointKind;
import org.drugstats.reports.chart.RankedDotChart;
import org.drugstats.reports.chart.TimeSeriesBandChart;
import org.drugstats.reports.format.Numbers;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Page;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.ResultObservation;
import org.drugstats.reports.model.TrendRow;

/**
 * Waste-water analysis (EUDA/SCORE): per drug the population-weighted European mean load by year with the spread
 * across sites (interquartile range of the site loads), the cities ranked in the latest year, the sites with the
 * largest change since the previous campaign, the weekend/weekday ratio, and the trend table (Mann–Kendall and
 * Sen per site; joinpoint where the series is long enough).
 */
final class WastewaterPage {

    static final String FILE = "wastewater.html";
    static final String LOAD = "wastewater_mass_load";
    static final String MEAN = "wastewater_mass_load_mean";
    static final String RATIO = "wastewater_weekend_weekday_ratio";
    static final String EUROPE = "M49_150";
    static final String UNIT = "mg per 1,000 people per day";
    /** Cities drawn per drug in the ranked chart (all are in the table). */
    static final int RANKED = 25;
    /** What the band of the European mean shows, in the subtitle, the legend and the alt text alike. */
    static final String IQR = "interquartile range of the site loads";

    private WastewaterPage() {
    }

    static Page build(PageContext c) {
        List<Section> sections = new ArrayList<>();
        List<ResultObservation> loads = Select.where(c.run.observations(), o -> LOAD.equals(o.indicator())
                && o.hasValue() && o.subArea() != null);
        if (loads.isEmpty()) {
            sections.add(Section.builder("wastewater", "Waste-water analysis")
                    .add(Note.empty("waste-water mass loads", "None of the run's inputs holds the EUDA file "
                            + "(ingest kind euda-wastewater).")).build());
            return page(sections);
        }
        List<ResultObservation> means = Select.where(c.run.indicators(), o -> MEAN.equals(o.indicator())
                && o.hasValue());
        String source = c.sources.of(loads, false);
        String meanSource = c.sources.of(loads, true);
        List<String> drugs = Select.drugs(loads);
        Section.Builder intro = Section.builder("reading", "What the loads are");
        intro.text("Mass loads of drug residues in the influent of waste-water treatment plants, in " + UNIT
                + " served by the plant, measured over one week a year (seven 24-hour samples). Cocaine is measured "
                + "as benzoylecgonine and cannabis as THC-COOH. Loads compare cities for one residue and one "
                + "sampling design; they are not converted to doses: that needs excretion and correction factors "
                + "the run does not hold with a citation. European means weight each site by the population it "
                + "serves and cover the sites in the M49 region Europe; the sites change from year to year.");
        sections.add(intro.build());
        for (String drug : drugs) {
            sections.add(drugSection(c, drug, Select.where(loads, o -> drug.equals(o.drug())),
                    Select.where(means, o -> drug.equals(o.drug())), source, meanSource));
        }
        sections.add(change(c, loads));
        sections.add(ratios(c));
        sections.add(trends(c, loads));
        return page(sections);
    }

    private static Page page(List<Section> sections) {
        return new Page(FILE, "Waste-water analysis", "Waste-water",
                "Drug residues in municipal waste water (EUDA/SCORE, 2011\u20132024): the European population-weighted "
                        + "mean by drug, the cities ranked, the weekend peak and the trends per site.", sections);
    }

    private static String city(ResultObservation o) {
        return Objects.toString(o.areaName(), o.subArea()) + " (" + o.refArea() + ")";
    }

    private static Section drugSection(PageContext c, String drug, List<ResultObservation> loads,
            List<ResultObservation> means, String source, String meanSource) {
        String residue = loads.stream().map(ResultObservation::drugSubgroup).filter(Objects::nonNull).findFirst()
                .orElse(drug);
        String name = drug.equals(residue) ? drug : drug + " (" + residue + ")";
        Section.Builder s = Section.builder("ww-" + Labels.slug(drug), Labels.capitalise(name));
        Map<Double, List<Double>> byYear = new java.util.TreeMap<>();
        for (ResultObservation o : loads) {
            if (europe(c, o.refArea())) {
                byYear.computeIfAbsent(o.year(), k -> new ArrayList<>()).add(o.scaledValue());
            }
        }
        List<TimeSeriesBandChart.Point> pts = new ArrayList<>();
        for (ResultObservation m : Select.where(means, o -> EUROPE.equals(o.refArea()))) {
            List<Double> v = byYear.getOrDefault(m.year(), List.of());
            pts.add(new TimeSeriesBandChart.Point(m.year(), m.scaledValue(), quantile(v, 0.25), quantile(v, 0.75),
                    PointKind.OBSERVED));
        }
        if (!pts.isEmpty()) {
            s.add(c.assets.chart("ww-europe-" + Labels.slug(drug), TimeSeriesBandChart.build(c.theme(),
                    ChartText.of("Waste-water " + name + ", European mean", "Population-weighted mean of the sites; "
                            + "band: " + IQR, "Year", "Load (" + UNIT + ")",
                            meanSource).withSubject("the European mean waste-water load of " + name),
                    List.of(new TimeSeriesBandChart.Series("Europe (population-weighted)", pts)), IQR), ""));
        }
        double latest = loads.stream().mapToDouble(ResultObservation::year).max().orElse(Double.NaN);
        List<ResultObservation> last = Select.where(loads, o -> o.year() == latest);
        List<RankedDotChart.Dot> dots = last.stream().sorted(Comparator.comparingDouble(
                        ResultObservation::scaledValue).reversed()).limit(RANKED)
                .map(o -> new RankedDotChart.Dot(city(o), o.scaledValue(), Double.NaN, Double.NaN,
                        europe(c, o.refArea()) ? "Europe" : "Outside Europe")).toList();
        if (!dots.isEmpty()) {
            s.add(c.assets.chart("ww-ranked-" + Labels.slug(drug), RankedDotChart.build(c.theme(), ChartText.of(
                    "Waste-water " + name + " by city, " + Numbers.year(latest), String.format(Locale.ROOT,
                            "Daily mean of the sampling week; the %d highest of %d sites", dots.size(), last.size()),
                    "City", "Load (" + UNIT + ")", source).withSubject("waste-water loads of " + name + " by city in "
                            + Numbers.year(latest)), dots, List.of("Europe", "Outside Europe"),
                    RankedDotChart.Scale.LINEAR), ""));
        }
        TableBuilder t = TableBuilder.of("ww-means-" + Labels.slug(drug), "Population-weighted mean load of " + name
                + " (" + UNIT + ")").text("Area").text("Year").column("Mean", Kind.NUMBER).text("Sites and population");
        means.stream().sorted(Comparator.comparing((ResultObservation o) -> EUROPE.equals(o.refArea()) ? 0 : 1)
                        .thenComparing(o -> c.names.name(o.refArea())).thenComparing(ResultObservation::timePeriod))
                .forEach(o -> t.row(EUROPE.equals(o.refArea()) ? "Europe (M49)" : c.names.name(o.refArea()),
                        o.timePeriod(), o.value(), sitesAndPopulation(o.notes())));
        s.add(c.assets.table(t.maxDisplayRows(40)));
        return s.build();
    }

    /** The countries of the M49 region Europe (150), as the pipeline's European mean counts them. */
    private static final java.util.Set<String> EUROPE_M49 = java.util.Set.copyOf(
            org.drugstats.core.geo.Geography.fromResources().countries().stream()
                    .filter(m -> "150".equals(m.regionCode())).map(org.drugstats.core.geo.M49Country::iso3).toList());

    private static boolean europe(PageContext c, String iso3) {
        return EUROPE_M49.contains(iso3);
    }

    private static final java.util.regex.Pattern SITES = java.util.regex.Pattern.compile(
            "(\\d+) sites?, population served (\\d+(?:\\.\\d+)?)");

    /**
     * The run's note on a mean ("13 sites, population served 9306950") as a reader quotes it: "13 sites, 9.31 million
     * people served" (one formatter, no count of people to the unit); other notes unchanged.
     */
    static String sitesAndPopulation(String notes) {
        if (notes == null) {
            return null;
        }
        java.util.regex.Matcher m = SITES.matcher(notes.trim());
        if (!m.matches()) {
            return notes;
        }
        long n = Long.parseLong(m.group(1));
        return n + (n == 1 ? " site, " : " sites, ") + Numbers.compact(Double.parseDouble(m.group(2)))
                + " people served";
    }

    /** Quantile by linear interpolation between order statistics (R type 7); NaN for an empty list. */
    static double quantile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double h = (v.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }

    private static Section change(PageContext c, List<ResultObservation> loads) {
        Section.Builder s = Section.builder("ww-change", "Largest changes in the latest year");
        double latest = loads.stream().mapToDouble(ResultObservation::year).max().orElse(Double.NaN);
        Map<String, ResultObservation> prev = new HashMap<>();
        for (ResultObservation o : loads) {
            if (o.year() == latest - 1) {
                prev.put(o.subArea() + "|" + o.drug(), o);
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (ResultObservation o : loads) {
            ResultObservation p = prev.get(o.subArea() + "|" + o.drug());
            if (o.year() == latest && p != null && p.value() > 0) {
                double pct = 100 * (o.scaledValue() / p.scaledValue() - 1);
                rows.add(new Object[] {city(o), o.subArea(), o.drug(), p.value(), o.value(), pct});
            }
        }
        if (rows.isEmpty()) {
            return s.add(Note.empty("sites sampled in both of the last two years", null)).build();
        }
        rows.sort(Comparator.comparingDouble((Object[] r) -> -Math.abs((Double) r[5])));
        s.text(String.format(Locale.ROOT, "Sites sampled in both %s and %s, by the size of the change of the daily "
                + "mean (%d site-drug pairs; the largest first). One sampling week a year: a large change at one "
                + "site can be an event of that week.", Numbers.year(latest - 1), Numbers.year(latest), rows.size()));
        TableBuilder t = TableBuilder.of("ww-change", "Change of the daily mean load since the previous year")
                .text("City").text("Site").text("Drug").column(Numbers.year(latest - 1), Kind.NUMBER)
                .column(Numbers.year(latest), Kind.NUMBER).column("Change", Kind.SIGNED_PERCENT);
        rows.forEach(t::row);
        return s.add(c.assets.table(t.maxDisplayRows(30))).build();
    }

    private static Section ratios(PageContext c) {
        Section.Builder s = Section.builder("ww-weekend", "Weekend and weekdays");
        List<ResultObservation> r = Select.where(c.run.indicators(), o -> RATIO.equals(o.indicator()) && o.hasValue());
        if (r.isEmpty()) {
            return s.add(Note.empty("weekend/weekday ratios", null)).build();
        }
        double latest = r.stream().mapToDouble(ResultObservation::year).max().orElse(Double.NaN);
        s.text("The weekend mean (samples of Friday to Monday, which hold the weekend's use) divided by the weekday "
                + "mean (Tuesday to Thursday), per site; above 1, more of the drug is used at weekends. Median and "
                + "quartiles across the sites of the latest year.");
        TableBuilder t = TableBuilder.of("ww-weekend", "Weekend/weekday ratio of the daily loads, "
                + Numbers.year(latest)).text("Drug").column("Sites", Kind.INTEGER).column("Median", Kind.FIXED2)
                .column("Lower quartile", Kind.FIXED2).column("Upper quartile", Kind.FIXED2)
                .column("Sites above 1", Kind.INTEGER);
        for (String drug : Select.drugs(r)) {
            List<Double> v = Select.where(r, o -> drug.equals(o.drug()) && o.year() == latest).stream()
                    .map(ResultObservation::value).toList();
            if (!v.isEmpty()) {
                t.row(drug, v.size(), quantile(v, 0.5), quantile(v, 0.25), quantile(v, 0.75),
                        v.stream().filter(x -> x > 1).count());
            }
        }
        return s.add(c.assets.table(t)).build();
    }

    private static Section trends(PageContext c, List<ResultObservation> loads) {
        Section.Builder s = Section.builder("ww-trends", "Trends per site");
        List<TrendRow> mk = c.run.trends().stream().filter(r -> LOAD.equals(r.indicator()) && r.mannKendall())
                .toList();
        Map<String, TrendRow> jp = new HashMap<>();
        for (TrendRow r : c.run.trends()) {
            if (LOAD.equals(r.indicator()) && "joinpoint".equals(r.method()) && Double.isFinite(r.aapc())) {
                jp.putIfAbsent(r.subArea() + "|" + r.drug(), r);
            }
        }
        Map<String, String> names = new HashMap<>();
        for (ResultObservation o : loads) {
            names.putIfAbsent(o.subArea(), city(o));
        }
        List<TrendRow> fitted = mk.stream().filter(r -> Double.isFinite(r.senSlope())).toList();
        s.text(String.format(Locale.ROOT, "The Mann\u2013Kendall test and Sen's slope of every site's daily-mean "
                + "series with at least 5 campaign years (%d of %d site-drug series; with 4 years the exact "
                + "p-value cannot go below 0.083); a joinpoint model on the log scale only from 10 years (%d "
                + "series). Sen's slope in %s per year.", fitted.size(), mk.size(), jp.size(), UNIT));
        TableBuilder t = TableBuilder.of("ww-trends", "Trends of the daily mean load per site and drug")
                .text("City").text("Site").text("Drug").column("Years", Kind.INTEGER).text("Period")
                .column("Sen's slope", Kind.NUMBER).column("Kendall's tau", Kind.FIXED3).column("MK p", Kind.P_VALUE)
                .column("Joinpoint AAPC", Kind.SIGNED_PERCENT).text("Note");
        fitted.stream().sorted(Comparator.comparing((TrendRow r) -> Objects.toString(r.drug(), ""))
                        .thenComparingDouble(r -> r.mkP()))
                .forEach(r -> {
                    TrendRow j = jp.get(r.subArea() + "|" + r.drug());
                    t.row(names.getOrDefault(r.subArea(), r.subArea()), r.subArea(), r.drug(), r.n(),
                            Numbers.year(r.segStart()) + "\u2013" + Numbers.year(r.segEnd()), r.senSlope(), r.tau(),
                            r.mkP(), j == null ? null : j.aapc(), j == null ? null : j.note());
                });
        return s.add(c.assets.table(t.maxDisplayRows(60))).build();
    }
}
