package org.drugstats.core.data;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.drugstats.core.DrugstatsException;

/**
 * The SHA-256 (FIPS 180-4) of an extract's rows as a read returns them: each field as UTF-8 text followed by the
 * unit separator U+001F (a null field as U+0000 U+001F), each row followed by the record separator U+001E. Stored in
 * the file's key-value metadata ({@link ParquetExtracts#META_ROWS_DIGEST}) and compared on every read.
 *
 * <p>The writer cannot know the digest of the rows as they will read back until the file is written; it writes
 * {@link #PLACEHOLDER} (64 zeros), reads the file back and {@linkplain #patch patches} the digest into the footer
 * in place: the footer keeps its length, so no offset moves.
 */
final class RowDigest {

    /** The value written before the digest is known: 64 zeros. */
    static final String PLACEHOLDER = "0".repeat(64);

    private RowDigest() {
    }

    /** The hex SHA-256 of the rows. */
    static String of(List<String[]> rows) {
        Running d = new Running();
        rows.forEach(d::add);
        return d.hex();
    }

    /** The digest of rows given one at a time (a file's rows as they are read, never all held at once). */
    static final class Running {
        private final MessageDigest md;

        Running() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every Java platform", e);
            }
        }

        /** Adds the next row. */
        void add(String[] row) {
            for (String v : row) {
                if (v == null) {
                    md.update((byte) 0);
                } else {
                    md.update(v.getBytes(StandardCharsets.UTF_8));
                }
                md.update((byte) 0x1f);
            }
            md.update((byte) 0x1e);
        }

        /** The hex SHA-256 of the rows added. */
        String hex() {
            return HexFormat.of().formatHex(md.digest());
        }
    }

    /** Replaces the placeholder value of {@code key} in the file's footer by {@code digest} (same length). */
    static void patch(Path file, String key, String digest) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long len = f.length();
            f.seek(len - 8);
            byte[] tail = new byte[8];
            f.readFully(tail);
            int footerLen = (tail[0] & 0xff) | (tail[1] & 0xff) << 8 | (tail[2] & 0xff) << 16 | (tail[3] & 0xff) << 24;
            long start = len - 8 - footerLen;
            byte[] footer = new byte[footerLen];
            f.seek(start);
            f.readFully(footer);
            int k = indexOf(footer, key.getBytes(StandardCharsets.UTF_8), 0);
            int p = k < 0 ? -1 : indexOf(footer, PLACEHOLDER.getBytes(StandardCharsets.US_ASCII), k);
            if (p < 0 || p - k > key.length() + 8) {
                throw DrugstatsException.of("%s: the footer has no placeholder for %s", file, key);
            }
            f.seek(start + p);
            f.write(digest.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw DrugstatsException.of(e, "%s: cannot store the rows' SHA-256: %s", file, e.getMessage());
        }
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
