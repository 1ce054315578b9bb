package org.drugstats.core.stats.estimate;

import java.util.Objects;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.uncertainty.BoundMethod;

/**
 * The choices of a WDR-style estimation run.
 *
 * <ul>
 *   <li>{@code firstYear}..{@code lastYear}: target years (default 2013–2023, the years of WDR 2015–2025).</li>
 *   <li>{@code window} W: a country's latest estimate with survey year in [Y − W, Y] is carried to Y. Default
 *       {@value #DEFAULT_WINDOW}, chosen by measuring how the world estimates move with W (BENCHMARKS.md,
 *       "Window of the latest available estimate"): against W = 30, the largest move of a world total of any
 *       drug and year 2013–2023 is 330% at W = 0, 37% at 6, 30% at 10, 15% at 15 and 0 from 20 on — up to 15
 *       years the totals depend on which large countries' only surveys the cut happens to keep (Mexico 2016,
 *       India 2018, older opioid surveys); at 20 every annex estimate is in, which is the WDR's "latest
 *       available". The price, an estimate carried up to 20 years, is shown on every row (survey year,
 *       {@code carried_areas}).</li>
 *   <li>{@code minCoverage}: an aggregate whose coverage (population share of countries with a national estimate)
 *       is below it is produced but not a headline (default 0.5, as {@code aggregate.min_coverage}).</li>
 *   <li>{@code smallCountryShare}: a sub-region whose estimate rests on one country holding less than this share
 *       of its population aged 15–64 is flagged (default 0.25).</li>
 *   <li>{@code lowQuantile}/{@code highQuantile}: the range of an imputed country — the 10th and 90th percentiles
 *       of the best estimates of the countries with data in the group it is imputed from (default 0.1/0.9).</li>
 *   <li>{@code bounds}: {@link BoundMethod#CONSERVATIVE} (default) sums the countries' lows and highs: the errors
 *       of national estimates are not independent (common methods, imputation from shared averages), and the WDR
 *       publishes ranges built this way; {@link BoundMethod#MONTE_CARLO} draws every country (and every
 *       imputation source, once for all the countries it fills) independently and reports the 2.5th and 97.5th
 *       percentiles — narrower, for comparison.</li>
 *   <li>{@code draws}, {@code seed}: Monte Carlo replicates and seed (each area's generator is seeded from
 *       {@code seed} and the area, drug and year, so results do not depend on the order of computation).</li>
 * </ul>
 *
 * @param firstYear first target year
 * @param lastYear last target year
 * @param window W in years (0 = the target year only)
 * @param minCoverage headline coverage threshold in [0, 1]
 * @param smallCountryShare single-country flag threshold in [0, 1]
 * @param lowQuantile lower percentile of the imputation range
 * @param highQuantile upper percentile of the imputation range
 * @param bounds how ranges are propagated
 * @param draws Monte Carlo replicates
 * @param seed Monte Carlo seed
 */
public record EstimationSettings(int firstYear, int lastYear, int window, double minCoverage,
        double smallCountryShare, double lowQuantile, double highQuantile, BoundMethod bounds, int draws, long seed) {

    /** Default window in years. */
    public static final int DEFAULT_WINDOW = 20;

    public EstimationSettings {
        Objects.requireNonNull(bounds, "bounds");
        if (lastYear < firstYear) {
            throw DrugstatsException.of("estimates: last year %d before first year %d", lastYear, firstYear);
        }
        if (window < 0) {
            throw DrugstatsException.of("estimates: window must be >= 0 years, got %d", window);
        }
        if (!(minCoverage >= 0 && minCoverage <= 1) || !(smallCountryShare >= 0 && smallCountryShare <= 1)) {
            throw DrugstatsException.of("estimates: coverage thresholds must lie in [0, 1], got %s and %s",
                    minCoverage, smallCountryShare);
        }
        if (!(lowQuantile >= 0 && lowQuantile <= highQuantile && highQuantile <= 1)) {
            throw DrugstatsException.of("estimates: imputation percentiles must satisfy 0 <= low <= high <= 1, got %s, %s",
                    lowQuantile, highQuantile);
        }
        if (draws < 100) {
            throw DrugstatsException.of("estimates: Monte Carlo draws must be >= 100, got %d", draws);
        }
    }

    /** 2013–2023, W = {@value #DEFAULT_WINDOW}, coverage 0.5, flag 0.25, P10–P90, conservative bounds. */
    public static EstimationSettings defaults() {
        return new EstimationSettings(2013, 2023, DEFAULT_WINDOW, 0.5, 0.25, 0.1, 0.9, BoundMethod.CONSERVATIVE,
                10_000, 20250626L);
    }

    /** A copy with another window. */
    public EstimationSettings withWindow(int w) {
        return new EstimationSettings(firstYear, lastYear, w, minCoverage, smallCountryShare, lowQuantile,
                highQuantile, bounds, draws, seed);
    }

    /** A copy with other target years. */
    public EstimationSettings withYears(int first, int last) {
        return new EstimationSettings(first, last, window, minCoverage, smallCountryShare, lowQuantile, highQuantile,
                bounds, draws, seed);
    }

    /** A copy with another bound method. */
    public EstimationSettings withBounds(BoundMethod b, int n, long s) {
        return new EstimationSettings(firstYear, lastYear, window, minCoverage, smallCountryShare, lowQuantile,
                highQuantile, b, n, s);
    }
}
