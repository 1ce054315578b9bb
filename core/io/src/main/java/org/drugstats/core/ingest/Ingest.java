package org.drugstats.core.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.CsvExtracts;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.io.ExitCleanup;
import org.drugstats.core.io.PathTrees;

/**
 * Runs an ingest and writes its outputs: {@code DIR/extract.parquet} (or {@code extract.csv}),
 * {@code DIR/quarantine.csv} and {@code DIR/ingest-report.json}.
 *
 * <p>Atomic: the outputs are written into a temporary folder beside {@code DIR}, which then replaces
 * {@code DIR}. When reading or writing fails, the temporary folder is removed and a previous {@code DIR} is
 * left as it was. Deterministic: the same input, kind and format give byte-identical files.
 */
public final class Ingest {

    /** File name of the quarantine file. */
    public static final String QUARANTINE_FILE = "quarantine.csv";
    /** File name of the report. */
    public static final String REPORT_FILE = "ingest-report.json";

    private Ingest() {
    }

    /**
     * What an ingest produced.
     *
     * @param result the rows and report facts
     * @param outDir the output folder
     * @param files the files written, in the output folder
     */
    public record Outcome(IngestResult result, Path outDir, List<Path> files) {
        /** Copies the list. */
        public Outcome {
            files = List.copyOf(files);
        }
    }

    /**
     * Reads {@code input} as {@code kind} and writes the outputs to {@code outDir}.
     *
     * @throws DrugstatsException when the input is missing, unreadable or not of the kind, or the outputs cannot
     *     be written; a previous {@code outDir} is then unchanged
     */
    public static Outcome run(IngestKind kind, Path input, Path outDir, OutputFormat format, IngestContext context) {
        return run(kind, input, outDir, format, context, false);
    }

    /**
     * Reads {@code input} as {@code kind} and writes the outputs to {@code outDir}. An input from which no row is
     * read (a header-only file or workbook) or no row is accepted is refused unless {@code allowEmpty}: an empty
     * extract must never replace a good one by accident.
     *
     * <p>A large input spills its rows to a temporary folder under {@link IngestContext#tempDir()} (else
     * {@code java.io.tmpdir}), removed when the ingest ends, fails or the JVM is stopped by a signal.
     *
     * @throws DrugstatsException when the input is missing, unreadable, not of the kind or (unless allowed) empty,
     *     the temporary folder is missing or not writable, or the outputs cannot be written; a previous
     *     {@code outDir} is then unchanged
     */
    public static Outcome run(IngestKind kind, Path input, Path outDir, OutputFormat format, IngestContext context,
            boolean allowEmpty) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(format, "format");
        if (context.tempDir() != null) {
            IngestContext.checkTempDir(context.tempDir());
        }
        SourceFile file = SourceFile.of(input);
        Path target = outDir.toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw DrugstatsException.of("%s is the root of the file system; expected an output folder below it",
                    outDir);
        }
        IngestResult result = kind.ingest(file, context);
        try {
            return write(kind, file, result, outDir, target, format, allowEmpty);
        } finally {
            result.release();
        }
    }

    private static Outcome write(IngestKind kind, SourceFile file, IngestResult result, Path outDir, Path target,
            OutputFormat format, boolean allowEmpty) {
        if (!allowEmpty && result.rowsRead() == 0) {
            throw DrugstatsException.of("%s holds no data rows (%d blank, %d skipped as titles, headers or notes); "
                    + "expected at least one %s of a %s file; nothing written (--allow-empty writes an empty extract)",
                    file.name(), result.blankRowsSkipped(),
                    result.nonDataRowsSkipped().values().stream().mapToLong(Long::longValue).sum(), result.rowUnit().replaceAll(":.*", ""),
                    kind.name());
        }
        if (!allowEmpty && result.rowsAccepted() == 0) {
            var first = result.quarantined().get(0);
            throw DrugstatsException.of("%s: none of the %d rows read is accepted (the first quarantined: %s); "
                    + "nothing written (--allow-empty writes the empty extract and the quarantine file)",
                    file.name(), result.rowsRead(), first.toString().replace(file.name() + ", ", ""));
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw DrugstatsException.of("%s exists and is not a folder; expected an output folder", outDir);
        }
        Path parent = target.getParent();
        String pid = Long.toString(ProcessHandle.current().pid());
        Path tmp = parent.resolve("." + target.getFileName() + ".tmp-" + pid);
        Path old = parent.resolve("." + target.getFileName() + ".old-" + pid);
        ExitCleanup.Registration cleanup = ExitCleanup.onSignal(() -> {
            try {
                PathTrees.delete(tmp);
                if (Files.exists(old) && !Files.exists(target)) {
                    move(old, target);
                }
            } catch (IOException ignored) {
                // the process is ending; the previous output is still in the .old folder
            }
        });
        try {
            Files.createDirectories(parent);
            PathTrees.delete(tmp);
            Files.createDirectory(tmp);
            if (format == OutputFormat.PARQUET) {
                ParquetExtracts.write(tmp.resolve(format.extractFileName()), result.accepted(),
                        List.of(result.origin()));
            } else {
                CsvExtracts.write(tmp.resolve(format.extractFileName()), result.accepted());
            }
            CsvExtracts.writeQuarantine(tmp.resolve(QUARANTINE_FILE), result.quarantined());
            Files.writeString(tmp.resolve(REPORT_FILE), IngestReport.json(result, format), StandardCharsets.UTF_8);
            if (Files.exists(target)) {
                move(target, old);
            }
            move(tmp, target);
            PathTrees.delete(old);
        } catch (IOException | RuntimeException e) {
            try {
                PathTrees.delete(tmp);
                if (Files.exists(old) && !Files.exists(target)) {
                    move(old, target);
                }
            } catch (IOException ignored) {
                // the original error says what went wrong; the old output is still in the .old folder
            }
            if (e instanceof DrugstatsException de) {
                throw de;
            }
            throw new DrugstatsException(outDir + ": cannot write the ingest outputs: " + XlsxWorkbook.oneLine(e), e);
        } finally {
            cleanup.close();
        }
        return new Outcome(result, target, List.of(target.resolve(format.extractFileName()),
                target.resolve(QUARANTINE_FILE), target.resolve(REPORT_FILE)));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
