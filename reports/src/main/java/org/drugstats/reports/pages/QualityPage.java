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
import org.drugstats.reports.format.Numbers;
import org.drugstats.reports.html.Facts;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Page;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.Manifest;
import org.drugstats.reports.model.QuarantineFile;
import org.drugstats.reports.model.ResultObservation;
import org.drugstats.reports.model.TrendRow;

/**
 * Data quality and methods: row accounting and the quarantine per input, unmapped names, coverage of every
 * aggregate, imputed values, the methods with their formulas and references, the sources, and the run
 * manifest (inputs, checksums, versions, parameters).
 */
final class QualityPage {

    static final String FILE = "quality.html";

    private QualityPage() {
    }

    static Page build(PageContext c) {
        List<Section> sections = new ArrayList<>();
        sections.add(rowAccounting(c));
        sections.add(IngestQuarantineSection.build(c));
        sections.add(quarantine(c));
        sections.add(unmapped(c));
        sections.add(coverage(c));
        sections.add(imputed(c));
        sections.add(methods(c));
        sections.add(sources(c));
        sections.add(manifest(c));
        return new Page(FILE, "Data quality and methods", "Quality & methods",
                "Where every input row went, what was set aside and why, how complete each aggregate is, what was "
                        + "imputed, how each number is computed, and exactly which inputs and versions produced this "
                        + "report.", sections);
    }

    private static Section rowAccounting(PageContext c) {
        Section.Builder s = Section.builder("rows", "Row accounting per input");
        if (c.run.manifest().isEmpty() || c.run.manifest().get().inputs().isEmpty()) {
            return s.add(Note.empty("row accounting", "The run wrote no manifest with inputs (manifest.json).")).build();
        }
        List<Manifest.Input> inputs = c.run.manifest().get().inputs();
        s.text("Every row read is either accepted or quarantined with a reason: read = accepted + quarantined, at "
                + "both stages. The ingest read the published file and wrote the extract (its accepted rows); the run "
                + "read the extract. Inputs not written by drugstats ingest have no ingest columns.");
        TableBuilder t = TableBuilder.of("row-accounting", "Rows read, accepted and quarantined per input: by the "
                + "ingest of the published file, then by the run").text("Input").text("Published file")
                .text("Ingest kind").column("Ingest read", Kind.INTEGER).column("Ingest accepted", Kind.INTEGER)
                .column("Ingest quarantined", Kind.INTEGER).column("Run read", Kind.INTEGER)
                .column("Run accepted", Kind.INTEGER).column("Run quarantined", Kind.INTEGER).text("Balanced")
                .text("SHA-256");
        for (Manifest.Input i : inputs) {
            Manifest.Ingest g = i.ingest();
            boolean balanced = i.balanced() && (g == null || g.balanced());
            t.row(i.path(), g == null ? null : g.input(), g == null ? null : g.kind(),
                    g == null ? null : g.rowsRead(), g == null ? null : g.rowsAccepted(),
                    g == null ? null : g.rowsQuarantined(), i.rowsRead(), i.rowsAccepted(), i.rowsQuarantined(),
                    balanced ? "yes" : "NO", i.sha256());
        }
        s.add(c.assets.table(t));
        if (inputs.stream().anyMatch(i -> !i.balanced() || i.ingest() != null && !i.ingest().balanced())) {
            s.add(Note.caution("Some inputs do not balance: rows were lost or counted twice. See the manifest."));
        }
        return s.build();
    }

