package org.drugstats.core.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.drugstats.core.DrugstatsException;

/** The registry of ingest kinds: every {@link IngestKind} on the class path, found with {@link ServiceLoader}. */
public final class IngestKinds {

    private IngestKinds() {
    }

    /** All kinds, sorted by name. */
    public static List<IngestKind> all() {
        List<IngestKind> kinds = new ArrayList<>();
        ServiceLoader.load(IngestKind.class, IngestKind.class.getClassLoader()).forEach(kinds::add);
        kinds.sort(Comparator.comparing(IngestKind::name));
        for (int i = 1; i < kinds.size(); i++) {
            if (kinds.get(i).name().equals(kinds.get(i - 1).name())) {
                throw new IllegalStateException("two ingest kinds are named " + kinds.get(i).name());
            }
        }
        return kinds;
    }

    /** The names of all kinds, sorted. */
    public static List<String> names() {
        return all().stream().map(IngestKind::name).toList();
    }

    /**
     * The kind with this name.
     *
     * @throws DrugstatsException listing the known kinds when there is none
     */
    public static IngestKind byName(String name) {
        return all().stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> DrugstatsException.of("unknown source kind '%s'; expected one of %s", name, names()));
    }
}
