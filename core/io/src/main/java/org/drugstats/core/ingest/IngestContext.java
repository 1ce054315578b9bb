package org.drugstats.core.ingest;

import java.util.Objects;
import java.util.Optional;
import org.drugstats.core.geo.CountryNames;

/**
 * What every kind needs besides the file: the country-name matcher (and through it the geography), and the area
 * the analyst says a file is about when the file does not say it ({@code drugstats ingest --area ISO3}).
 *
 * @param names the matcher; kinds choose the region scheme they read names in
 * @param area the area code given with {@code --area}, or null when none was given
 */
public record IngestContext(CountryNames names, String area) {

    public IngestContext {
        Objects.requireNonNull(names, "names");
    }

    /** A context without an area. */
    public IngestContext(CountryNames names) {
        this(names, null);
    }

    /** The context over the package resources of {@code org.drugstats.core.geo}. */
    public static IngestContext withDefaults() {
        return new IngestContext(CountryNames.withDefaults());
    }

    /** This context with the area the analyst gave ({@code --area}); null for none. */
    public IngestContext withArea(String areaCode) {
        return new IngestContext(names, areaCode);
    }

    /** The area given with {@code --area}, if any. */
    public Optional<String> givenArea() {
        return Optional.ofNullable(area);
    }
}
