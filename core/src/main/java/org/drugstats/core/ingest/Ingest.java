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
import org.drugstats.core.data.Extract;
import org.drugstats.core.data.ParquetExtracts;
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
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(format, "format");
        SourceFile file = SourceFile.of(input);
        IngestResult result = kind.ingest(file, context);
        Path target = outDir.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw DrugstatsException.of("%s exists and is not a folder; expected an output folder", outDir);
        }
        Path parent = target.getParent();
        String pid = Long.toString(ProcessHandle.current().pid());
        Path tmp = parent.resolve("." + target.getFileName() + ".tmp-" + pid);
        Path old = parent.resolve("." + target.getFileName() + ".old-" + pid);
        try {
            Files.createDirectories(parent);
            PathTrees.delete(tmp);
            Files.createDirectory(tmp);
            Extract extract = Extract.of(result.accepted(), List.of(result.origin()));
            if (format == OutputFormat.PARQUET) {
                ParquetExtracts.write(tmp.resolve(format.extractFileName()), extract);
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
