package org.drugstats.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.drugstats.core.DrugstatsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code drugstats} command: subcommands for the catalog, extracts, ingest, statistics, the batch run
 * and reports. Errors end with exit status 1 and one line on standard error ({@code drugstats: error: …});
 * usage errors with status 2.
 */
@Command(name = "drugstats", mixinStandardHelpOptions = true, versionProvider = DrugstatsCli.Version.class,
        description = "Statistics and batch reports for world drug indicators (UNODC WDR, CND 2019 Declaration, SDG 3.5 and 16.4).",
        subcommands = {
            AggregateCommand.class,
            BenchCommand.class,
            CatalogCommand.class,
            ExtractCommand.class,
            GenerateCommand.class,
            IngestCommand.class,
            InequalityCommand.class,
            ReportCommand.class,
            RunCommand.class,
            TrendCommand.class,
            CommandLine.HelpCommand.class
        })
public final class DrugstatsCli implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    /** Runs the command line and returns the exit status (used by tests and {@link #main}). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line: one-line errors, status 1 for failures, 2 for usage. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DrugstatsCli());
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            Throwable t = ex;
            while (!(t instanceof DrugstatsException) && t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            if (t instanceof DrugstatsException) {
                err.println("drugstats: error: " + oneLine(t.getMessage()));
            } else if (ex instanceof java.io.UncheckedIOException u) {
                err.println("drugstats: error: " + commandLine.getCommandName() + ": "
                        + org.drugstats.core.io.IoMessages.describe(u.getCause()));
            } else {
                // a defect of drugstats, not of the input: say so in words, the stack trace on request
                String m = oneLine(String.valueOf(ex.getMessage()));
                // a Spark analysis error carries the whole query plan (hundreds of kilobytes): its first words suffice
                m = m.length() > 400 ? m.substring(0, 400) + " …" : m;
                err.println("drugstats: error: " + commandLine.getCommandName() + ": internal error ("
                        + m + "); please report it with the command line "
                        + "(-Ddrugstats.debug=true in DRUGSTATS_JAVA_OPTS prints the stack trace)");
            }
            if (Boolean.getBoolean("drugstats.debug")) {
                ex.printStackTrace(err); // every error, with its causes
            }
            err.flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("drugstats: usage error: " + oneLine(ex.getMessage()));
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return 2;
        });
        return cl;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    public static void main(String[] args) {
        int status;
        try {
            status = execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("drugstats: error: out of memory; the input is larger than the heap allows (raise it "
                    + "with DRUGSTATS_JAVA_OPTS=-Xmx...)");
            status = 1;
        }
        System.exit(status);
    }

    /** Version from the jar manifest, else the development version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = DrugstatsCli.class.getPackage().getImplementationVersion();
            return new String[] {"drugstats " + (v == null ? "development build" : v)};
        }
    }
}
