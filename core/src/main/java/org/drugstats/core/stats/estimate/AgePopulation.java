package org.drugstats.core.stats.estimate;

import org.drugstats.core.DrugstatsException;

/**
 * A country's population of one year in the age groups of UN World Population Prospects that the project's
 * extract carries ({@code population_by_age}: 0-4, 5-14, 15-24, 25-64, 65+), in persons.
 *
 * <p>{@link #between(int, int)} counts the persons aged a..b (inclusive) assuming the persons of a group are
 * spread evenly over its single years of age (linear interpolation of the cumulative count inside a group); the
 * open group 65+ can only be taken whole ({@link #from(int)}). This is the only assumption used when an age base
 * is converted ({@link AgeRule#factor}); no age profile of drug use is assumed beyond what {@link AgeRule} states.
 *
 * @param age0to4 persons aged 0-4
 * @param age5to14 persons aged 5-14
 * @param age15to24 persons aged 15-24
 * @param age25to64 persons aged 25-64
 * @param age65plus persons aged 65 and over
 */
public record AgePopulation(double age0to4, double age5to14, double age15to24, double age25to64, double age65plus) {

    private static final int[] START = {0, 5, 15, 25};
    private static final int[] END = {4, 14, 24, 64};

    /** Validates that every count is finite and non-negative, and that 15–64 is positive. */
    public AgePopulation {
        for (double v : new double[] {age0to4, age5to14, age15to24, age25to64, age65plus}) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw DrugstatsException.of("population by age must be finite and >= 0, got %s", v);
            }
        }
        if (!(age15to24 + age25to64 > 0)) {
            throw DrugstatsException.of("population aged 15-64 must be > 0");
        }
    }

    /** Persons aged 15–64. */
    public double aged15to64() {
        return age15to24 + age25to64;
    }

    /** Persons aged a..b inclusive, 0 &le; a &le; b &le; 64 (even spread inside a group). */
    public double between(int a, int b) {
        if (a < 0 || b < a || b > 64) {
            throw DrugstatsException.of("closed age range %d-%d must lie within 0-64", a, b);
        }
        double[] groups = {age0to4, age5to14, age15to24, age25to64};
        double sum = 0;
        for (int g = 0; g < groups.length; g++) {
            int lo = Math.max(a, START[g]);
            int hi = Math.min(b, END[g]);
            if (lo <= hi) {
                sum += groups[g] * (hi - lo + 1) / (END[g] - START[g] + 1);
            }
        }
        return sum;
    }

    /** Persons aged a and over (a &le; 65): {@code between(a, 64)} plus the whole 65+ group. */
    public double from(int a) {
        if (a < 0 || a > 65) {
            throw DrugstatsException.of("open age range %d+ must start within 0-65", a);
        }
        return (a <= 64 ? between(a, 64) : 0) + age65plus;
    }
}
