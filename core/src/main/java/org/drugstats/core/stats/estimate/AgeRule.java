package org.drugstats.core.stats.estimate;

import java.util.Locale;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.aggregate.AgeBase;

/**
 * How a national estimate surveyed on an age base other than 15–64 enters an estimate for ages 15–64. The rule
 * applied is named on every estimate ({@code notes}) and counted in the run.
 *
 * <p>Annex table 1.2 of the WDR publishes each estimate with the age range of its survey (15-64, 12-65, 16-59,
 * 15+, 10-75, 19-28, …) and no age-specific prevalence. The rules:
 * <ul>
 *   <li>{@link #STANDARD}: 15-64.</li>
 *   <li>{@link #EQUIVALENT} — taken as the 15–64 rate <em>as it is</em>: closed ranges that start at 12–18 and
 *       end at 54–70. They contain the ages of highest past-year use (18–54) entirely and differ from 15–64 only
 *       by a few marginal years at either end. A conversion would need the prevalence in those margin years,
 *       which the table does not give; the WDR's own annex publishes these estimates in the 15–64 table.</li>
 *   <li>{@link #CONVERTED} — ranges that contain 18–54 but reach below 12 or above 70 (or are open: 12+, 15+,
 *       18+, 7+, 10-75, 18-86): the rate is multiplied by {@code pop(S*) / pop(15-64)}, where S* is the
 *       surveyed range with the ends inside the equivalence band moved to 15 and 64 (as for {@link #EQUIVALENT})
 *       and the ends outside kept (a start below 12 kept; an end above 70, or an open end, as "65 and over").
 *       Assumption, stated: <b>nobody surveyed below age 12 or above age 70 (open ranges: 65 and over) used the
 *       drug in the past year</b>, so the users counted by the survey all belong to 15–64. This is an upper
 *       bound of the 15–64 rate (any use by older people would lower it); the other extreme, the same rate
 *       at all ages, is the unconverted rate. Populations from UN WPP of the survey year
 *       ({@link AgePopulation}). A closed end above 70 is treated as open (WPP's last group is 65+): the factor
 *       is then overstated by the share of the surveyed population older than the end.</li>
 *   <li>{@link #EXCLUDED} — left out: ranges that do not contain 18–54 (19-28, 18-40, 16-24, 15-50, 12-35:
 *       youth or partial surveys, whose rate cannot stand for 15–64 without an age profile of use) and
 *       unpublished age bases ({@code _U}).</li>
 * </ul>
 */
public enum AgeRule {
    /** Surveyed on 15-64. */
    STANDARD("15-64"),
    /** A range close to 15-64, taken as it is. */
    EQUIVALENT("as-15-64"),
    /** Converted to 15-64 with population counts, assuming no use outside 15-64 among the surveyed. */
    CONVERTED("converted"),
    /** Left out. */
    EXCLUDED("excluded");

    /** Lowest start of the equivalence band. */
    public static final int BAND_START_MIN = 12;
    /** Highest start of the equivalence band (and of the core ages 18–54 a usable range must contain). */
    public static final int BAND_START_MAX = 18;
    /** Lowest end of the equivalence band (and end of the core ages). */
    public static final int BAND_END_MIN = 54;
    /** Highest end of the equivalence band. */
    public static final int BAND_END_MAX = 70;

    private final String code;

    AgeRule(String code) {
        this.code = code;
    }

    /** The code written on estimates ({@code 15-64}, {@code as-15-64}, {@code converted}, {@code excluded}). */
    public String code() {
        return code;
    }

    /** The rule for a published age base ({@code "15-64"}, {@code "12+"}, {@code "_U"}, …). */
    public static AgeRule of(String age) {
        AgeBase b;
        try {
            b = AgeBase.parse(age);
        } catch (DrugstatsException e) {
            return EXCLUDED;
        }
        if (b.equals(AgeBase.AGED_15_64)) {
            return STANDARD;
        }
        int from = b.from();
        boolean open = b.to().isEmpty();
        int to = open ? Integer.MAX_VALUE : b.to().getAsInt();
        if (from > BAND_START_MAX || to < BAND_END_MIN) {
            return EXCLUDED;
        }
        if (from >= BAND_START_MIN && !open && to <= BAND_END_MAX) {
            return EQUIVALENT;
        }
        return CONVERTED;
    }

    /**
     * The factor that turns a rate on the age base {@code age} into a 15–64 rate: 1 for {@link #STANDARD} and
     * {@link #EQUIVALENT}, {@code pop(S*) / pop(15-64)} for {@link #CONVERTED} (see the class comment).
     *
     * @throws DrugstatsException for an {@link #EXCLUDED} age base
     */
    public static double factor(String age, AgePopulation pop) {
        AgeRule rule = of(age);
        switch (rule) {
            case STANDARD:
            case EQUIVALENT:
                return 1.0;
            case CONVERTED:
                AgeBase b = AgeBase.parse(age);
                int start = b.from() < BAND_START_MIN ? b.from() : 15;
                boolean open = b.to().isEmpty() || b.to().getAsInt() > BAND_END_MAX;
                double surveyed = open ? pop.from(start) : pop.between(start, 64);
                return surveyed / pop.aged15to64();
            default:
                throw DrugstatsException.of("age base '%s' is %s: it cannot be converted to 15-64", age,
                        rule.name().toLowerCase(Locale.ROOT));
        }
    }
}
