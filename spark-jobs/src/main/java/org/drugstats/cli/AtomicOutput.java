package org.drugstats.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.io.ExitCleanup;
import org.drugstats.core.io.IoMessages;

/** Writes a file atomically: to a temporary file in the same folder, then a move over the target. */
final class AtomicOutput {
    private AtomicOutput() {
    }

    static void writeString(Path target, String content) {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null || Files.isDirectory(abs)) {
            throw DrugstatsException.of("%s is a folder; expected the path of an output file", target);
        }
        Path tmp = null;
        ExitCleanup.Registration cleanup = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            cleanup = ExitCleanup.deleteOnSignal(tmp);
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error is the one to report
                }
            }
            throw new DrugstatsException("cannot write " + target + ": " + IoMessages.describe(e), e);
        } finally {
            if (cleanup != null) {
                cleanup.close();
            }
        }
    }
}
