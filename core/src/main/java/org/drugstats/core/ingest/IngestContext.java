package org.drugstats.core.ingest;

import java.util.Objects;
import org.drugstats.core.geo.CountryNames;

/**
 * What every kind needs besides the file: the country-name matcher (and through it the geography).
 *
 * @param names the matcher; kinds choose the region scheme they read names in
 */
public record IngestContext(CountryNames names) {

    public IngestContext {
        Objects.requireNonNull(names, "names");
    }

    /** The context over the package resources of {@code org.drugstats.core.geo}. */
    public static IngestContext withDefaults() {
        return new IngestContext(CountryNames.withDefaults());
    }
}
