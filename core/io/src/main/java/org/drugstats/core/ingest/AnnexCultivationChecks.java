package org.drugstats.core.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ExtractValidator;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.geo.NameNormaliser;

/**
 * The checks of an annex 6 pivot ({@link UnodcAnnexCultivationKind}), flagged and reported, never silently fixed:
 * alternative estimates of one area and year by different methods ({@code multiple-methods}); country and residual
 * values that do not add up to the published Total of the same year ({@code total-mismatch} on the Total, with the
 * sum and the difference in its notes; where a country has two methods in one year, the total matches if it matches
 * the sum with either; totals are published rounded, so a difference up to half the total's rounding unit is
 * accepted); a row published rounded against the unrounded row of the same area and year.
 */
final class AnnexCultivationChecks {

    private AnnexCultivationChecks() {
    }

    /** Flags {@code multiple-methods} on the estimates of one area, year and series by different methods. */
    static void multipleMethods(List<Candidate> pending, Map<Candidate, String> yearOf,
            Map<Candidate, AnnexCultivationRow> rowOf, IngestCollector out) {
        Map<String, List<Candidate>> byAreaYear = new LinkedHashMap<>();
        for (Candidate c : pending) {
            if (c.get(Column.VALUE) != null) {
                byAreaYear.computeIfAbsent(c.get(Column.REF_AREA) + "|" + yearOf.get(c) + "|" + series(c, rowOf),
                        k -> new ArrayList<>()).add(c);
            }
        }
        for (Map.Entry<String, List<Candidate>> e : byAreaYear.entrySet()) {
            List<Candidate> list = e.getValue();
            long methods = list.stream().map(c -> String.valueOf(c.get(Column.METHOD))).distinct().count();
            if (methods > 1) {
                list.forEach(c -> c.flag(QualityFlag.MULTIPLE_METHODS));
                out.warn("%s %s: %d estimates by different methods (%s); both kept and flagged multiple-methods",
                        list.get(0).get(Column.REF_AREA), yearOf.get(list.get(0)), list.size(),
                        String.join(", ", list.stream().map(c -> NameNormaliser.clean(c.get(Column.AREA_NAME)) + " = "
                                + c.get(Column.VALUE)).toList()));
            }
        }
    }

    /** Checks each published Total against the sum of its areas (any choice of method per area). */
    static void checkTotals(List<Candidate> pending, Map<Candidate, String> yearOf,
            Map<Candidate, AnnexCultivationRow> rowOf, Map<Candidate, Double> numeric, String sheetName, IngestCollector out) {
        Map<String, List<Candidate>> byYear = new TreeMap<>();
        pending.forEach(c -> byYear.computeIfAbsent(yearOf.get(c) + "|" + series(c, rowOf), k -> new ArrayList<>())
                .add(c));
        for (Map.Entry<String, List<Candidate>> e : byYear.entrySet()) {
            String year = yearOf.get(e.getValue().get(0));
            List<Candidate> totals = e.getValue().stream().filter(c -> "WLD".equals(c.get(Column.REF_AREA))).toList();
            if (totals.size() != 1 || !numeric.containsKey(totals.get(0))) {
                continue;
            }
            Candidate total = totals.get(0);
            Map<String, List<Candidate>> parts = new LinkedHashMap<>();
            Map<String, Integer> perMethod = new HashMap<>();
            String missing = null;
            for (Candidate c : e.getValue()) {
                if (c == total) {
                    continue;
                }
                if (!numeric.containsKey(c) || !ExtractValidator.checkRow("", c.row(), c.canonical()).accepted()) {
                    missing = "some listed areas have no valid value";
                    continue;
                }
                if (perMethod.merge(c.get(Column.REF_AREA) + "|" + c.get(Column.METHOD), 1, Integer::sum) > 1) {
                    missing = "an area is listed twice with the same method";
                }
                parts.computeIfAbsent(c.get(Column.REF_AREA), k -> new ArrayList<>()).add(c);
            }
            if (missing != null) {
                out.warn("%s: the total of %s cannot be checked: %s", year,
                        NameNormaliser.clean(total.get(Column.AREA_NAME)), missing);
                continue;
            }
            double t = numeric.get(total);
            double tolerance = roundingUnit(t) / 2;
            List<List<Candidate>> choices = new ArrayList<>(parts.values());
            long combos = choices.stream().mapToLong(List::size).reduce(1, (a, b) -> a * b);
            if (combos > 4096) {
                out.warn("%s: the total cannot be checked: %d combinations of methods", year, combos);
                continue;
            }
            double bestDiff = Double.POSITIVE_INFINITY;
            List<Candidate> bestPick = null;
            int[] idx = new int[choices.size()];
            for (long k = 0; k < combos; k++) {
                long rest = k;
                double sum = 0;
                List<Candidate> pick = new ArrayList<>();
                for (int i = 0; i < choices.size(); i++) {
                    idx[i] = (int) (rest % choices.get(i).size());
                    rest /= choices.get(i).size();
                    Candidate c = choices.get(i).get(idx[i]);
                    sum += numeric.get(c);
                    pick.add(c);
                }
                double diff = t - sum;
                if (Math.abs(diff) < Math.abs(bestDiff)) {
                    bestDiff = diff;
                    bestPick = pick;
                }
            }
            if (bestPick == null) {
                continue;
            }
            double sum = t - bestDiff;
            String terms = String.join(" + ", bestPick.stream().map(c -> NameNormaliser.clean(c.get(Column.AREA_NAME))
                    + " " + c.get(Column.VALUE)).toList());
            if (Math.abs(bestDiff) <= tolerance) {
                if (choices.stream().anyMatch(ch -> ch.size() > 1)) {
                    total.note("equals the sum of " + terms);
                }
                continue;
            }
            total.flag(QualityFlag.TOTAL_MISMATCH);
            String what = String.format(Locale.ROOT, "the listed areas sum to %s (%s); the published total is %s, "
                    + "a difference of %s", Observation.number(sum), terms, Observation.number(t),
                    Observation.number(bestDiff));
            total.note(what);
            out.warn("sheet '%s' row %d, %s: %s; the total is kept as published and flagged total-mismatch", sheetName,
                    rowOf.get(total).row.number(), year, what);
        }
    }

