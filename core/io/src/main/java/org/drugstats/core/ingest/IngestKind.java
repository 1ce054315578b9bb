package org.drugstats.core.ingest;

import org.drugstats.core.DrugstatsException;

/**
 * One kind of published table that {@code drugstats ingest --source KIND} reads into the canonical extract
 * schema. Each kind is one class; kinds are found with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/org.drugstats.core.ingest.IngestKind}), so adding a kind touches no other kind.
 *
 * <p>Contract of {@link #ingest}: check the file's shape first and throw a {@link DrugstatsException}
 * "{@code FILE is not a KIND file: expected X, found Y}" when it is not of this kind (nothing is written then);
 * else turn every row read (in the kind's {@link #rowUnit()}) into exactly one accepted observation or one
 * quarantine row with a reason, so that rows read = rows accepted + rows quarantined; report every area name
 * that is not one country, and every inconsistency of the published table, as warnings or flags.
 */
public interface IngestKind {

    /** The name used on the command line, e.g. {@code unodc-annex-prevalence}. */
    String name();

    /** One line: what the kind reads. */
    String description();

    /** What one "row read" is for this kind (written to the report as {@code row_unit}). */
    String rowUnit();

    /**
     * What the kind's table means when it gives one observation key several rows: a fault of a layout that holds
     * one row per key (the default), distinct estimates told apart by their notes, or separate published records.
     */
    default RepeatedKeyRule repeatedKeyRule() {
        return RepeatedKeyRule.ONE_ROW_PER_KEY;
    }

    /**
     * Checks that the file has this kind's shape, without ingesting it.
     *
     * @throws DrugstatsException naming the file, what was expected and what was found
     */
    void checkShape(SourceFile file);

    /**
     * Says whether the file has this kind's shape, from its content alone (never its name), and why: used by
     * {@code drugstats ingest --source auto}. The default runs {@link #checkShape}: a match of strength 1, or no
     * match with the shape check's message. Kinds whose shape is shared by other tables override it with evidence
     * only their tables carry.
     */
    default Sniff sniff(SourceFile file) {
        try {
            checkShape(file);
            return Sniff.match(name(), 1, "the shape check passed: " + description());
        } catch (DrugstatsException e) {
            return Sniff.noMatch(name(), e.getMessage());
        }
    }

    /**
     * Reads the file.
     *
     * @throws DrugstatsException when the file is unreadable or not of this kind
     */
    IngestResult ingest(SourceFile file, IngestContext context);
}
