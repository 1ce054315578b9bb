package org.drugstats.core.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the source words a figure, which tells whether the value is a point, an approximation or a
 * bound. "About 271 million" is {@link #APPROXIMATELY}; "over 775 tons" is {@link #MORE_THAN}, so the
 * true value is larger than the stored one.
 */
public enum Qualifier {
    /** Stated without a hedge ("39.5 million", "1 in 5"); still an estimate where the source estimates. */
    NONE("none"),
    /** "about", "some", "roughly", "approximately", "an estimated", "a dozen". */
    APPROXIMATELY("approximately"),
    /** "more than", "over": the stored value is a lower bound. */
    MORE_THAN("more-than"),
    /** "nearly", "almost": the stored value is an upper bound approached from below. */
    NEARLY("nearly"),
    /** "less than", "under": the stored value is an upper bound. */
    LESS_THAN("less-than");

    private final String code;

    Qualifier(String code) {
        this.code = code;
    }

    /** The code written in the catalog resource. */
    public String code() {
        return code;
    }

    /** The qualifier with this code, if any. */
    public static Optional<Qualifier> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(q -> q.code.equals(c)).findFirst();
    }

    /** The known codes, for messages. */
    static String codes() {
        return Arrays.stream(values()).map(Qualifier::code).toList().toString();
    }
}
