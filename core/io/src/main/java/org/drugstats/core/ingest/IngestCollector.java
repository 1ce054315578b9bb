package org.drugstats.core.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ExtractValidator;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.ObservationKey;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.QuarantineRow;
import org.drugstats.core.geo.NameMatch;
import org.drugstats.core.geo.NameNormaliser;

/**
 * Collects what a kind reads and keeps the books: every row read must end as exactly one accepted observation
 * or one quarantine row.
 *
 * <p>A kind calls {@link #read()} once per row unit it meets, then hands the row over once, with
 * {@link #submit} (validated with {@link ExtractValidator#checkRow}: required columns, codes, numbers, unit
 * domains, ranges) or {@link #quarantine}. {@link #finish} checks that reads equal hand-overs, then resolves
 * repeated keys by the kind's {@link RepeatedKeyRule}: a repeat in a layout that holds one row per key is
 * quarantined as {@code duplicate-key} (the first kept when the values are the same, none when they differ: the
 * reader cannot tell which one is right, and choosing the first would hide the conflict); several published
 * records of one key are all kept, numbered in the {@code record} column and flagged {@code multiple-records}.
 */
public final class IngestCollector {

    private final SourceFile file;
    private final String kind;
    private final RepeatedKeyRule rule;
    private String recordsReading;
    private long reads;
    private long handedOver;
    private final List<Candidate> acceptedFrom = new ArrayList<>();
    private final List<Observation> accepted = new ArrayList<>();
    private final List<QuarantineRow> quarantined = new ArrayList<>();
    private final Map<String, UnmappedAcc> unmapped = new LinkedHashMap<>();
    private final Examples warnings = new Examples(WARNING_EXAMPLES);
    private final Examples explanation = new Examples(EXPLANATION_EXAMPLES);
    /** Rows of names not listed because {@link #UNMAPPED_LISTED} names were listed already. */
    private long unmappedUnlisted;
    private long blankRows;
    private final Map<String, Long> skipped = new TreeMap<>();
    /** Rows held in memory before the collector spills to temporary files ({@link IngestSpill}). */
    private final long spillAt;
    private IngestSpill spill;
    /** Where the spill makes its temporary folder; null for {@code java.io.tmpdir}. */
    private final java.nio.file.Path tempDir;

    /**
     * Warnings of one kind (one template, see {@link #warn(String, Object...)}) kept as examples: past this many, a
     * warning is counted, not kept, and the report says "… and K more" after the examples. So the report does not
     * grow with the number of rows of a damaged file, and says how many rows each warning concerns.
     */
    public static final int WARNING_EXAMPLES = 20;
    /** Lines of one kind of the {@code --explain} text kept as examples (the same rule as the warnings). */
    public static final int EXPLANATION_EXAMPLES = 200;
    /** Distinct names that are not one country listed at most; the rows of further names are counted together. */
    public static final int UNMAPPED_LISTED = 1_000;

    /** Rows an ingest holds in memory before it spills them to temporary files, by default. */
    public static final long DEFAULT_SPILL_AT = 100_000;

    private static final class UnmappedAcc {
        NameMatch.Unmapped match;
        long rows;
        String firstAt;
        boolean quarantined;
    }

    /** A collector for one input of a kind whose table means {@code rule} when it repeats a key. */
    public IngestCollector(SourceFile file, String kind, RepeatedKeyRule rule) {
        this(file, kind, rule, DEFAULT_SPILL_AT);
    }

    /**
     * A collector that keeps at most {@code spillAt} rows (accepted plus quarantined) in memory; past that it moves
     * them to temporary files and keeps the rest there ({@link IngestSpill}), with the same result.
     */
    public IngestCollector(SourceFile file, String kind, RepeatedKeyRule rule, long spillAt) {
        this(file, kind, rule, spillAt, null);
    }

