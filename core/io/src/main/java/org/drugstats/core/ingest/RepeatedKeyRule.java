package org.drugstats.core.ingest;

/**
 * What a kind's table means when it gives one {@link org.drugstats.core.data.ObservationKey} several rows; the
 * {@link IngestCollector} applies it when it finishes.
 *
 * <p>Rows that survive as several rows of one key become <em>records</em>: numbered 1, 2, ... in the order of the
 * table in the {@code record} column and flagged {@code multiple-records}, so that the key plus the record number
 * is unique. How records combine (a sum, alternatives) is the kind's reading, stated in the report's warnings.
 */
public enum RepeatedKeyRule {
    /**
     * The layout holds one row per key (a pivot: one cell per area and year), so a repeated key is a fault of the
     * table: when the rows have the same values the first is kept and the repeats are quarantined as
     * {@code duplicate-key}; when their values differ none is accepted and all are quarantined (the reader cannot
     * tell which is right, and choosing one would hide the conflict).
     */
    ONE_ROW_PER_KEY,
    /**
     * Rows of one key are distinct published estimates when their notes differ (annex 1.2, where the Specific notes
     * tell them apart: Canada 2023 opioids, pharmaceutical opioids and illegal fentanyl). Rows of one key with the
     * same notes are treated as {@link #ONE_ROW_PER_KEY}; those that remain, one per distinct note, are records.
     */
    RECORDS_DISTINGUISHED_BY_NOTES,
    /**
     * Every row is a published record (annex 7.1 publishes several seizure records for one country, drug and
     * year): all are kept as records. A row whose values equal an earlier record of its key in every column is
     * kept too (it is a published row) and noted {@code same values as record N}.
     */
    EVERY_ROW_A_RECORD
}
