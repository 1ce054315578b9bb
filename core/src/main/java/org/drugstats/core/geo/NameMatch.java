package org.drugstats.core.geo;

import java.util.Optional;

/**
 * The result of matching a published area name: either {@link Mapped} to a country or territory (ISO 3166-1
 * alpha-3) or {@link Unmapped} with a reason. An unmapped name is never dropped silently: callers report it
 * (an ingest lists it in its report's {@code unmapped_names}).
 */
public sealed interface NameMatch permits NameMatch.Mapped, NameMatch.Unmapped {

    /** The name as given. */
    String input();

    /** The footnote marker stripped from the name ("a" in "Colombia a"), or null. */
    String footnote();

    /** True when the name denotes one country or territory (or a part of one). */
    boolean isMapped();

    /**
     * The area code to store as {@code ref_area}: the ISO3 code, the ISO 3166-2 code of a part of a country,
     * or the code of an aggregate or residual when it has one.
     */
    Optional<String> refArea();

    /**
     * A name that denotes a country or territory, or a part of one.
     *
     * @param input the name as given
     * @param iso3 ISO 3166-1 alpha-3 of the country (for a part of a country, the country's code)
     * @param areaCode the code to store: {@code iso3}, or the ISO 3166-2 code of the part ("GB-SCT")
     * @param name the canonical name (M49 name, or the alias resource's name for areas M49 lacks)
     * @param method how the name was matched
     * @param footnote the footnote marker that was stripped, or null
     */
    record Mapped(String input, String iso3, String areaCode, String name, MatchMethod method, String footnote)
            implements NameMatch {
        @Override
        public boolean isMapped() {
            return true;
        }

        @Override
        public Optional<String> refArea() {
            return Optional.of(areaCode);
        }

        /** True when the name denotes a part of the country (e.g. Scotland), not the whole country. */
        public boolean isSubnational() {
            return !areaCode.equals(iso3);
        }
    }

    /**
     * A name that does not denote one country.
     *
     * @param input the name as given
     * @param reason why
     * @param code the aggregate's or residual's code when it has one (e.g. {@code WLD}, {@code M49_002}), or null
     * @param footnote the footnote marker that was stripped, or null
     * @param detail one line for a person (what the name is, or what was tried)
     */
    record Unmapped(String input, UnmappedReason reason, String code, String footnote, String detail)
            implements NameMatch {
        @Override
        public boolean isMapped() {
            return false;
        }

        @Override
        public Optional<String> refArea() {
            return Optional.ofNullable(code);
        }
    }
}
