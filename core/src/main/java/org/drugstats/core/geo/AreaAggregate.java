package org.drugstats.core.geo;

import java.util.Objects;

/**
 * A named group of countries with a stable code.
 *
 * @param code the code stored as {@code ref_area} ({@code WLD}, {@code M49_002}, {@code UNODC_AFR_EAST}, ...)
 * @param name the name
 * @param scheme the classification the group belongs to
 * @param parentCode the enclosing group's code, or null for the world and for groups outside a hierarchy
 */
public record AreaAggregate(String code, String name, Scheme scheme, String parentCode) {

    /** Classifications of groups. */
    public enum Scheme {
        /** The world. */
        WORLD,
        /** UN M49 regions, sub-regions and intermediate regions. */
        M49,
        /** UNODC regions and sub-regions of the World Drug Report. */
        UNODC,
        /** Groups published by other sources (WPP development groups, World Bank income groups, ...). */
        OTHER
    }

    public AreaAggregate {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scheme, "scheme");
    }

    /** The code of an M49 group: {@code M49_} and the three-digit code; {@code 001} is {@code WLD}. */
    public static String m49Code(String m49) {
        return "001".equals(m49) ? "WLD" : "M49_" + m49;
    }
}
