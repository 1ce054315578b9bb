package org.drugstats.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deleting a directory tree: the one implementation behind every staging, temporary and replaced output directory
 * of the project (ingest, report, pipeline publish, generated data).
 */
public final class PathTrees {

    private PathTrees() {
    }

    /**
     * Deletes {@code root} and everything under it, files before their directories; a missing {@code root} is
     * fine. A plain file is deleted too.
     *
     * @throws IOException when an entry cannot be deleted (the entries deleted before it stay deleted)
     */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
