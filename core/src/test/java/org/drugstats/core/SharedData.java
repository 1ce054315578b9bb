package org.drugstats.core;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared published data for tests: the system property {@code drugstats.shared.data} (Surefire
 * sets it), else {@code ../shared/data} from the project root. Tests that need the files FAIL when they are
 * missing; they never skip.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared data folder; an assertion error when it does not exist. */
    public static Path dir() {
        String prop = System.getProperty("drugstats.shared.data");
        Path dir;
        if (prop != null && !prop.isBlank()) {
            dir = Path.of(prop);
        } else {
            dir = projectRoot().resolve("../shared/data").normalize();
        }
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("shared data folder " + dir + " is missing; tests that read the published files "
                    + "need it (set -Ddrugstats.shared.data=...)");
        }
        return dir;
    }

    /** A file below the shared data folder; an assertion error when it does not exist. */
    public static Path file(String relative) {
        Path f = dir().resolve(relative);
        if (!Files.isRegularFile(f)) {
            throw new AssertionError("shared data file " + f + " is missing");
        }
        return f;
    }

    /** The project root (for committed outputs such as data/ and resources). */
    public static Path projectRoot() {
        String prop = System.getProperty("drugstats.project.root");
        Path root = prop != null && !prop.isBlank() ? Path.of(prop) : Path.of(".").toAbsolutePath();
        root = root.toAbsolutePath().normalize();
        if (root.getFileName() != null && root.getFileName().toString().equals("core")) {
            root = root.getParent();
        }
        return root;
    }
}
