package org.drugstats.core.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.QuarantineRow;

/**
 * What an ingest read: the accepted observations, the quarantined rows with reasons, and the report's facts.
 * The accounting identity {@code rowsRead = accepted + quarantined} is checked on construction. The rows of a
 * large ingest are read from temporary files on each pass ({@link SpilledList}); {@link #release} removes them.
 *
 * @param kind the kind's name
 * @param rowUnit what one row read is
 * @param origin provenance of the input (every accepted row names its id)
 * @param rowsRead rows read, in {@code rowUnit}
 * @param accepted observations, in input order
 * @param quarantined rows set aside, in input order (duplicates last)
 * @param blankRowsSkipped stored rows of the input that hold nothing (padding), not counted as read
 * @param nonDataRowsSkipped other rows that are not data (title, header, notes), by what they are
 * @param unmappedNames area names that are not one country
 * @param warnings inconsistencies of the published table and decisions the reader should know about
 * @param explanation how the input was read, one line per decision (which rows were titles, headers, labels,
 *     bounds, notes; which column became which concept; what was flagged), for {@code drugstats ingest --explain};
 *     not part of the report file
 */
public record IngestResult(String kind, String rowUnit, Origin origin, long rowsRead, List<Observation> accepted,
        List<QuarantineRow> quarantined, long blankRowsSkipped, Map<String, Long> nonDataRowsSkipped,
        List<UnmappedName> unmappedNames, List<String> warnings, List<String> explanation) {

    /** A result without an explanation. */
    public IngestResult(String kind, String rowUnit, Origin origin, long rowsRead, List<Observation> accepted,
            List<QuarantineRow> quarantined, long blankRowsSkipped, Map<String, Long> nonDataRowsSkipped,
            List<UnmappedName> unmappedNames, List<String> warnings) {
        this(kind, rowUnit, origin, rowsRead, accepted, quarantined, blankRowsSkipped, nonDataRowsSkipped,
                unmappedNames, warnings, List.of());
    }

    public IngestResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        // rows spilled to temporary files by a large ingest stay there (copying them would hold them in memory)
        accepted = accepted instanceof SpilledList<Observation> ? accepted : List.copyOf(accepted);
        quarantined = quarantined instanceof SpilledList<QuarantineRow> ? quarantined : List.copyOf(quarantined);
        nonDataRowsSkipped = java.util.Collections.unmodifiableMap(new TreeMap<>(nonDataRowsSkipped));
        unmappedNames = List.copyOf(unmappedNames);
        warnings = List.copyOf(warnings);
        explanation = List.copyOf(explanation);
        if (rowsRead != accepted.size() + (long) quarantined.size()) {
            throw DrugstatsException.of("%s (%s): row accounting broken: read %d, accepted %d, quarantined %d",
                    origin.fileName(), kind, rowsRead, accepted.size(), quarantined.size());
        }
    }

    /** Rows accepted. */
    public long rowsAccepted() {
        return accepted.size();
    }

    /** Rows quarantined. */
    public long rowsQuarantined() {
        return quarantined.size();
    }

    /** Quarantined rows by reason code, sorted. */
    public Map<String, Long> quarantinedByReason() {
        if (quarantined instanceof SpilledList<QuarantineRow> s) {
            return s.counts(this::countReasons);
        }
        return countReasons();
    }

    private Map<String, Long> countReasons() {
        Map<String, Long> m = new TreeMap<>();
        for (QuarantineRow q : quarantined) {
            m.merge(q.reason().code(), 1L, Long::sum);
        }
        return m;
    }

    /** Accepted observations by quality flag code, sorted. */
    public Map<String, Long> flagged() {
        if (accepted instanceof SpilledList<Observation> s) {
            return s.counts(this::countFlags);
        }
        return countFlags();
    }

    private Map<String, Long> countFlags() {
        Map<String, Long> m = new TreeMap<>();
        for (Observation o : accepted) {
            for (QualityFlag f : o.flags()) {
                m.merge(f.code(), 1L, Long::sum);
            }
        }
        return m;
    }

    /**
     * Removes the temporary files of an ingest whose rows were spilled to disk ({@link IngestCollector}); the rows
     * cannot be read afterwards. Does nothing for rows held in memory.
     */
    public void release() {
        if (accepted instanceof SpilledList<Observation> s) {
            s.release();
        }
    }

    /** Keys with several published records among the accepted rows (rows flagged {@code multiple-records}). */
    public long keysWithMultipleRecords() {
        if (accepted instanceof SpilledList<Observation> s && s.keysWithMultipleRecords() >= 0) {
            return s.keysWithMultipleRecords();
        }
        return accepted.stream().filter(o -> o.hasFlag(QualityFlag.MULTIPLE_RECORDS)).map(o -> o.key().withoutRecord())
                .distinct().count();
    }

    /** Accepted rows that are one of several published records of their key. */
    public long rowsInMultipleRecords() {
        return flagged().getOrDefault(QualityFlag.MULTIPLE_RECORDS.code(), 0L);
    }

    /** Number of quarantined rows with this reason. */
    public long quarantined(QuarantineReason reason) {
        return quarantinedByReason().getOrDefault(reason.code(), 0L);
    }
}
