package org.drugstats.core.data;

import java.util.Arrays;
import org.drugstats.core.DrugstatsException;

/**
 * Observation status (SDMX {@code OBS_STATUS}); each observation says whether it is measured,
 * estimated, imputed, provisional or missing. The code stored in extracts is the lower-case name;
 * {@link #sdmxCode()} gives the SDMX code list value.
 */
public enum ObsStatus {
    /** A normal value as published (SDMX A). */
    NORMAL("normal", "A"),
    /** A value the publisher or this library estimated, e.g. adjusted to another age base (SDMX E). */
    ESTIMATED("estimated", "E"),
    /** A value filled in for a missing one, e.g. a subregional average (SDMX I). */
    IMPUTED("imputed", "I"),
    /** A provisional value (SDMX P). */
    PROVISIONAL("provisional", "P"),
    /** No value: published as not available (".."), kept so that coverage can be computed (SDMX M). */
    MISSING("missing", "M");

    private final String code;
    private final String sdmxCode;

    ObsStatus(String code, String sdmxCode) {
        this.code = code;
        this.sdmxCode = sdmxCode;
    }

    /** The code stored in extracts. */
    public String code() {
        return code;
    }

    /** The SDMX OBS_STATUS code. */
    public String sdmxCode() {
        return sdmxCode;
    }

    /** The status with this code; an error naming the value and the accepted codes otherwise. */
    public static ObsStatus ofCode(String code) {
        for (ObsStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw DrugstatsException.of("unknown obs_status '%s'; expected one of %s", code,
                Arrays.stream(values()).map(ObsStatus::code).toList());
    }
}
