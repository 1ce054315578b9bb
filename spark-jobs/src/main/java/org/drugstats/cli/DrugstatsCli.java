package org.drugstats.cli;

import java.io.PrintWriter;
import org.drugstats.core.DrugstatsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code drugstats} command. A {@link DrugstatsException} (bad input or configuration) is printed
 * as one line {@code drugstats: error: <message>} on standard error with exit status 1; usage errors exit with 2.
 */
@Command(name = "drugstats", mixinStandardHelpOptions = true, version = "drugstats 0.1.0",
        description = "Statistics for world drug indicators.", subcommands = {TrendCommand.class})
public final class DrugstatsCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    /** Builds the configured command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DrugstatsCli());
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof DrugstatsException) {
                PrintWriter err = line.getErr();
                err.println("drugstats: error: " + ex.getMessage());
                err.flush();
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
