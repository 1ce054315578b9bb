package org.drugstats.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.io.AtomicFiles;
import org.drugstats.core.io.IoMessages;

/** Writes a command's output file atomically ({@link AtomicFiles}), with the command line's error message. */
final class AtomicOutput {
    private AtomicOutput() {
    }

    static void writeString(Path target, String content) {
        java.nio.file.Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null || java.nio.file.Files.isDirectory(abs)) {
            throw DrugstatsException.of("%s is a folder; expected the path of an output file", target);
        }
        try {
            AtomicFiles.writeString(abs, content);
        } catch (IOException e) {
            throw new DrugstatsException("cannot write " + target + ": " + IoMessages.describe(e), e);
        }
    }
}
