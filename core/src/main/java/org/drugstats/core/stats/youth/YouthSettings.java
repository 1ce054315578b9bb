package org.drugstats.core.stats.youth;

import org.drugstats.core.DrugstatsException;

/**
 * The choices of the youth estimates.
 *
 * <ul>
 *   <li>{@code targetYear} Y: the year of the regional summaries (default 2023, the last year of the 15–64
 *       estimates and the last survey year of annex table 1.4 of the WDR 2025).</li>
 *   <li>{@code window} W: a country counts in the summaries of Y with its latest 15–16 survey of a year in
 *       [Y − W, Y]. Default {@value #DEFAULT_WINDOW}: one full ESPAD cycle (surveys every four years; the annex of
 *       the WDR 2025 has the 2019 round, 2015 before it) plus one year of reporting lag, so that every country of a
 *       regular school survey is in with its last round and no country with one older than a round. Student
 *       cohorts turn over every year, so the 15–64 estimates' W = 20 (a carried household survey) would mix
 *       generations. Measured in BENCHMARKS.md ("Youth: window"): coverage and the weighted means for W = 4, 5, 8,
 *       10, 15.</li>
 *   <li>{@code minCoverage}: a summary whose coverage (share of the population aged 15–16 in countries with data)
 *       is below it is produced but not a headline (default 0.5, as the 15–64 estimates).</li>
 *   <li>{@code implausibleAbove}: a past-year or past-month value above it (percent) is kept on the country row,
 *       flagged {@code implausible}, and left out of the summaries (default 50). Measured on table 1.4 of the WDR
 *       2025: the past-year values above 50 are Malaysia 2018 cannabis 100, Senegal 2019 cannabis 90.95 and China
 *       2016 amphetamines 81.1, the next highest is 40.8 (Czechia 2018, cannabis, aged 17–18); past month: Macao
 *       2018 cannabis 60, the next highest 50 and 38.5. Values of this size are shares of users, not of students;
 *       lifetime values are not flagged (the highest, Palau's 64.2, is a plausible lifetime cannabis use).</li>
 * </ul>
 *
 * @param targetYear Y
 * @param window W in years
 * @param minCoverage headline threshold in [0, 1]
 * @param implausibleAbove past-year and past-month values above it are flagged (percent)
 */
public record YouthSettings(int targetYear, int window, double minCoverage, double implausibleAbove) {
    /** Default window in years. */
    public static final int DEFAULT_WINDOW = 5;

    /** Checks the ranges. */
    public YouthSettings {
        if (window < 0) {
            throw DrugstatsException.of("youth estimates: window must be >= 0 years, got %d", window);
        }
        if (!(minCoverage >= 0 && minCoverage <= 1)) {
            throw DrugstatsException.of("youth estimates: minimum coverage must lie in [0, 1], got %s", minCoverage);
        }
        if (!(implausibleAbove > 0 && implausibleAbove <= 100)) {
            throw DrugstatsException.of("youth estimates: implausibility threshold must lie in (0, 100], got %s",
                    implausibleAbove);
        }
    }

    /** Y = 2023, W = {@value #DEFAULT_WINDOW}, coverage 0.5, implausible above 50%. */
    public static YouthSettings defaults() {
        return new YouthSettings(2023, DEFAULT_WINDOW, 0.5, 50);
    }

    /** A copy with another window. */
    public YouthSettings withWindow(int w) {
        return new YouthSettings(targetYear, w, minCoverage, implausibleAbove);
    }

    /** A copy with another target year. */
    public YouthSettings withTargetYear(int y) {
        return new YouthSettings(y, window, minCoverage, implausibleAbove);
    }
}
