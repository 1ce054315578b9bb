package org.drugstats.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.drugstats.core.data.CsvExtracts;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.data.QuarantineRow;
import org.drugstats.core.data.ValidationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code drugstats extract show|validate FILE}. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Show or validate a Parquet extract.",
        subcommands = {ExtractCommand.Show.class, ExtractCommand.Validate.class})
final class ExtractCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Prints an extract as CSV with the canonical header. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print an extract (file or directory of parts) as CSV with the canonical header. Fails on the first invalid row; use 'validate' to see all.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "Parquet extract")
        Path file;

        @Override
        public Integer call() {
            var extract = ParquetExtracts.read(file);
            PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            CsvExtracts.write(out, extract.observations());
            out.flush();
            return 0;
        }
    }

    /** Validates every row and reports the accounting and the quarantined rows. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check schema, codes, domains, ranges and duplicate keys. Prints rows read/accepted/quarantined and each quarantined row; exit status 1 when any row is quarantined.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "Parquet extract")
        Path file;

        @Option(names = "--quarantine", paramLabel = "CSV", description = "Also write the quarantined rows to this CSV file (canonical columns plus reason, sheet, row, column, raw_value, detail).")
        Path quarantine;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ValidationResult r = ParquetExtracts.readValidated(file).result();
            PrintWriter out = spec.commandLine().getOut();
            out.println(r.summary());
            for (QuarantineRow q : r.quarantined()) {
                out.println("  " + q.describe());
            }
            out.flush();
            if (quarantine != null) {
                CsvExtracts.writeQuarantine(quarantine, r.quarantined());
            }
            return r.quarantined().isEmpty() ? 0 : 1;
        }
    }
}
