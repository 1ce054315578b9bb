package org.drugstats.core.ingest;

import static org.drugstats.core.ingest.SpillRecords.ACC;
import static org.drugstats.core.ingest.SpillRecords.DECISION;
import static org.drugstats.core.ingest.SpillRecords.DUP;
import static org.drugstats.core.ingest.SpillRecords.GROUP;
import static org.drugstats.core.ingest.SpillRecords.KEY;
import static org.drugstats.core.ingest.SpillRecords.QUARANTINE;
import static org.drugstats.core.ingest.SpillRecords.REC;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Objects;
import org.drugstats.core.ingest.SpillRecords.Acc;
import org.drugstats.core.ingest.SpillRecords.Decision;
import org.drugstats.core.ingest.SpillRecords.Dup;
import org.drugstats.core.ingest.SpillRecords.GroupSum;
import org.drugstats.core.ingest.SpillRecords.KeySum;
import org.drugstats.core.ingest.SpillRecords.Rec;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ExtractValidator;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.ObservationKey;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.QuarantineRow;
import org.drugstats.core.io.ExitCleanup;
import org.drugstats.core.io.PathTrees;

/**
 * The rows of an {@link IngestCollector} that has passed its in-memory bound, kept in temporary files: accepted rows
 * and quarantine rows are appended as they come, and {@link #finish} resolves repeated keys exactly as the in-memory
 * collector does (same decisions, same order, same details) with external sorts (runs of a bounded length, merged),
 * so that memory does not grow with the number of rows. Holds nothing per row in memory.
 *
 * <p>Resolution, in passes over files: (1) the accepted rows sorted by key, distinction (the rule's group) and
 * input position; (2) one pass summarises every group (first row, size, whether all rows have the same values, the
 * detail naming its first rows) and every key (its first row, how many rows it keeps); (3) a second pass in the
 * same order decides each row: kept, or dropped and quarantined as {@code duplicate-key}; the kept rows of keys
 * that keep several become records, numbered in input order (a sort by key and position) and compared for equal
 * values (a sort by key, values and position); (4) the decisions are sorted by position and applied while the
 * accepted rows are read back, each time the result is read.
 */
final class IngestSpill {

    /** Records per sorted run at most: bounds the memory of the sorts (a row is a few hundred bytes). */
    static final int RUN_LENGTH = 50_000;
    /** Records per sorted run at least. */
    private static final int MIN_RUN_LENGTH = 16;

    private final String fileName;
    private final RepeatedKeyRule rule;
    private final Path dir;
    private final ExitCleanup.Registration cleanup;
    private final SpillFile<Acc> accepted;
    private final SpillFile<QuarantineRow> quarantined;
    private final int runLength;


    /** A spill whose sorts hold at most {@code memoryRows} rows (between 16 and {@link #RUN_LENGTH}). */
    IngestSpill(String fileName, RepeatedKeyRule rule, long memoryRows) {
        this(fileName, rule, memoryRows, null);
    }

    /**
     * A spill whose temporary folder is made under {@code tempDir} ({@code java.io.tmpdir} when null) and removed by
     * {@link #release()} or, if the JVM is stopped by a signal first, by the signal's cleanup.
     */
    IngestSpill(String fileName, RepeatedKeyRule rule, long memoryRows, Path tempDir) {
        this.fileName = fileName;
        this.rule = rule;
        this.runLength = (int) Math.max(MIN_RUN_LENGTH, Math.min(RUN_LENGTH, memoryRows));
        try {
            this.dir = tempDir == null ? Files.createTempDirectory("drugstats-ingest-")
                    : Files.createTempDirectory(tempDir, "drugstats-ingest-");
        } catch (IOException e) {
            throw org.drugstats.core.DrugstatsException.of("%s: cannot create a temporary folder for the ingest's rows "
                    + "(%s); expected a writable folder (--temp-dir DIR)", tempDir == null
                    ? System.getProperty("java.io.tmpdir") : tempDir, XlsxWorkbook.oneLine(e));
        }
        this.cleanup = ExitCleanup.deleteOnSignal(dir);
        this.accepted = SpillFile.create(dir, "accepted", ACC);
        this.quarantined = SpillFile.create(dir, "quarantined", QUARANTINE);
    }

