package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.drugstats.core.data.Column;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.geo.UnodcAssignment;
import org.drugstats.core.results.ResultTable;
import org.drugstats.core.tracker.ChallengeIndicator;
import org.drugstats.core.tracker.TrackedSeries;
import org.drugstats.core.tracker.Tracker;
import org.drugstats.core.tracker.TrackerRow;
import org.drugstats.core.tracker.YearValue;

/**
 * The road-to-2029 tracker (issue 16): reads the series that core's {@link ChallengeIndicator} mapping names from
 * the run's result tables (small: they are collected to the driver), derives the data-availability series of
 * challenge (k) from the observations, and assesses every series with core's {@link Tracker}.
 *
 * <p>Data availability series (challenge k), from the observations the run used:
 * <ul>
 *   <li>{@code countries_reporting_seizures} (world, countries): per year, the number of countries with at least one
 *       {@code seizures_quantity} observation;
 *   <li>{@code share_countries_prevalence_survey_5y} and {@code _10y} (world and UNODC regions, percent): per year Y,
 *       the share of the region's countries (UNODC assignment) with an annual prevalence estimate of any drug whose
 *       survey year lies in Y − 4 … Y (resp. Y − 9 … Y).
 * </ul>
 */
public final class TrackerStep {
    /** Schema tag of {@code results/tracker}. */
    public static final String VERSION = ResultTable.TRACKER.schemaVersion();

    /** The derived series' years: from the first year of the World Drug Report's current annex window. */
    static final int FIRST_DERIVED_YEAR = 2013;

    /**
     * Read with the survey shares: the annex lists the surveys reported to UNODC by the edition's cut-off, and surveys
     * reach it one to three years after fieldwork, so the latest years are incomplete (in the WDR 2025 annex: 44
     * countries with a 2017 survey, 32 for 2019, 21 for each of 2020–2022 and 15 for 2023; COVID-19 also stopped
     * household surveys in 2020–2021).
     */
    static final String SURVEY_LAG = "Caution: surveys reach the World Drug Report annex one to three years after"
            + " fieldwork, so the latest years are incomplete and the share is a lower bound there; part of the fall"
            + " is this lag, not fewer surveys.";

    /** The Spark schema of {@code results/tracker} (the results contract's {@link ResultTable#TRACKER}). */
    public static final StructType SCHEMA = Schemas.of(ResultTable.TRACKER);

    private TrackerStep() {
    }

    /**
     * The tracker's rows as a dataset of {@link #SCHEMA}.
     *
     * @param tables the run's result tables by name ({@code indicators}, {@code estimates}, {@code aggregates});
     *     a table the run does not produce is simply absent
     * @param analysis the observations the analysis steps read
     */
    public static Dataset<Row> run(SparkSession spark, Map<String, Dataset<Row>> tables, Dataset<Row> analysis,
            Geography geography, Tracker tracker) {
        List<ChallengeIndicator> mapping = ChallengeIndicator.defaults();
        Map<String, String> countryNames = new HashMap<>();
        geography.countries().forEach(c -> countryNames.put(c.iso3(), c.name()));
        Map<String, List<TrackedSeries>> derived = derived(analysis, geography);
        // one job per table: the rows of every mapped indicator, grouped on the driver
        Map<String, Map<String, List<Row>>> byTable = new HashMap<>();
        for (Map.Entry<String, Dataset<Row>> t : tables.entrySet()) {
            Object[] wanted = mapping.stream().filter(m -> m.table().equals(t.getKey()) && m.hasIndicator())
                    .map(ChallengeIndicator::indicator).distinct().toArray();
            Map<String, List<Row>> rows = new HashMap<>();
            if (wanted.length > 0) {
                for (Row r : t.getValue().filter(col(Column.INDICATOR.columnName()).isin(wanted)).collectAsList()) {
                    rows.computeIfAbsent(r.getAs(Column.INDICATOR.columnName()), k -> new ArrayList<>()).add(r);
                }
            }
            byTable.put(t.getKey(), rows);
        }
        List<TrackerRow> rows = tracker.rows(mapping, m -> {
            if (m.table().equals("catalog")) {
                return catalogSeries(m);
            }
            if (m.table().equals("tracker")) {
                return filterAreas(derived.getOrDefault(m.indicator(), List.of()), areas(m.areas(), geography));
            }
            Map<String, List<Row>> t = byTable.get(m.table());
            if (t == null) {
                return List.of();
            }
            return series(m, t.getOrDefault(m.indicator(), List.of()), areas(m.areas(), geography),
                    "results/" + m.table(), countryNames);
        });
        List<Row> out = new ArrayList<>();
        for (TrackerRow r : rows) {
            out.add(RowFactory.create(r.challenge(), r.challengeText(), r.indicator(), r.label(), r.refArea(),
                    r.areaName(), r.unit(), r.baselineYear(), nan(r.baselineValue()), r.latestYear(),
                    nan(r.latestValue()), nan(r.change()), nan(r.changePercent()), r.trendMethod(),
                    nan(r.trendEstimate()), nan(r.trendLower()), nan(r.trendUpper()), nan(r.pValue()), r.direction(),
                    r.points(), r.coverage(), r.verdict(), r.source(), r.link()));
        }
        return spark.createDataFrame(out, SCHEMA);
    }

