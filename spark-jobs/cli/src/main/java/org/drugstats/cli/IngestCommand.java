package org.drugstats.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.drugstats.core.ingest.Ingest;
import org.drugstats.core.ingest.IngestContext;
import org.drugstats.core.ingest.IngestKind;
import org.drugstats.core.ingest.IngestKinds;
import org.drugstats.core.ingest.IngestResult;
import org.drugstats.core.ingest.OutputFormat;
import org.drugstats.core.ingest.Sniff;
import org.drugstats.core.ingest.SourceFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code drugstats ingest --source KIND --input FILE --out DIR [--format parquet|csv]}: reads a published table
 * into the canonical extract, a quarantine file and {@code ingest-report.json} (logic in
 * {@link org.drugstats.core.ingest.Ingest}; this command only wires the options).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Read a published table into a canonical extract.",
            "Writes DIR/extract.parquet (or extract.csv), DIR/quarantine.csv and DIR/ingest-report.json; rows read = "
                    + "rows accepted + rows quarantined. Exit status 1 with a one-line cause when the file is unreadable "
                    + "or not of the declared kind."})
final class IngestCommand implements Callable<Integer> {

    private static final String AUTO = "auto";

    /** The kinds known at run time, for the help text. */
    static final class Kinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return IngestKinds.names().iterator();
        }
    }

    @Option(names = "--source", required = true, paramLabel = "KIND", completionCandidates = Kinds.class,
            description = "Kind of table: ${COMPLETION-CANDIDATES}; or auto: recognise the kind from the file's "
                    + "content (says which kind matched and why, or why each kind did not).")
    String source;

    @Option(names = "--area", paramLabel = "ISO3",
            description = "The area a file is about when it has no area column (sdg-open-csv without GeoCode or "
                    + "territory column: required then).")
    String area;

    @Option(names = "--explain",
            description = "Print how the file was read: which rows were titles, headers, labels, bounds, notes; "
                    + "which column became which concept; what was flagged.")
    boolean explain;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The published file.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder (replaced atomically; left as it was when the ingest fails).")
    Path out;

    @Option(names = "--format", defaultValue = "parquet", paramLabel = "FORMAT",
            description = "Extract format: parquet, csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--allow-empty", description = "Write the outputs even when no row is read or none is accepted "
            + "(by default such an input is refused, so that an empty extract never replaces a good one).")
    boolean allowEmpty;

    @Option(names = "--temp-dir", paramLabel = "DIR",
            description = "Folder for the temporary files of a large input (rows past the in-memory bound are "
                    + "spilled and sorted there; removed when the ingest ends, fails or is stopped by a signal). "
                    + "Must exist and be writable (default: the JVM's java.io.tmpdir).")
    Path tempDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputFormat fmt = Usage.option(spec, "--format", () -> OutputFormat.ofCode(format));
        if (tempDir != null) {
            Usage.option(spec, "--temp-dir", () -> IngestContext.checkTempDir(tempDir));
        }
        PrintWriter w = spec.commandLine().getOut();
        IngestKind kind;
        if (AUTO.equals(source)) {
            SourceFile file = SourceFile.of(input);
            List<Sniff> sniffs = IngestKinds.sniff(file);
            kind = IngestKinds.detect(file, sniffs);
            Sniff chosen = sniffs.get(0);
            w.printf("source auto: %s is %s (%s)%n", file.name(), kind.name(), chosen.why());
            for (Sniff s : sniffs.subList(1, sniffs.size())) {
                w.printf("  not %s: %s%n", s.kind(), s.matches() ? "matches less specifically (" + s.why() + ")"
                        : s.why());
            }
        } else {
            kind = Usage.option(spec, "--source", () -> IngestKinds.byName(source));
        }
        IngestContext context = IngestContext.withDefaults().withArea(area).withTempDir(tempDir);
        Ingest.Outcome o = Ingest.run(kind, input, out, fmt, context, allowEmpty);
        IngestResult r = o.result();
        if (explain) {
            w.printf("how %s was read (%s):%n", r.origin().fileName(), r.kind());
            r.explanation().forEach(line -> w.printf("  %s%n", line));
            r.nonDataRowsSkipped().forEach((what, n) -> w.printf("  skipped %s: %d%n", what, n));
            w.printf("  blank rows skipped: %d%n", r.blankRowsSkipped());
            r.flagged().forEach((flag, n) -> w.printf("  flagged %s: %d rows%n", flag, n));
            r.quarantinedByReason().forEach((reason, n) -> w.printf("  quarantined %s: %d rows%n", reason, n));
            r.warnings().forEach(warning -> w.printf("  warning: %s%n", warning));
        }
        w.printf("%s (%s): read %d, accepted %d, quarantined %d [%s]; %d unmapped names, %d warnings%n",
                r.origin().fileName(), r.kind(), r.rowsRead(), r.rowsAccepted(), r.rowsQuarantined(), r.rowUnit()
                        .replaceAll(":.*", ""), r.unmappedNames().size(), r.warnings().size());
        w.printf("wrote %s: %s, %s, %s%n", o.outDir(), fmt.extractFileName(), Ingest.QUARANTINE_FILE,
                Ingest.REPORT_FILE);
        w.flush();
        return 0;
    }
}