    /** Appends an accepted row. */
    void accept(Observation o, Candidate c) {
        long index = accepted.size();
        String[] text = ExtractValidator.textOf(o);
        String dist = switch (rule) {
            case ONE_ROW_PER_KEY -> "";
            case RECORDS_DISTINGUISHED_BY_NOTES -> Objects.toString(o.notes(), "");
            case EVERY_ROW_A_RECORD -> Long.toString(index);
        };
        accepted.add(new Acc(index, keyText(o.key()), dist, text, c.sheet(), c.row(), c.inputColumn(Column.VALUE),
                c.rawValue(Column.VALUE)));
    }

    /** Appends a quarantine row. */
    void quarantine(QuarantineRow q) {
        quarantined.add(q);
    }

    /** Rows accepted so far (before repeated keys are resolved). */
    long acceptedCount() {
        return accepted.size();
    }

    /** Removes the temporary files. */
    void release() {
        try {
            PathTrees.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot delete: " + e.getMessage(), e);
        } finally {
            cleanup.close();
        }
    }

    /** What resolving the repeated keys gave. */
    record Resolved(SpilledList<Observation> accepted, SpilledList<QuarantineRow> quarantined, long conflictKeys,
            long conflictRows, long sameKeys, long recordKeys, long recordRows, long repeatedRecords) {
    }

