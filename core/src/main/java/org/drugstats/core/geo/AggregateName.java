package org.drugstats.core.geo;

import java.util.Objects;

/**
 * A name that denotes a group of countries or a residual row rather than one country. One row of
 * {@code aggregate-names.csv} (names of M49 and UNODC groups are not listed there; they come from the M49 and
 * UNODC resources).
 *
 * @param name the name as published
 * @param reason {@link UnmappedReason#AGGREGATE} or {@link UnmappedReason#RESIDUAL}
 * @param code the group's code, or empty when it has none
 * @param note what the name denotes and where it was seen
 */
public record AggregateName(String name, UnmappedReason reason, String code, String note) {

    public AggregateName {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
        if (reason != UnmappedReason.AGGREGATE && reason != UnmappedReason.RESIDUAL) {
            throw new IllegalArgumentException("aggregate name '" + name + "': reason must be AGGREGATE or RESIDUAL");
        }
        code = Objects.requireNonNullElse(code, "");
        note = Objects.requireNonNullElse(note, "");
    }
}
