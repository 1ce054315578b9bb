package org.drugstats.core.supply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.trend.LogLinearTrend;
import org.drugstats.core.stats.trend.MannKendall;
import org.drugstats.core.stats.trend.TrendSeries;

/**
 * The trend of one seizure series (a category in an area: a country, a UNODC subregion or region, the world) over
 * a window of years, where it means something: a log-linear fit (annual percent change, APC = 100(e^b − 1), with its
 * t interval; {@link LogLinearTrend}) and the Mann–Kendall test with Sen's slope ({@link MannKendall}). Five points
 * (2019–2023) leave no room for a joinpoint; none is fitted.
 *
 * <p>A sum over countries moves when the countries that report it change, not only when seizures change. The
 * series is fitted only when its reporting countries are stable over the window:
 * <ol>
 * <li>every year of the window has a total (some country reported the category);</li>
 * <li>the fewest reporting countries in a year are at least {@value #MIN_COUNT_RATIO} × the most; and</li>
 * <li>the countries that report in every year of the window account for at least {@value #MIN_CORE_SHARE} of the
 * kilograms over the window.</li>
 * </ol>
 * Otherwise the result says which condition failed. A year whose total is 0 cannot be put on the log scale: the
 * log-linear fit is then not made (Mann–Kendall still is).
 */
public final class SeizureTrend {

    /** Minimum ratio of the fewest to the most reporting countries in a year. */
    public static final double MIN_COUNT_RATIO = 0.8;
    /** Minimum share of the window's kilograms from countries reporting in every year. */
    public static final double MIN_CORE_SHARE = 0.8;

    private final int first;
    private final int last;

    private SeizureTrend(int first, int last) {
        if (last - first < 2) {
            throw DrugstatsException.of("a seizure trend needs a window of at least 3 years, got %d-%d", first, last);
        }
        this.first = first;
        this.last = last;
    }

    /** Trends over the years {@code first} to {@code last} inclusive. */
    public static SeizureTrend over(int first, int last) {
        return new SeizureTrend(first, last);
    }

    /**
     * The result.
     *
     * @param totals kilograms by year (every year of the window that has a total)
     * @param reporting reporting countries by year
     * @param coreShare share of the window's kilograms from the countries reporting every year
     * @param loglinear the log-linear fit, empty when not fitted
     * @param mannKendall the Mann–Kendall test, empty when not fitted
     * @param note why a method was not fitted, or the stability figures when it was
     */
    public record Result(SortedMap<Integer, Double> totals, SortedMap<Integer, Integer> reporting, double coreShare,
            Optional<LogLinearTrend.Result> loglinear, Optional<MannKendall.Result> mannKendall, String note) {

        /** True when the series was fitted (at least Mann–Kendall). */
        public boolean fitted() {
            return mannKendall.isPresent();
        }
    }

    /**
     * Fits one series.
     *
     * @param name the series' name (for messages)
     * @param kgByCountryYear kilograms by country and year (only years in the window are read)
     */
    public Result fit(String name, Map<String, Map<Integer, Double>> kgByCountryYear) {
        Objects.requireNonNull(kgByCountryYear, "kgByCountryYear");
        SortedMap<Integer, Double> totals = new TreeMap<>();
        SortedMap<Integer, Integer> reporting = new TreeMap<>();
        Map<Integer, Set<String>> who = new TreeMap<>();
        for (Map.Entry<String, Map<Integer, Double>> c : kgByCountryYear.entrySet()) {
            for (Map.Entry<Integer, Double> y : c.getValue().entrySet()) {
                if (y.getKey() < first || y.getKey() > last || y.getValue() == null) {
                    continue;
                }
                totals.merge(y.getKey(), y.getValue(), Double::sum);
                who.computeIfAbsent(y.getKey(), k -> new TreeSet<>()).add(c.getKey());
            }
        }
        who.forEach((y, s) -> reporting.put(y, s.size()));
        int years = last - first + 1;
        Set<String> core = null;
        for (Set<String> s : who.values()) {
            if (core == null) {
                core = new TreeSet<>(s);
            } else {
                core.retainAll(s);
            }
        }
        double all = 0;
        double fromCore = 0;
        for (Map.Entry<String, Map<Integer, Double>> c : kgByCountryYear.entrySet()) {
            for (Map.Entry<Integer, Double> y : c.getValue().entrySet()) {
                if (y.getKey() >= first && y.getKey() <= last && y.getValue() != null) {
                    all += y.getValue();
                    if (core != null && core.contains(c.getKey())) {
                        fromCore += y.getValue();
                    }
                }
            }
        }
        double share = all > 0 ? fromCore / all : Double.NaN;
        int min = reporting.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = reporting.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        String stability = String.format(Locale.ROOT, "reporting countries %d-%d a year; %d report every year and "
                + "account for %.1f%% of the kg %d-%d", min, max, core == null ? 0 : core.size(), 100 * share, first,
                last);
        if (totals.size() < years) {
            return new Result(totals, reporting, share, Optional.empty(), Optional.empty(),
                    String.format(Locale.ROOT, "not fitted: totals for %d of the %d years %d-%d", totals.size(), years,
                            first, last));
        }
        if (min < MIN_COUNT_RATIO * max) {
            return new Result(totals, reporting, share, Optional.empty(), Optional.empty(),
                    "not fitted: the reporting countries change too much (fewest < " + MIN_COUNT_RATIO + " x most); "
                            + stability);
        }
        if (!(share >= MIN_CORE_SHARE)) {
            return new Result(totals, reporting, share, Optional.empty(), Optional.empty(),
                    "not fitted: the countries reporting every year account for less than " + (int) (100 * MIN_CORE_SHARE)
                            + "% of the kg; " + stability);
        }
        double[] x = new double[years];
        double[] y = new double[years];
        boolean positive = true;
        for (int i = 0; i < years; i++) {
            x[i] = first + i;
            y[i] = totals.get(first + i);
            positive &= y[i] > 0;
        }
        TrendSeries s = TrendSeries.of(name, x, y);
        MannKendall.Result mk = MannKendall.withDefaults().test(s);
        if (!positive) {
            return new Result(totals, reporting, share, Optional.empty(), Optional.of(mk),
                    "log-linear not fitted: a year with 0 kg; " + stability);
        }
        List<String> notes = new ArrayList<>();
        notes.add(stability);
        return new Result(totals, reporting, share, Optional.of(LogLinearTrend.withDefaults().fit(s)), Optional.of(mk),
                String.join("; ", notes));
    }
}
