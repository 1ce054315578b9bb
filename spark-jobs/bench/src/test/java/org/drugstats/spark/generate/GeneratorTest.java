package org.drugstats.spark.generate;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Extract;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.SeizureEvents;
import org.drugstats.core.data.Unit;
import org.drugstats.core.data.ValidationResult;
import org.drugstats.spark.InputFiles;
import org.drugstats.spark.SeizureTotalsStep;
import org.drugstats.spark.SparkTestSession;
import org.drugstats.spark.ValidateStep;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {

    @TempDir
    static Path tmp;

    static Path totalsFile;
    static SparkSession spark;

    static final Origin ANNEX = new Origin("test-annex-7.1", "Test", "Seizure totals", "c", null, "CC BY 3.0 IGO", "2025",
            null, null, null, false);

    /** Totals of very different sizes (from 0.5 kg to 250 t), one zero total, one published aggregate. */
    static List<Observation> totals() {
        List<Observation> t = new ArrayList<>();
        double[] kg = {250_000.123456, 8637.33483, 0.5, 45, 2263, 57.5, 0.1846, 12_000, 0, 1.0};
        String[] areas = {"COL", "LAO", "COM", "COM", "COM", "COM", "MNE", "ESP", "USA", "WLD"};
        for (int i = 0; i < kg.length; i++) {
            Observation.Builder b = Observation.builder().indicator(SeizureTotalsStep.INDICATOR).refArea(areas[i])
                    .timePeriod(2019 + i % 3).age("_T").value(kg[i]).unit(Unit.KILOGRAMS).drugGroup("Group " + (i % 2))
                    .drug("Drug " + i).origin(ANNEX.id());
            if (areas[i].equals("WLD")) {
                b.flag(QualityFlag.PUBLISHED_AGGREGATE);
            }
            t.add(b.build());
        }
        // two published records of one key (separate seizure reports): their sum is the total to follow
        for (String rec : new String[] {"1", "2"}) {
            t.add(Observation.builder().indicator(SeizureTotalsStep.INDICATOR).refArea("KEN").timePeriod(2019).age("_T")
                    .value(rec.equals("1") ? 1.0 : 3773.0).unit(Unit.KILOGRAMS).drugGroup("Group 0").drug("Drug K")
                    .record(rec).flag(QualityFlag.MULTIPLE_RECORDS).origin(ANNEX.id()).build());
        }
        return t;
    }

    @BeforeAll
    static void setUp() {
        spark = SparkTestSession.get();
        totalsFile = tmp.resolve("totals/seizures.parquet");
        ParquetExtracts.write(totalsFile, Extract.of(totals(), List.of(ANNEX)));
    }

    @Test
    void eventTotalsAreExactlyThePublishedTotals() {
        Path out = tmp.resolve("events-a");
        Generated.Description d = Generated.seizureEvents(totalsFile, 20_000, 7, out, 3_000, 2);
        assertEquals(20_000, d.rows());
        assertEquals(7, d.files());
        assertTrue(d.synthetic());
        InputFiles.Input in = InputFiles.discover(tmp.resolve("events-a").getParent()).stream()
                .filter(i -> i.name().equals("events-a")).findFirst().orElseThrow();
        assertEquals(InputFiles.Kind.SEIZURE_EVENTS, in.kind());
        assertTrue(in.synthetic());
        ValidateStep.Result v = ValidateStep.run(spark, List.of(in));
        assertEquals(0, v.quarantine().count());
        Map<String, Long> got = new HashMap<>();
        for (Row r : SeizureTotalsStep.totals(v.events()).collectAsList()) {
            got.put(r.getString(1) + "|" + r.getInt(2) + "|" + r.getString(5), r.getLong(7));
        }
        Map<String, Long> expected = new HashMap<>();
        for (Observation o : totals()) {
            if (o.value() > 0 && !o.refArea().equals("WLD")) {
                expected.merge(o.refArea() + "|" + o.timePeriod() + "|" + o.drug(), SeizureEvents.milligrams(o.value()),
                        Long::sum);
            }
        }
        assertEquals(3_774_000_000L, expected.get("KEN|2019|Drug K"));
        assertEquals(expected, got);
    }

    @Test
    void eventsDependOnTheSeedOnlyNotOnFileSizeOrThreads() {
        Path a = tmp.resolve("events-b");
        Path b = tmp.resolve("events-c");
        Generated.seizureEvents(totalsFile, 150_000, 11, a, 40_000, 2);
        Generated.seizureEvents(totalsFile, 150_000, 11, b, 150_000, 1);
        List<Row> ra = spark.read().parquet(a.toString()).orderBy(col("event_id")).collectAsList();
        List<Row> rb = spark.read().parquet(b.toString()).orderBy(col("event_id")).collectAsList();
        assertEquals(150_000, ra.size());
        assertEquals(ra, rb);
        Path c = tmp.resolve("events-d");
        Generated.seizureEvents(totalsFile, 150_000, 12, c, 150_000, 1);
        List<Row> rc = spark.read().parquet(c.toString()).orderBy(col("event_id")).collectAsList();
        assertTrue(!ra.equals(rc), "another seed gives other events");
    }

    @Test
    void eventSizesAreHeavyTailed() {
        Path a = tmp.resolve("events-e");
        Generated.seizureEvents(totalsFile, 100_000, 3, a, 100_000, 1);
        // the largest cell (COL, 250 t): the top 1% of its events hold a large share of the quantity
        List<Double> kg = spark.read().parquet(a.toString()).filter(col("ref_area").equalTo("COL"))
                .orderBy(col("kilograms").desc()).select("kilograms").as(org.apache.spark.sql.Encoders.DOUBLE())
                .collectAsList();
        double total = kg.stream().mapToDouble(Double::doubleValue).sum();
        double top = kg.subList(0, kg.size() / 100).stream().mapToDouble(Double::doubleValue).sum();
        assertTrue(kg.size() > 1000, "events in the largest cell: " + kg.size());
        // Pareto(1.5): the top 1% share is about 1%^(1 - 1/1.5) = 21.5% in expectation
        assertTrue(top / total > 0.12, "top 1% share " + top / total);
    }

    @Test
    void refusesTooFewRowsAndTheEmbeddedDataDirectory() {
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> Generated.seizureEvents(totalsFile, 3, 1, tmp.resolve("few"), 10, 1));
        assertTrue(e.getMessage().contains("less than the 9"), e.getMessage());
        Path data = tmp.resolve("repo/data");
        e = assertThrows(DrugstatsException.class, () -> Generated.refuseInside(data.resolve("x/y"), data));
        assertTrue(e.getMessage().contains("never mixed"), e.getMessage());
    }

    @Test
    void countryPanelIsAValidSyntheticExtractOfTheRequestedShape() {
        Path out = tmp.resolve("panel");
        List<String> countries = List.of("AFG", "BOL", "COL", "DEU", "FRA");
        Generated.Description d = Generated.countryPanel(countries, 2_000, 20, 5, out, 1_000, 2);
        // 2,000 rows / (5 countries x 20 years) = 20 indicators
        assertEquals(2_000, d.rows());
        assertEquals(2, d.files());
        var read = ParquetExtracts.readValidated(out);
        ValidationResult r = read.result();
        assertEquals(2_000, r.rowsAccepted());
        assertEquals(0, r.rowsQuarantined());
        assertTrue(read.origins().get(0).synthetic());
        assertTrue(r.accepted().stream().allMatch(o -> o.hasFlag(QualityFlag.SYNTHETIC)));
        CountryPanelGenerator g = CountryPanelGenerator.of(countries, 2_000, 20, 5);
        // a series depends on its coordinates and the seed, not on the panel's size
        double[] s = g.series(2, 7);
        double[] again = CountryPanelGenerator.of(countries, 10_000, 20, 5).series(2, 7);
        assertEquals(java.util.Arrays.toString(s), java.util.Arrays.toString(again));
    }
}
