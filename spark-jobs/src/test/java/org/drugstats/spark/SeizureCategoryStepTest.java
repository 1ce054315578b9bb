package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code seizures_total} on a fixture where Colombia reports both a cocaine breakdown and its own total, Peru only
 * the total, and counted cannabis plants sit beside kilograms. Expected values are hand sums written beside each
 * assertion.
 */
class SeizureCategoryStepTest {

    private static final String COCAINE = "Cocaine-type";
    private static final String TOTAL = "Cocaine (total of the above, including if unspecified/undistinguished, but "
            + "excluding coca leaf and coca bush)";
    private static final String CANNABIS = "Cannabis-type drugs (excluding synthetic cannabinoids)";

    static List<Row> rows;
    static List<Row> trends;
    static List<Row> fiveYears;

    private static Row q(String area, String group, String sub, String drug, Double kg, String unit) {
        Row r = IndicatorStepTest.row("seizures_quantity", area, "2020", "_T", kg, null, null, unit, 0, drug, group, null);
        Object[] v = new Object[r.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.get(i);
        }
        v[org.drugstats.core.data.Column.DRUG_SUBGROUP.ordinal()] = sub;
        v[org.drugstats.core.data.Column.ORIGIN.ordinal()] = "annex-7.1";
        return RowFactory.create(v);
    }

    @BeforeAll
    static void setUp() {
        SparkSession spark = SparkTestSession.get();
        List<Row> r = new ArrayList<>();
        r.add(q("COL", COCAINE, "Cocaine", "Cocaine hydrochloride", 100.0, "kg"));
        r.add(q("COL", COCAINE, "Cocaine", "\"Crack\" cocaine", 5.0, "kg"));
        r.add(q("COL", COCAINE, "Cocaine", TOTAL, 200.0, "kg"));
        r.add(q("COL", COCAINE, "Coca-type", "Coca leaf", 1000.0, "kg"));
        r.add(q("PER", COCAINE, "Cocaine", TOTAL, 50.0, "kg"));
        r.add(q("PER", CANNABIS, "Cannabis plants", "Cannabis plants", 500.0, "count"));
        r.add(q("PER", CANNABIS, "Cannabis herb (marijuana)", "Cannabis herb (marijuana)", 10.0, "kg"));
        r.add(q("FRA", COCAINE, "Cocaine", "Cocaine hydrochloride", 30.0, "kg"));
        r.add(q("FRA", "Precursors", "Precursors", "Acetone", 9000.0, "kg"));
        r.add(q("FRA", CANNABIS, "Cannabis resin (hashish)", "Cannabis resin (hashish)", 7.0, "kg"));
        Dataset<Row> obs = spark.createDataFrame(r, Schemas.EXTRACT);
        Dataset<Row> membership = spark.createDataFrame(List.of(
                RowFactory.create("unodc", "COL", "UNODC_AME_SOUTH", "South America", "UNODC_AME", "Americas"),
                RowFactory.create("unodc", "PER", "UNODC_AME_SOUTH", "South America", "UNODC_AME", "Americas"),
                RowFactory.create("unodc", "FRA", "UNODC_EUR_WEST", "Western and Central Europe", "UNODC_EUR", "Europe")),
                AggregateStep.MEMBERSHIP);
        Dataset<Row> aggregates = spark.createDataFrame(List.of(), AggregateStep.AGGREGATES);
        List<Row> all = IndicatorStep.run(obs, aggregates, membership).collectAsList();
        rows = all.stream().filter(x -> x.getAs("indicator").equals(SeizureCategoryStep.INDICATOR)).toList();
        trends = all.stream().filter(x -> x.getAs("indicator").equals(SeizureCategoryStep.TREND)).toList();
        // five years of the world's cocaine, one country: 100, 120, 150, 160, 210 kg (seizure_trend_reference.R)
        List<Row> five = new ArrayList<>();
        double[] kg = {100, 120, 150, 160, 210};
        for (int i = 0; i < 5; i++) {
            Row x = q("FRA", COCAINE, "Cocaine", "Cocaine hydrochloride", kg[i], "kg");
            Object[] v = new Object[x.size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = x.get(j);
            }
            v[org.drugstats.core.data.Column.TIME_PERIOD.ordinal()] = Integer.toString(2019 + i);
            five.add(RowFactory.create(v));
        }
        fiveYears = SeizureCategoryStep.run(spark.createDataFrame(five, Schemas.EXTRACT), membership)
                .filter(org.apache.spark.sql.functions.col("indicator").equalTo(SeizureCategoryStep.TREND))
                .collectAsList();
    }

