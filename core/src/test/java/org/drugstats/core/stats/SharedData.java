package org.drugstats.core.stats;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates files under the shared published-data folder for tests: system property
 * {@code drugstats.shared.data} (set by Surefire), else {@code ../shared/data} relative to the repository
 * root. A missing file fails the test with its path; it never skips.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The path of {@code relative} under the shared data folder; fails the test when it does not exist. */
    public static Path file(String relative) {
        String prop = System.getProperty("drugstats.shared.data");
        Path root;
        if (prop != null && !prop.isBlank()) {
            root = Path.of(prop);
        } else {
            Path cwd = Path.of("").toAbsolutePath();
            Path repo = Files.exists(cwd.resolve("core")) ? cwd : cwd.getParent();
            root = repo.resolve("../shared/data");
        }
        Path p = root.resolve(relative).normalize();
        if (!Files.isRegularFile(p)) {
            fail("shared data file missing: " + p + " (set -Ddrugstats.shared.data=DIR or put shared/data beside "
                    + "the repository); this test reads published data and must not be skipped");
        }
        return p;
    }
}