    private static Section quarantine(PageContext c) {
        Section.Builder s = Section.builder("quarantine", "Quarantine");
        List<QuarantineFile> files = c.run.quarantine();
        if (files.isEmpty()) {
            return s.add(Note.empty("quarantined rows", "The run wrote no quarantine files: no row was set aside, "
                    + "or the run predates quarantine files.")).build();
        }
        Set<String> reasons = new java.util.TreeSet<>();
        files.forEach(f -> reasons.addAll(f.byReason().keySet()));
        TableBuilder t = TableBuilder.of("quarantine-summary", "Quarantined rows per input and reason").text("Input")
                .column("Rows", Kind.INTEGER);
        for (String r : reasons) {
            t.column(r, Kind.INTEGER);
        }
        t.column("File", TableBuilder.Kind.LINK);
        for (QuarantineFile f : files) {
            List<Object> row = new ArrayList<>();
            row.add(f.input());
            row.add(f.rows());
            for (String r : reasons) {
                row.add(f.byReason().getOrDefault(r, 0));
            }
            row.add(c.assets.copy(f.path(), "quarantine"));
            t.row(row.toArray());
        }
        s.add(c.assets.table(t.note("Each quarantine file is copied into the report under data/quarantine/ with "
                + "the canonical columns plus reason, sheet, row, column, raw_value and detail.")));
        return s.build();
    }

    private static Section unmapped(PageContext c) {
        Section.Builder s = Section.builder("unmapped", "Unmapped names");
        TableBuilder t = TableBuilder.of("unmapped-names", "Area names that mapped to no country or aggregate")
                .text("Name as published").text("Input").column("Rows", Kind.INTEGER);
        int n = 0;
        for (QuarantineFile f : c.run.quarantine()) {
            for (Map.Entry<String, Integer> e : f.unmappedNames().entrySet()) {
                t.row(e.getKey(), f.input(), e.getValue());
                n++;
            }
        }
        if (n == 0) {
            return s.add(Note.empty("unmapped area names", c.run.quarantine().isEmpty() ? null
                    : "Every published area name mapped to a country or an aggregate.")).build();
        }
        return s.add(c.assets.table(t)).build();
    }

    private static Section coverage(PageContext c) {
        Section.Builder s = Section.builder("coverage", "Coverage per aggregate");
        List<ResultObservation> agg = c.run.aggregates();
        if (agg.isEmpty()) {
            return s.add(Note.empty("aggregates", "The run wrote no aggregates (results/aggregates).")).build();
        }
        s.text("Population coverage = population of the countries with data \u00f7 population of the aggregate. "
                + "Countries without data are imputed from the sub-regional (else regional) population-weighted "
                + "average; below the minimum coverage no value is published and the notes say why. Cultivation "
                + "areas and seizures do not scale with population: their aggregates are sums of the countries "
                + "reporting, so their coverage is the countries reporting (areas with data of areas) and the "
                + "population coverage is left empty.");
        TableBuilder t = TableBuilder.of("aggregate-coverage", "Coverage of every aggregate").text("Indicator")
                .text("Area").text("Level").text("Drug").column("Year", Kind.TEXT)
                .column("Population coverage (%)", Kind.FIXED1).column("Areas with data (reporting)", Kind.INTEGER)
                .column("Areas", Kind.INTEGER).column("Imputed areas", Kind.INTEGER).text("Status").text("Method")
                .text("Notes").text("Imputed (ISO3)");
        agg.stream().sorted(Comparator.comparing((ResultObservation o) -> o.indicator())
                .thenComparing(Select::drugKey, Select.drugOrder()).thenComparing(o -> c.names.name(o.refArea()))
                .thenComparing(o -> String.valueOf(o.timePeriod())))
                .forEach(o -> t.row(c.indicatorName(o.indicator()), c.names.name(o.refArea()), Labels.level(o.level()),
                        o.drug(), o.timePeriod(), o.populationCoverage() * 100,
                        o.nWithData(), o.nAreas(), imputedCount(o),
                        o.obsStatus(), o.method(), o.notes(), o.imputedAreas()));
        s.add(c.assets.table(t.maxDisplayRows(300)));
        long low = agg.stream().filter(o -> !o.hasValue() || o.hasFlag("low-coverage")).count();
        if (low > 0) {
            s.add(Note.caution(low + " aggregate" + (low == 1 ? " lies" : "s lie")
                    + " below the minimum coverage and carry no value."));
        }
        return s.build();
    }

