package org.drugstats.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.data.ParquetFooters;
import org.drugstats.core.io.PathTrees;
import org.drugstats.core.results.Manifest;
import org.drugstats.core.results.ResultsLayout;

/**
 * Atomic publication of a run's outputs.
 *
 * <p>Everything is written to a staging directory beside OUT ({@code .NAME.staging-ID}); {@link #commit(Manifest)} then
 * renames OUT to {@code .NAME.previous-ID}, the staging directory to OUT, and deletes the previous output. A
 * failed or killed run never touches OUT; a run killed between the two renames leaves the previous output
 * under {@code .NAME.previous-ID}, which the next run puts back before it starts ({@link #recover}). A lock
 * file ({@code .NAME.lock}) keeps two runs from publishing into the same OUT at once.
 *
 * <p>Parquet results: each is sorted on a total order of its columns and written by Spark as one part, then
 * copied (row groups as they are, no re-encoding) into {@code results/NAME/part-00000.parquet} with the
 * key-value metadata {@code drugstats.schema} and {@code drugstats.origins}. Same rows give the same bytes.
 */
public final class Publisher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path out;
    private final Path staging;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<Manifest.OutputEntry> outputs = new ArrayList<>();
    private boolean committed;
    private final org.drugstats.core.io.ExitCleanup.Registration cleanup;

    private Publisher(Path out, Path staging, FileChannel lockChannel, FileLock lock) {
        this.out = out;
        this.staging = staging;
        this.lockChannel = lockChannel;
        this.lock = lock;
        // a run stopped by SIGTERM/SIGINT leaves no staging directory behind (the next run would also remove it)
        this.cleanup = org.drugstats.core.io.ExitCleanup.deleteOnSignal(staging);
    }

    /**
     * Prepares publication into {@code out}: takes the lock, restores an output left aside by a killed commit,
     * removes stale staging directories, and creates a fresh one.
     *
     * @throws DrugstatsException when another run holds the lock, or OUT exists and is not a drugstats output
     */
    public static Publisher begin(Path out) {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw DrugstatsException.of(e, "%s: cannot create the output's parent directory: %s", parent, e.getMessage());
        }
        FileChannel ch;
        FileLock lock;
        try {
            ch = FileChannel.open(parent.resolve("." + name + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw DrugstatsException.of("%s: another drugstats run is publishing into this directory", target);
            }
        } catch (IOException e) {
            throw DrugstatsException.of(e, "%s: cannot lock the output directory: %s", target, e.getMessage());
        }
        try {
            recover(target);
            if (Files.exists(target) && !Files.isRegularFile(target.resolve("manifest.json")) && !isEmptyDir(target)) {
                throw DrugstatsException.of(
                        "%s: exists and is not a drugstats output (no manifest.json); choose a new or empty directory for --out",
                        target);
            }
            try (Stream<Path> s = Files.list(parent)) {
                for (Path p : s.filter(p -> p.getFileName().toString().startsWith("." + name + ".staging-")).toList()) {
                    deleteTree(p);
                }
            }
            Path staging = parent.resolve("." + name + ".staging-" + UUID.randomUUID());
            Files.createDirectories(staging);
            return new Publisher(target, staging, ch, lock);
        } catch (IOException | RuntimeException e) {
            try {
                lock.release();
                ch.close();
            } catch (IOException ignored) {
                // the lock goes with the channel
            }
            if (e instanceof DrugstatsException de) {
                throw de;
            }
            throw DrugstatsException.of(e, "%s: cannot prepare the output: %s", target, e.getMessage());
        }
    }

    /** Puts back an output that a run killed during {@link #commit()} had moved aside. */
    static void recover(Path target) throws IOException {
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        List<Path> previous;
        try (Stream<Path> s = Files.list(parent)) {
            previous = s.filter(p -> p.getFileName().toString().startsWith("." + name + ".previous-")).sorted().toList();
        }
        for (Path p : previous) {
            if (!Files.exists(target)) {
                Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                deleteTree(p);
            }
        }
    }

    private static boolean isEmptyDir(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }

    /** The staging directory (what will become OUT). */
    public Path staging() {
        return staging;
    }

    /** The final output directory. */
    public Path out() {
        return out;
    }

    /** Outputs written so far, for the manifest. */
    public List<Manifest.OutputEntry> outputs() {
        return List.copyOf(outputs);
    }

    /**
     * Writes a dataset as one Parquet file {@code REL/part-00000.parquet} under the staging directory, rows
     * sorted by {@code order} and then by every other column (a total order, so ties cannot reorder between runs).
     *
     * @param data the rows
     * @param rel directory relative to OUT, e.g. {@code results/trends}
     * @param schemaVersion the {@code drugstats.schema} tag
     * @param origins the provenance written to {@code drugstats.origins}
     * @param order leading sort columns
     * @return the number of rows written
     */
    public long writeParquet(Dataset<Row> data, String rel, String schemaVersion, List<Origin> origins,
            String... order) {
        List<org.apache.spark.sql.Column> sort = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String c : order) {
            sort.add(org.apache.spark.sql.functions.col(c).asc_nulls_first());
            seen.add(c);
        }
        for (String c : data.columns()) {
            if (!seen.contains(c)) {
                sort.add(org.apache.spark.sql.functions.col(c).asc_nulls_first());
            }
        }
        Path tmp = staging.resolve(".spark").resolve(rel);
        // one file: a small run's results are computed in one partition already, and coalescing keeps them there,
        // where repartition(1) would shuffle them into it; the rows are sorted by every column either way
        Dataset<Row> one = SparkSessions.shufflesIntoOne(data.sparkSession()) ? data.coalesce(1) : data.repartition(1);
        one.sortWithinPartitions(sort.toArray(new org.apache.spark.sql.Column[0]))
                .write().mode(SaveMode.Overwrite).parquet(tmp.toUri().toString());
        Path part;
        try (Stream<Path> s = Files.list(tmp)) {
            List<Path> parts = s.filter(p -> p.getFileName().toString().startsWith("part-")
                    && p.getFileName().toString().endsWith(".parquet")).sorted().toList();
            if (parts.size() != 1) {
                throw DrugstatsException.of("%s: expected one part file from Spark, found %d", tmp, parts.size());
            }
            part = parts.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // never publish NaN or an infinity: a value no input held (the step names itself in the error)
        FiniteResults.check(part, rel, List.of(order));
        Path dest = staging.resolve(rel).resolve(ResultsLayout.PART_FILE);
        long rows = withMetadata(part, dest, schemaVersion, origins);
        deleteTree(tmp);
        outputs.add(new Manifest.OutputEntry(rel + "/" + ResultsLayout.PART_FILE, rows, InputFiles.sha256(dest)));
        return rows;
    }

    /** Copies a Parquet file's row groups into {@code dest} with drugstats metadata added; returns the rows. */
    static long withMetadata(Path src, Path dest, String schemaVersion, List<Origin> origins) {
        try {
            Files.createDirectories(dest.getParent());
            FileMetaData meta;
            long rows;
            try (ParquetFileReader r = ParquetFileReader.open(org.drugstats.core.data.PathInputFile.of(src))) {
                meta = r.getFooter().getFileMetaData();
                rows = r.getRecordCount();
            }
            Map<String, String> kv = new LinkedHashMap<>(meta.getKeyValueMetaData());
            kv.put(ParquetExtracts.META_SCHEMA, schemaVersion);
            kv.put(ParquetExtracts.META_ORIGINS, JSON.writeValueAsString(origins));
            ParquetFileWriter w = new ParquetFileWriter(new LocalOutputFile(dest), meta.getSchema(),
                    ParquetFileWriter.Mode.OVERWRITE, 128L * 1024 * 1024, 0);
            w.start();
            w.appendFile(org.drugstats.core.data.PathInputFile.of(src));
            w.end(kv);
            ParquetFooters.normalise(dest);
            return rows;
        } catch (IOException e) {
            throw DrugstatsException.of(e, "%s: cannot write: %s", dest, e.getMessage());
        }
    }

    /** Writes a text file (UTF-8) under the staging directory and records it as an output. */
    public void writeText(String rel, String text, long rows) {
        Path dest = staging.resolve(rel);
        try {
            Files.createDirectories(dest.getParent());
            Files.writeString(dest, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw DrugstatsException.of(e, "%s: cannot write: %s", dest, e.getMessage());
        }
        outputs.add(new Manifest.OutputEntry(rel, rows, InputFiles.sha256(dest)));
    }

    /** Records a file written directly under the staging directory (e.g. a streamed CSV). */
    public void recordOutput(String rel, long rows) {
        outputs.add(new Manifest.OutputEntry(rel, rows, InputFiles.sha256(staging.resolve(rel))));
    }

    /**
     * Moves the staging directory into place (see the class description). After this, OUT holds exactly the
     * new outputs.
     */
    public void commit(Manifest manifest) {
        commit(manifest, dir -> { });
    }

    /**
     * Writes the manifest into the staging directory, runs {@code lastStep} on the staging directory (the
     * report is rendered there, so that it is published together with the results it shows), then moves the
     * staging directory into place. A failure of {@code lastStep} publishes nothing.
     */
    public void commit(Manifest manifest, java.util.function.Consumer<Path> lastStep) {
        try {
            deleteTree(staging.resolve(".spark"));
            Files.writeString(staging.resolve(ResultsLayout.MANIFEST), manifest.toJson() + "\n", StandardCharsets.UTF_8);
            lastStep.accept(staging);
            Path previous = null;
            if (Files.exists(out)) {
                previous = out.resolveSibling("." + out.getFileName() + ".previous-" + UUID.randomUUID());
                Files.move(out, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            if (previous != null) {
                deleteTree(previous);
            }
        } catch (IOException e) {
            throw DrugstatsException.of(e, "%s: cannot publish the results: %s", out, e.getMessage());
        }
    }

    /** Deletes the staging directory unless committed, and releases the lock. */
    @Override
    public void close() {
        try {
            if (!committed) {
                deleteTree(staging);
            }
        } finally {
            cleanup.close();
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException ignored) {
                // closing the channel releases the lock in any case
            }
        }
    }

    /** Deletes a directory tree; missing is fine. */
    static void deleteTree(Path root) {
        try {
            PathTrees.delete(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
