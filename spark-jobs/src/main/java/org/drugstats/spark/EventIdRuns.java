package org.drugstats.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.drugstats.core.data.SeizureEvents;

/**
 * Where seizure-event ids may repeat, found without a shuffle (issue 18): one pass over (input, part, event id,
 * fast-path flag) gives each partition's run of ids — smallest, largest, whether they strictly rose, rows off the
 * fast path — and {@link #suspectRanges} keeps only the id ranges where two equal ids can be. {@link ValidateEvents}
 * runs the exact group-by and join on those ranges alone.
 */
final class EventIdRuns {

    private EventIdRuns() {
    }

    /** Above this many suspect ranges (summed over inputs) every accepted event takes the exact check. */
    static final int MAX_RANGES = 256;

    /** Whether a run's ids meet one of the ranges (null: none). */
    static boolean meets(IdRange r, List<long[]> ranges) {
        if (ranges == null || !r.hasIds()) {
            return false;
        }
        for (long[] x : ranges) {
            if (r.min() <= x[1] && x[0] <= r.max()) {
                return true;
            }
        }
        return false;
    }

    /** Rows whose (input, event_id) lies in one of the ranges. */
    static org.apache.spark.sql.Column within(Map<String, List<long[]>> ranges) {
        org.apache.spark.sql.Column any = lit(false);
        for (Map.Entry<String, List<long[]>> e : ranges.entrySet()) {
            org.apache.spark.sql.Column ids = lit(false);
            for (long[] r : e.getValue()) {
                ids = ids.or(col(SeizureEvents.EVENT_ID).between(r[0], r[1]));
            }
            any = any.or(col(Schemas.INPUT).equalTo(e.getKey()).and(ids));
        }
        return any;
    }

    /**
     * One run of events in a partition (one part file's rows): its input and part, the smallest and largest event
     * id, whether the ids strictly rose, and how many rows are outside the fast path (null ids included). A class,
     * not a record: Kryo (the run's serializer for task results) cannot build record instances.
     */
    static final class IdRange implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String input;
        private final int part;
        private final long min;
        private final long max;
        private final boolean increasing;
        private final long slow;

        IdRange(String input, int part, long min, long max, boolean increasing, long slow) {
            this.input = input;
            this.part = part;
            this.min = min;
            this.max = max;
            this.increasing = increasing;
            this.slow = slow;
        }

        /** A run of a test (part 0, every row on the fast path). */
        IdRange(String input, long min, long max, boolean increasing) {
            this(input, 0, min, max, increasing, 0);
        }

        String input() {
            return input;
        }

        int part() {
            return part;
        }

        long min() {
            return min;
        }

        long max() {
            return max;
        }

        boolean increasing() {
            return increasing;
        }

        long slow() {
            return slow;
        }

        /** Whether the run holds any non-null id (a run of null ids only has no range). */
        boolean hasIds() {
            return min <= max;
        }
    }

    /**
     * The id runs of every partition of the raw events: one pass over (input, event_id), no shuffle; the rows outside
     * {@code fast} (the validation's fast path, the very predicate that splits the rows) are counted as slow.
     */
    static List<IdRange> idRanges(Dataset<Row> raw, org.apache.spark.sql.Column fast) {
        return raw.select(col(Schemas.INPUT), col(ValidateStep.PART), col(SeizureEvents.EVENT_ID),
                coalesce(fast, lit(false)))
                .queryExecution().toRdd().toJavaRDD().mapPartitions(new IdRanges()).collect();
    }

    /**
     * Where event ids may repeat, per input: the merged [min, max] ranges of the runs that are not increasing or that
     * overlap another run of the same input. Empty when the ids of every input are proven distinct. Sound: two equal
     * ids in one run make it not increasing; in two runs, make their ranges overlap; either way both rows lie in a
     * suspect range, while a run that is increasing and overlaps no other has no id in any suspect range.
     */
    static Map<String, List<long[]>> suspectRanges(List<IdRange> ranges) {
        Map<String, List<IdRange>> byInput = new LinkedHashMap<>();
        for (IdRange r : ranges) {
            if (!r.hasIds()) {
                continue;
            }
            byInput.computeIfAbsent(r.input(), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<long[]>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<IdRange>> e : byInput.entrySet()) {
            List<IdRange> rs = new ArrayList<>(e.getValue());
            rs.sort(Comparator.comparingLong(IdRange::min));
            boolean[] bad = new boolean[rs.size()];
            long reach = Long.MIN_VALUE;
            int reacher = -1;
            for (int i = 0; i < rs.size(); i++) {
                IdRange r = rs.get(i);
                bad[i] |= !r.increasing();
                if (reacher >= 0 && r.min() <= reach) {
                    bad[i] = true;
                    bad[reacher] = true;
                }
                if (reacher < 0 || r.max() > reach) {
                    reach = r.max();
                    reacher = i;
                }
            }
            List<long[]> merged = new ArrayList<>();
            for (int i = 0; i < rs.size(); i++) {
                if (!bad[i]) {
                    continue;
                }
                long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && rs.get(i).min() <= last[1]) {
                    last[1] = Math.max(last[1], rs.get(i).max());
                } else {
                    merged.add(new long[] {rs.get(i).min(), rs.get(i).max()});
                }
            }
            if (!merged.isEmpty()) {
                out.put(e.getKey(), merged);
            }
        }
        return out;
    }

    /**
     * The runs of a partition, read from Spark's internal rows (input, part, event_id, on the fast path): no
     * {@code Row} object per event. A run ends where the part changes.
     */
    static final class IdRanges implements FlatMapFunction<Iterator<InternalRow>, IdRange> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<IdRange> call(Iterator<InternalRow> rows) {
            List<IdRange> out = new ArrayList<>();
            String input = null;
            int part = -1;
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            boolean increasing = true;
            long slow = 0;
            while (rows.hasNext()) {
                InternalRow r = rows.next();
                int p = r.getInt(1);
                if (p != part) {
                    if (input != null) {
                        out.add(new IdRange(input, part, lo, hi, increasing, slow));
                    }
                    input = r.getUTF8String(0).toString();
                    part = p;
                    lo = Long.MAX_VALUE;
                    hi = Long.MIN_VALUE;
                    increasing = true;
                    slow = 0;
                }
                if (!r.getBoolean(3)) {
                    slow++;
                }
                if (r.isNullAt(2)) {
                    continue;
                }
                long id = r.getLong(2);
                if (id <= hi) {
                    increasing = false;
                }
                lo = Math.min(lo, id);
                hi = Math.max(hi, id);
            }
            if (input != null) {
                out.add(new IdRange(input, part, lo, hi, increasing, slow));
            }
            return out.iterator();
        }
    }
}
