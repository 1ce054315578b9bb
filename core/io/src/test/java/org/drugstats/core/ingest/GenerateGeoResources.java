package org.drugstats.core.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.drugstats.core.SharedData;

/**
 * Writes the derived geography resources into {@code core/src/main/resources/org/drugstats/core/geo/}.
 * Run from the project root after the published files change:
 * {@code mvn -B -o -q -pl core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.drugstats.core.ingest.GenerateGeoResources}. {@code GeoResourcesTest} fails until the
 * committed resources equal the output.
 */
public final class GenerateGeoResources {

    private GenerateGeoResources() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = args.length > 0 ? Path.of(args[0]) : SharedData.dir();
        Path out = args.length > 1 ? Path.of(args[1])
                : SharedData.projectRoot().resolve("core/src/main/resources/org/drugstats/core/geo");
        GeoResourceGenerator.Output o = GeoResourceGenerator.generate(shared);
        for (Map.Entry<String, String> e : o.files().entrySet()) {
            Files.writeString(out.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + out.resolve(e.getKey()));
        }
        o.notes().forEach(n -> System.out.println("note: " + n));
    }
}
