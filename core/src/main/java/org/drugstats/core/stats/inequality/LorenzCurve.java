package org.drugstats.core.stats.inequality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.drugstats.core.DrugstatsException;

/**
 * Lorenz curve (or concentration curve) of consumption over areas.
 *
 * <p>Areas are ordered by {@link Ranking} (ties broken by per-capita consumption, then by area name, so
 * the result does not depend on input order); with P the total population and C the total consumption,
 * F_i = Σ_{j≤i} P_j / P and L_i = Σ_{j≤i} C_j / C; the curve is the polyline (0, 0), (F_1, L_1), …, (1, 1).
 *
 * <p>{@link #gini()} = 1 − Σ (F_i − F_{i−1})(L_i + L_{i−1}) (trapezoid rule; exact for grouped data where
 * each area's population is homogeneous). On a Lorenz curve it equals the pairwise form
 * {@link Gini#pairwise}; on a concentration curve it is the concentration index (it may be negative).
 *
 * <p>Readings: {@link #consumptionShareOfBottom} gives L at F = X; {@link #populationShareOfBottom} gives
 * the largest F whose L(F) ≤ Y (the largest bottom population that together consumes at most Y, so areas
 * with zero consumption are all counted). {@link Reading#INTERPOLATED} reads linearly inside an area's
 * segment; {@link Reading#COUNTRY_BOUNDARY} returns the last area boundary at or below the requested share.
 *
 * <p>Edge cases: an empty list, total consumption 0, or a concentration ranking with an area lacking the
 * ranking variable fail with {@link DrugstatsException}; a single area gives the diagonal and Gini 0.
 * Reference: Kakwani, Wagstaff and van Doorslaer 1997, J Econometrics 77:87 (concentration curves and index);
 * UNODC World Drug Report 2023, Special Points of Interest, p. 3 ("84% of the world population accounts for 7.5%
 * of global consumption" of controlled medicines, the reading {@code population share → consumption share}).
 */
public final class LorenzCurve {
    private final Ranking ranking;
    private final List<LorenzPoint> points;

    private LorenzCurve(Ranking ranking, List<LorenzPoint> points) {
        this.ranking = ranking;
        this.points = points;
    }

    /** The Lorenz curve, areas ranked by per-capita consumption ascending. */
    public static LorenzCurve of(List<AreaConsumption> areas) {
        return of(areas, Ranking.PER_CAPITA_ASCENDING);
    }

    /** The curve with the given ranking. */
    public static LorenzCurve of(List<AreaConsumption> areas, Ranking ranking) {
        Objects.requireNonNull(ranking, "ranking");
        if (areas == null || areas.isEmpty()) {
            throw DrugstatsException.of("a Lorenz curve needs at least one area, got none");
        }
        List<AreaConsumption> sorted = new ArrayList<>(areas);
        Comparator<AreaConsumption> byPerCapita = Comparator.comparingDouble(AreaConsumption::perCapita);
        Comparator<AreaConsumption> order;
        if (ranking == Ranking.EXTERNAL_VARIABLE_ASCENDING) {
            for (AreaConsumption a : areas) {
                if (a.rankingVariable().isEmpty()) {
                    throw DrugstatsException.of(
                            "area '%s' has no ranking variable; a concentration curve needs one for every area",
                            a.area());
                }
            }
            order = Comparator.comparingDouble((AreaConsumption a) -> a.rankingVariable().getAsDouble())
                    .thenComparing(byPerCapita);
        } else {
            order = byPerCapita;
        }
        sorted.sort(order.thenComparing(AreaConsumption::area));
        // the sums are taken on values scaled by a power of two (exact), so that populations or consumption near
        // the largest double (1.8e308) do not overflow to Infinity and make the shares and the Gini NaN; for inputs
        // whose sums are finite anyway the shares are bit-for-bit those of the unscaled sums
        double maxPop = 0;
        double maxCons = 0;
        for (AreaConsumption a : sorted) {
            maxPop = Math.max(maxPop, a.population());
            maxCons = Math.max(maxCons, a.consumption());
        }
        int popScale = maxPop > 0 ? -Math.getExponent(maxPop) : 0;
        int consScale = maxCons > 0 ? -Math.getExponent(maxCons) : 0;
        double totalPop = 0;
        double totalCons = 0;
        for (AreaConsumption a : sorted) {
            totalPop += Math.scalb(a.population(), popScale);
            totalCons += Math.scalb(a.consumption(), consScale);
        }
        if (!(totalCons > 0)) {
            throw DrugstatsException.of("total consumption must be > 0 for a Lorenz curve, got %s", totalCons);
        }
        List<LorenzPoint> pts = new ArrayList<>(sorted.size() + 1);
        pts.add(new LorenzPoint(null, 0, 0));
        double cp = 0;
        double cc = 0;
        for (AreaConsumption a : sorted) {
            cp += Math.scalb(a.population(), popScale);
            cc += Math.scalb(a.consumption(), consScale);
            pts.add(new LorenzPoint(a.area(), cp / totalPop, cc / totalCons));
        }
        return new LorenzCurve(ranking, Collections.unmodifiableList(pts));
    }

