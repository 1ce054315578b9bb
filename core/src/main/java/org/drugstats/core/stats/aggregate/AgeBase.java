package org.drugstats.core.stats.aggregate;

import java.io.Serializable;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drugstats.core.DrugstatsException;

/**
 * The age range a rate or population refers to: "15-64" (inclusive, both ends) or "12+" (open-ended).
 *
 * @param from first age included
 * @param to last age included; empty for an open-ended range
 */
public record AgeBase(int from, OptionalInt to) implements Serializable {
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,3})\\s*[-\u2013]\\s*(\\d{1,3})\\s*");
    private static final Pattern OPEN = Pattern.compile("\\s*(\\d{1,3})\\s*\\+\\s*");

    /** The UNODC standard base, ages 15–64. */
    public static final AgeBase AGED_15_64 = new AgeBase(15, OptionalInt.of(64));

    /** Validates 0 ≤ from ≤ to. */
    public AgeBase {
        if (to == null) {
            to = OptionalInt.empty();
        }
        if (from < 0 || (to.isPresent() && to.getAsInt() < from)) {
            throw DrugstatsException.of("age range %d-%s is not valid; expected 0 <= from <= to", from,
                    to.isPresent() ? String.valueOf(to.getAsInt()) : "");
        }
    }

    /** Parses "15-64", "15–64" or "12+". */
    public static AgeBase parse(String text) {
        if (text != null) {
            Matcher m = RANGE.matcher(text);
            if (m.matches()) {
                return new AgeBase(Integer.parseInt(m.group(1)), OptionalInt.of(Integer.parseInt(m.group(2))));
            }
            m = OPEN.matcher(text);
            if (m.matches()) {
                return new AgeBase(Integer.parseInt(m.group(1)), OptionalInt.empty());
            }
        }
        throw DrugstatsException.of("age base '%s' is not valid; expected e.g. '15-64' or '12+'", text);
    }

    @Override
    public String toString() {
        return to.isPresent() ? from + "-" + to.getAsInt() : from + "+";
    }
}
