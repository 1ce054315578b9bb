package org.drugstats.core.data;

import java.util.Arrays;
import org.drugstats.core.DrugstatsException;

/**
 * SDMX {@code SEX} codes: total, male, female, and {@code _U} for persons whose sex is unknown or not male or female
 * (the SDMX cross-domain code for "unknown"; UNODC annex 10.1 publishes one column "Unknown/Other/ Third/Intersex").
 */
public enum Sex {
    TOTAL("T"),
    MALE("M"),
    FEMALE("F"),
    UNKNOWN("_U");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    /** The SDMX code stored in extracts: {@code T}, {@code M}, {@code F} or {@code _U}. */
    public String code() {
        return code;
    }

    /** The sex with this code; an error naming the value and the accepted codes otherwise. */
    public static Sex ofCode(String code) {
        for (Sex s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw DrugstatsException.of("unknown sex code '%s'; expected one of %s", code,
                Arrays.stream(values()).map(Sex::code).toList());
    }
}
