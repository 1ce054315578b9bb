package org.drugstats.core.ingest;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * An unmodifiable list whose elements are read from temporary files on every pass ({@link IngestSpill}): iterating
 * costs one sequential read and no memory per element; {@link #get} reads up to the element (meant for the first
 * few). Not {@link java.util.RandomAccess}, so streams and loops iterate.
 *
 * @param <T> the element type
 */
public final class SpilledList<T> extends AbstractList<T> {

    private final long size;
    private final Supplier<Iterator<T>> pass;
    private Runnable release = () -> { };
    private long keysWithMultipleRecords = -1;
    private java.util.Map<String, Long> counts;

    SpilledList(long size, Supplier<Iterator<T>> pass) {
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(size + " rows; at most " + Integer.MAX_VALUE + " fit a list");
        }
        this.size = size;
        this.pass = pass;
    }

    /** Runs {@code action} when the files are released. */
    SpilledList<T> onRelease(Runnable action) {
        this.release = action;
        return this;
    }

    /** Removes the temporary files; the list cannot be read afterwards. */
    void release() {
        Runnable r = release;
        release = () -> { };
        r.run();
    }

    /** Records the number of keys with several records among the elements (counted when they were resolved). */
    SpilledList<T> keysWithMultipleRecords(long n) {
        keysWithMultipleRecords = n;
        return this;
    }

    /** The number of keys with several records among the elements, or -1 when not counted. */
    long keysWithMultipleRecords() {
        return keysWithMultipleRecords;
    }

    /**
     * Counts over the elements, computed on the first call and kept (a pass over the files costs a read of them all;
     * the counts stay readable after {@link #release}).
     */
    java.util.Map<String, Long> counts(Supplier<java.util.Map<String, Long>> count) {
        if (counts == null) {
            counts = count.get();
        }
        return counts;
    }

    @Override
    public Iterator<T> iterator() {
        return pass.get();
    }

    @Override
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        Iterator<T> it = pass.get();
        for (int i = 0; i < index; i++) {
            it.next();
        }
        T v = it.next();
        if (it instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // a read-only pass; nothing to undo
            }
        }
        return v;
    }

    @Override
    public int size() {
        return (int) size;
    }
}