    /**
     * A collector that keeps at most {@code spillAt} rows in memory and spills the rest into a temporary folder under
     * {@code tempDir} (null: {@code java.io.tmpdir}).
     */
    public IngestCollector(SourceFile file, String kind, RepeatedKeyRule rule, long spillAt,
            java.nio.file.Path tempDir) {
        this.tempDir = tempDir;
        this.file = Objects.requireNonNull(file, "file");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.rule = Objects.requireNonNull(rule, "rule");
        if (spillAt < 0) {
            throw new IllegalArgumentException("spillAt " + spillAt + " < 0");
        }
        this.spillAt = spillAt;
    }

    /** Moves the rows to temporary files once memory holds {@code spillAt} of them. */
    private void spillIfFull() {
        if (spill != null || accepted.size() + (long) quarantined.size() < spillAt) {
            return;
        }
        spill = new IngestSpill(file.name(), rule, spillAt, tempDir);
        for (int i = 0; i < accepted.size(); i++) {
            spill.accept(accepted.get(i), acceptedFrom.get(i));
        }
        quarantined.forEach(spill::quarantine);
        accepted.clear();
        acceptedFrom.clear();
        quarantined.clear();
    }

    /** Removes the rows spilled to temporary files when the ingest fails before {@link #finish}. */
    void abandon() {
        if (spill != null) {
            spill.release();
            spill = null;
        }
    }

    /** Counts one row read. */
    public void read() {
        reads++;
    }

    /** A new candidate row at a location (sheet may be null; row is 1-based). */
    public Candidate candidate(String sheet, long row) {
        return new Candidate(sheet, row);
    }

    /** Validates a row and accepts it, or quarantines it with the validator's reason. */
    public void submit(Candidate c) {
        handedOver++;
        String[] canonical = c.canonical();
        ExtractValidator.RowCheck check = ExtractValidator.checkRow(file.name(), c.row(), canonical);
        spillIfFull();
        if (check.accepted()) {
            if (spill != null) {
                spill.accept(check.observation().orElseThrow(), c);
                return;
            }
            accepted.add(check.observation().orElseThrow());
            acceptedFrom.add(c);
            return;
        }
        QuarantineRow q = check.quarantine().orElseThrow();
        Column col = q.column() == null ? null : Column.byName(q.column()).orElse(null);
        addQuarantined(new QuarantineRow(file.name(), c.sheet(), c.row(),
                col == null ? q.column() : c.inputColumn(col), col == null ? q.rawValue() : c.rawValue(col),
                q.reason(), q.detail(), canonical));
    }

    private void addQuarantined(QuarantineRow q) {
        spillIfFull();
        if (spill != null) {
            spill.quarantine(q);
        } else {
            quarantined.add(q);
        }
    }

    /** Quarantines a row; {@code column} is the canonical column at fault (its input column is reported), or null. */
    public void quarantine(Candidate c, QuarantineReason reason, Column column, String detail) {
        quarantine(c, reason, column == null ? null : c.inputColumn(column), column == null ? null : c.rawValue(column),
                detail);
    }

    /** Quarantines a row naming the input column and raw value at fault. */
    public void quarantine(Candidate c, QuarantineReason reason, String inputColumn, String rawValue, String detail) {
        handedOver++;
        addQuarantined(new QuarantineRow(file.name(), c.sheet(), c.row(), inputColumn, rawValue, reason, detail,
                c.canonical()));
    }

    /**
     * Records a name that is not one country.
     *
     * @param u the match
     * @param where e.g. "sheet 'NPS' row 215"
     * @param rowsQuarantined true when its rows are quarantined (no code), false when stored under its code
     */
    public void unmapped(NameMatch.Unmapped u, String where, boolean rowsQuarantined) {
        String key = NameNormaliser.clean(u.input()) + "\u0000" + u.reason();
        UnmappedAcc a = unmapped.get(key);
        if (a == null) {
            if (unmapped.size() >= UNMAPPED_LISTED) {
                unmappedUnlisted++;
                return;
            }
            a = new UnmappedAcc();
            unmapped.put(key, a);
        }
        if (a.match == null) {
            a.match = u;
            a.firstAt = where;
        }
        a.rows++;
        a.quarantined |= rowsQuarantined;
    }