    /**
     * A row published rounded ("TOTAL (best estimate, rounded)") against the unrounded row of the same area and
     * year: they must agree within half the rounding unit of the rounded value; else {@code total-mismatch}.
     */
    static void checkRounded(List<Candidate> pending, Map<Candidate, String> yearOf,
            Map<Candidate, AnnexCultivationRow> rowOf, Map<Candidate, Double> numeric, String sheetName, IngestCollector out) {
        for (Candidate r : pending) {
            if (!rowOf.get(r).parsed.rounded() || !numeric.containsKey(r)) {
                continue;
            }
            for (Candidate u : pending) {
                if (u == r || rowOf.get(u).parsed.rounded() || !numeric.containsKey(u)
                        || !yearOf.get(u).equals(yearOf.get(r)) || !series(u, rowOf).equals(series(r, rowOf))
                        || !String.valueOf(u.get(Column.REF_AREA)).equals(r.get(Column.REF_AREA))) {
                    continue;
                }
                double diff = numeric.get(r) - numeric.get(u);
                if (Math.abs(diff) > roundingUnit(numeric.get(r)) / 2) {
                    String what = String.format(Locale.ROOT, "the rounded value %s differs from the unrounded %s of "
                            + "row %d by %s", Observation.number(numeric.get(r)), Observation.number(numeric.get(u)),
                            rowOf.get(u).row.number(), Observation.number(diff));
                    r.flag(QualityFlag.TOTAL_MISMATCH).note(what);
                    out.warn("sheet '%s' row %d, %s: %s; kept as published and flagged total-mismatch", sheetName,
                            rowOf.get(r).row.number(), yearOf.get(r), what);
                }
            }
        }
    }

    /**
     * The series a value belongs to within one year: its indicator (which carries the unit) and the Method column's
     * text. Totals are checked, and alternative estimates told, within one series only: areas and quantities, or
     * manual and aerial eradication, are never summed together.
     */
    private static String series(Candidate c, Map<Candidate, AnnexCultivationRow> rowOf) {
        return c.get(Column.INDICATOR) + "|" + rowOf.get(c).method;
    }

    /** The rounding unit of a published total: the largest of 100, 10, 1 that divides it, else 0 (no tolerance). */
    static double roundingUnit(double total) {
        for (double u : new double[] {100, 10, 1}) {
            if (Math.rint(total / u) * u == total) {
                return u;
            }
        }
        return 1e-9 * Math.abs(total);
    }
}
