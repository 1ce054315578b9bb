package org.drugstats.core.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.geo.CountryNames;

/**
 * What every kind needs besides the file: the country-name matcher (and through it the geography), and the area
 * the analyst says a file is about when the file does not say it ({@code drugstats ingest --area ISO3}).
 *
 * @param names the matcher; kinds choose the region scheme they read names in
 * @param area the area code given with {@code --area}, or null when none was given
 * @param spillAt rows (accepted plus quarantined) an ingest holds in memory before it moves them to temporary files
 *     ({@link IngestCollector}; the result is the same either way)
 * @param tempDir the folder under which an ingest that spills makes its temporary folder
 *     ({@code drugstats ingest --temp-dir DIR}), or null for {@code java.io.tmpdir}; the temporary folder is removed
 *     when the ingest ends, fails or the JVM is stopped by a signal
 */
public record IngestContext(CountryNames names, String area, long spillAt, Path tempDir) {

    public IngestContext {
        Objects.requireNonNull(names, "names");
        if (spillAt < 0) {
            throw new IllegalArgumentException("spillAt " + spillAt + " < 0");
        }
    }

    /** A context that spills past {@code spillAt} rows into {@code java.io.tmpdir}. */
    public IngestContext(CountryNames names, String area, long spillAt) {
        this(names, area, spillAt, null);
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
        return new IngestContext(names, area, rows, tempDir);
    }

    /** The context over the package resources of {@code org.drugstats.core.geo}. */
    public static IngestContext withDefaults() {
        return new IngestContext(CountryNames.withDefaults());
    }

    /** This context with the area the analyst gave ({@code --area}); null for none. */
    public IngestContext withArea(String areaCode) {
        return new IngestContext(names, areaCode, spillAt, tempDir);
    }

    /**
     * This context with the folder for the temporary files of a large ingest (null: {@code java.io.tmpdir}). The
     * folder is checked when the ingest starts ({@link Ingest#run}): it must exist and be writable.
     */
    public IngestContext withTempDir(Path dir) {
        return new IngestContext(names, area, spillAt, dir);
    }

    /**
     * Checks a folder for the temporary files of an ingest: it must exist, be a folder and take a new file (one is
     * created and deleted to find out; permission bits alone do not tell, e.g. for root or a read-only mount).
     *
     * @return the folder
     * @throws DrugstatsException "DIR: ...; expected an existing writable folder for the ingest's temporary files"
     */
    public static Path checkTempDir(Path dir) {
        Objects.requireNonNull(dir, "dir");
        String expected = "expected an existing writable folder for the ingest's temporary files";
        if (!Files.exists(dir)) {
            throw DrugstatsException.of("%s: no such folder; %s", dir, expected);
        }
        if (!Files.isDirectory(dir)) {
            throw DrugstatsException.of("%s: not a folder; %s", dir, expected);
        }
        try {
            Path probe = Files.createTempFile(dir, ".drugstats-probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw DrugstatsException.of("%s: cannot write in it (%s); %s", dir, XlsxWorkbook.oneLine(e), expected);
        }
        return dir;
    }

    /** The area given with {@code --area}, if any. */
    public Optional<String> givenArea() {
        return Optional.ofNullable(area);
    }
}
