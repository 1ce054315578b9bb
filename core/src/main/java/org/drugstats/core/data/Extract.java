package org.drugstats.core.data;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.drugstats.core.DrugstatsException;

/**
 * A set of observations with the provenance of every row: the unit of exchange between ingest, the Spark
 * jobs, the reports and users. Every {@code origin} value of a row names one of {@link #origins()}.
 *
 * @param observations the rows, in file order
 * @param origins provenance of the rows
 */
public record Extract(List<Observation> observations, List<Origin> origins) {

    /**
     * Canonical row order: indicator, area, period, sex, age, drug, method, source, record (by number: 2 before
     * 10; empty first).
     */
    public static final Comparator<Observation> CANONICAL_ORDER = Comparator
            .comparing(Observation::indicator)
            .thenComparing(Observation::refArea)
            .thenComparing(Observation::timePeriod)
            .thenComparing(o -> o.sex().code())
            .thenComparing(Observation::age)
            .thenComparing(Observation::drug, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Observation::method, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Observation::source, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Observation::record, Comparator.nullsFirst(Comparator.comparingInt(String::length)
                    .thenComparing(Comparator.naturalOrder())));

    public Extract {
        observations = List.copyOf(observations);
        origins = List.copyOf(origins);
        Set<String> ids = origins.stream().map(Origin::id).collect(Collectors.toSet());
        if (ids.size() != origins.size()) {
            throw DrugstatsException.of("extract: origin ids are not unique: %s",
                    origins.stream().map(Origin::id).toList());
        }
        for (Observation o : observations) {
            if (!ids.contains(o.origin())) {
                throw DrugstatsException.of("extract: row %s names origin '%s', which the extract does not describe (known: %s)",
                        o, o.origin(), new TreeSet<>(ids));
            }
        }
    }

    /** An extract of these observations and origins. */
    public static Extract of(List<Observation> observations, List<Origin> origins) {
        return new Extract(observations, origins);
    }

    /** The same extract with its rows in {@link #CANONICAL_ORDER}. */
    public Extract sorted() {
        return new Extract(observations.stream().sorted(CANONICAL_ORDER).toList(), origins);
    }

    /** The origin with this id. */
    public Origin origin(String id) {
        return origins.stream().filter(o -> Objects.equals(o.id(), id)).findFirst()
                .orElseThrow(() -> DrugstatsException.of("extract has no origin '%s'", id));
    }

    /** Number of rows. */
    public int size() {
        return observations.size();
    }
}
