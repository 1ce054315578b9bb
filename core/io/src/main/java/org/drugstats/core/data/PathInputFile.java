package org.drugstats.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local Parquet file for parquet-java's reader, named by its path. parquet-java's errors name the file by its
 * {@code toString()} ("… is not a Parquet file. Expected magic number at tail …"), and {@link LocalInputFile}'s is
 * an identity hash ({@code LocalInputFile@1f782c05}) that differs from one read to the next: an error message, a
 * quarantine detail or a report warning built from it named no file and was not reproducible.
 *
 * <p>Its stream reads a byte array in one call. {@link LocalInputFile}'s stream (parquet-java 1.15.2) implements
 * only the single-byte {@code read()} besides {@code readFully}, so {@code read(byte[], int, int)} fell back to
 * {@link InputStream}'s loop of one system call per byte; {@code ParquetFileWriter.appendFile}, which copies a file's
 * row groups through {@code read(byte[])}, took 4.3 s for the 2.7 MB of the published observations (issue 18:
 * 11.7 s of the default run's 50 s went to adding the drugstats metadata to its ten result files).
 */
public final class PathInputFile extends LocalInputFile {

    private final Path path;

    private PathInputFile(Path path) {
        super(path);
        this.path = path;
    }

    /** The file at {@code path}. */
    public static PathInputFile of(Path path) {
        return new PathInputFile(path);
    }

    /** A stream over the file that reads arrays, not bytes, per system call. */
    @Override
    public SeekableInputStream newStream() throws IOException {
        RandomAccessFile file = new RandomAccessFile(path.toFile(), "r");
        return new DelegatingSeekableInputStream(new InputStream() {
            @Override
            public int read() throws IOException {
                return file.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return file.read(b, off, len);
            }

            @Override
            public long skip(long n) throws IOException {
                long pos = file.getFilePointer();
                long to = Math.min(file.length(), pos + Math.max(0, n));
                file.seek(to);
                return to - pos;
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        }) {
            @Override
            public long getPos() throws IOException {
                return file.getFilePointer();
            }

            @Override
            public void seek(long newPos) throws IOException {
                file.seek(newPos);
            }
        };
    }

    /** The file's path, as every message names it. */
    public Path path() {
        return path;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
