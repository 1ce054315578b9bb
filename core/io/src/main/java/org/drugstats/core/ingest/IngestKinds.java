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
     * What every kind says about a file, strongest match first (then by name), non-matches after.
     *
     * @see IngestKind#sniff
     */
    public static List<Sniff> sniff(SourceFile file) {
        List<Sniff> all = new ArrayList<>();
        for (IngestKind k : all()) {
            all.add(k.sniff(file));
        }
        all.sort(Comparator.comparing((Sniff s) -> !s.matches()).thenComparing(s -> -s.strength())
                .thenComparing(Sniff::kind));
        return all;
    }

    /**
     * The kind a file is of, from its content: the single strongest match.
     *
     * @throws DrugstatsException naming the file and, for each kind, why it did not match (or which kinds matched
     *     equally)
     */
    public static IngestKind detect(SourceFile file, List<Sniff> sniffs) {
        List<Sniff> matches = sniffs.stream().filter(Sniff::matches).toList();
        if (matches.isEmpty()) {
            throw DrugstatsException.of("%s: no ingest kind recognises it: %s", file.name(), String.join("; ",
                    sniffs.stream().map(s -> s.kind() + ": " + s.why()).toList()));
        }
        if (matches.size() > 1 && matches.get(0).strength() == matches.get(1).strength()) {
            throw DrugstatsException.of("%s: several ingest kinds recognise it equally (%s); give --source KIND",
                    file.name(), String.join("; ", matches.stream().filter(s -> s.strength() == matches.get(0)
                            .strength()).map(s -> s.kind() + ": " + s.why()).toList()));
        }
        return byName(matches.get(0).kind());
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