    /** Adds a warning (one line); the warning is its own kind ({@link #WARNING_EXAMPLES} of it are kept). */
    public void warn(String warning) {
        warnings.add(warning, () -> warning);
    }

    /**
     * Adds a formatted warning ({@link Locale#ROOT}). The template is the warning's kind: the first
     * {@link #WARNING_EXAMPLES} of a kind are kept, the others counted ("… and K more" in the report).
     */
    public void warn(String template, Object... args) {
        warnings.add(template, () -> String.format(Locale.ROOT, template, args));
    }

    /**
     * Notes how a part of the input was read (a row's role, a column's concept), for {@code --explain}
     * ({@link Locale#ROOT} formatting); the first {@link #EXPLANATION_EXAMPLES} lines of a template are kept.
     */
    public void explain(String template, Object... args) {
        explanation.add(template, () -> String.format(Locale.ROOT, template, args));
    }

    /**
     * Lines of text by kind (template), in the order they came: the first {@code limit} of each kind kept, the
     * others counted. {@link #lines()} gives the kept lines with, after the last example of a kind that had more,
     * one line "… and K more like the above (N in all): TEMPLATE" (the template's fields shown as "…").
     */
    private static final class Examples {
        private final int limit;
        private final List<String> lines = new ArrayList<>();
        private final List<String> kinds = new ArrayList<>();
        private final Map<String, long[]> counts = new LinkedHashMap<>();

        Examples(int limit) {
            this.limit = limit;
        }

        void add(String kind, java.util.function.Supplier<String> text) {
            long[] n = counts.computeIfAbsent(kind, k -> new long[1]);
            n[0]++;
            if (n[0] <= limit) {
                lines.add(text.get());
                kinds.add(kind);
            }
        }

