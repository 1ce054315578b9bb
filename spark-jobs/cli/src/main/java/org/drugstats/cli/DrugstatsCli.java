package org.drugstats.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.drugstats.core.DrugstatsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code drugstats} command: subcommands for the catalog, extracts, ingest, statistics, the batch run
 * and reports. Errors end with exit status 1 and one line on standard error ({@code drugstats: error: …});
 * usage errors with status 2.
 *
 * <p>The subcommands of this module are listed in {@link #BUILT_IN}; others come from the class path through
 * {@link ServiceLoader} ({@link Subcommands}): {@code bench} and {@code generate} live in the {@code spark-jobs/bench}
 * module (the only one with DuckDB), which the {@code drugstats} launcher always puts on the class path. The
 * production run ({@code spark-submit} of this module) has neither.
 */
@Command(name = "drugstats", mixinStandardHelpOptions = true, versionProvider = DrugstatsCli.Version.class,
        description = "Statistics and batch reports for world drug indicators (UNODC WDR, CND 2019 Declaration, SDG 3.5 and 16.4).")
public final class DrugstatsCli implements Callable<Integer> {

    /**
     * Subcommands that another module contributes; found with {@link ServiceLoader} (a
     * {@code META-INF/services/org.drugstats.cli.DrugstatsCli$Subcommands} file in that module's jar).
     */
    public interface Subcommands {
        /** New instances of picocli {@code @Command} objects, each to be added under its annotated name. */
        List<Object> commands();
    }

    /** This module's subcommands. */
    private static final List<Supplier<Object>> BUILT_IN = List.of(AggregateCommand::new, CatalogCommand::new,
            ExtractCommand::new, IngestCommand::new, InequalityCommand::new, ReportCommand::new, RunCommand::new,
            TrendCommand::new);

    /** The order of the help listing (as it was with every subcommand in one module); others follow, by name. */
    private static final List<String> ORDER = List.of("aggregate", "bench", "catalog", "extract", "generate", "ingest",
            "inequality", "report", "run", "trend");

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
        List<Object> commands = new ArrayList<>();
        for (Supplier<Object> c : BUILT_IN) {
            commands.add(c.get());
        }
        for (Subcommands s : ServiceLoader.load(Subcommands.class, DrugstatsCli.class.getClassLoader())) {
            commands.addAll(s.commands());
        }
        commands.sort(Comparator.comparingInt((Object o) -> rank(name(o))).thenComparing(DrugstatsCli::name));
        for (Object c : commands) {
            cl.addSubcommand(c);
        }
        cl.addSubcommand(new CommandLine.HelpCommand());
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

    private static String name(Object command) {
        return command.getClass().getAnnotation(Command.class).name();
    }

    private static int rank(String name) {
        int i = ORDER.indexOf(name);
        return i < 0 ? ORDER.size() : i;
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
