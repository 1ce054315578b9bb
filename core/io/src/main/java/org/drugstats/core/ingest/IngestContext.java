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
 * @param spillAt rows (accepted plus quarantined) an ingest holds in memory before it moves them to temporary files
 *     ({@link IngestCollector}; the result is the same either way)
 */
public record IngestContext(CountryNames names, String area, long spillAt) {

    public IngestContext {
        Objects.requireNonNull(names, "names");
        if (spillAt < 0) {
            throw new IllegalArgumentException("spillAt " + spillAt + " < 0");
        }
    }

    /** A context with an area (or null) that spills past {@link IngestCollector#DEFAULT_SPILL_AT} rows. */
    public IngestContext(CountryNames names, String area) {
        this(names, area, IngestCollector.DEFAULT_SPILL_AT);
    }

    /** A context without an area. */
    public IngestContext(CountryNames names) {
        this(names, null);
    }

    /** This context with another in-memory bound (0: every row goes to temporary files). */
    public IngestContext withSpillAt(long rows) {
        return new IngestContext(names, area, rows);
    }

    /** The context over the package resources of {@code org.drugstats.core.geo}. */
    public static IngestContext withDefaults() {
        return new IngestContext(CountryNames.withDefaults());
    }

    /** This context with the area the analyst gave ({@code --area}); null for none. */
    public IngestContext withArea(String areaCode) {
        return new IngestContext(names, areaCode, spillAt);
    }

    /** The area given with {@code --area}, if any. */
    public Optional<String> givenArea() {
        return Optional.ofNullable(area);
    }
}
