package org.drugstats.core.stats.youth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.drugstats.core.geo.UnodcAssignment;
import org.drugstats.core.stats.estimate.AgePopulation;
import org.drugstats.core.stats.estimate.PopulationTable;

/**
 * Youth estimates from annex table 1.4 (UNODC, World Drug Report 2025, statistical annex, "Prevalence of drug use
 * among the youth population, national data").
 *
 * <p><b>Latest per country</b> ({@link #latest}): for each area, drug, period and {@link YouthAgeGroup}, the rows
 * of the latest survey year (the first year of a split period). Among them the whole-drug rows
 * ({@link Products}); of several, the first in a total order of the row's fields (record number, empty first;
 * surveyed age; source; product; coverage; period; value), so the result does not depend on the order of the
 * input. When the latest year has only component rows, the largest component is taken (method
 * {@code latest-survey-component-max}): the use of a drug is at least the use of any of its products, so this is a
 * lower bound, said on the row. Rows of other sexes than both are not read. A past-year or past-month value above
 * {@link YouthSettings#implausibleAbove()} is kept and flagged.
 *
 * <p><b>Summaries</b> ({@link #summaries}), for year Y and the group {@link YouthAgeGroup#STUDENTS_15_16} only:
 * the countries with data are the UNODC members whose latest 15–16 estimate has a survey year in [Y − W, Y] and is
 * not flagged; with w<sub>i</sub> the population aged 15–16 of year Y,
 * <pre>
 *   mean     = Σ v_i w_i / Σ w_i                    (countries with data)
 *   coverage = Σ w_i (with data) / Σ w_j (members with a population of Y)
 * </pre>
 * with the unweighted median, minimum and maximum of the v<sub>i</sub>. The weight is the population aged 15–16,
 * taken as 2/10 of the UN WPP group 15–24 of year Y (persons spread evenly over the single ages of the group,
 * {@link AgePopulation#between}): the project's population extract has no single ages. It weights the population
 * of the age, not the students (school enrolment at 15–16 differs between countries), and no country without data
 * is imputed: the mean describes the surveyed countries. Each sub-region, region and the world is computed from its
 * member countries directly (the weighted mean of the countries equals that of its sub-regions' means weighted by
 * their covered populations). A summary below {@link YouthSettings#minCoverage()} is produced but not a headline;
 * one without any country with data has no value and says so.
 */
public final class YouthEstimator {
    private static final Comparator<String> RECORD = Comparator.comparing((String r) -> !r.isEmpty())
            .thenComparingInt(String::length).thenComparing(Comparator.naturalOrder());
    /** The total order of rows of one survey year (see the class comment). */
    static final Comparator<YouthSurveyRow> ORDER = Comparator.comparing(YouthSurveyRow::record, RECORD)
            .thenComparing(YouthSurveyRow::surveyedAge).thenComparing(YouthSurveyRow::source)
            .thenComparing(YouthSurveyRow::product).thenComparing(YouthSurveyRow::coverage)
            .thenComparing(YouthSurveyRow::timePeriod).thenComparingDouble(YouthSurveyRow::value)
            .thenComparing(YouthSurveyRow::age).thenComparing(YouthSurveyRow::surveyType);

    private final YouthSettings settings;

    private YouthEstimator(YouthSettings settings) {
        this.settings = settings;
    }

    /** An estimator with the given settings. */
    public static YouthEstimator of(YouthSettings settings) {
        return new YouthEstimator(Objects.requireNonNull(settings, "settings"));
    }

    /** The settings. */
    public YouthSettings settings() {
        return settings;
    }

    /** Each area's latest estimate per drug, period and age group, sorted by area, drug, period and group. */
    public List<YouthCountryEstimate> latest(Collection<YouthSurveyRow> rows) {
        TreeMap<String, List<YouthSurveyRow>> byKey = new TreeMap<>();
        for (YouthSurveyRow r : rows) {
            String k = r.refArea() + "|" + r.drug() + "|" + r.period().ordinal() + "|" + r.group().ordinal();
            byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
        }
        List<YouthCountryEstimate> out = new ArrayList<>();
        for (List<YouthSurveyRow> rs : byKey.values()) {
            int year = rs.stream().mapToInt(YouthSurveyRow::surveyYear).max().orElseThrow();
            List<YouthSurveyRow> cands = rs.stream().filter(r -> r.surveyYear() == year).sorted(ORDER).toList();
            List<YouthSurveyRow> whole = cands.stream().filter(r -> !r.component()).toList();
            YouthSurveyRow chosen;
            String method;
            if (!whole.isEmpty()) {
                chosen = whole.get(0);
                method = "latest-survey";
            } else {
                chosen = cands.stream().max(Comparator.comparingDouble(YouthSurveyRow::value)
                        .thenComparing(ORDER.reversed())).orElseThrow();
                method = "latest-survey-component-max";
            }
            List<String> alternatives = new ArrayList<>();
            for (YouthSurveyRow r : cands) {
                if (r != chosen) {
                    alternatives.add(String.format(Locale.ROOT, "%s (%s, age %s, %s)", number(r.value()),
                            r.product().isEmpty() ? "whole drug" : r.product(), r.surveyedAge(), r.source()));
                }
            }
            YouthLevel level = chosen.refArea().length() == 3 ? YouthLevel.COUNTRY : YouthLevel.SUBNATIONAL;
            boolean implausible = chosen.period() != YouthPeriod.LIFETIME
                    && chosen.value() > settings.implausibleAbove();
            out.add(new YouthCountryEstimate(level, chosen.refArea(), chosen.drug(), chosen.period(), chosen.group(),
                    chosen, chosen.value(), method, implausible, alternatives));
        }
        return out;
    }

