package org.drugstats.spark.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Extract;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.data.Unit;
import org.drugstats.spark.SeizureTotalsStep;
import org.drugstats.spark.SparkTestSession;
import org.drugstats.spark.TrendStep;
import org.drugstats.spark.generate.Generated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's two engines agree on small generated data (the check itself is what is tested). */
class BenchTest {

    @TempDir
    Path tmp;

    @Test
    void sparkAndDuckDbGiveTheSameTotalsAndTrendStatistics() {
        Origin o = new Origin("t", "Test", "Totals", "c", null, "CC0", null, null, null, null, false);
        List<Observation> totals = new ArrayList<>();
        String[] areas = {"AFG", "BOL", "COL", "PER"};
        for (int i = 0; i < areas.length; i++) {
            for (int y = 2019; y <= 2023; y++) {
                totals.add(Observation.builder().indicator(SeizureTotalsStep.INDICATOR).refArea(areas[i]).timePeriod(y)
                        .age("_T").value(10.0 + 1000.123 * i + y % 7).unit(Unit.KILOGRAMS).drugGroup("G")
                        .drug(i % 2 == 0 ? "Cocaine" : "Heroin").origin("t").build());
            }
        }
        Path t = tmp.resolve("totals.parquet");
        ParquetExtracts.write(t, Extract.of(totals, List.of(o)));
        Path events = tmp.resolve("events");
        Generated.seizureEvents(t, 30_000, 2, events, 10_000, 2);
        Bench.DuckSettings duck = new Bench.DuckSettings(2, "1GB");
        Bench.Outcome a = Bench.aggregate(SparkTestSession.get(), events, 30_000, duck, 2);
        // 4 countries x 5 years, one drug each: 20 totals over the 30,000 generated events
        // the generated files are coded: Spark and DuckDB by names and by coded keys, all the same totals
        assertEquals("20 country x year x drug totals identical in both engines (events and milligrams; 30,000 "
                + "events); the same in Spark and DuckDB by names and by coded keys", a.check());
        assertEquals(List.of("spark-names", "duckdb-codes"), a.more().stream().map(Bench.Measurement::engine).toList());
        assertEquals(2, a.more("duckdb-codes").orElseThrow().runs().size());
        assertEquals(30_000, a.duckdb().rows());
        assertEquals(30_000, a.spark().rows());
        assertEquals(List.of("spark", "duckdb"), List.of(a.spark().engine(), a.duckdb().engine()));
        assertEquals(2, a.spark().runs().size(), "two repeats");
        assertEquals(2, a.duckdb().runs().size(), "two repeats");
        assertEquals(a.spark().seconds() / a.duckdb().seconds(), a.ratio(), 0.0);

        Path panel = tmp.resolve("panel");
        Generated.countryPanel(List.of(areas), 4 * 20 * 5, 20, 3, panel, 1_000_000, 1);
        Bench.Outcome tr = Bench.trend(SparkTestSession.get(), panel, 400,
                new TrendStep.Settings("bic", -1, 99, 0.05, 5, 1), duck, 1);
        assertTrue(tr.check().startsWith("20 series: log-linear slopes agree"), tr.check());
        assertEquals(400, tr.spark().rows());
    }

    @Test
    void theTotalsCheckFailsOnAnyDifference() {
        Map<String, long[]> spark = new HashMap<>(Map.of("AFG|2020|Heroin", new long[] {3, 300},
                "COL|2020|Cocaine", new long[] {2, 50}));
        assertEquals("2 country x year x drug totals identical in both engines (events and milligrams; 5 events)",
                Bench.totalsCheck(spark, new HashMap<>(spark), 5));
        Map<String, long[]> grams = new HashMap<>(spark);
        grams.put("COL|2020|Cocaine", new long[] {2, 51});
        assertEquals("bench: totals differ for COL|2020|Cocaine: Spark [2, 50], DuckDB [2, 51]",
                assertThrows(DrugstatsException.class, () -> Bench.totalsCheck(spark, grams, 5)).getMessage());
        Map<String, long[]> other = new HashMap<>(spark);
        other.remove("AFG|2020|Heroin");
        other.put("AFG|2021|Heroin", new long[] {3, 300});
        assertEquals("bench: totals differ for AFG|2020|Heroin: Spark [3, 300], DuckDB none",
                assertThrows(DrugstatsException.class, () -> Bench.totalsCheck(spark, other, 5)).getMessage());
        assertEquals("bench: Spark gives 2 totals, DuckDB 1", assertThrows(DrugstatsException.class,
                () -> Bench.totalsCheck(spark, Map.of("AFG|2020|Heroin", new long[] {3, 300}), 5)).getMessage());
        assertEquals("bench: totals count 5 events, the files hold 6", assertThrows(DrugstatsException.class,
                () -> Bench.totalsCheck(spark, spark, 6)).getMessage());
    }
}
