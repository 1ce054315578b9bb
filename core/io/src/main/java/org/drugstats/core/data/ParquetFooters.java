package org.drugstats.core.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Comparator;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.drugstats.core.DrugstatsException;

/**
 * Makes a Parquet file's footer independent of the JVM that wrote it.
 *
 * <p>parquet-java keeps each column chunk's encodings in a {@code HashSet} of an enum, whose iteration order
 * follows identity hash codes and so changes from one JVM to the next: the same rows written by two processes
 * (a local run and a cluster driver) give footers that list the same encodings in different orders. This class
 * rewrites the footer in place with every encodings list, encoding-statistics list and the key-value metadata
 * sorted. The sorted footer has the same length (the same elements), so no offset moves.
 *
 * <p>Every Parquet file the project writes goes through this before it is moved into place: core's extracts and
 * tables ({@link ParquetExtracts}, {@link ParquetTables}), the generated data and the Spark pipeline's results, so
 * the same rows give the same bytes in any JVM (the embedded {@code data/} checksums, reruns, local against
 * cluster).
 */
public final class ParquetFooters {

    private ParquetFooters() {
    }

    /** Sorts the footer's unordered lists in place. */
    public static void normalise(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long len = f.length();
            f.seek(len - 8);
            byte[] tail = new byte[8];
            f.readFully(tail);
            if (tail[4] != 'P' || tail[5] != 'A' || tail[6] != 'R' || tail[7] != '1') {
                throw DrugstatsException.of("%s: not a Parquet file (no PAR1 magic at the end)", file);
            }
            int footerLen = (tail[0] & 0xff) | (tail[1] & 0xff) << 8 | (tail[2] & 0xff) << 16 | (tail[3] & 0xff) << 24;
            long start = len - 8 - footerLen;
            byte[] footer = new byte[footerLen];
            f.seek(start);
            f.readFully(footer);
            FileMetaData md = Util.readFileMetaData(new ByteArrayInputStream(footer));
            for (RowGroup rg : md.getRow_groups()) {
                for (ColumnChunk cc : rg.getColumns()) {
                    ColumnMetaData m = cc.getMeta_data();
                    if (m.getEncodings() != null) {
                        m.getEncodings().sort(Comparator.comparingInt(e -> e.getValue()));
                    }
                    if (m.getEncoding_stats() != null) {
                        m.getEncoding_stats().sort(Comparator.comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
                                .thenComparingInt(s -> s.getEncoding().getValue()));
                    }
                }
            }
            if (md.getKey_value_metadata() != null) {
                md.getKey_value_metadata().sort(Comparator.comparing(KeyValue::getKey));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(footerLen);
            Util.writeFileMetaData(md, out);
            if (out.size() != footerLen) {
                throw DrugstatsException.of("%s: normalised footer has %d bytes, expected %d", file, out.size(), footerLen);
            }
            f.seek(start);
            f.write(out.toByteArray());
        } catch (IOException e) {
            throw DrugstatsException.of(e, "%s: cannot normalise the Parquet footer: %s", file, e.getMessage());
        }
    }
}
