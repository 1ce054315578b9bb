package org.drugstats.core.supply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.catalog.Catalog;
import org.drugstats.core.catalog.CatalogEntry;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.stats.trend.ChangeRates;

/**
 * Area under illicit cultivation of one crop (opium poppy, coca bush) by country and for the world, from
 * observations of the cultivation extract schema (UNODC, <i>World Drug Report</i> statistical annex tables 6.x:
 * best estimate with the lower and upper bounds of the survey, a residual "other countries" row flagged
 * {@code residual-area}, the published total flagged {@code published-aggregate}):
 * <ul>
 * <li>every year of a window for every area, a year the source does not hold (the WDR 2025 annex 6.2.1 stores its
 * 2019 best estimates as links to another workbook) shown as {@link Status#NOT_IN_SOURCE}, one published as not
 * available as {@link Status#MISSING}, each with what bounds the source does give;</li>
 * <li>the world: the published total, and the sum of the countries and the residual row (its bounds the sums of
 * the bounds — perfectly correlated errors — only when every part has them; exact decimal sums), with the
 * difference;</li>
 * <li>the change from year to year, 100 (A<sub>t</sub> − A<sub>t−1</sub>) / A<sub>t−1</sub>
 * ({@link ChangeRates#percentChange}), only between consecutive years that both have an estimate;</li>
 * <li>the catalog's world figures for the crop ({@link Catalog} entries of the indicator with scope World, e.g.
 * 345,900 ha in 2018 from WDR 2019 and 345,700 ha from the WDR 2025 annex) beside the data's value of their
 * year.</li>
 * </ul>
 */
public final class CultivationArea {

    /** What a point of the series is. */
    public enum Status {
        /** An estimate of the source. */
        ESTIMATE,
        /** Published as not available ("..", an empty cell read as missing). */
        MISSING,
        /** The source holds no row for the area and year. */
        NOT_IN_SOURCE,
        /** Computed by this class (the sum of the parts). */
        COMPUTED
    }

    /**
     * One area and year.
     *
     * @param area ISO3, {@code WLD_OTHER} (residual row) or {@code WLD}
     * @param year year
     * @param hectares best estimate, null when there is none
     * @param lower lower bound, null when none
     * @param upper upper bound, null when none
     * @param status what the point is
     * @param note what the reader should know
     */
    public record Point(String area, int year, Double hectares, Double lower, Double upper, Status status, String note) {
    }

    /** A year-on-year change of an area's best estimate, in percent. */
    public record Change(String area, int fromYear, int toYear, double percent) {
    }

    /**
     * A catalog figure beside the data.
     *
     * @param entry the catalog entry
     * @param data the data's world value of the same year (published total, else computed), empty when none
     */
    public record Comparison(CatalogEntry entry, Optional<Double> data) {
        /** data − catalog value, NaN when there is no data value. */
        public double difference() {
            return data.map(d -> d - entry.scaledValue()).orElse(Double.NaN);
        }
    }

    /**
     * The result.
     *
     * @param countries points of the countries and the residual row, by area then year
     * @param publishedWorld the published totals by year (every year of the window; {@link Status#NOT_IN_SOURCE}
     *        where there is none)
     * @param computedWorld the sums of the parts by year ({@link Status#MISSING} where a part has no estimate)
     * @param changes year-on-year changes of the countries, the published world ({@code WLD}) and the computed
     *        world ({@code WLD_COMPUTED})
     * @param comparisons the catalog's world figures beside the data
     */
    public record Result(List<Point> countries, List<Point> publishedWorld, List<Point> computedWorld,
            List<Change> changes, List<Comparison> comparisons) {
    }

    private CultivationArea() {
    }

