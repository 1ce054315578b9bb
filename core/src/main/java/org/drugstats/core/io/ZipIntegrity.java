package org.drugstats.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks that a zip archive (an .xlsx workbook is one) is whole before anything reads it: the end-of-central-
 * directory record is there (a file cut short has none), every entry's local header is readable, every entry
 * inflates without error to exactly the size the central directory declares, and the CRC-32 of what it inflates
 * to equals the stored CRC-32 (PKWARE APPNOTE.TXT 6.3.x, sections 4.3.7 and 4.4.7). A single flipped bit in a
 * compressed worksheet changes either the inflated bytes (and with them the CRC-32) or the deflate stream's
 * structure, so it is found here, not read as a different number.
 *
 * <p>{@link ZipFile} reads the archive through its central directory and does not itself compare CRC-32s; the
 * check is done here over the inflated bytes, which are then thrown away (memory stays one buffer).
 *
 * <p>Bounded: an entry that declares more than {@value #MAX_RATIO} times its compressed size while larger than
 * {@value #RATIO_FLOOR} bytes, or an archive that declares more than {@value #MAX_TOTAL} bytes in all, is refused
 * before it is inflated (the same inflation ratio Apache POI's {@code ZipSecureFile} refuses by default); an entry
 * that inflates beyond its declared size is damaged and reading stops there.
 */
public final class ZipIntegrity {

    /** Largest accepted ratio of an entry's declared size to its compressed size. */
    public static final long MAX_RATIO = 100;
    /** Entries up to this size are not held to {@link #MAX_RATIO}. */
    public static final long RATIO_FLOOR = 1L << 20;
    /** Largest accepted sum of the entries' declared sizes. */
    public static final long MAX_TOTAL = 2L << 30;

    private ZipIntegrity() {
    }

    /**
     * Verifies the archive.
     *
     * @param file the archive
     * @return empty when the archive is whole, else what is wrong with it, in one line without the file name
     *     (e.g. "entry xl/worksheets/sheet1.xml: CRC-32 0x1a2b3c4d stored, 0x5e6f7a8b computed")
     * @throws IOException only when the file cannot be opened for reading at all (missing, no permission)
     */
    public static Optional<String> check(Path file) throws IOException {
        if (!java.nio.file.Files.isReadable(file)) {
            throw new java.nio.file.AccessDeniedException(file.toString());
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            return Optional.of("not a whole zip archive (" + message(e) + "): the file is cut short or damaged");
        }
        try (zip) {
            long total = 0;
            int entries = 0;
            byte[] buf = new byte[1 << 16];
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                entries++;
                if (e.isDirectory()) {
                    continue;
                }
                long size = e.getSize();
                long packed = e.getCompressedSize();
                if (size < 0 || packed < 0 || e.getCrc() < 0) {
                    return Optional.of("entry " + e.getName() + " has no declared size or CRC-32: the archive is "
                            + "damaged");
                }
                total += size;
                if (total > MAX_TOTAL) {
                    return Optional.of("its entries declare more than " + MAX_TOTAL + " bytes in all; refused as a "
                            + "possible zip bomb");
                }
                if (size > RATIO_FLOOR && size > MAX_RATIO * Math.max(packed, 1)) {
                    return Optional.of("entry " + e.getName() + " declares " + size + " bytes from " + packed
                            + " compressed (more than " + MAX_RATIO + ":1); refused as a possible zip bomb");
                }
                CRC32 crc = new CRC32();
                long read = 0;
                try (InputStream in = zip.getInputStream(e)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        read += n;
                        if (read > size) {
                            return Optional.of("entry " + e.getName() + " inflates to more than its declared "
                                    + size + " bytes: the archive is damaged");
                        }
                        crc.update(buf, 0, n);
                    }
                } catch (IOException | RuntimeException x) {
                    return Optional.of("entry " + e.getName() + " cannot be inflated (" + message(x)
                            + "): the archive is damaged");
                }
                if (read != size) {
                    return Optional.of("entry " + e.getName() + " inflates to " + read + " bytes, " + size
                            + " declared: the archive is damaged");
                }
                if (crc.getValue() != e.getCrc()) {
                    return Optional.of(String.format("entry %s fails its CRC-32 check (0x%08x stored, 0x%08x "
                            + "computed): the archive is damaged", e.getName(), e.getCrc(), crc.getValue()));
                }
            }
            if (entries == 0) {
                return Optional.of("an empty zip archive");
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Optional.of("not a whole zip archive (" + message(e) + "): the archive is damaged");
        }
        return Optional.empty();
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t instanceof java.io.EOFException ? "unexpected end of the compressed data" : "unreadable data";
        }
        return m.replaceAll("\\s+", " ").strip();
    }
}
