package org.drugstats.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Write-to-temporary-then-rename, the one implementation of the project: a file is written to a hidden temporary
 * file in the target's own directory ({@code .NAME.<random>.tmp}, unique per call, so two threads or processes
 * writing different files — or the same one — never share a temporary file), then moved over the target
 * atomically; readers see the old file or the whole new one, never part of one. Where the file system cannot
 * move atomically the move replaces the target non-atomically. On failure the temporary file is deleted and the
 * target is left as it was. Hidden names keep temporary files out of Spark's and Hadoop's directory listings.
 */
public final class AtomicFiles {

    /** Writes the content of a file to the path it is given (the temporary file, which exists and is empty). */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content to {@code tmp}. */
        void writeTo(Path tmp) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Creates the target's directory if needed and writes the file atomically. */
    public static void write(Path file, Content content) throws IOException {
        Objects.requireNonNull(content, "content");
        try (Pending p = begin(file)) {
            content.writeTo(p.path());
            p.commit();
        }
    }

    /** Writes a UTF-8 string atomically. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    /** Writes bytes atomically. */
    public static void writeBytes(Path file, byte[] bytes) throws IOException {
        write(file, tmp -> Files.write(tmp, bytes));
    }

    /**
     * Starts an atomic write for a writer that streams into the temporary file over time: write to
     * {@link Pending#path()}, then {@link Pending#commit()}; closing an uncommitted write deletes the temporary file.
     */
    public static Pending begin(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null) {
            throw new IOException(file + " has no parent directory");
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        return new Pending(target, tmp, ExitCleanup.deleteOnSignal(tmp));
    }

    /** An atomic write in progress. Not thread-safe: one writer owns it. */
    public static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path tmp;
        private final ExitCleanup.Registration cleanup;
        private boolean committed;

        private Pending(Path target, Path tmp, ExitCleanup.Registration cleanup) {
            this.target = target;
            this.tmp = tmp;
            this.cleanup = cleanup;
        }

        /** The temporary file to write (exists, empty at the start). */
        public Path path() {
            return tmp;
        }

        /** The file that {@link #commit()} replaces. */
        public Path target() {
            return target;
        }

        /** Moves the temporary file over the target. */
        public void commit() throws IOException {
            if (committed) {
                throw new IllegalStateException(target + ": already committed");
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        }

        /** Deletes the temporary file unless committed; a termination signal before then deletes it too. */
        @Override
        public void close() throws IOException {
            try {
                if (!committed) {
                    Files.deleteIfExists(tmp);
                }
            } finally {
                cleanup.close();
            }
        }
    }
}