    /**
     * The series of one crop indicator over {@code first}..{@code last}.
     *
     * @param observations observations of the indicator (other indicators are ignored)
     * @param indicator e.g. {@code cultivation_area_opium_poppy}
     * @param catalog the catalog whose World entries of the indicator are set beside the data
     */
    public static Result of(List<Observation> observations, String indicator, int first, int last, Catalog catalog) {
        Objects.requireNonNull(catalog, "catalog");
        if (last < first) {
            throw DrugstatsException.of("cultivation window %d-%d is empty", first, last);
        }
        Map<String, Map<Integer, Observation>> parts = new TreeMap<>();
        Map<Integer, Observation> published = new TreeMap<>();
        for (Observation o : observations) {
            if (!indicator.equals(o.indicator()) || !o.timePeriod().matches("\\d{4}")) {
                continue;
            }
            int y = Integer.parseInt(o.timePeriod());
            if (y < first || y > last) {
                continue;
            }
            Map<Integer, Observation> target = o.hasFlag(QualityFlag.PUBLISHED_AGGREGATE) || "WLD".equals(o.refArea())
                    ? published : parts.computeIfAbsent(o.refArea(), k -> new TreeMap<>());
            Observation before = target.put(y, o);
            if (before != null && !Objects.equals(before.value(), o.value())) {
                throw DrugstatsException.of("%s %s %d: two estimates (%s, %s); give one per area and year (e.g. one "
                        + "method)", indicator, o.refArea(), y, before.value(), o.value());
            }
        }
        List<Point> countries = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Observation>> e : parts.entrySet()) {
            List<Point> s = series(e.getKey(), e.getValue(), first, last);
            countries.addAll(s);
            changes.addAll(changes(e.getKey(), s));
        }
        List<Point> pub = series("WLD", published, first, last);
        changes.addAll(changes("WLD", pub));
        List<Point> computed = new ArrayList<>();
        for (int y = first; y <= last; y++) {
            computed.add(sum(y, parts, pub.get(y - first)));
        }
        changes.addAll(changes("WLD_COMPUTED", computed));
        List<Comparison> comparisons = new ArrayList<>();
        catalog.entries().stream()
                .filter(c -> c.indicator().filter(indicator::equals).isPresent() && "World".equalsIgnoreCase(c.scope())
                        && c.unit() == org.drugstats.core.data.Unit.HECTARES && c.firstYear().isPresent()
                        && c.firstYear().equals(c.lastYear()))
                .sorted(Comparator.comparing(CatalogEntry::id))
                .forEach(c -> {
                    int y = c.firstYear().getAsInt();
                    Optional<Double> data = Optional.empty();
                    if (y >= first && y <= last) {
                        Point p = pub.get(y - first).hectares() != null ? pub.get(y - first) : computed.get(y - first);
                        data = Optional.ofNullable(p.hectares());
                    }
                    comparisons.add(new Comparison(c, data));
                });
        return new Result(countries, pub, computed, changes, comparisons);
    }

    private static List<Point> series(String area, Map<Integer, Observation> byYear, int first, int last) {
        List<Point> out = new ArrayList<>();
        for (int y = first; y <= last; y++) {
            Observation o = byYear.get(y);
            if (o == null) {
                out.add(new Point(area, y, null, null, null, Status.NOT_IN_SOURCE, "the source holds no estimate"));
            } else if (o.value() == null || o.obsStatus() == ObsStatus.MISSING) {
                out.add(new Point(area, y, null, scaled(o.lower(), o), scaled(o.upper(), o), Status.MISSING,
                        o.notes() == null ? "no best estimate in the source" : o.notes()));
            } else {
                out.add(new Point(area, y, o.scaledValue(), scaled(o.lower(), o), scaled(o.upper(), o), Status.ESTIMATE,
                        o.notes()));
            }
        }
        return out;
    }

    private static Double scaled(Double v, Observation o) {
        return v == null ? null : v * Math.pow(10, o.unitMult());
    }

    private static Point sum(int year, Map<String, Map<Integer, Observation>> parts, Point published) {
        java.math.BigDecimal best = java.math.BigDecimal.ZERO;
        java.math.BigDecimal lo = java.math.BigDecimal.ZERO;
        java.math.BigDecimal hi = java.math.BigDecimal.ZERO;
        boolean bounds = true;
        TreeSet<String> without = new TreeSet<>();
        int n = 0;
        for (Map.Entry<String, Map<Integer, Observation>> e : parts.entrySet()) {
            Observation o = e.getValue().get(year);
            if (o == null || o.value() == null) {
                if (!e.getValue().isEmpty()) {
                    without.add(e.getKey());
                }
                continue;
            }
            n++;
            best = best.add(java.math.BigDecimal.valueOf(o.scaledValue()));
            if (o.lower() != null && o.upper() != null) {
                lo = lo.add(java.math.BigDecimal.valueOf(scaled(o.lower(), o)));
                hi = hi.add(java.math.BigDecimal.valueOf(scaled(o.upper(), o)));
            } else {
                bounds = false;
            }
        }
        if (!without.isEmpty() || n == 0) {
            return new Point("WLD", year, null, null, null, Status.MISSING,
                    n == 0 ? "no part has an estimate" : "not computed: no estimate for " + String.join(", ", without));
        }
        String note = String.format(Locale.ROOT, "sum of %d parts%s", n, bounds ? "; bounds: sums of the bounds"
                : "; no bounds: a part has none");
        if (published.hectares() != null) {
            note += String.format(Locale.ROOT, "; published total %s, difference %s",
                    Observation.number(published.hectares()),
                    best.subtract(java.math.BigDecimal.valueOf(published.hectares())).stripTrailingZeros().toPlainString());
        }
        return new Point("WLD", year, best.doubleValue(), bounds ? lo.doubleValue() : null,
                bounds ? hi.doubleValue() : null, Status.COMPUTED, note);
    }

    private static List<Change> changes(String area, List<Point> s) {
        List<Change> out = new ArrayList<>();
        for (int i = 1; i < s.size(); i++) {
            Point a = s.get(i - 1);
            Point b = s.get(i);
            if (a.hectares() != null && b.hectares() != null && a.hectares() > 0) {
                out.add(new Change(area, a.year(), b.year(), ChangeRates.percentChange(a.hectares(), b.hectares())));
            }
        }
        return out;
    }
}