    /** Resolves repeated keys as {@link IngestCollector#finish} does; the lists read the files each time. */
    Resolved finish() {
        accepted.seal();
        quarantined.seal();
        SpillFile<Acc> byKey = ExternalSort.sort(accepted, ACC, BY_GROUP, runLength, dir, "bykey");
        // pass 1: summaries of groups and keys, in the order of byKey
        SpillFile<GroupSum> groups = SpillFile.create(dir, "groups", GROUP);
        SpillFile<KeySum> keys = SpillFile.create(dir, "keys", KEY);
        long conflictKeys = 0;
        long conflictRows = 0;
        long sameKeys = 0;
        String curKey = null;
        String curDist = null;
        GroupAcc g = null;
        long keyFirst = 0;
        long keyKept = 0;
        for (Acc a : byKey) {
            boolean newKey = curKey == null || !a.key().equals(curKey);
            boolean newGroup = newKey || !a.dist().equals(curDist);
            if (newGroup && g != null) {
                groups.add(g.summary());
                keyFirst = Math.min(keyFirst, g.first.index());
                keyKept += g.kept();
                if (g.size > 1) {
                    if (g.same) {
                        sameKeys++;
                    } else {
                        conflictKeys++;
                        conflictRows += g.size;
                    }
                }
            }
            if (newKey && curKey != null) {
                keys.add(new KeySum(keyFirst, keyKept));
            }
            if (newKey) {
                curKey = a.key();
                keyFirst = Long.MAX_VALUE;
                keyKept = 0;
            }
            if (newGroup) {
                g = new GroupAcc(a);
                curDist = a.dist();
            } else {
                g.add(a);
            }
        }
        if (g != null) {
            groups.add(g.summary());
            keyFirst = Math.min(keyFirst, g.first.index());
            keyKept += g.kept();
            if (g.size > 1) {
                if (g.same) {
                    sameKeys++;
                } else {
                    conflictKeys++;
                    conflictRows += g.size;
                }
            }
            keys.add(new KeySum(keyFirst, keyKept));
        }
        groups.seal();
        keys.seal();
        // pass 2: decide every row
        SpillFile<Decision> decisions = SpillFile.create(dir, "decisions", DECISION);
        SpillFile<Dup> dups = SpillFile.create(dir, "dups", DUP);
        SpillFile<Rec> recs = SpillFile.create(dir, "records", REC);
        long drops = 0;
        try (SpillFile.Reader<GroupSum> gi = groups.iterator(); SpillFile.Reader<KeySum> ki = keys.iterator()) {
            curKey = null;
            curDist = null;
            GroupSum gs = null;
            KeySum ks = null;
            for (Acc a : byKey) {
                boolean newKey = curKey == null || !a.key().equals(curKey);
                boolean newGroup = newKey || !a.dist().equals(curDist);
                if (newKey) {
                    ks = ki.next();
                    curKey = a.key();
                }
                if (newGroup) {
                    gs = gi.next();
                    curDist = a.dist();
                }
                boolean kept = gs.size() == 1 || gs.same() && a.index() == gs.first();
                if (!kept) {
                    drops++;
                    decisions.add(new Decision(a.index(), 0, 0));
                    dups.add(new Dup(ks.first(), gs.first(), a.index(), new QuarantineRow(fileName, a.sheet(),
                            a.row(), a.inputColumn(), a.rawValue(), QuarantineReason.DUPLICATE_KEY, gs.detail(),
                            a.text())));
                } else if (ks.kept() >= 2) {
                    recs.add(new Rec(a.key(), a.index(), fullText(a.text()), 0));
                }
            }
        }
        byKey.delete();
        groups.delete();
        keys.delete();
        dups.seal();
        recs.seal();
        // records: numbered by position within their key, then compared for equal values
        SpillFile<Rec> byPosition = ExternalSort.sort(recs, REC, Comparator.comparing(Rec::key)
                .thenComparingLong(Rec::index), runLength, dir, "recpos");
        recs.delete();
        SpillFile<Rec> ranked = SpillFile.create(dir, "ranked", REC);
        long recordKeys = 0;
        curKey = null;
        long rank = 0;
        for (Rec r : byPosition) {
            if (curKey == null || !curKey.equals(r.key())) {
                curKey = r.key();
                rank = 0;
                recordKeys++;
            }
            ranked.add(new Rec(r.key(), r.index(), r.values(), ++rank));
        }
        long recordRows = byPosition.size();
        byPosition.delete();
        ranked.seal();
        SpillFile<Rec> byValues = ExternalSort.sort(ranked, REC, Comparator.comparing(Rec::key)
                .thenComparing(Rec::values).thenComparingLong(Rec::index), runLength, dir, "recval");
        ranked.delete();
        long repeatedRecords = 0;
        Rec firstOfValues = null;
        for (Rec r : byValues) {
            boolean repeat = firstOfValues != null && firstOfValues.key().equals(r.key())
                    && firstOfValues.values().equals(r.values());
            if (repeat) {
                repeatedRecords++;
            } else {
                firstOfValues = r;
            }
            decisions.add(new Decision(r.index(), r.rank(), repeat ? firstOfValues.rank() : 0));
        }
        byValues.delete();
        decisions.seal();
        SpillFile<Decision> byIndex = ExternalSort.sort(decisions, DECISION,
                Comparator.comparingLong(Decision::index), runLength, dir, "decided");
        decisions.delete();
        SpillFile<Dup> dupsInOrder = ExternalSort.sort(dups, DUP, Comparator.comparingLong(Dup::keyFirst)
                .thenComparingLong(Dup::groupFirst).thenComparingLong(Dup::index), runLength, dir, "duporder");
        dups.delete();
        SpilledList<Observation> acceptedRows = new SpilledList<>(accepted.size() - drops,
                () -> new Applied(accepted.iterator(), byIndex.iterator()));
        SpilledList<QuarantineRow> quarantineRows = new SpilledList<>(quarantined.size() + dupsInOrder.size(),
                () -> new Concat<>(quarantined.iterator(), new Mapped<>(dupsInOrder.iterator())));
        return new Resolved(acceptedRows, quarantineRows, conflictKeys, conflictRows, sameKeys, recordKeys,
                recordRows, repeatedRecords);
    }

    /** The accepted rows in input order with the decisions applied (dropped, numbered as records). */
    private final class Applied implements Iterator<Observation> {
        private final Iterator<Acc> rows;
        private final Iterator<Decision> decisions;
        private Decision nextDecision;
        private Observation next;

        Applied(Iterator<Acc> rows, Iterator<Decision> decisions) {
            this.rows = rows;
            this.decisions = decisions;
            this.nextDecision = decisions.hasNext() ? decisions.next() : null;
            advance();
        }

