package org.drugstats.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.drugstats.reports.model.RunResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report does not depend on the number of rendering threads: the fixture's report rendered with one thread and
 * with several has the same files with the same bytes (pages, CSVs, data files, SVG and PNG charts), and the results
 * read with several threads are those read one file after the other.
 */
class ParallelRenderTest {

    @TempDir
    Path tmp;

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void oneThreadAndSeveralGiveTheSameFiles() throws Exception {
        Path run = ResultsFixture.write(tmp.resolve("out"));
        ReportSummary one = Report.withDefaults().withHeadlines(ResultsFixture.headlines()).withThreads(1)
                .render(run, tmp.resolve("one"));
        ReportSummary four = Report.withDefaults().withHeadlines(ResultsFixture.headlines()).withThreads(4)
                .render(run, tmp.resolve("four"));
        assertEquals(one.pages(), four.pages());
        assertEquals(one.charts(), four.charts());
        assertEquals(one.tables(), four.tables());
        assertTrue(one.charts() >= 10, "the fixture has charts to render in parallel: " + one.charts());
        Map<String, byte[]> a = files(tmp.resolve("one"));
        Map<String, byte[]> b = files(tmp.resolve("four"));
        assertEquals(a.keySet(), b.keySet());
        assertTrue(a.keySet().stream().anyMatch(f -> f.endsWith(".png")));
        assertTrue(a.containsKey("data/results.parquet"), "the dataset written on the pool is there");
        for (String f : a.keySet()) {
            assertArrayEquals(a.get(f), b.get(f), f);
        }
    }

    @Test
    void resultsReadInParallelAreThoseReadInTurn() throws Exception {
        Path run = ResultsFixture.write(tmp.resolve("out"));
        // one damaged table and one unreadable JSON: the warnings keep their order
        Files.writeString(run.resolve("results/trend_points/part-00000.parquet"), "not parquet");
        Files.writeString(run.resolve(RunResults.INEQUALITY_JSON), "{broken");
        RunResults seq = RunResults.load(run, 1);
        RunResults par = RunResults.load(run, 3);
        assertEquals(2, seq.warnings().size(), seq.warnings().toString());
        assertTrue(seq.warnings().get(0).contains("trend_points"), seq.warnings().get(0));
        // the damaged file is named by its path, twice (the part and parquet-java's own message), never by an
        // identity hash (LocalInputFile@1f782c05) that differs per read: the warnings are the same text
        Path damaged = run.resolve("results/trend_points/part-00000.parquet");
        assertTrue(seq.warnings().get(0).startsWith(damaged + ": not a readable Parquet file ("), seq.warnings().get(0));
        assertTrue(seq.warnings().get(0).contains("(RuntimeException: " + damaged + " is not a Parquet file"),
                seq.warnings().get(0));
        assertFalse(seq.warnings().get(0).contains("LocalInputFile@"), seq.warnings().get(0));
        assertEquals(seq.warnings(), par.warnings());
        assertEquals(seq.rowCounts(), par.rowCounts());
        assertEquals(List.copyOf(seq.origins().keySet()), List.copyOf(par.origins().keySet()));
        assertEquals(seq.origins(), par.origins());
        assertEquals(seq.observations(), par.observations());
        assertEquals(seq.aggregates(), par.aggregates());
        assertEquals(seq.indicators(), par.indicators());
        assertEquals(seq.trends(), par.trends());
        assertEquals(seq.trendPoints(), par.trendPoints());
        assertTrue(par.trendPoints().isEmpty());
        assertEquals(seq.tracker(), par.tracker());
        assertEquals(seq.manifest(), par.manifest());
    }
}
