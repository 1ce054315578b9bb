package org.drugstats.core.data;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drugstats.core.DrugstatsException;

/**
 * The years a {@code time_period} covers. The extracts use three forms (SDMX-style, as the ingest writes them):
 * a year {@code 2021}; a range of calendar years {@code 2015-2017} (start before end); a split year
 * {@code 2020/21} — a financial or survey year that starts in 2020 and ends in 2021, as England's treatment
 * statistics publish them (the second part is the last two digits of the next year: {@code 1999/00} ends in 2000).
 *
 * @param text the time_period as written
 * @param startYear the first calendar year it touches
 * @param endYear the last calendar year it touches (equal to the start for a single year)
 */
public record TimePeriod(String text, int startYear, int endYear) {
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern RANGE = Pattern.compile("(\\d{4})-(\\d{4})");
    private static final Pattern SPLIT = Pattern.compile("(\\d{4})/(\\d{2})");

    /** Checks the parts (use {@link #parse(String)} to read a time_period). */
    public TimePeriod {
        if (text == null || startYear > endYear) {
            throw DrugstatsException.of("time_period '%s': start year %d after end year %d", text, startYear, endYear);
        }
    }

    /**
     * Reads a time_period.
     *
     * @throws DrugstatsException naming the value and the accepted forms when it is none of them
     */
    public static TimePeriod parse(String timePeriod) {
        return tryParse(timePeriod).orElseThrow(() -> DrugstatsException.of(
                "time_period '%s' is not a year (2021), a range of years (2015-2017) or a split year (2020/21)",
                timePeriod));
    }

    /** Reads a time_period, or empty when it is none of the three forms. */
    public static Optional<TimePeriod> tryParse(String timePeriod) {
        if (timePeriod == null) {
            return Optional.empty();
        }
        if (YEAR.matcher(timePeriod).matches()) {
            int y = Integer.parseInt(timePeriod);
            return Optional.of(new TimePeriod(timePeriod, y, y));
        }
        Matcher m = RANGE.matcher(timePeriod);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            return a < b ? Optional.of(new TimePeriod(timePeriod, a, b)) : Optional.empty();
        }
        m = SPLIT.matcher(timePeriod);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int next = a + 1;
            return Integer.parseInt(m.group(2)) == next % 100 ? Optional.of(new TimePeriod(timePeriod, a, next))
                    : Optional.empty();
        }
        return Optional.empty();
    }

    /** True for a single calendar year. */
    public boolean isSingleYear() {
        return startYear == endYear;
    }
}
