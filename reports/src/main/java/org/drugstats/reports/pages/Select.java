package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.drugstats.reports.model.ResultObservation;

/** Row selections the pages share. */
final class Select {

    private static final List<String> DRUG_ORDER = List.of("cannabis", "opioids", "opiates", "prescription opioids",
            "cocaine", "amphetamines", "ecstasy", "prescription stimulants", "tranquillizers and sedatives", "nps");

    private Select() {
    }

    static List<ResultObservation> where(List<ResultObservation> rows, Predicate<ResultObservation> p) {
        return rows.stream().filter(p).toList();
    }

    /**
     * True for codes of aggregates and residual rows: {@code WLD}, {@code WLD_OTHER}, {@code UNODC_*},
     * {@code M49_*}, {@code WPP_*}, {@code WB_*} and breakdowns such as {@code GB-ENG_DEPRIVATION_D01}
     * (data/README.md, area codes).
     */
    static boolean isAggregateCode(String code) {
        return code != null && (code.startsWith("WLD") || code.startsWith("UNODC_") || code.startsWith("M49_")
                || code.startsWith("WPP_") || code.startsWith("WB_") || code.contains("_DEPRIVATION_"));
    }

    /** True for the world and UNODC regions (not sub-regions). */
    static boolean isWorldOrRegion(String code) {
        return code != null && (code.equals("WLD") || code.matches("UNODC_[A-Z]+"));
    }

    /** Order of areas in tables: world 0, UNODC regions 1, UNODC sub-regions 2, other aggregates 3, countries 4. */
    static int areaRank(String code) {
        if (code == null) {
            return 5;
        }
        if (code.equals("WLD")) {
            return 0;
        }
        if (code.matches("UNODC_[A-Z]+")) {
            return 1;
        }
        if (code.startsWith("UNODC_")) {
            return 2;
        }
        return isAggregateCode(code) ? 3 : 4;
    }

    /** True for a country row (not an aggregate code, not flagged as a published aggregate or residual). */
    static boolean isCountry(ResultObservation o) {
        return !isAggregateCode(o.refArea()) && !o.hasFlag("published-aggregate") && !o.hasFlag("residual-area");
    }

    /** Groups rows by a key, keeping first-appearance order. */
    static <K> Map<K, List<ResultObservation>> group(List<ResultObservation> rows,
            Function<ResultObservation, K> key) {
        Map<K, List<ResultObservation>> out = new LinkedHashMap<>();
        for (ResultObservation o : rows) {
            out.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o);
        }
        return out;
    }

    /** The latest row with a value per key (ties: the one with bounds, then the first). */
    static <K> Map<K, ResultObservation> latest(List<ResultObservation> rows, Function<ResultObservation, K> key) {
        Map<K, ResultObservation> out = new LinkedHashMap<>();
        for (ResultObservation o : rows) {
            if (!o.hasValue() || !Double.isFinite(o.year())) {
                continue;
            }
            out.merge(key.apply(o), o, (a, b) -> b.year() > a.year() || b.year() == a.year() && !a.hasBounds()
                    && b.hasBounds() ? b : a);
        }
        return out;
    }

    /** Drugs in the report's order: the usual WDR order, then others alphabetically. */
    static Comparator<String> drugOrder() {
        return Comparator.<String>comparingInt(d -> {
            int i = DRUG_ORDER.indexOf(d == null ? "" : d.toLowerCase(Locale.ROOT));
            return i < 0 ? DRUG_ORDER.size() : i;
        }).thenComparing(d -> d == null ? "" : d.toLowerCase(Locale.ROOT));
    }

    /** Distinct drugs of the rows in report order (null drug as ""). */
    static List<String> drugs(List<ResultObservation> rows) {
        return rows.stream().map(o -> o.drug() == null ? "" : o.drug()).distinct().sorted(drugOrder()).toList();
    }

    static String drugKey(ResultObservation o) {
        return o.drug() == null ? "" : o.drug();
    }

    /** "2010–2023" for the years of the rows, or the single year. */
    static String yearSpan(List<ResultObservation> rows) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ResultObservation o : rows) {
            if (Double.isFinite(o.year())) {
                min = Math.min(min, o.year());
                max = Math.max(max, o.year());
            }
        }
        if (min > max) {
            return "";
        }
        return min == max ? Long.toString((long) min) : (long) min + "\u2013" + (long) max;
    }
}