    private static int imputedCount(ResultObservation o) {
        if (o.imputedAreas() == null || o.imputedAreas().isBlank()) {
            return 0;
        }
        return (int) java.util.Arrays.stream(o.imputedAreas().split(";")).filter(x -> !x.isBlank()).count();
    }

    private static Section imputed(PageContext c) {
        Section.Builder s = Section.builder("imputed", "Imputed values");
        Map<String, int[]> byIndicator = new TreeMap<>();
        for (List<ResultObservation> l : List.of(c.run.observations(), c.run.indicators())) {
            for (ResultObservation o : l) {
                if (o.imputed() || "estimated".equals(o.obsStatus())) {
                    int[] n = byIndicator.computeIfAbsent(o.indicator(), k -> new int[2]);
                    n[o.imputed() ? 0 : 1]++;
                }
            }
        }
        Map<String, Set<String>> imputedAreas = new TreeMap<>();
        for (ResultObservation o : c.run.aggregates()) {
            if (o.imputedAreas() != null) {
                for (String a : o.imputedAreas().split(";")) {
                    if (!a.isBlank()) {
                        imputedAreas.computeIfAbsent(o.indicator(), k -> new LinkedHashSet<>()).add(a.trim());
                    }
                }
            }
        }
        if (byIndicator.isEmpty() && imputedAreas.isEmpty()) {
            return s.add(Note.empty("imputed or estimated values", null)).build();
        }
        s.text("In this run: " + c.counts.imputedText() + ". The two count different things: a row of the "
                + "published or derived data whose value was imputed (obs_status imputed), and a country without "
                + "data whose region's value stands in for it inside an aggregate.");
        TableBuilder t = TableBuilder.of("imputed-values", "Imputed and estimated values per indicator")
                .text("Indicator").column("Rows imputed (observations and derived)", Kind.INTEGER)
                .column("Rows estimated", Kind.INTEGER)
                .column("Countries imputed inside aggregates", Kind.INTEGER);
        Set<String> ids = new java.util.TreeSet<>(byIndicator.keySet());
        ids.addAll(imputedAreas.keySet());
        for (String id : ids) {
            int[] n = byIndicator.getOrDefault(id, new int[2]);
            t.row(c.indicatorName(id), n[0], n[1], imputedAreas.getOrDefault(id, Set.of()).size());
        }
        s.add(c.assets.table(t.note("Imputed: filled in for a missing value (charts draw them with hollow markers). "
                + "Estimated: adjusted by the publisher or this run, e.g. to the 15\u201364 age base.")));
        return s.build();
    }

