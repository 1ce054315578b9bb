package org.drugstats.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Test helpers that damage or rewrite a real workbook's zip archive. */
final class ZipEdits {

    private ZipEdits() {
    }

    /** A copy of {@code source} whose entries named in {@code edits} are rewritten as text (a valid archive). */
    static Path rewrite(Path source, Path target, Map<String, UnaryOperator<String>> edits) throws IOException {
        try (ZipFile in = new ZipFile(source.toFile());
                OutputStream os = Files.newOutputStream(target);
                ZipOutputStream out = new ZipOutputStream(os)) {
            Enumeration<? extends ZipEntry> all = in.entries();
            int edited = 0;
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                byte[] bytes;
                try (InputStream is = in.getInputStream(e)) {
                    bytes = is.readAllBytes();
                }
                UnaryOperator<String> edit = edits.get(e.getName());
                if (edit != null) {
                    String before = new String(bytes, StandardCharsets.UTF_8);
                    String after = edit.apply(before);
                    if (after.equals(before)) {
                        throw new AssertionError("the edit of " + e.getName() + " changed nothing");
                    }
                    bytes = after.getBytes(StandardCharsets.UTF_8);
                    edited++;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
            if (edited != edits.size()) {
                throw new AssertionError("entries not found: " + edits.keySet());
            }
        }
        return target;
    }

    /** Offset of the first byte of an entry's stored (compressed) data, from its local file header. */
    static int dataOffset(byte[] zip, String entryName) {
        byte[] name = entryName.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 30 + name.length <= zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4) {
                int nameLen = u16(zip, i + 26);
                int extraLen = u16(zip, i + 28);
                if (nameLen == name.length && java.util.Arrays.equals(zip, i + 30, i + 30 + nameLen, name, 0,
                        name.length)) {
                    return i + 30 + nameLen + extraLen;
                }
            }
        }
        throw new AssertionError(entryName + " not found");
    }

    /** Offset of an entry's central directory file header. */
    static int centralHeader(byte[] zip, String entryName) {
        byte[] name = entryName.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 + name.length <= zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2 && u16(zip, i + 28) == name.length
                    && java.util.Arrays.equals(zip, i + 46, i + 46 + name.length, name, 0, name.length)) {
                return i;
            }
        }
        throw new AssertionError(entryName + " not in the central directory");
    }

    /** Compressed size of an entry, from the central directory. */
    static long compressedSize(Path zip, String entryName) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.getEntry(entryName).getCompressedSize();
        }
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }
}
