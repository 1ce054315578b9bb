package org.drugstats.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * parquet-java lists each column chunk's encodings in hash order, which differs between JVMs; the same rows must
 * still give the same bytes. One JVM cannot reproduce another's hash order, so the test writes the other order
 * itself: it reverses every list of a footer and checks that normalising gives back the bytes of the normalised
 * original.
 */
class ParquetFootersTest {

    @TempDir
    Path tmp;

    static FileMetaData footer(byte[] file) throws IOException {
        int len = file.length;
        int footerLen = (file[len - 8] & 0xff) | (file[len - 7] & 0xff) << 8 | (file[len - 6] & 0xff) << 16
                | (file[len - 5] & 0xff) << 24;
        return Util.readFileMetaData(new ByteArrayInputStream(file, len - 8 - footerLen, footerLen));
    }

    /** The file with its footer replaced by {@code md} (which must serialise to the same length). */
    static byte[] withFooter(byte[] file, FileMetaData md) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Util.writeFileMetaData(md, out);
        byte[] f = out.toByteArray();
        byte[] copy = file.clone();
        System.arraycopy(f, 0, copy, file.length - 8 - f.length, f.length);
        return copy;
    }

    @Test
    void anyOrderOfTheFootersListsGivesTheSameBytes() throws IOException {
        Path file = tmp.resolve("a.parquet");
        ParquetExtracts.write(file, Fixtures.extract());
        byte[] normalised = Files.readAllBytes(file);

        FileMetaData md = footer(normalised);
        int multi = 0;
        for (RowGroup rg : md.getRow_groups()) {
            for (ColumnChunk cc : rg.getColumns()) {
                List<org.apache.parquet.format.Encoding> enc = cc.getMeta_data().getEncodings();
                if (enc.size() > 1) {
                    multi++;
                    for (int i = 1; i < enc.size(); i++) {
                        assertTrue(enc.get(i - 1).getValue() < enc.get(i).getValue(), "encodings sorted: " + enc);
                    }
                }
                Collections.reverse(enc);
                if (cc.getMeta_data().getEncoding_stats() != null) {
                    Collections.reverse(cc.getMeta_data().getEncoding_stats());
                }
            }
        }
        assertTrue(multi > 0, "the fixture must have columns with several encodings, or the test shows nothing");
        Collections.reverse(md.getKey_value_metadata());
        byte[] shuffled = withFooter(normalised, md);
        assertFalse(Arrays.equals(normalised, shuffled), "reversing the lists changed the bytes");

        Path other = tmp.resolve("b.parquet");
        Files.write(other, shuffled);
        ParquetFooters.normalise(other);
        assertArrayEquals(normalised, Files.readAllBytes(other));
        assertEquals(Fixtures.extract().observations(), ParquetExtracts.read(other).observations());
    }

    @Test
    void refusesAFileThatIsNotParquet() throws IOException {
        Path f = tmp.resolve("x.parquet");
        Files.writeString(f, "not parquet at all");
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ParquetFooters.normalise(f));
        assertTrue(e.getMessage().contains("x.parquet") && e.getMessage().contains("PAR1"), e.getMessage());
    }
}