    private static Section methods(PageContext c) {
        Section.Builder s = Section.builder("methods", "Methods, formulas and references");
        s.add(new Facts(List.of(
                new Facts.Fact("Number of users", "prevalence (%) / 100 \u00d7 population aged 15\u201364 of the same "
                        + "year (UN World Population Prospects). Check: 296 million / 5.125 billion = 5.78%."),
                new Facts.Fact("Regional and global prevalence", "\u03a3 prev_i \u00b7 pop_i / \u03a3 pop_i over the "
                        + "countries of the region; a country without data takes its sub-regional (else regional) "
                        + "average; coverage = population with data / population of the region (UNODC, World Drug "
                        + "Report, Methodology)."),
                new Facts.Fact("Ranges", "UNODC publishes low\u2013high ranges, not standard errors. Ranges of sums and "
                        + "ratios are propagated by Monte Carlo (each input drawn from a lognormal with median = best "
                        + "and \u03c3 = (ln high \u2212 ln low)/(2\u00b71.96); 2.5th and 97.5th percentiles), or "
                        + "conservatively by summing the bounds, as each table's method column says."),
                new Facts.Fact("World and regional drug use (results/estimates)", "As the World Drug Report: for "
                        + "year Y each country's latest national estimate (annex 1.2) with survey year in [Y \u2212 W, Y], "
                        + "W = 20 by default (the world totals stop moving once every survey is in; shorter windows "
                        + "move them by up to 30%). Age bases: 15-64 as is; ranges starting at 12\u201318 and ending at "
                        + "54\u201370 taken as 15\u201364; ranges reaching below 12, above 70 or open (15+, 12+, 10-75) "
                        + "multiplied by pop(surveyed)/pop(15\u201364) from WPP, assuming no use among the surveyed "
                        + "outside those ages; ranges without ages 18\u201354 (19-28, 16-24) left out. Opioids = the "
                        + "country's opioids row, else opiates \u222a prescription opioids (a + b \u2212 ab/100, low "
                        + "max, high sum), else the one component reported; amphetamines with prescription "
                        + "stimulants the same way. No estimate: the sub-region's (else region's, else world's) "
                        + "population-weighted prevalence, range P10\u2013P90 of its countries. People = prevalence "
                        + "\u00d7 population 15\u201364 of Y; sub-regions, regions and world are sums; ranges summed "
                        + "(conservative) unless estimates.bounds = monte_carlo. Coverage below 50%: not a headline. "
                        + "\"Any drug\" cannot be estimated from annex 1.2."),
                new Facts.Fact("Treatment coverage (SDG 3.5.1)", "people in treatment \u00f7 people with the "
                        + "disorder \u00d7 100; gap = 100 \u2212 coverage; 1 in N = 1 / coverage (WHO, UNODC)."),
                new Facts.Fact("S-DDD", "(quantity in mg / defined daily dose in mg) / 365 / (population / 10^6), per "
                        + "million inhabitants per day (INCB)."),
                new Facts.Fact("Lorenz curve and Gini", "countries ranked by consumption per capita; F_i, L_i = "
                        + "cumulative population and consumption shares; G = 1 \u2212 \u03a3 (F_i \u2212 F_{i\u22121})"
                        + "(L_i + L_{i\u22121}). \"X% of the population, Y% of consumption\" read at F = X by linear "
                        + "interpolation."),
                new Facts.Fact("Log-linear trend", "ln y_t = b0 + b1\u00b7t; APC = 100\u00b7(e^b1 \u2212 1); CI = "
                        + "100\u00b7(e^(b1 \u00b1 t\u00b7SE) \u2212 1)."),
                new Facts.Fact("Joinpoint regression", "continuous piecewise log-linear model ln y = \u03b20 + "
                        + "\u03b21\u00b7x + \u03a3 \u03b4_j\u00b7(x \u2212 \u03c4_j)+, joinpoints on the grid of observed "
                        + "years, number of joinpoints by permutation test or BIC (Kim, Fay, Feuer, Midthune 2000, "
                        + "Stat Med 19:335, doi:10.1002/(SICI)1097-0258(20000215)19:3<335::AID-SIM336>3.0.CO;2-Z)."),
                new Facts.Fact("AAPC", "100\u00b7(exp(\u03a3 w_i b_i / \u03a3 w_i) \u2212 1), w_i = length of segment i "
                        + "in the interval (Clegg et al. 2009, Stat Med 28:3670, doi:10.1002/sim.3733)."),
                new Facts.Fact("Mann\u2013Kendall and Sen", "S = \u03a3 sgn(x_j \u2212 x_k); Var(S) with the tie "
                        + "correction; Z = (S \u2213 1)/\u221aVar(S); p = 2(1 \u2212 \u03a6(|Z|)); Sen's slope = "
                        + "median of pairwise slopes (Mann 1945; Kendall 1975; Sen 1968, JASA 63:1379)."))));
        Set<String> used = new java.util.TreeSet<>();
        for (List<ResultObservation> l : List.of(c.run.aggregates(), c.run.indicators())) {
            l.stream().map(ResultObservation::method).filter(m -> m != null && !m.isBlank()).forEach(used::add);
        }
        c.run.trends().stream().map(TrendRow::method).filter(m -> m != null && !m.isBlank())
                .map(m -> "trend: " + m).forEach(used::add);
        if (!used.isEmpty()) {
            s.text("Methods named in this run's results: " + String.join("; ", used) + ".");
        }
        return s.build();
    }

