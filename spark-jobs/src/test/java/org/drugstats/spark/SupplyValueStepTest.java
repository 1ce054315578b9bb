package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.drugstats.core.data.Column;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Purity-adjusted prices and the value of seizures on a fixture; expected values are hand computations. */
class SupplyValueStepTest {

    static List<Row> rows;

    private static Row r(String ind, String area, String group, String sub, String drug, Double v, Double lo, Double hi,
            String unit) {
        Row x = IndicatorStepTest.row(ind, area, "2020", "_T", v, lo, hi, unit, 0, drug, group, null);
        Object[] a = new Object[x.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = x.get(i);
        }
        a[Column.DRUG_SUBGROUP.ordinal()] = sub;
        return RowFactory.create(a);
    }

    @BeforeAll
    static void setUp() {
        SparkSession spark = SparkTestSession.get();
        List<Row> in = new ArrayList<>();
        in.add(r("seizures_quantity", "COL", "Cocaine-type", "Cocaine", "Cocaine hydrochloride", 100.0, null, null, "kg"));
        in.add(r("seizures_quantity", "PER", "Cocaine-type", "Cocaine", "Cocaine hydrochloride", 50.0, null, null, "kg"));
        in.add(r("price_wholesale", "COL", "Cocaine-type drugs", null, "Cocaine hydrochloride", 2.0, 1.5, 2.5,
                "usd-per-gram"));
        in.add(r("price_wholesale", "COL", "Cocaine-type", null, "Cocaine salts", 3.0, null, null, "usd-per-gram"));
        in.add(r("purity_wholesale", "COL", "Cocaine-type drugs", null, "Cocaine hydrochloride", 80.0, null, null,
                "percent"));
        in.add(r("price_retail", "COL", "Cocaine-type drugs", null, "Cocaine hydrochloride", 6.0, null, null,
                "usd-per-gram"));
        // Peru retail: a purity of 0.6 "percent" flagged possible-fraction (perhaps 60%): no adjusted price from it
        in.add(r("price_retail", "PER", "Cocaine-type drugs", null, "Cocaine hydrochloride", 6.0, null, null,
                "usd-per-gram"));
        Row pur = r("purity_retail", "PER", "Cocaine-type drugs", null, "Cocaine hydrochloride", 0.6, null, null,
                "percent");
        Object[] a = new Object[pur.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = pur.get(i);
        }
        a[Column.OBS_FLAGS.ordinal()] = "possible-fraction";
        in.add(RowFactory.create(a));
        rows = SupplyValueStep.run(spark.createDataFrame(in, Schemas.EXTRACT)).collectAsList();
    }

    private static Row find(String indicator, String area) {
        List<Row> m = rows.stream().filter(x -> x.getAs("indicator").equals(indicator) && x.getAs("ref_area").equals(area))
                .toList();
        assertEquals(1, m.size(), indicator + " " + area);
        return m.get(0);
    }

    @Test
    void purityAdjustedPriceIsPriceOverPurity() {
        assertEquals(2.5, (Double) find("price_purity_adjusted_wholesale", "COL").getAs("value"), 1e-12); // 2 / 0.80
        assertTrue(rows.stream().noneMatch(x -> x.getAs("indicator").equals("price_purity_adjusted_retail")),
                "no retail purity in Colombia, a possible fraction in Peru: no retail adjusted price");
    }

    @Test
    void seizuresAreValuedAtTheWholesalePriceOfTheirCountryAndYear() {
        Row col = find("seizures_value_wholesale", "COL");
        assertEquals(200_000.0, (Double) col.getAs("value"), 0.0); // 100 kg x 1,000 g x 2 US$ (hydrochloride first)
        assertEquals(150_000.0, (Double) col.getAs("lower"), 0.0);
        assertEquals(250_000.0, (Double) col.getAs("upper"), 0.0);
        assertEquals("usd", col.getAs("unit"));
        assertEquals("cocaine", col.getAs("drug"));
        Row world = find("seizures_value_wholesale", "WLD");
        assertEquals(200_000.0, (Double) world.getAs("value"), 0.0); // Peru has no price: not valued
        assertEquals(1, (Integer) world.getAs("n_with_data"));
        assertTrue(((String) world.getAs("source")).contains("not an estimate of illicit financial flows"));
    }

    @Test
    void aTypicalPriceOutsideItsPublishedRangeIsKeptAndFlagged() {
        // annex 8.1 gives e.g. Poland 2021 heroin a typical price outside its own minimum-maximum: the value keeps
        // the publisher's range and carries best-outside-bounds, so that it passes extract validation
        List<Row> in = List.of(
                r("seizures_quantity", "BOL", "Cocaine-type", "Cocaine", "Cocaine hydrochloride", 10.0, null, null, "kg"),
                r("price_wholesale", "BOL", "Cocaine-type drugs", null, "Cocaine hydrochloride", 4.0, 1.0, 3.0,
                        "usd-per-gram"));
        List<Row> out = SupplyValueStep.run(SparkTestSession.get().createDataFrame(in, Schemas.EXTRACT)).collectAsList();
        Row bol = out.stream().filter(x -> x.getAs("indicator").equals("seizures_value_wholesale")
                && x.getAs("ref_area").equals("BOL")).findFirst().orElseThrow();
        assertEquals(40_000.0, (Double) bol.getAs("value"), 0.0); // 10 kg x 1,000 g x 4 US$
        assertEquals(10_000.0, (Double) bol.getAs("lower"), 0.0);
        assertEquals(30_000.0, (Double) bol.getAs("upper"), 0.0);
        assertEquals("best-outside-bounds", bol.getAs("obs_flags"));
        assertEquals(null, (String) find("seizures_value_wholesale", "COL").getAs("obs_flags"), "Colombia in range");
    }
}
