package org.drugstats.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.drugstats.core.DrugstatsException;

/**
 * An input file of an ingest: its path, its name as reported, and its SHA-256 (computed once on
 * construction, so a file that changes while it is read is still described by what was hashed first).
 *
 * @param path the file
 * @param name the file name reported in messages, quarantine rows and provenance
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 */
public record SourceFile(Path path, String name, String sha256) {

    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
    }

    /**
     * Describes a file that exists and is readable.
     *
     * @throws DrugstatsException naming the file when it is missing, a directory or unreadable
     */
    public static SourceFile of(Path path) {
        if (!Files.exists(path)) {
            throw DrugstatsException.of("%s: no such file", path);
        }
        if (Files.isDirectory(path)) {
            throw DrugstatsException.of("%s: is a directory; expected a file", path);
        }
        return new SourceFile(path, path.getFileName().toString(), sha256(path));
    }

    /** SHA-256 of a file's bytes, lower-case hex. */
    public static String sha256(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new DrugstatsException(path + ": cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
