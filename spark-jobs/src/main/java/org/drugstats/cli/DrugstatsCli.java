package org.drugstats.cli;

import java.io.PrintWriter;
import org.drugstats.core.DrugstatsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Top-level {@code drugstats} command listing the subcommands. */
@Command(name = "drugstats", mixinStandardHelpOptions = true,
        description = "Statistics for world drug indicators.",
        subcommands = {InequalityCommand.class, AggregateCommand.class})
public final class DrugstatsCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    /** A command line whose {@link DrugstatsException}s print one line and exit 1. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DrugstatsCli());
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof DrugstatsException) {
                PrintWriter err = cmd.getErr();
                err.println("drugstats: error: " + ex.getMessage());
                err.flush();
                return 1;
            }
            throw ex;
        });
        return cl;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
