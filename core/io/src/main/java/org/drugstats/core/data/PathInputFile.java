package org.drugstats.core.data;

import java.nio.file.Path;
import org.apache.parquet.io.LocalInputFile;

/**
 * A local Parquet file for parquet-java's reader, named by its path. parquet-java's errors name the file by its
 * {@code toString()} ("… is not a Parquet file. Expected magic number at tail …"), and {@link LocalInputFile}'s is
 * an identity hash ({@code LocalInputFile@1f782c05}) that differs from one read to the next: an error message, a
 * quarantine detail or a report warning built from it named no file and was not reproducible.
 */
public final class PathInputFile extends LocalInputFile {

    private final Path path;

    private PathInputFile(Path path) {
        super(path);
        this.path = path;
    }

    /** The file at {@code path}. */
    public static PathInputFile of(Path path) {
        return new PathInputFile(path);
    }

    /** The file's path, as every message names it. */
    public Path path() {
        return path;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
