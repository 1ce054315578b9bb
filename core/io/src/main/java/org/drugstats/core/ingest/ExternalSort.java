package org.drugstats.core.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorts the records of a {@link SpillFile} with memory bounded by a run length (Knuth, The Art of Computer
 * Programming, vol. 3, §5.4, external sorting by merging): runs of at most {@code runLength} records are sorted in
 * memory and written out, then merged k-way with a heap, at most {@link #FAN_IN} at a time. Stable: records that compare equal keep their
 * input order (runs are sorted stably, and the merge breaks ties by run number).
 */
final class ExternalSort {

    private ExternalSort() {
    }

    /** The records of {@code input} in {@code order}, in a new sealed file of {@code dir}. */
    static <T> SpillFile<T> sort(Iterable<T> input, SpillFile.Codec<T> codec, Comparator<? super T> order,
            int runLength, Path dir, String prefix) {
        List<SpillFile<T>> runs = new ArrayList<>();
        List<T> buffer = new ArrayList<>();
        for (T v : input) {
            buffer.add(v);
            if (buffer.size() >= runLength) {
                runs.add(writeRun(buffer, codec, order, dir, prefix));
                buffer.clear();
            }
        }
        if (!buffer.isEmpty() || runs.isEmpty()) {
            runs.add(writeRun(buffer, codec, order, dir, prefix));
            buffer.clear();
        }
        while (runs.size() > FAN_IN) {
            List<SpillFile<T>> next = new ArrayList<>();
            for (int i = 0; i < runs.size(); i += FAN_IN) {
                next.add(merge(runs.subList(i, Math.min(runs.size(), i + FAN_IN)), codec, order, dir, prefix));
            }
            runs = next;
        }
        return runs.size() == 1 ? runs.get(0) : merge(runs, codec, order, dir, prefix);
    }

    /** Runs merged at once: bounds the files open and the read buffers held. */
    static final int FAN_IN = 64;

    /** Merges consecutive runs into one (ties go to the earlier run: stable) and deletes them. */
    private static <T> SpillFile<T> merge(List<SpillFile<T>> runs, SpillFile.Codec<T> codec,
            Comparator<? super T> order, Path dir, String prefix) {
        record Head<T>(T value, int run) {
        }
        List<SpillFile.Reader<T>> readers = new ArrayList<>();
        PriorityQueue<Head<T>> heap = new PriorityQueue<>(runs.size(), (a, b) -> {
            int c = order.compare(a.value(), b.value());
            return c != 0 ? c : Integer.compare(a.run(), b.run());
        });
        for (int r = 0; r < runs.size(); r++) {
            SpillFile.Reader<T> reader = runs.get(r).iterator();
            readers.add(reader);
            if (reader.hasNext()) {
                heap.add(new Head<>(reader.next(), r));
            }
        }
        SpillFile<T> merged = SpillFile.create(dir, prefix, codec);
        while (!heap.isEmpty()) {
            Head<T> h = heap.poll();
            merged.add(h.value());
            SpillFile.Reader<T> reader = readers.get(h.run());
            if (reader.hasNext()) {
                heap.add(new Head<>(reader.next(), h.run()));
            }
        }
        for (SpillFile<T> run : runs) {
            run.delete();
        }
        return merged.seal();
    }

    private static <T> SpillFile<T> writeRun(List<T> buffer, SpillFile.Codec<T> codec, Comparator<? super T> order,
            Path dir, String prefix) {
        buffer.sort(order);
        SpillFile<T> run = SpillFile.create(dir, prefix, codec);
        for (T v : buffer) {
            run.add(v);
        }
        return run.seal();
    }
}