        List<String> lines() {
            List<String> all = new ArrayList<>(lines.size());
            Map<String, Integer> seen = new java.util.HashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                all.add(lines.get(i));
                String kind = kinds.get(i);
                long n = counts.get(kind)[0];
                if (seen.merge(kind, 1, Integer::sum) == limit && n > limit) {
                    all.add(String.format(Locale.ROOT, "\u2026 and %d more like the above (%d in all): %s", n - limit, n,
                            kind.replaceAll("%[-#+ 0,(]*[0-9]*(\\.[0-9]+)?[a-zA-Z%]", "\u2026")));
                }
            }
            return all;
        }
    }

    /** Counts stored rows that hold nothing. */
    public void blankRows(long n) {
        blankRows += n;
    }

    /** Counts rows that are not data (title, header, notes). */
    public void skipped(String what, long n) {
        if (n > 0) {
            skipped.merge(what, n, Long::sum);
        }
    }

    /**
     * Says what several records of one key mean in this kind's table (how they combine, whether the publisher
     * says so); added to the report's warning when the table has such keys.
     */
    public void recordsReading(String reading) {
        recordsReading = reading;
    }

    /**
     * Resolves repeated keys by the kind's {@link RepeatedKeyRule} and returns the result.
     *
     * <p>The accepted rows of one key are split into groups that the rule tells apart (none for
     * {@link RepeatedKeyRule#ONE_ROW_PER_KEY}, the notes for {@link RepeatedKeyRule#RECORDS_DISTINGUISHED_BY_NOTES},
     * every row for {@link RepeatedKeyRule#EVERY_ROW_A_RECORD}). Within a group of two or more rows, rows with the
     * same values keep the first and quarantine the others as {@code duplicate-key}; rows with different values are
     * all quarantined. When more than one row of a key remains, they become records 1, 2, ... (in the order they
     * were submitted, which is the order of the table), flagged {@code multiple-records}.
     *
     * @throws IllegalStateException when the kind read a row it did not hand over (a bug in the kind)
     */
    public IngestResult finish(Origin origin, String rowUnit) {
        if (reads != handedOver) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%s (%s): %d rows read but %d handed over; every row read must be accepted or quarantined",
                    file.name(), kind, reads, handedOver));
        }
        if (spill != null) {
            return finishSpilled(origin, rowUnit);
        }
        Map<ObservationKey, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < accepted.size(); i++) {
            byKey.computeIfAbsent(accepted.get(i).key(), k -> new ArrayList<>()).add(i);
        }
        boolean[] drop = new boolean[accepted.size()];
        Observation[] replaced = new Observation[accepted.size()];
        List<QuarantineRow> duplicates = new ArrayList<>();
        long conflictKeys = 0;
        long conflictRows = 0;
        long sameKeys = 0;
        long recordKeys = 0;
        long recordRows = 0;
        long repeatedRecords = 0;
        for (List<Integer> idx : byKey.values()) {
            if (idx.size() < 2) {
                continue;
            }
            Map<Object, List<Integer>> groups = new LinkedHashMap<>();
            for (int i : idx) {
                Object distinction = switch (rule) {
                    case ONE_ROW_PER_KEY -> "";
                    case RECORDS_DISTINGUISHED_BY_NOTES -> Objects.toString(accepted.get(i).notes(), "");
                    case EVERY_ROW_A_RECORD -> i;
                };
                groups.computeIfAbsent(distinction, k -> new ArrayList<>()).add(i);
            }
            List<Integer> kept = new ArrayList<>();
            for (List<Integer> group : groups.values()) {
                if (group.size() < 2) {
                    kept.addAll(group);
                    continue;
                }
                Observation first = accepted.get(group.get(0));
                boolean same = group.stream().map(accepted::get).allMatch(o -> sameValues(o, first));
                if (same) {
                    sameKeys++;
                    kept.add(group.get(0));
                } else {
                    conflictKeys++;
                    conflictRows += group.size();
                }
                quarantineDuplicates(group, same, drop, duplicates);
            }
            if (kept.size() < 2) {
                continue;
            }
            kept.sort(null);
            recordKeys++;
            recordRows += kept.size();
            for (int k = 0; k < kept.size(); k++) {
                Observation o = accepted.get(kept.get(k));
                Observation.Builder b = o.toBuilder().record(Integer.toString(k + 1))
                        .flag(QualityFlag.MULTIPLE_RECORDS);
                for (int j = 0; j < k; j++) {
                    if (o.equals(accepted.get(kept.get(j)))) {
                        b.notes(join(o.notes(), "same values as record " + (j + 1)));
                        repeatedRecords++;
                        break;
                    }
                }
                replaced[kept.get(k)] = b.build();
            }
        }
        warnRepeats(conflictKeys, conflictRows, sameKeys, recordKeys, recordRows, repeatedRecords);
        List<Observation> keep = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            if (!drop[i]) {
                keep.add(replaced[i] != null ? replaced[i] : accepted.get(i));
            }
        }
        List<QuarantineRow> allQ = new ArrayList<>(quarantined);
        allQ.addAll(duplicates);
        return new IngestResult(kind, rowUnit, origin, reads, keep, allQ, blankRows, skipped, unmappedNames(),
                warningLines(), explanation.lines());
    }

    /** {@link #finish} of a collector that spilled its rows: the same decisions, read from files. */
    private IngestResult finishSpilled(Origin origin, String rowUnit) {
        IngestSpill.Resolved r = spill.finish();
        warnRepeats(r.conflictKeys(), r.conflictRows(), r.sameKeys(), r.recordKeys(), r.recordRows(),
                r.repeatedRecords());
        return new IngestResult(kind, rowUnit, origin, reads,
                r.accepted().onRelease(spill::release).keysWithMultipleRecords(r.recordKeys()), r.quarantined(),
                blankRows, skipped, unmappedNames(), warningLines(), explanation.lines());
    }

    private List<String> warningLines() {
        if (unmappedUnlisted > 0) {
            warn("%d rows have names that are not one country beyond the %d names listed in unmapped_names; not "
                    + "listed, each counted and handled as the listed ones are", unmappedUnlisted, UNMAPPED_LISTED);
        }
        return warnings.lines();
    }

    private List<UnmappedName> unmappedNames() {
        List<UnmappedName> names = new ArrayList<>();
        for (UnmappedAcc a : unmapped.values()) {
            names.add(new UnmappedName(NameNormaliser.clean(a.match.input()), a.match.reason(),
                    a.quarantined ? null : a.match.code(), a.rows, a.firstAt, a.match.detail()));
        }
        return names;
    }

    private void warnRepeats(long conflictKeys, long conflictRows, long sameKeys, long recordKeys, long recordRows,
            long repeatedRecords) {
        if (conflictKeys > 0) {
            warn("%d keys have rows with different values (%d rows); all quarantined as duplicate-key, none accepted",
                    conflictKeys, conflictRows);
        }
        if (sameKeys > 0) {
            warn("%d keys are repeated with the same value; the first row of each was kept, the repeats quarantined",
                    sameKeys);
        }
        if (recordKeys > 0) {
            warn("%d %s several published records (%d rows): all kept, numbered 1, 2, ... in table order in the "
                    + "record column and flagged multiple-records%s%s", recordKeys, recordKeys == 1 ? "key has"
                            : "keys have", recordRows,
                    repeatedRecords == 0 ? "" : String.format(Locale.ROOT, "; %d of them %s an earlier record of "
                            + "their key in every column (kept, noted 'same values as record N')", repeatedRecords,
                            repeatedRecords == 1 ? "repeats" : "repeat"),
                    recordsReading == null ? "" : "; " + recordsReading);
        }
    }

    /** Rows of a group of duplicates named in the quarantine detail. */
    static final int LISTED = 10;

    /** Quarantines the rows of one group: all but the first when they have the same values, else all. */
    private void quarantineDuplicates(List<Integer> group, boolean same, boolean[] drop,
            List<QuarantineRow> duplicates) {
        // the detail names at most LISTED rows of the group, and is built once and shared by its rows: a key
        // published a million times must not give a million details that each list a million rows
        StringBuilder rows = new StringBuilder();
        for (int k = 0; k < Math.min(group.size(), LISTED); k++) {
            int i = group.get(k);
            String v = accepted.get(i).text(Column.VALUE);
            rows.append(rows.length() == 0 ? "" : ", ").append(where(acceptedFrom.get(i))).append(" = ")
                    .append(v == null ? "(missing)" : v);
        }
        if (group.size() > LISTED) {
            rows.append(", and ").append(group.size() - LISTED).append(" more");
        }
        String sameNotes = rule == RepeatedKeyRule.RECORDS_DISTINGUISHED_BY_NOTES ? " with the same notes" : "";
        String detail = same
                ? "same key" + sameNotes + " and value as " + where(acceptedFrom.get(group.get(0))) + ", which was kept"
                : group.size() + " rows publish different values for one key" + sameNotes + " (" + rows
                        + "); none accepted";
        for (int k = same ? 1 : 0; k < group.size(); k++) {
            int i = group.get(k);
            drop[i] = true;
            Candidate c = acceptedFrom.get(i);
            duplicates.add(new QuarantineRow(file.name(), c.sheet(), c.row(), c.inputColumn(Column.VALUE),
                    c.rawValue(Column.VALUE), QuarantineReason.DUPLICATE_KEY, detail,
                    ExtractValidator.textOf(accepted.get(i))));
        }
    }

    static String join(String notes, String note) {
        return notes == null || notes.isBlank() ? note : notes + "; " + note;
    }

    private static boolean sameValues(Observation a, Observation b) {
        return Objects.equals(a.value(), b.value()) && Objects.equals(a.lower(), b.lower())
                && Objects.equals(a.upper(), b.upper()) && a.obsStatus() == b.obsStatus() && a.unit() == b.unit()
                && a.unitMult() == b.unitMult();
    }

    private static String where(Candidate c) {
        return where(c.sheet(), c.row());
    }

    static String where(String sheet, long row) {
        return (sheet == null ? "" : "sheet '" + sheet + "' ") + "row " + row;
    }
}
