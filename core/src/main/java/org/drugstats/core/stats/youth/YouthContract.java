package org.drugstats.core.stats.youth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drugstats.core.results.ResultTable;

/**
 * The rows of {@code results/youth_estimates} ({@link ResultTable#YOUTH_ESTIMATES}, schema tag
 * {@code drugstats-youth-estimates/1}), as values in its column order. Kept free of Spark so that the contract can
 * be read and checked from core.
 */
public final class YouthContract {
    /** The table. */
    public static final ResultTable TABLE = ResultTable.YOUTH_ESTIMATES;
    /** Sex of every row. */
    public static final String SEX = "T";
    /** Method of a summary. */
    public static final String SUMMARY_METHOD = "population-weighted-mean";
    /** Source named on every summary row. */
    public static final String SUMMARY_SOURCE = "UNODC, World Drug Report 2025, statistical annex table 1.4; weights "
            + "UN World Population Prospects (population 15-24 of the year, 2/10 of it as aged 15-16)";
    /** Sort order of the rows. */
    public static final List<String> ORDER = List.of("indicator", "level", "ref_area", "drug", "age_group",
            "time_period");

    private YouthContract() {
    }

    /** The row of a country's (or sub-national area's) latest estimate. */
    public static Object[] row(YouthCountryEstimate e, Map<String, String> names) {
        YouthSurveyRow r = e.row();
        List<String> notes = new ArrayList<>();
        if (!r.product().isEmpty()) {
            notes.add((r.component() ? "component: " : "product: ") + r.product());
        }
        if (e.method().endsWith("component-max")) {
            notes.add("only components in the latest survey year: the largest, a lower bound of the drug");
        }
        if (!r.surveyType().isEmpty()) {
            notes.add("survey type " + r.surveyType());
        }
        if (YouthAgeGroup.ageFromCoverage(r.age(), r.coverage())) {
            notes.add("age read from the coverage text");
        }
        if (!r.record().isEmpty()) {
            notes.add("record " + r.record());
        }
        if (e.implausible()) {
            notes.add("implausible: above the threshold of the past year/month; not used in summaries");
        }
        if (!e.alternatives().isEmpty()) {
            notes.add("not used, same year and group: " + String.join(" | ", e.alternatives()));
        }
        return new Object[] {e.period().indicator(), e.level().code(), e.refArea(),
            names.getOrDefault(e.refArea(), e.refArea()), r.timePeriod(), e.surveyYear(), SEX, r.surveyedAge(),
            e.group().code(), e.drug(), e.value(), null, null, null, null, 1, 1, null, !e.implausible(), e.method(),
            r.coverage().isEmpty() ? null : r.coverage(), r.source().isEmpty() ? null : r.source(),
            notes.isEmpty() ? null : String.join("; ", notes)};
    }

    /** The row of a summary. */
    public static Object[] row(YouthSummary s, Map<String, String> names, YouthSettings settings) {
        List<String> notes = new ArrayList<>(s.notes());
        notes.add(String.format(Locale.ROOT, "latest survey of students aged 15-16 of %d-%d (window %d years)",
                s.year() - settings.window(), s.year(), settings.window()));
        return new Object[] {s.period().indicator(), s.level().code(), s.code(), names.getOrDefault(s.code(), s.code()),
            Integer.toString(s.year()), null, SEX, "15-16", YouthAgeGroup.STUDENTS_15_16.code(), s.drug(),
            nullIfNaN(s.mean()), nullIfNaN(s.median()), nullIfNaN(s.min()), nullIfNaN(s.max()), s.coverage(),
            s.nAreas(), s.nWithData(), s.withData().isEmpty() ? null : String.join(";", s.withData()), s.headline(),
            SUMMARY_METHOD, null, SUMMARY_SOURCE, String.join("; ", notes)};
    }

    /** Every row: countries and sub-national areas, then summaries (the writer sorts by {@link #ORDER}). */
    public static List<Object[]> rows(List<YouthCountryEstimate> latest, List<YouthSummary> summaries,
            Map<String, String> names, YouthSettings settings) {
        List<Object[]> out = new ArrayList<>();
        for (YouthCountryEstimate e : latest) {
            out.add(row(e, names));
        }
        for (YouthSummary s : summaries) {
            out.add(row(s, names, settings));
        }
        return out;
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
