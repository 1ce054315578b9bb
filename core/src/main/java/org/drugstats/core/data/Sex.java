package org.drugstats.core.data;

import java.util.Arrays;
import org.drugstats.core.DrugstatsException;

/** SDMX {@code SEX} codes: total, male, female. */
public enum Sex {
    TOTAL("T"),
    MALE("M"),
    FEMALE("F");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    /** The SDMX code stored in extracts: {@code T}, {@code M} or {@code F}. */
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
