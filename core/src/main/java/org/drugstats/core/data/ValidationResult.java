package org.drugstats.core.data;

import java.util.List;
import org.drugstats.core.DrugstatsException;

/**
 * What validation of one input gave: the accepted observations and the quarantined rows. The accounting
 * identity rows read = rows accepted + rows quarantined is checked on construction.
 *
 * @param file the input's name
 * @param rowsRead number of data rows read
 * @param accepted the rows that passed, as observations, in input order
 * @param quarantined the rows set aside, with reasons, in input order
 */
public record ValidationResult(String file, long rowsRead, List<Observation> accepted, List<QuarantineRow> quarantined) {

    public ValidationResult {
        accepted = List.copyOf(accepted);
        quarantined = List.copyOf(quarantined);
        if (rowsRead != accepted.size() + (long) quarantined.size()) {
            throw DrugstatsException.of("%s: row accounting broken: read %d, accepted %d, quarantined %d",
                    file, rowsRead, accepted.size(), quarantined.size());
        }
    }

    /** Rows accepted. */
    public long rowsAccepted() {
        return accepted.size();
    }

    /** Rows quarantined. */
    public long rowsQuarantined() {
        return quarantined.size();
    }

    /** One line: {@code FILE: read N, accepted A, quarantined Q}. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%s: read %d, accepted %d, quarantined %d", file, rowsRead,
                accepted.size(), quarantined.size());
    }
}
