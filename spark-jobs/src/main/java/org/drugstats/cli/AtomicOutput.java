package org.drugstats.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.io.AtomicFiles;

/** Writes a command's output file atomically ({@link AtomicFiles}), with the command line's error message. */
final class AtomicOutput {
    private AtomicOutput() {
    }

    static void writeString(Path target, String content) {
        try {
            AtomicFiles.writeString(target, content);
        } catch (IOException e) {
            throw new DrugstatsException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