        private void advance() {
            next = null;
            while (next == null && rows.hasNext()) {
                Acc a = rows.next();
                Decision d = null;
                if (nextDecision != null && nextDecision.index() == a.index()) {
                    d = nextDecision;
                    nextDecision = decisions.hasNext() ? decisions.next() : null;
                }
                if (d != null && d.record() == 0) {
                    continue;
                }
                Observation o = ExtractValidator.checkRow(fileName, a.row(), a.text()).observation().orElseThrow(
                        () -> new IllegalStateException(fileName + ": an accepted row no longer reads back"));
                if (d != null) {
                    Observation.Builder b = o.toBuilder().record(Long.toString(d.record()))
                            .flag(QualityFlag.MULTIPLE_RECORDS);
                    if (d.sameAs() > 0) {
                        b.notes(IngestCollector.join(o.notes(), "same values as record " + d.sameAs()));
                    }
                    o = b.build();
                }
                next = o;
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Observation next() {
            if (next == null) {
                throw new java.util.NoSuchElementException();
            }
            Observation o = next;
            advance();
            return o;
        }
    }

    private static final class Concat<T> implements Iterator<T> {
        private final Iterator<T> a;
        private final Iterator<T> b;

        Concat(Iterator<T> a, Iterator<T> b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public boolean hasNext() {
            return a.hasNext() || b.hasNext();
        }

        @Override
        public T next() {
            return a.hasNext() ? a.next() : b.next();
        }
    }

    private static final class Mapped<T> implements Iterator<QuarantineRow> {
        private final Iterator<Dup> dups;

        Mapped(Iterator<Dup> dups) {
            this.dups = dups;
        }

        @Override
        public boolean hasNext() {
            return dups.hasNext();
        }

        @Override
        public QuarantineRow next() {
            return dups.next().row();
        }
    }

    /** A group being summarised: its first row, size, whether all have the first's values, its first rows. */
    private final class GroupAcc {
        final Acc first;
        long size = 1;
        boolean same = true;
        final StringBuilder rows = new StringBuilder();

        GroupAcc(Acc a) {
            first = a;
            list(a);
        }

        void add(Acc a) {
            size++;
            same &= sameValues(a.text(), first.text());
            if (size <= IngestCollector.LISTED) {
                list(a);
            }
        }

        private void list(Acc a) {
            String v = a.text()[Column.VALUE.ordinal()];
            rows.append(rows.length() == 0 ? "" : ", ").append(IngestCollector.where(a.sheet(), a.row()))
                    .append(" = ").append(v == null ? "(missing)" : v);
        }

        long kept() {
            return size == 1 || same ? 1 : 0;
        }

        GroupSum summary() {
            if (size == 1) {
                return new GroupSum(first.index(), 1, true, "");
            }
            String sameNotes = rule == RepeatedKeyRule.RECORDS_DISTINGUISHED_BY_NOTES ? " with the same notes" : "";
            String listed = size > IngestCollector.LISTED
                    ? rows + ", and " + (size - IngestCollector.LISTED) + " more" : rows.toString();
            String detail = same
                    ? "same key" + sameNotes + " and value as " + IngestCollector.where(first.sheet(), first.row())
                            + ", which was kept"
                    : size + " rows publish different values for one key" + sameNotes + " (" + listed
                            + "); none accepted";
            return new GroupSum(first.index(), size, same, detail);
        }
    }

    /** The columns {@link IngestCollector}'s same-values test compares. */
    private static final Column[] SAME_VALUES = {Column.VALUE, Column.LOWER, Column.UPPER, Column.OBS_STATUS,
        Column.UNIT, Column.UNIT_MULT};

    private static boolean sameValues(String[] a, String[] b) {
        for (Column c : SAME_VALUES) {
            if (!Objects.equals(a[c.ordinal()], b[c.ordinal()])) {
                return false;
            }
        }
        return true;
    }

    /** The key as one string: equal keys give equal strings and different keys different ones. */
    static String keyText(ObservationKey k) {
        StringBuilder sb = new StringBuilder();
        for (Object f : new Object[] {k.indicator(), k.refArea(), k.timePeriod(), k.sex().code(), k.age(), k.drug(),
            k.method(), k.source(), k.record(), k.subArea()}) {
            sb.append(f == null ? "\u0001" : f.toString()).append('\u0000');
        }
        return sb.toString();
    }

    /** All canonical values as one string: equal observations give equal strings. */
    private static String fullText(String[] text) {
        StringBuilder sb = new StringBuilder();
        for (String s : text) {
            sb.append(s == null ? "\u0001" : s).append('\u0000');
        }
        return sb.toString();
    }

    private static final Comparator<Acc> BY_GROUP = Comparator.comparing(Acc::key).thenComparing(Acc::dist)
            .thenComparingLong(Acc::index);

}