    /** The ranking used. */
    public Ranking ranking() {
        return ranking;
    }

    /** The vertices from (0, 0) to (1, 1), one per area after the origin. */
    public List<LorenzPoint> points() {
        return points;
    }

    /** 1 − Σ (F_i − F_{i−1})(L_i + L_{i−1}). */
    public double gini() {
        double s = 0;
        for (int i = 1; i < points.size(); i++) {
            LorenzPoint a = points.get(i - 1);
            LorenzPoint b = points.get(i);
            s += (b.populationShare() - a.populationShare()) * (b.consumptionShare() + a.consumptionShare());
        }
        return 1 - s;
    }

    /** Share of consumption of the bottom {@code populationShare} (0–1) of the population. */
    public LorenzReading consumptionShareOfBottom(double populationShare, Reading reading) {
        requireShare(populationShare, "population share");
        Objects.requireNonNull(reading, "reading");
        int last = 0;
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).populationShare() <= populationShare) {
                last = i;
            }
        }
        LorenzPoint p = points.get(last);
        if (reading == Reading.COUNTRY_BOUNDARY || last == points.size() - 1
                || p.populationShare() == populationShare) {
            return new LorenzReading(p.populationShare(), p.consumptionShare(), reading);
        }
        LorenzPoint q = points.get(last + 1);
        double t = (populationShare - p.populationShare()) / (q.populationShare() - p.populationShare());
        double l = p.consumptionShare() + t * (q.consumptionShare() - p.consumptionShare());
        return new LorenzReading(populationShare, l, reading);
    }

    /**
     * Largest share of the population, counted from the bottom, that accounts for at most
     * {@code consumptionShare} (0–1) of consumption.
     */
    public LorenzReading populationShareOfBottom(double consumptionShare, Reading reading) {
        requireShare(consumptionShare, "consumption share");
        Objects.requireNonNull(reading, "reading");
        int last = 0;
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).consumptionShare() <= consumptionShare) {
                last = i;
            } else {
                break;
            }
        }
        LorenzPoint p = points.get(last);
        if (reading == Reading.COUNTRY_BOUNDARY || last == points.size() - 1) {
            return new LorenzReading(p.populationShare(), p.consumptionShare(), reading);
        }
        LorenzPoint q = points.get(last + 1);
        double t = (consumptionShare - p.consumptionShare()) / (q.consumptionShare() - p.consumptionShare());
        double f = p.populationShare() + t * (q.populationShare() - p.populationShare());
        return new LorenzReading(f, consumptionShare, reading);
    }

    private static void requireShare(double s, String what) {
        if (!(s >= 0 && s <= 1)) {
            throw DrugstatsException.of("%s must be a fraction in [0, 1], got %s", what, s);
        }
    }
}
