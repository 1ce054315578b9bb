package org.drugstats.reports.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.drugstats.core.data.ParquetTables;
import org.drugstats.reports.ResultsFixture;
import org.drugstats.reports.model.ResultObservation;
import org.drugstats.reports.model.RunResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The downloadable dataset round-trips: the CSV and the Parquet file hold the result rows, value for value. */
class ResultsDatasetTest {

    @Test
    void csvAndParquetHoldEveryAggregateAndIndicatorValueInBaseUnits(@TempDir Path tmp) throws Exception {
        Path run = ResultsFixture.write(tmp.resolve("out"));
        RunResults results = RunResults.load(run);
        ResultsDataset.Written w = ResultsDataset.write(results, tmp.resolve("data"));
        List<ResultObservation> expected = new ArrayList<>(results.aggregates());
        expected.addAll(results.indicators());
        assertEquals(expected.size(), w.rows());
        assertTrue(expected.size() > 10, "the fixture has aggregates and indicators");

        List<CSVRecord> csv;
        try (Reader r = Files.newBufferedReader(tmp.resolve("data/results.csv"), StandardCharsets.UTF_8)) {
            csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
        Table parquet = ParquetTables.read(tmp.resolve("data/results.parquet")).table();
        assertEquals(expected.size(), csv.size());
        assertEquals(expected.size(), parquet.rowCount());
        assertEquals(ResultsDataset.COLUMNS.stream().map(c -> c[0]).toList(), parquet.columnNames());
        for (int i = 0; i < expected.size(); i++) {
            ResultObservation o = expected.get(i);
            CSVRecord c = csv.get(i);
            assertEquals(o.indicator(), c.get("indicator"));
            assertEquals(o.refArea(), c.get("ref_area"));
            assertEquals(o.refArea(), parquet.stringColumn("ref_area").get(i));
            assertEquals(i < results.aggregates().size() ? "aggregates" : "indicators", c.get("result_table"));
            double v = o.scaledValue();
            if (Double.isFinite(v)) {
                assertEquals(v, Double.parseDouble(c.get("value")), 0.0, "row " + i);
                assertEquals(v, parquet.doubleColumn("value").get(i), 0.0, "row " + i);
            } else {
                assertEquals("", c.get("value"));
                assertTrue(parquet.doubleColumn("value").isMissing(i));
            }
        }
        List<CSVRecord> dict;
        try (Reader r = Files.newBufferedReader(tmp.resolve("data/dictionary.csv"), StandardCharsets.UTF_8)) {
            dict = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
        assertEquals(ResultsDataset.COLUMNS.size(), dict.stream().filter(d -> d.get("kind").equals("column")).count());
        long indicators = expected.stream().map(ResultObservation::indicator).distinct().count();
        assertEquals(indicators, dict.stream().filter(d -> d.get("kind").equals("indicator")).count());
    }
}
