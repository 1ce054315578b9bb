package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drugstats.reports.model.Headline;
import org.drugstats.reports.model.InequalitySummary;
import org.drugstats.reports.model.LorenzRow;
import org.drugstats.reports.model.ResultObservation;
import org.drugstats.reports.model.RunResults;

/**
 * The run's own value of a published figure, where the run's data recompute it: a level (same indicator,
 * area, year and unit among the indicators, aggregates or observations), a ratio or percent change over a
 * period (from the level series at the period's ends), or a reading of the Lorenz curve.
 *
 * @param value the run's value, in the headline's base unit (scaled)
 * @param how how it was obtained, for the reader
 */
record Recomputed(double value, String how) {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})-(\\d{4})");

    /** The run's value of a headline, if the run's data give one. */
    static Optional<Recomputed> of(Headline h, RunResults run) {
        if (h.indicator() == null) {
            return Optional.empty();
        }
        if (h.indicator().startsWith("consumption_lorenz")) {
            return Optional.empty();
        }
        String area = areaCode(h.scope());
        if (area == null || h.year() == null) {
            return Optional.empty();
        }
        Matcher m = PERIOD.matcher(h.year());
        if (("ratio".equals(h.unit()) || "percent-change".equals(h.unit())) && m.matches()) {
            Optional<ResultObservation> a = level(run, h.indicator(), area, m.group(1), null);
            Optional<ResultObservation> b = level(run, h.indicator(), area, m.group(2), null);
            if (a.isEmpty() || b.isEmpty() || !(a.get().scaledValue() > 0)) {
                return Optional.empty();
            }
            double ratio = b.get().scaledValue() / a.get().scaledValue();
            String how = "from the run's " + m.group(1) + " and " + m.group(2) + " values ("
                    + org.drugstats.reports.format.Numbers.number(a.get().scaledValue()) + " and "
                    + org.drugstats.reports.format.Numbers.number(b.get().scaledValue()) + ")";
            return Optional.of("ratio".equals(h.unit()) ? new Recomputed(ratio, how)
                    : new Recomputed(100 * (ratio - 1), how));
        }
        return level(run, h.indicator(), area, h.year(), h.unit())
                .map(o -> new Recomputed(o.scaledValue(), "the run's " + kind(run, o) + " for the same area and year"));
    }

    /**
     * The run's share of consumption of the bottom {@code populationShare} of the population: the summary's
     * reading when it has one at that share, else linear interpolation on the Lorenz points.
     */
    static Optional<Recomputed> lorenz(double populationShare, RunResults run) {
        InequalitySummary sum = run.inequality().orElse(null);
        if (sum != null) {
            for (Map.Entry<Double, Double> e : sum.consumptionShareOfBottom().entrySet()) {
                if (Math.abs(e.getKey() - populationShare) < 1e-9) {
                    return Optional.of(new Recomputed(e.getValue(), "the run's Lorenz curve read at "
                            + org.drugstats.reports.format.Numbers.percent(100 * populationShare) + " of the population"
                            + (sum.ranking() == null ? "" : " (ranking: " + sum.ranking() + ")")));
                }
            }
        }
        List<LorenzRow> rows = new ArrayList<>(run.lorenz());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        rows.sort(java.util.Comparator.comparingDouble(LorenzRow::cumPopulationShare));
        double f0 = 0;
        double l0 = 0;
        for (LorenzRow r : rows) {
            double f1 = r.cumPopulationShare();
            double l1 = r.cumConsumptionShare();
            if (f1 >= populationShare && f1 > f0) {
                double y = l0 + (populationShare - f0) / (f1 - f0) * (l1 - l0);
                return Optional.of(new Recomputed(y, "interpolated on the run's Lorenz points at "
                        + org.drugstats.reports.format.Numbers.percent(100 * populationShare) + " of the population"));
            }
            f0 = f1;
            l0 = l1;
        }
        return Optional.empty();
    }

    private static String kind(RunResults run, ResultObservation o) {
        if (run.indicators().contains(o)) {
            return "derived indicator";
        }
        if (run.aggregates().contains(o)) {
            return "aggregate";
        }
        return "input value";
    }

    /** "World" → WLD; an ISO3 code as is; other scopes (region names) are not matched. */
    static String areaCode(String scope) {
        if (scope == null) {
            return null;
        }
        if (scope.equalsIgnoreCase("World") || scope.equals("WLD")) {
            return "WLD";
        }
        return scope.matches("[A-Z]{3}") ? scope : null;
    }

    /**
     * The one row with a value of the indicator for the area and period (unit {@code unit} when given): derived
     * indicators first, then aggregates, then observations (an observation of the area as published, e.g. a
     * "Total" row). Rows for one drug are not taken when the rows differ by drug (ambiguous).
     */
    static Optional<ResultObservation> level(RunResults run, String indicator, String area, String period,
            String unit) {
        for (List<ResultObservation> rows : List.of(run.indicators(), run.aggregates(), run.observations())) {
            List<ResultObservation> hits = rows.stream()
                    .filter(o -> indicator.equals(o.indicator()) && o.hasValue() && o.totalSex()
                            && Objects.equals(period, o.timePeriod())
                            && (area.equals(o.refArea()) || "WLD".equals(area) && o.hasFlag("published-aggregate")
                                    && o.refArea() != null && o.refArea().equals("WLD"))
                            && (unit == null || unit.equals(o.unit()))
                            && (unit != null || !"percent-change".equals(o.unit()) && !"ratio".equals(o.unit())))
                    .toList();
            if (hits.size() == 1) {
                return Optional.of(hits.get(0));
            }
            if (hits.size() > 1) {
                List<ResultObservation> noDrug = hits.stream().filter(o -> o.drug() == null).toList();
                if (noDrug.size() == 1) {
                    return Optional.of(noDrug.get(0));
                }
                long distinct = hits.stream().map(ResultObservation::scaledValue).distinct().count();
                if (distinct == 1) {
                    return Optional.of(hits.get(0));
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