    /** WLD and the UNODC regions, or the listed codes. */
    static List<String> areas(String spec, Geography g) {
        switch (spec) {
            case "world":
                return List.of("WLD");
            case "regions": {
                List<String> a = new ArrayList<>(List.of("WLD"));
                a.addAll(new TreeSet<>(g.unodcAssignments().stream().map(UnodcAssignment::regionCode).toList()));
                return a;
            }
            default:
                return Arrays.stream(spec.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    private static List<TrackedSeries> filterAreas(List<TrackedSeries> all, List<String> areas) {
        List<TrackedSeries> out = new ArrayList<>();
        for (String a : areas) {
            all.stream().filter(s -> s.refArea().equals(a)).forEach(out::add);
        }
        return out;
    }

    /** One series per area of the rows of one indicator, in the order of {@code areas}. */
    static List<TrackedSeries> series(ChallengeIndicator m, List<Row> rows, List<String> areas, String table) {
        return series(m, rows, areas, table, Map.of());
    }

    /**
     * One series per area, as above; {@code countryNames} (ISO3 → name) replaces a published area name that is a
     * code. Rows of {@code results/estimates} whose latest year rests on carried or imputed country values get a
     * caveat: there, part or all of a change in people who use drugs is population growth at unchanged prevalence.
     */
    static List<TrackedSeries> series(ChallengeIndicator m, List<Row> rows, List<String> areas, String table,
            Map<String, String> countryNames) {
        Map<String, Map<Integer, Row>> byArea = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!m.drug().isBlank() && !m.drug().equals(str(r, Column.DRUG.columnName()))) {
                continue;
            }
            if (!m.drugGroup().isBlank() && !m.drugGroup().equals(str(r, Column.DRUG_GROUP.columnName()))) {
                continue;
            }
            if (!str(r, "sub_area").isEmpty()) {
                continue; // a state or a monitoring site is not its country's value
            }
            String area = str(r, Column.REF_AREA.columnName());
            Double v = dbl(r, Column.VALUE.columnName());
            Integer year = year(str(r, Column.TIME_PERIOD.columnName()));
            if (!areas.contains(area) || v == null || year == null) {
                continue;
            }
            Map<Integer, Row> years = byArea.computeIfAbsent(area, k -> new TreeMap<>());
            Row prev = years.get(year);
            if (prev == null || preference(r, prev) < 0) {
                years.put(year, r);
            }
        }
        List<TrackedSeries> out = new ArrayList<>();
        for (String area : areas) {
            Map<Integer, Row> years = byArea.get(area);
            if (years == null) {
                continue;
            }
            List<YearValue> values = new ArrayList<>();
            Row last = null;
            String unit = "";
            for (Map.Entry<Integer, Row> e : years.entrySet()) {
                Row r = e.getValue();
                double scale = Math.pow(10, intOr(r, Column.UNIT_MULT.columnName(), 0));
                values.add(YearValue.of(e.getKey(), dbl(r, Column.VALUE.columnName()) * scale,
                        nanIfNull(dbl(r, Column.LOWER.columnName())) * scale,
                        nanIfNull(dbl(r, Column.UPPER.columnName())) * scale));
                last = r;
                unit = str(r, Column.UNIT.columnName());
                if (unit.isEmpty()) {
                    // results/estimates carries no unit column: its two indicators have fixed units
                    unit = m.indicator().equals("people_who_use_drugs") ? "persons"
                            : m.indicator().startsWith("prevalence") ? "percent" : "";
                }
            }
            // the area as the report names it (a country's name, "World"), not the label of the row it was read
            // from ("TOTAL (best estimate)", "   Afghanistan (best estimate)" in annex 6.2.1)
            String name = countryNames.containsKey(area) ? countryNames.get(area)
                    : area.equals("WLD") ? areaName(area) : str(last, Column.AREA_NAME.columnName());
            int first = years.keySet().iterator().next();
            int lastYear = ((TreeMap<Integer, Row>) years).lastKey();
            String coverage = coverage(last, first, lastYear, years.size());
            String source = str(last, Column.SOURCE.columnName());
            if (source.isEmpty() && table.equals(ResultTable.ESTIMATES.dir())) {
                source = "drugstats estimate from UNODC World Drug Report 2025 annex table 1.2 and UN WPP 2017"
                        + " (method: " + str(last, Column.METHOD.columnName()) + ")";
            }
            out.add(new TrackedSeries(m.indicator(), m.label(), area, name.isEmpty() ? areaName(area) : name, unit,
                    (source.isEmpty() ? "" : source + "; ") + table, coverage, m.link(), values, carriedCaveat(last,
                            lastYear)));
        }
        return out;
    }

    /** The caveat of an estimate whose countries are partly carried from earlier surveys or imputed. */
    static String carriedCaveat(Row last, int year) {
        int carried = count(str(last, "carried_areas"));
        int imputed = count(str(last, "imputed_areas"));
        Integer n = intOrNull(last, "n_areas");
        if (carried + imputed == 0 || n == null) {
            return "";
        }
        return String.format(Locale.ROOT, "Caution: in %d, %d of the %d countries carry a survey from an earlier year"
                + " and %d are imputed, so much of the change is population growth at unchanged prevalence, not a"
                + " measured change in use.", year, carried, n, imputed);
    }

    private static int count(String joined) {
        return joined.isBlank() ? 0 : joined.split(";").length;
    }

    /** Rows of one area and year: sex total first, then the first method, so that one row stands for the year. */
    private static String preference(Row r) {
        String sex = str(r, Column.SEX.columnName());
        boolean total = sex.isEmpty() || sex.equals("T") || sex.equals("_T");
        // a total order, so that the chosen row never depends on the order Spark returns rows in (cluster = local)
        String method = str(r, Column.METHOD.columnName());
        // a row without a method (the figure as published, e.g. an unrounded total with its bounds) before any other
        return (total ? "0" : "1") + "|" + str(r, Column.AGE.columnName()) + "|" + (method.isEmpty() ? "0" : "1" + method)
                + "|" + str(r, Column.SOURCE.columnName()) + "|" + str(r, Column.VALUE.columnName()) + "|"
                + str(r, Column.LOWER.columnName()) + "|" + str(r, Column.UPPER.columnName());
    }

    private static int preference(Row a, Row b) {
        return preference(a).compareTo(preference(b));
    }

    private static String coverage(Row last, int first, int lastYear, int years) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d values, %d–%d", years, first, lastYear));
        Integer nWith = intOrNull(last, "n_with_data");
        Integer nAreas = intOrNull(last, "n_areas");
        Double cov = hasField(last, "coverage") ? dbl(last, "coverage") : null;
        if (nWith != null) {
            s.append(String.format(Locale.ROOT, "; %d: %d%s countries with data", lastYear, nWith,
                    nAreas == null ? "" : " of " + nAreas));
        }
        if (cov != null) {
            s.append(String.format(Locale.ROOT, " (%.0f%% of the population)", 100 * cov));
        }
        return s.toString();
    }

