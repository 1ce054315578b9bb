package org.drugstats.spark;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.data.SeizureEvents;

/**
 * The inputs of a run: every Parquet extract under the data directory, with its kind, checksum and provenance,
 * found and checked on the driver before any Spark work starts (an unreadable footer or a missing contract
 * column is an error naming the file).
 *
 * <p>An input is a single {@code .parquet} file, or a directory whose files are Spark-style parts
 * ({@code part-*.parquet}); the data directory may itself be such a directory. Hidden names (leading {@code .} or {@code _}) are skipped. The checksum of a
 * directory input is the SHA-256 of its part files' bytes concatenated in name order.
 */
public final class InputFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InputFiles() {
    }

    /** What an input holds. */
    public enum Kind {
        /** Canonical observations (core's extract schema). */
        EXTRACT,
        /** Record-level seizure events ({@link SeizureEvents}). */
        SEIZURE_EVENTS
    }

    /**
     * One input.
     *
     * @param name the path relative to the data directory, with {@code /} separators
     * @param path the absolute path (file or directory of parts)
     * @param parts the Parquet files, in name order
     * @param kind what it holds
     * @param sha256 checksum (see the class description)
     * @param bytes total size
     * @param schemaVersion the {@code drugstats.schema} metadata, or null
     * @param origins the provenance in the metadata (may be empty)
     * @param synthetic true when any origin says the data are generated
     */
    public record Input(String name, Path path, List<Path> parts, Kind kind, String sha256, long bytes,
            String schemaVersion, List<Origin> origins, boolean synthetic) {

        /**
         * The name used for the quarantine file: the relative path without {@code .parquet} (and without a final
         * {@code /extract}, the file name {@code drugstats ingest} writes), {@code /} replaced by {@code _}.
         */
        public String quarantineName() {
            String n = name.endsWith(".parquet") ? name.substring(0, name.length() - ".parquet".length()) : name;
            if (n.endsWith("/extract")) {
                n = n.substring(0, n.length() - "/extract".length());
            }
            return n.replace('/', '_');
        }
    }

    /**
     * Finds and checks every input under {@code dataDir}.
     *
     * @throws DrugstatsException when the directory is missing or holds no extract, or an extract is unreadable
     */
    public static List<Input> discover(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw DrugstatsException.of("%s: no such directory; expected a directory of Parquet extracts (--data)",
                    dataDir);
        }
        Path root = dataDir.toAbsolutePath().normalize();
        if (hasParts(root)) {
            // --data names a directory of part files itself (e.g. a generated data set): one input
            return List.of(inspect(root.getParent(), root));
        }
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> !p.equals(root)).filter(p -> !hidden(root, p)).sorted().forEach(p -> {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p) && n.endsWith(".parquet") && !n.startsWith("part-")) {
                    candidates.add(p);
                } else if (Files.isDirectory(p) && hasParts(p)) {
                    candidates.add(p);
                }
            });
        } catch (IOException e) {
            throw new DrugstatsException(dataDir + ": cannot list: " + e.getMessage(), e);
        }
        if (candidates.isEmpty()) {
            throw DrugstatsException.of("%s: no Parquet extracts found (*.parquet files or directories of part-*.parquet)",
                    dataDir);
        }
        List<Input> inputs = new ArrayList<>();
        for (Path p : candidates) {
            inputs.add(inspect(root, p));
        }
        return List.copyOf(inputs);
    }

    private static boolean hidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            String n = part.toString();
            if (n.startsWith(".") || n.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasParts(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(InputFiles::isPart);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isPart(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith("part-") && n.endsWith(".parquet") && Files.isRegularFile(p);
    }

    /** Inspects one input: parts, checksum, footer (schema and metadata), kind. */
    public static Input inspect(Path root, Path p) {
        String name = root.relativize(p).toString().replace('\\', '/');
        List<Path> parts;
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.list(p)) {
                parts = s.filter(InputFiles::isPart).sorted().toList();
            } catch (IOException e) {
                throw new DrugstatsException(p + ": cannot list: " + e.getMessage(), e);
            }
        } else {
            parts = List.of(p);
        }
        MessageDigest md = sha256();
        long bytes = 0;
        byte[] buf = new byte[1 << 16];
        for (Path f : parts) {
            try (InputStream in = Files.newInputStream(f)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                    bytes += n;
                }
            } catch (IOException e) {
                throw new DrugstatsException(f + ": cannot read: " + e.getMessage(), e);
            }
        }
        String sha = HexFormat.of().formatHex(md.digest());
        Map<String, Origin> origins = new LinkedHashMap<>();
        String version = null;
        Kind kind = null;
        for (Path f : parts) {
            Footer footer = footer(f);
            version = footer.version == null ? version : footer.version;
            for (Origin o : footer.origins) {
                origins.putIfAbsent(o.id(), o);
            }
            Kind k = kindOf(f, footer);
            if (kind != null && k != kind) {
                throw DrugstatsException.of("%s: part files of different kinds (%s and %s)", p, kind, k);
            }
            kind = k;
        }
        boolean synthetic = origins.values().stream().anyMatch(Origin::synthetic);
        return new Input(name, p, parts, kind, sha, bytes, version, List.copyOf(origins.values()), synthetic);
    }

    private record Footer(MessageType schema, String version, List<Origin> origins) {
    }

    private static Footer footer(Path f) {
        try (ParquetFileReader r = ParquetFileReader.open(org.drugstats.core.data.PathInputFile.of(f))) {
            var meta = r.getFooter().getFileMetaData();
            Map<String, String> kv = meta.getKeyValueMetaData();
            List<Origin> origins = List.of();
            String json = kv.get(ParquetExtracts.META_ORIGINS);
            if (json != null) {
                try {
                    origins = JSON.readValue(json, new TypeReference<List<Origin>>() { });
                } catch (IOException e) {
                    throw DrugstatsException.of(e, "%s: metadata '%s' is not a JSON list of origins: %s", f,
                            ParquetExtracts.META_ORIGINS, e.getMessage());
                }
            }
            return new Footer(meta.getSchema(), kv.get(ParquetExtracts.META_SCHEMA), origins);
        } catch (DrugstatsException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw DrugstatsException.of("%s: not a readable Parquet file (%s: %s); expected a drugstats extract", f,
                    e.getClass().getSimpleName(), e.getMessage());
        }
    }

    private static Kind kindOf(Path f, Footer footer) {
        if (SeizureEvents.SCHEMA_VERSION.equals(footer.version)) {
            requireColumns(f, footer.schema, SeizureEvents.COLUMNS, "a seizure-events extract");
            return Kind.SEIZURE_EVENTS;
        }
        if (footer.version == null && footer.schema.containsField(SeizureEvents.EVENT_ID)
                && !footer.schema.containsField(Column.INDICATOR.columnName())) {
            requireColumns(f, footer.schema, SeizureEvents.COLUMNS, "a seizure-events extract");
            return Kind.SEIZURE_EVENTS;
        }
        requireColumns(f, footer.schema, Column.contract().stream().map(Column::columnName).toList(), "an extract");
        return Kind.EXTRACT;
    }

    private static void requireColumns(Path f, MessageType schema, List<String> columns, String what) {
        for (String c : columns) {
            if (!schema.containsField(c)) {
                throw DrugstatsException.of("%s: column '%s' is missing; %s has the columns %s", f, c, what, columns);
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of a file, or of a directory's {@code .parquet} files concatenated in name order. */
    public static String sha256OfPath(Path p) {
        if (!Files.isDirectory(p)) {
            return sha256(p);
        }
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.filter(Files::isRegularFile).filter(x -> x.toString().endsWith(".parquet")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        md.update(buf, 0, n);
                    }
                }
            }
        } catch (IOException e) {
            throw new DrugstatsException(p + ": cannot read: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 of a file, as lower-case hex. */
    public static String sha256(Path file) {
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new DrugstatsException(file + ": cannot read: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