    /**
     * The sub-regional, regional and world summaries of year Y of every drug and period among {@code latest}, in
     * the order sub-regions, regions, world (each by code), then drug and period.
     *
     * @param latest the countries' latest estimates ({@link #latest})
     * @param population WPP populations (the group 15–24 of year Y is used)
     * @param membership UNODC membership of the countries
     */
    public List<YouthSummary> summaries(List<YouthCountryEstimate> latest, PopulationTable population,
            List<UnodcAssignment> membership) {
        int y = settings.targetYear();
        TreeMap<String, UnodcAssignment> geo = new TreeMap<>();
        for (UnodcAssignment a : membership) {
            geo.put(a.iso3(), a);
        }
        TreeSet<String> drugs = new TreeSet<>();
        TreeMap<String, YouthCountryEstimate> students = new TreeMap<>(); // iso3|drug|period -> 15-16 estimate
        for (YouthCountryEstimate e : latest) {
            drugs.add(e.drug());
            if (e.group() == YouthAgeGroup.STUDENTS_15_16 && e.level() == YouthLevel.COUNTRY) {
                students.put(e.refArea() + "|" + e.drug() + "|" + e.period().ordinal(), e);
            }
        }
        List<YouthSummary> out = new ArrayList<>();
        for (YouthLevel level : List.of(YouthLevel.SUBREGION, YouthLevel.REGION, YouthLevel.WORLD)) {
            Function<UnodcAssignment, String> code = switch (level) {
                case SUBREGION -> UnodcAssignment::subregionCode;
                case REGION -> UnodcAssignment::regionCode;
                default -> a -> "WLD";
            };
            TreeMap<String, List<UnodcAssignment>> groups = new TreeMap<>();
            for (UnodcAssignment a : geo.values()) {
                groups.computeIfAbsent(code.apply(a), k -> new ArrayList<>()).add(a);
            }
            for (var g : groups.entrySet()) {
                for (String drug : drugs) {
                    for (YouthPeriod p : YouthPeriod.values()) {
                        out.add(summary(level, g.getKey(), g.getValue(), drug, p, y, students, population));
                    }
                }
            }
        }
        return out;
    }

    private YouthSummary summary(YouthLevel level, String code, List<UnodcAssignment> members, String drug,
            YouthPeriod p, int y, TreeMap<String, YouthCountryEstimate> students, PopulationTable population) {
        double total = 0;
        double covered = 0;
        double weighted = 0;
        int n = 0;
        List<Double> values = new ArrayList<>();
        List<String> withData = new ArrayList<>();
        List<String> implausible = new ArrayList<>();
        List<String> noPopulation = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (UnodcAssignment a : members) {
            Optional<AgePopulation> pop = population.get(a.iso3(), y);
            YouthCountryEstimate e = students.get(a.iso3() + "|" + drug + "|" + p.ordinal());
            boolean inWindow = e != null && e.surveyYear() <= y && e.surveyYear() >= y - settings.window();
            if (pop.isEmpty()) {
                if (inWindow) {
                    noPopulation.add(a.iso3());
                }
                continue;
            }
            double w = pop.get().between(15, 16);
            total += w;
            n++;
            if (e == null) {
                continue;
            }
            if (!inWindow) {
                outside.add(a.iso3() + ":" + e.surveyYear());
                continue;
            }
            if (e.implausible()) {
                implausible.add(a.iso3() + " " + number(e.value()));
                continue;
            }
            covered += w;
            weighted += e.value() * w;
            values.add(e.value());
            withData.add(a.iso3() + ":" + e.surveyYear());
        }
        double coverage = total > 0 ? covered / total : 0;
        boolean headline = !values.isEmpty() && coverage >= settings.minCoverage();
        List<String> notes = new ArrayList<>();
        if (values.isEmpty()) {
            notes.add(String.format(Locale.ROOT, "no value: no member with a %s survey of students aged 15-16 of "
                    + "%d-%d", p.label(), y - settings.window(), y));
        } else {
            notes.add(headline ? String.format(Locale.ROOT, "headline: coverage %.2f >= %.2f", coverage,
                    settings.minCoverage())
                    : String.format(Locale.ROOT, "not a headline: coverage %.2f below the minimum %.2f", coverage,
                            settings.minCoverage()));
        }
        if (!implausible.isEmpty()) {
            notes.add("left out as implausible (above " + number(settings.implausibleAbove()) + "%): "
                    + String.join(", ", implausible));
        }
        if (!outside.isEmpty()) {
            notes.add("latest 15-16 survey before " + (y - settings.window()) + ", not used: "
                    + String.join(", ", outside));
        }
        if (!noPopulation.isEmpty()) {
            notes.add("no population of " + y + ", left out: " + String.join(", ", noPopulation));
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double nan = Double.NaN;
        return new YouthSummary(level, code, drug, p, y, v.length == 0 ? nan : weighted / covered, median(v),
                v.length == 0 ? nan : v[0], v.length == 0 ? nan : v[v.length - 1], coverage, n, v.length, withData,
                headline, notes);
    }

    /** The median of sorted values (mean of the two middle ones when even); NaN when empty. */
    static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    /** A value as text without trailing zeros. */
    static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
