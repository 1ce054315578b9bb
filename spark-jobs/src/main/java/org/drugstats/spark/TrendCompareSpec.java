package org.drugstats.spark;

import java.io.Serializable;
import java.util.List;

/**
 * One entry of {@code trend.compare}: {@code indicator:dimension=A,B} compares, for every series of the indicator
 * that exists with {@code dimension} = A and with {@code dimension} = B and agrees on the other series columns, the
 * two series by the tests of coincidence and parallelism ({@link TrendComparisonStep}). {@code dimension} is one of
 * the series columns other than the indicator: {@code ref_area}, {@code sex}, {@code age}, {@code drug},
 * {@code unit}. Examples: {@code drug_related_deaths:sex=M,F} (men and women in every area and age group),
 * {@code drug_related_deaths:ref_area=USA,CAN} (two countries, every sex and age group both have).
 *
 * @param indicator the indicator id
 * @param dimension the series column whose two values are compared
 * @param a the value of the first series (A)
 * @param b the value of the second series (B)
 */
public record TrendCompareSpec(String indicator, String dimension, String a, String b) implements Serializable {

    /** The series columns a comparison can be made along. */
    public static final List<String> DIMENSIONS = List.of("ref_area", "sex", "age", "drug", "unit");

    /** Checks the parts (IllegalArgumentException with the expected form). */
    public TrendCompareSpec {
        if (indicator == null || indicator.isBlank() || a == null || a.isBlank() || b == null || b.isBlank()) {
            throw new IllegalArgumentException(FORM);
        }
        if (!DIMENSIONS.contains(dimension)) {
            throw new IllegalArgumentException("the dimension must be one of " + DIMENSIONS + ", got '" + dimension
                    + "'");
        }
        if (a.equals(b)) {
            throw new IllegalArgumentException("a comparison needs two different values, got '" + a + "' twice");
        }
    }

    private static final String FORM = "expected \"indicator:dimension=A,B\" (e.g. \"drug_related_deaths:sex=M,F\")";

    /** Parses an entry; IllegalArgumentException with the expected form otherwise. */
    public static TrendCompareSpec parse(String s) {
        int eq = s.indexOf('=');
        int colon = eq < 0 ? -1 : s.lastIndexOf(':', eq);
        if (colon <= 0) {
            throw new IllegalArgumentException(FORM + ", got '" + s + "'");
        }
        String[] ab = s.substring(eq + 1).split(",", -1);
        if (ab.length != 2) {
            throw new IllegalArgumentException(FORM + ", got '" + s + "'");
        }
        try {
            return new TrendCompareSpec(s.substring(0, colon).trim(), s.substring(colon + 1, eq).trim(),
                    ab[0].trim(), ab[1].trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in '" + s + "'", e);
        }
    }

    /** The entry as written in a configuration file. */
    @Override
    public String toString() {
        return indicator + ":" + dimension + "=" + a + "," + b;
    }
}
