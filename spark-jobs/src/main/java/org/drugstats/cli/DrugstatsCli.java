package org.drugstats.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.drugstats.core.DrugstatsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code drugstats} command; it lists the subcommands and runs none itself.
 *
 * <p>A {@link DrugstatsException} from a subcommand is printed as one line
 * {@code drugstats: error: <message>} on standard error, with exit status 1; usage errors exit with 2.
 */
@Command(name = "drugstats", mixinStandardHelpOptions = true,
        description = "World drug indicators: catalog, statistics and reports.",
        subcommands = {CatalogCommand.class})
public final class DrugstatsCli implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    /** The configured command line: UTF-8 output and the one-line error handler. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DrugstatsCli());
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof DrugstatsException) {
                cmd.getErr().println("drugstats: error: " + ex.getMessage());
                cmd.getErr().flush();
                return 1;
            }
            throw ex;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
