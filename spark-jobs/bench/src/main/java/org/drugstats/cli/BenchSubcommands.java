package org.drugstats.cli;

import java.util.List;

/**
 * The subcommands of this module, {@code drugstats bench} and {@code drugstats generate}, for the command line of
 * the {@code cli} module, which finds them with {@link java.util.ServiceLoader} (registered in
 * {@code META-INF/services}) when this module is on the class path.
 */
public final class BenchSubcommands implements DrugstatsCli.Subcommands {

    /** For {@link java.util.ServiceLoader}. */
    public BenchSubcommands() {
    }

    @Override
    public List<Object> commands() {
        return List.of(new BenchCommand(), new GenerateCommand());
    }
}