    /** The tracker's own data-availability series (challenge k). */
    static Map<String, List<TrackedSeries>> derived(Dataset<Row> analysis, Geography g) {
        Map<String, List<TrackedSeries>> out = new HashMap<>();
        Set<String> countries = new TreeSet<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        members.put("WLD", new ArrayList<>());
        Map<String, String> names = new HashMap<>();
        names.put("WLD", "World");
        for (UnodcAssignment u : g.unodcAssignments()) {
            countries.add(u.iso3());
            members.get("WLD").add(u.iso3());
            members.computeIfAbsent(u.regionCode(), k -> new ArrayList<>()).add(u.iso3());
            names.put(u.regionCode(), u.region());
        }
        List<Row> both = analysis.filter(col(Column.INDICATOR.columnName()).isin("seizures_quantity",
                "prevalence_annual")).select(col(Column.INDICATOR.columnName()), col(Column.REF_AREA.columnName()),
                col(Column.TIME_PERIOD.columnName())).distinct().collectAsList();
        List<Row> seizures = both.stream().filter(r -> r.getString(0).equals("seizures_quantity"))
                .map(r -> RowFactory.create(r.getString(1), r.getString(2))).toList();
        List<Row> surveys = both.stream().filter(r -> r.getString(0).equals("prevalence_annual"))
                .map(r -> RowFactory.create(r.getString(1), r.getString(2))).toList();
        Map<Integer, Set<String>> reporting = new TreeMap<>();
        for (Row r : seizures) {
            Integer y = year(r.getString(1));
            if (y != null && countries.contains(r.getString(0))) {
                reporting.computeIfAbsent(y, k -> new TreeSet<>()).add(r.getString(0));
            }
        }
        if (!reporting.isEmpty()) {
            List<YearValue> v = new ArrayList<>();
            reporting.forEach((y, s) -> v.add(YearValue.of(y, s.size())));
            out.put("countries_reporting_seizures", List.of(new TrackedSeries("countries_reporting_seizures",
                    "Countries reporting drug seizures", "WLD", "World", "countries",
                    "UNODC World Drug Report annex (seizures); derived by the tracker from results/observations",
                    String.format(Locale.ROOT, "of %d countries and territories in the UNODC regions",
                            countries.size()), "quality.html", v)));
        }
        Map<String, Set<Integer>> surveyYears = new HashMap<>();
        int lastSurvey = Integer.MIN_VALUE;
        for (Row r : surveys) {
            Integer y = year(r.getString(1));
            if (y != null && countries.contains(r.getString(0))) {
                surveyYears.computeIfAbsent(r.getString(0), k -> new TreeSet<>()).add(y);
                lastSurvey = Math.max(lastSurvey, y);
            }
        }
        if (!surveyYears.isEmpty()) {
            for (int window : new int[] {5, 10}) {
                List<TrackedSeries> list = new ArrayList<>();
                for (Map.Entry<String, List<String>> e : members.entrySet()) {
                    List<YearValue> v = new ArrayList<>();
                    int with = 0;
                    for (int y = FIRST_DERIVED_YEAR; y <= lastSurvey; y++) {
                        with = 0;
                        for (String iso : e.getValue()) {
                            Set<Integer> ys = surveyYears.getOrDefault(iso, Set.of());
                            for (int k = y - window + 1; k <= y; k++) {
                                if (ys.contains(k)) {
                                    with++;
                                    break;
                                }
                            }
                        }
                        v.add(YearValue.of(y, 100.0 * with / e.getValue().size()));
                    }
                    String id = "share_countries_prevalence_survey_" + window + "y";
                    list.add(new TrackedSeries(id, "Share of countries with a prevalence estimate in the past "
                            + window + " years", e.getKey(), names.get(e.getKey()), "percent",
                            "UNODC World Drug Report annex (prevalence); derived by the tracker from "
                                    + "results/observations",
                            String.format(Locale.ROOT, "%d: %d of %d countries", lastSurvey, with,
                                    e.getValue().size()), "quality.html", v, SURVEY_LAG));
                }
                out.put("share_countries_prevalence_survey_" + window + "y", list);
            }
        }
        return out;
    }

