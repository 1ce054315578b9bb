package org.drugstats.cli;

import java.nio.file.Path;

/** The installation's root (the {@code drugstats.home} system property the launcher sets), else the working directory. */
final class Home {

    private Home() {
    }

    /** A path under the installation root. */
    static Path path(String rel) {
        String home = System.getProperty("drugstats.home");
        return home == null || home.isBlank() ? Path.of(rel) : Path.of(home).resolve(rel);
    }
}
