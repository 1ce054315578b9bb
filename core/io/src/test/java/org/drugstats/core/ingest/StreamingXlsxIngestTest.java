package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellReference;
import org.drugstats.core.SharedData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every long workbook kind reads its rows one at a time: a workbook whose table sheet is twice the size of the heap is
 * ingested in a child JVM whose heap ({@value StreamingCsvIngestTest#HEAP}) is smaller than the sheet, and gives the
 * same counts as the same workbook with short padding read in this JVM. The workbook is the real published file of the
 * kind (the shared data) with its first sheet rewritten: its first {@value #KEEP} stored rows as published (title and
 * header), then its following rows repeated up to {@value #ROWS} rows, renumbered, each with one more cell of
 * {@value #PAD} random letters (an inline string, so the shared-string table stays as published) in a column the kind
 * does not read. A kind that held the sheet's cells in memory needs more than the heap and fails with an
 * OutOfMemoryError — as the control shows, where the same workbook read whole ({@link XlsxWorkbook#read}) in the same
 * heap fails. No time is asserted.
 *
 * <p>The cultivation pivot is not here: it reads its sheet whole by design (tens of rows; {@link XlsxIngestKind}).
 */
class StreamingXlsxIngestTest {

    static final int KEEP = 40;
    static final int ROWS = 2_000;
    static final int PAD = 45_000;
    private static final String SHEET1 = "xl/worksheets/sheet1.xml";

    @TempDir
    Path tmp;

    /** A kind and its real file. */
    record Case(String kind, String input) {
    }

    static final List<Case> CASES = List.of(
            new Case("unodc-annex-seizures", "unodc-wdr2025/7.1_drug_seizures_2019-2023.xlsx"),
            new Case("unodc-annex-prices", "unodc-wdr2024/8.1_prices_and_purity_2018-2022.xlsx"),
            new Case("unodc-annex-prevalence", "unodc-wdr2025/1.2_prevalence_general_population_national.xlsx"),
            new Case("unodc-annex-prevalence-youth", "unodc-wdr2025/1.4_prevalence_youth_national.xlsx"),
            new Case("unodc-annex-expert-perception", "unodc-wdr2025/2.1_expert_perception_of_trends.xlsx"),
            new Case("unodc-annex-crimes", "unodc-wdr2022/10.1_drug_related_crimes.xlsx"));

    @Test
    void everyRowByRowWorkbookKindIsCovered() {
        List<String> kinds = IngestKinds.all().stream()
                .filter(k -> k instanceof XlsxIngestKind x && !x.readsWholeSheets()).map(IngestKind::name).sorted()
                .toList();
        assertEquals(kinds, CASES.stream().map(Case::kind).sorted().toList());
    }

    @TestFactory
    Stream<DynamicTest> aSheetLargerThanTheHeapIsIngestedInAChildJvm() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.kind(), () -> {
            Path dir = Files.createDirectories(tmp.resolve(c.kind()));
            String name = Path.of(c.input()).getFileName().toString();
            Path big = dir.resolve("big").resolve(name);
            Path small = dir.resolve("small").resolve(name);
            long sheetChars = write(SharedData.file(c.input()), big, PAD);
            write(SharedData.file(c.input()), small, 8);
            assertTrue(sheetChars > 2L * 40 * 1024 * 1024, "the sheet is twice the child's heap");
            IngestResult expected = IngestKinds.byName(c.kind()).ingest(SourceFile.of(small),
                    IngestContext.withDefaults());
            assertTrue(expected.rowsRead() >= ROWS / 2, c.kind() + " reads the repeated rows: " + expected.rowsRead());
            StreamingCsvIngestTest.Child child = StreamingCsvIngestTest.child(tmp, "ingest", c.kind(), big.toString(),
                    dir.resolve("out").toString());
            assertEquals(0, child.exit(), c.kind() + ": " + child.stderr());
            assertEquals(String.format("read %d accepted %d quarantined %d", expected.rowsRead(),
                    expected.rowsAccepted(), expected.rowsQuarantined()), lastLine(child.stdout()));
            assertEquals(expected.rowsRead(), expected.rowsAccepted() + expected.rowsQuarantined());
            Files.delete(big);
        }));
    }

    @Test
    void theHeapIsTooSmallToHoldTheWorkbook() throws Exception {
        Case c = CASES.get(0);
        Path big = tmp.resolve(Path.of(c.input()).getFileName().toString());
        write(SharedData.file(c.input()), big, PAD);
        StreamingCsvIngestTest.Child child = StreamingCsvIngestTest.child(tmp, "workbook", big.toString());
        assertNotEquals(0, child.exit(), child.stdout());
        assertTrue(child.stderr().contains("OutOfMemoryError"), child.stderr());
    }

    /** The last line (Apache POI's logging API may print a line of its own before the child's). */
    private static String lastLine(String s) {
        List<String> lines = s.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static final Pattern ROW = Pattern.compile("<row\\b[^>]*?(/>|>.*?</row>)", Pattern.DOTALL);
    private static final Pattern ROW_NUMBER = Pattern.compile("(<row\\b[^>]*?\\br=\")\\d+\"");
    private static final Pattern CELL_REF = Pattern.compile("(<c\\b[^>]*?\\br=\"[A-Z]+)\\d+\"");
    private static final Pattern CELL_COL = Pattern.compile("<c\\b[^>]*?\\br=\"([A-Z]+)\\d+\"");

    /**
     * Copies the workbook {@code source} to {@code target} with its first sheet rewritten (see the class comment),
     * each repeated row with a cell of {@code pad} random letters.
     *
     * @return the number of characters of the rewritten sheet part
     */
    static long write(Path source, Path target, int pad) throws IOException {
        Files.createDirectories(target.getParent());
        long written = 0;
        try (ZipFile zip = new ZipFile(source.toFile());
                OutputStream os = Files.newOutputStream(target);
                ZipOutputStream out = new ZipOutputStream(os)) {
            out.setLevel(1);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream in = zip.getInputStream(e)) {
                    if (e.getName().equals(SHEET1)) {
                        written = rewrite(new String(in.readAllBytes(), StandardCharsets.UTF_8), out, pad);
                    } else {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return written;
    }

    private static long rewrite(String xml, OutputStream out, int pad) throws IOException {
        int start = xml.indexOf("<sheetData>") + "<sheetData>".length();
        int end = xml.indexOf("</sheetData>");
        List<String> rows = new ArrayList<>();
        Matcher m = ROW.matcher(xml.substring(start, end));
        while (m.find()) {
            rows.add(m.group());
        }
        int lastCol = 0;
        Matcher cols = CELL_COL.matcher(xml);
        while (cols.find()) {
            lastCol = Math.max(lastCol, CellReference.convertColStringToIndex(cols.group(1)));
        }
        String padCol = CellReference.convertNumToColString(lastCol + 2);
        List<String> head = rows.subList(0, KEEP);
        List<String> body = rows.subList(KEEP, rows.size());
        // one random text (a deflate window is 32 KiB, so a repeat 45,000 characters away is not compressed)
        Random random = new Random(19);
        char[] letters = new char[pad];
        for (int k = 0; k < pad; k++) {
            letters[k] = (char) ('a' + random.nextInt(26));
        }
        String padding = new String(letters);
        long chars = 0;
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        chars += write(w, xml.substring(0, start));
        for (String r : head) {
            chars += write(w, r);
        }
        for (int i = 0; i < ROWS; i++) {
            int number = KEEP + i + 1;
            String r = body.get(i % body.size());
            r = ROW_NUMBER.matcher(r).replaceFirst("$1" + number + "\"");
            r = CELL_REF.matcher(r).replaceAll("$1" + number + "\"");
            if (r.endsWith("</row>")) {
                r = r.substring(0, r.length() - "</row>".length()) + "<c r=\"" + padCol + number
                        + "\" t=\"inlineStr\"><is><t>" + padding + "</t></is></c></row>";
            }
            chars += write(w, r);
        }
        chars += write(w, xml.substring(end));
        w.flush();
        return chars;
    }

    private static int write(Writer w, String s) throws IOException {
        w.write(s);
        return s.length();
    }
}
