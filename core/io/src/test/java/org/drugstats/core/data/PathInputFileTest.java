package org.drugstats.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PathInputFile}'s stream against the bytes of the file: every way parquet-java reads it (arrays, heap and
 * direct buffers, single bytes, seek, skip, end of file), and a whole file copied by {@code appendFile}, the reading
 * that went byte by byte before.
 */
class PathInputFileTest {

    @TempDir
    Path tmp;

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + (i >>> 8));
        }
        return b;
    }

    @Test
    void readsArraysBuffersAndBytesWhereItWasPositioned() throws Exception {
        byte[] data = bytes(100_000);
        Path f = tmp.resolve("data.bin");
        Files.write(f, data);
        try (SeekableInputStream in = PathInputFile.of(f).newStream()) {
            byte[] first = new byte[70_000];
            assertEquals(70_000, in.read(first, 0, first.length));
            assertArrayEquals(Arrays.copyOfRange(data, 0, 70_000), first);
            assertEquals(70_000, in.getPos());

            in.seek(12_345);
            assertEquals(data[12_345] & 0xff, in.read());
            ByteBuffer heap = ByteBuffer.allocate(1_000);
            in.readFully(heap);
            assertEquals(1_000, heap.position());
            assertArrayEquals(Arrays.copyOfRange(data, 12_346, 13_346), heap.array());

            ByteBuffer direct = ByteBuffer.allocateDirect(5_000);
            in.seek(90_000);
            in.readFully(direct);
            direct.flip();
            byte[] got = new byte[5_000];
            direct.get(got);
            assertArrayEquals(Arrays.copyOfRange(data, 90_000, 95_000), got);

            assertEquals(4_000, in.skip(4_000));
            assertEquals(99_000, in.getPos());
            assertEquals(1_000, in.skip(50_000), "skip stops at the end");
            assertEquals(-1, in.read());
            assertEquals(-1, in.read(new byte[10], 0, 10));

            in.seek(99_990);
            assertThrows(EOFException.class, () -> in.readFully(new byte[20]));
        }
    }

    /** The file parquet-java's appendFile copies through this stream has the rows and bytes of its source. */
    @Test
    void appendFileCopiesEveryRowGroupByteForByte() throws Exception {
        Path src = tmp.resolve("src.parquet");
        ParquetExtracts.write(src, Fixtures.extract());
        Path dest = tmp.resolve("dest.parquet");
        long rows;
        try (ParquetFileReader r = ParquetFileReader.open(PathInputFile.of(src))) {
            rows = r.getRecordCount();
            ParquetFileWriter w = new ParquetFileWriter(new LocalOutputFile(dest), r.getFooter().getFileMetaData()
                    .getSchema(), ParquetFileWriter.Mode.OVERWRITE, 128L * 1024 * 1024, 0);
            w.start();
            w.appendFile(PathInputFile.of(src));
            w.end(r.getFooter().getFileMetaData().getKeyValueMetaData());
        }
        ParquetFooters.normalise(dest);
        assertEquals(Fixtures.extract().observations(), ParquetExtracts.read(dest).observations());
        try (ParquetFileReader r = ParquetFileReader.open(PathInputFile.of(dest))) {
            assertEquals(rows, r.getRecordCount());
        }
        byte[] a = Files.readAllBytes(src);
        byte[] b = Files.readAllBytes(dest);
        // the row groups (magic, then every column chunk) are copied unchanged
        long end = 0;
        try (ParquetFileReader r = ParquetFileReader.open(PathInputFile.of(src))) {
            for (var block : r.getFooter().getBlocks()) {
                for (var column : block.getColumns()) {
                    end = Math.max(end, column.getStartingPos() + column.getTotalSize());
                }
            }
        }
        assertTrue(end > 4 && end < a.length, "row groups end inside the file: " + end);
        assertArrayEquals(Arrays.copyOfRange(a, 0, (int) end), Arrays.copyOfRange(b, 0, (int) end));
    }
}
