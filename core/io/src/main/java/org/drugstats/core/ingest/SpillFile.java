package org.drugstats.core.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Records of one type appended to a temporary file, then read back in the order written, as often as needed: the
 * storage that keeps an ingest's memory independent of the number of rows ({@link IngestCollector} spills to it
 * past a bound). Written once ({@link #add} ... {@link #seal}), then read by any number of iterators, each opening
 * the file anew and closing it when exhausted.
 *
 * <p>The file is deflated at level 1 ({@value #LEVEL}; RFC 1951): spilled rows repeat their file name, origin,
 * reasons and labels from row to row, so the temporary files shrink several-fold (measured in BENCHMARKS.md,
 * issue 19) for little CPU. The records themselves are unchanged: what is read back is exactly what was written.
 *
 * @param <T> the record type
 */
final class SpillFile<T> implements Iterable<T> {

    /** Writes and reads one record. */
    interface Codec<T> {
        void write(DataOutput out, T value) throws IOException;

        T read(DataInput in) throws IOException;
    }

    private static final int BUFFER = 1 << 16;
    /** Deflate level: the fastest; repeated strings are what there is to gain. */
    static final int LEVEL = 1;

    private final Path path;
    private final Codec<T> codec;
    private DataOutputStream out;
    private Deflater deflater;
    private long count;

    private SpillFile(Path path, Codec<T> codec) throws IOException {
        this.path = path;
        this.codec = codec;
        this.deflater = new Deflater(LEVEL);
        this.out = new DataOutputStream(new BufferedOutputStream(new DeflaterOutputStream(
                Files.newOutputStream(path), deflater, BUFFER), BUFFER));
    }

    /** A new empty file in {@code dir}. */
    static <T> SpillFile<T> create(Path dir, String prefix, Codec<T> codec) {
        try {
            return new SpillFile<>(Files.createTempFile(dir, prefix, ".spill"), codec);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot create a spill file: " + e.getMessage(), e);
        }
    }

    /** Appends a record. */
    void add(T value) {
        if (out == null) {
            throw new IllegalStateException(path + " is sealed");
        }
        try {
            codec.write(out, value);
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Ends writing; the file can then be read. Idempotent. */
    SpillFile<T> seal() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(path + ": cannot write: " + e.getMessage(), e);
            } finally {
                out = null;
                deflater.end();
                deflater = null;
            }
        }
        return this;
    }

    /** Records written. */
    long size() {
        return count;
    }

    /** Deletes the file. */
    void delete() {
        seal();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot delete: " + e.getMessage(), e);
        }
    }

    /** Reads the records in the order written (the file must be sealed); closes the file when exhausted. */
    @Override
    public Reader<T> iterator() {
        if (out != null) {
            throw new IllegalStateException(path + " is still being written");
        }
        return new Reader<>(this);
    }

    /** A pass over the records; {@link #close} releases the file early. */
    static final class Reader<T> implements Iterator<T>, AutoCloseable {
        private final SpillFile<T> file;
        private DataInputStream in;
        private Inflater inflater;
        private long left;

        private Reader(SpillFile<T> file) {
            this.file = file;
            this.left = file.count;
            if (left > 0) {
                try {
                    inflater = new Inflater();
                    in = new DataInputStream(new BufferedInputStream(new InflaterInputStream(
                            Files.newInputStream(file.path), inflater, BUFFER), BUFFER));
                } catch (IOException e) {
                    inflater.end();
                    inflater = null;
                    throw new UncheckedIOException(file.path + ": cannot read: " + e.getMessage(), e);
                }
            }
        }

        @Override
        public boolean hasNext() {
            return left > 0;
        }

        @Override
        public T next() {
            if (left <= 0) {
                throw new NoSuchElementException();
            }
            try {
                T v = file.codec.read(in);
                if (--left == 0) {
                    close();
                }
                return v;
            } catch (IOException e) {
                close();
                throw new UncheckedIOException(file.path + ": cannot read: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            left = 0;
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // reading is over; the file is deleted with its folder
                }
                in = null;
            }
            if (inflater != null) {
                inflater.end();
                inflater = null;
            }
        }
    }

    /** Writes a string that may be null (length -1), as UTF-8 of any length. */
    static void writeString(DataOutput out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** Reads what {@link #writeString} wrote. */
    static String readString(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Writes an array of nullable strings. */
    static void writeStrings(DataOutput out, String[] v) throws IOException {
        out.writeInt(v.length);
        for (String s : v) {
            writeString(out, s);
        }
    }

    /** Reads what {@link #writeStrings} wrote. */
    static String[] readStrings(DataInput in) throws IOException {
        String[] v = new String[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = readString(in);
        }
        return v;
    }
}