    private static Row find(String area, String category) {
        List<Row> m = rows.stream().filter(r -> r.getAs("ref_area").equals(area) && r.getAs("drug").equals(category))
                .toList();
        assertEquals(1, m.size(), area + " " + category);
        return m.get(0);
    }

    @Test
    void theOwnTotalIsNeverAddedToItsBreakdown() {
        Row col = find("COL", "cocaine");
        // breakdown 100 + 5 = 105, own total 200 (includes 95 kg undistinguished): 200, never 305
        assertEquals(200.0, (Double) col.getAs("value"), 0.0);
        assertEquals("total-mismatch", col.getAs("obs_flags"));
        assertTrue(((String) col.getAs("notes")).contains("own cocaine total 200 kg, its breakdown 105 kg"),
                (String) col.getAs("notes"));
        assertEquals(50.0, (Double) find("PER", "cocaine").getAs("value"), 0.0); // total only
        assertTrue(((String) find("PER", "cocaine").getAs("notes")).contains("basis reported-total"));
        assertEquals(250.0, (Double) find("UNODC_AME_SOUTH", "cocaine").getAs("value"), 0.0); // 200 + 50
        assertEquals(2, (Integer) find("UNODC_AME_SOUTH", "cocaine").getAs("n_with_data"));
        Row world = find("WLD", "cocaine");
        assertEquals(280.0, (Double) world.getAs("value"), 0.0); // 200 + 50 + 30
        assertEquals(3, (Integer) world.getAs("n_with_data"));
        assertEquals("kg", world.getAs("unit"));
        assertTrue(((String) world.getAs("notes")).startsWith("summed: \"Crack\" cocaine; Cocaine (total of the above"),
                (String) world.getAs("notes"));
        assertTrue(((String) world.getAs("notes")).contains("1 counted from the country's own total row"));
    }

    @Test
    void trendsAreFittedOnlyOnFiveYearsOfStableReporting() {
        // one year of data: every aggregate's trend row says why it is not fitted
        Row w = trends.stream().filter(r -> r.getAs("ref_area").equals("WLD") && r.getAs("drug").equals("cocaine"))
                .findFirst().orElseThrow();
        assertNull(w.getAs("value"));
        assertEquals("missing", w.getAs("obs_status"));
        assertEquals("2019-2023", w.getAs("time_period"));
        assertEquals("not fitted: totals for 1 of the 5 years 2019-2023", w.getAs("notes"));
        // world, Europe, Western and Central Europe
        assertEquals(3, fiveYears.size());
        Row f = fiveYears.stream().filter(r -> r.getAs("ref_area").equals("WLD")).findFirst().orElseThrow();
        // R 4.2.2 lm(log(y) ~ x): APC 19.381692753389, 95% CI 13.572026336480 to 25.488546998713
        assertEquals(19.381692753389, (Double) f.getAs("value"), 1e-9);
        assertEquals(13.572026336480, (Double) f.getAs("lower"), 1e-9);
        assertEquals(25.488546998713, (Double) f.getAs("upper"), 1e-9);
        assertEquals(1, (Integer) f.getAs("n_with_data"));
        assertTrue(((String) f.getAs("notes")).contains("Mann-Kendall S = 10, z = 2.205, p = 0.0275, tau = 1.00; "
                + "Sen slope 26.25 kg a year (10 to 50)"), (String) f.getAs("notes"));
    }

    @Test
    void categoriesStayApartAndCountedPlantsAreNotKilograms() {
        assertEquals(1000.0, (Double) find("WLD", "coca_leaf").getAs("value"), 0.0);
        assertEquals(10.0, (Double) find("WLD", "cannabis_herb").getAs("value"), 0.0);
        assertEquals(7.0, (Double) find("UNODC_EUR", "cannabis_resin").getAs("value"), 0.0);
        assertTrue(rows.stream().noneMatch(r -> r.getAs("drug").equals("cannabis_plants")), "500 counted plants");
        assertTrue(rows.stream().noneMatch(r -> r.getAs("drug").equals("precursors")), "precursors are not summed");
        // countries, 2 subregions, 2 regions, world: cocaine 3+2+2+1, coca leaf 1+1+1+1, herb 4, resin 4
        assertEquals(8 + 4 + 4 + 4, rows.size());
        assertNull(rows.stream().filter(r -> r.getAs("ref_area").equals("WLD")).findFirst().orElseThrow()
                .getAs("obs_flags"));
    }
}