    /**
     * The world figures of a catalog indicator as a series: one value per year, from one source document only (figures
     * of different editions or documents are never chained; the most recent document's figures are kept).
     */
    static List<TrackedSeries> catalogSeries(ChallengeIndicator m) {
        List<org.drugstats.core.catalog.CatalogEntry> entries = org.drugstats.core.catalog.Catalog.load()
                .entriesFor(m.indicator()).stream().filter(e -> e.scope().equals("World") && !e.isPeriod()
                        && e.firstYear().isPresent()).toList();
        if (entries.isEmpty()) {
            return List.of();
        }
        String document = entries.get(entries.size() - 1).sourceDocument();
        Map<Integer, org.drugstats.core.catalog.CatalogEntry> byYear = new TreeMap<>();
        for (org.drugstats.core.catalog.CatalogEntry e : entries) {
            if (e.sourceDocument().equals(document)) {
                byYear.putIfAbsent(e.firstYear().getAsInt(), e);
            }
        }
        List<YearValue> values = new ArrayList<>();
        byYear.forEach((y, e) -> values.add(YearValue.of(y, e.scaledValue())));
        org.drugstats.core.catalog.CatalogEntry first = byYear.values().iterator().next();
        return List.of(new TrackedSeries(m.indicator(), m.label(), "WLD", "World", "count",
                document + ", " + first.sourceLocator() + " (drugstats catalog " + first.id() + ")",
                byYear.size() + " published value(s)", m.link(), values));
    }

