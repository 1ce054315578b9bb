package org.drugstats.cli;

import java.util.function.Supplier;
import org.drugstats.core.DrugstatsException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Usage errors found after parsing: a bad option value is a usage error (exit status 2, "drugstats: usage error:
 * ..." and a pointer to --help), not a failure of the work (status 1).
 */
final class Usage {

    private Usage() {
    }

    /** The value {@code parse} gives; its DrugstatsException becomes a usage error naming the option. */
    static <T> T option(CommandSpec spec, String option, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (DrugstatsException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage(), e);
        }
    }

    /** A usage error unless {@code ok}. */
    static void require(CommandSpec spec, boolean ok, String message, Object... args) {
        if (!ok) {
            throw error(spec, String.format(java.util.Locale.ROOT, message, args));
        }
    }

    /** A usage error of this command. */
    static CommandLine.ParameterException error(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
