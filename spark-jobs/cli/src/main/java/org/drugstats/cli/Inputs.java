package org.drugstats.cli;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.drugstats.core.DrugstatsException;

/**
 * Errors of the statistics commands name their input file: a message from the statistics ("series 's0': Mann-Kendall
 * needs at least 2 observations") that does not name the file is prefixed with it.
 */
final class Inputs {

    private Inputs() {
    }

    /** The value of {@code work}; its DrugstatsException names {@code input}. */
    static <T> T naming(Path input, Supplier<T> work) {
        try {
            return work.get();
        } catch (DrugstatsException e) {
            String name = input.getFileName() == null ? input.toString() : input.getFileName().toString();
            if (e.getMessage() != null && e.getMessage().contains(name)) {
                throw e;
            }
            throw new DrugstatsException(input + ": " + e.getMessage(), e);
        }
    }
}
