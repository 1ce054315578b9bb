package org.drugstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.data.ValidationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code drugstats run}: the main batch job on the embedded data (or another data directory). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the batch job: validate every extract in the data directory and report row accounting.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "Directory of Parquet extracts (default: ${DEFAULT-VALUE}).",
            defaultValue = "data")
    Path data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(data)) {
            throw DrugstatsException.of("%s: no such directory; expected a directory of Parquet extracts (--data)", data);
        }
        List<Path> extracts;
        try (Stream<Path> s = Files.walk(data)) {
            extracts = s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        long quarantined = 0;
        for (Path p : extracts) {
            ValidationResult r = ParquetExtracts.readValidated(p).result();
            out.println(r.summary());
            quarantined += r.rowsQuarantined();
        }
        out.printf("%d extracts validated, %d rows quarantined%n", extracts.size(), quarantined);
        out.flush();
        return 0;
    }
}