    private static Section sources(PageContext c) {
        Section.Builder s = Section.builder("sources", "Sources");
        if (c.run.origins().isEmpty()) {
            return s.add(Note.empty("source descriptions", "The result files carry no origins metadata.")).build();
        }
        TableBuilder t = TableBuilder.of("sources", "Origins of the data").text("Id").text("Producer").text("Title")
                .text("Citation").text("URL").text("Licence").text("Published").text("File").text("SHA-256")
                .text("Processing");
        for (Origin o : c.run.origins().values()) {
            t.row(o.id(), o.producer(), o.title() + (o.synthetic() ? " [synthetic]" : ""), o.citation(), o.url(),
                    o.licence(), o.datePublished(), o.fileName(), o.sha256(), o.processing());
        }
        return s.add(c.assets.table(t)).build();
    }

    private static Section manifest(PageContext c) {
        Section.Builder s = Section.builder("manifest", "Run manifest");
        if (c.run.manifest().isEmpty()) {
            return s.add(Note.empty("a run manifest", "manifest.json is absent.")).build();
        }
        Manifest m = c.run.manifest().get();
        List<Facts.Fact> facts = new ArrayList<>();
        facts.add(new Facts.Fact("Started", m.started()));
        facts.add(new Facts.Fact("Ended", m.ended()));
        m.versions().forEach((k, v) -> facts.add(new Facts.Fact("Version: " + k, v)));
        s.add(new Facts(facts));
        if (!m.parameters().isEmpty()) {
            TableBuilder t = TableBuilder.of("run-parameters", "Parameters").text("Parameter").text("Value");
            m.parameters().forEach(t::row);
            s.add(c.assets.table(t));
        }
        if (!m.inputs().isEmpty()) {
            TableBuilder t = TableBuilder.of("run-inputs", "Inputs and checksums").text("Path").text("SHA-256")
                    .column("Rows read", Kind.INTEGER);
            m.inputs().forEach(i -> t.row(i.path(), i.sha256(), i.rowsRead()));
            s.add(c.assets.table(t));
        }
        if (!m.steps().isEmpty()) {
            TableBuilder t = TableBuilder.of("run-steps", "Steps").text("Step").column("Seconds", Kind.FIXED2)
                    .column("Rows in", Kind.INTEGER).column("Rows out", Kind.INTEGER);
            m.steps().forEach(st -> t.row(st.name(), st.seconds(), st.rowsIn() < 0 ? null : st.rowsIn(),
                    st.rowsOut() < 0 ? null : st.rowsOut()));
            s.add(c.assets.table(t));
        }
        if (!m.outputs().isEmpty()) {
            TableBuilder t = TableBuilder.of("run-outputs", "Outputs and checksums").text("Path")
                    .column("Rows", Kind.INTEGER).text("SHA-256");
            m.outputs().forEach(o -> t.row(o.path(), o.rows() < 0 ? null : o.rows(), o.sha256()));
            s.add(c.assets.table(t));
        }
        String counts = c.run.rowCounts().entrySet().stream()
                .map(e -> e.getKey() + ": " + Numbers.fixed(e.getValue(), 0) + " rows").reduce((a, b) -> a + "; " + b)
                .orElse("none");
        s.text(String.format(Locale.ROOT, "Result files read by this report: %s.", counts));
        s.text("Trends: " + c.counts.trendsText() + ".");
        return s.build();
    }
}
