package org.drugstats.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded seizures extract with one byte flipped anywhere in its pages: the read fails with one line naming the
 * file, or (outside the pages: column and offset indexes) reads the same rows — never different rows (Belgium's
 * 279.38 kg must not become 2.1e84 kg). parquet-java writes a CRC-32 per page (PageHeader.crc) and the reader
 * verifies it.
 */
class DamagedExtractTest {

    @TempDir
    Path dir;

    @Test
    void everyFlippedPageByteIsCaughtByThePageChecksum() throws IOException {
        Path real = SharedData.projectRoot().resolve("data/unodc-wdr2025-seizures/extract.parquet");
        byte[] bytes = Files.readAllBytes(real);
        int footerLen = (bytes[bytes.length - 8] & 0xff) | (bytes[bytes.length - 7] & 0xff) << 8
                | (bytes[bytes.length - 6] & 0xff) << 16 | (bytes[bytes.length - 5] & 0xff) << 24;
        int pagesEnd = bytes.length - 8 - footerLen;
        List<Observation> original = ParquetExtracts.read(real).observations();
        List<Integer> silent = new ArrayList<>();
        int caughtByCrc = 0;
        int tried = 0;
        for (int at = 4; at < pagesEnd; at += 211) {
            byte[] damaged = bytes.clone();
            damaged[at] ^= 0x20;
            Path f = Files.write(dir.resolve("seizures-flipped.parquet"), damaged);
            tried++;
            try {
                // a flip outside the pages (the column and offset indexes a full read does not use) changes nothing
                if (!ParquetExtracts.read(f).observations().equals(original)) {
                    silent.add(at);
                }
            } catch (DrugstatsException e) {
                assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
                assertEquals(1, e.getMessage().lines().count());
                assertTrue(e.getMessage().endsWith("; expected a drugstats extract"), e.getMessage());
                if (e.getMessage().contains("a data page fails its CRC-32 check: the file is damaged")) {
                    caughtByCrc++;
                }
            }
        }
        assertEquals(List.of(), silent, "flips read as different rows without an error, of " + tried);
        // most flips land in page data and are caught by the checksum; the rest break a page header
        assertTrue(caughtByCrc > tried * 3 / 4, caughtByCrc + " of " + tried);
    }
}