    /** The start year of a time period ({@code 2019}, {@code 2020/21} → 2020; core's {@code TimePeriod}), null when it has none. */
    static Integer year(String period) {
        return period == null ? null
                : org.drugstats.core.data.TimePeriod.tryParse(period).map(org.drugstats.core.data.TimePeriod::startYear)
                        .orElse(null);
    }

    private static String areaName(String code) {
        return code.equals("WLD") ? "World" : code;
    }

    private static boolean hasField(Row r, String name) {
        return Arrays.asList(r.schema().fieldNames()).contains(name);
    }

    private static String str(Row r, String name) {
        if (r == null || !hasField(r, name) || r.isNullAt(r.fieldIndex(name))) {
            return "";
        }
        return r.get(r.fieldIndex(name)).toString();
    }

    private static Double dbl(Row r, String name) {
        if (!hasField(r, name) || r.isNullAt(r.fieldIndex(name))) {
            return null;
        }
        return ((Number) r.get(r.fieldIndex(name))).doubleValue();
    }

    private static Integer intOrNull(Row r, String name) {
        if (!hasField(r, name) || r.isNullAt(r.fieldIndex(name))) {
            return null;
        }
        return ((Number) r.get(r.fieldIndex(name))).intValue();
    }

    private static int intOr(Row r, String name, int dflt) {
        Integer v = intOrNull(r, name);
        return v == null ? dflt : v;
    }

    private static double nanIfNull(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static Double nan(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
