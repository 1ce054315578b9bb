package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/**
 * The indicators computed in plain Java in one group-by ({@link IndicatorGroups}): the same rows whatever the
 * partitioning and the order of the input rows, and the decimal and text conversions that must match the Spark
 * expressions they replaced (the published bytes of {@code results/indicators} did not change, issue 18).
 */
class IndicatorGroupsTest {

    private static Row row(String ind, String area, String year, Double value, String unit, String drug, String group,
            String flags, String origin) {
        // people who use drugs combine the prevalence and the population of ages 15-64
        String age = ind.equals("prevalence_annual") || ind.equals("population_15_64") ? "15-64" : "_T";
        Row r = IndicatorStepTest.row(ind, area, year, age, value, null, null, unit, 0, drug, group, flags);
        Object[] v = new Object[r.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.get(i);
        }
        v[org.drugstats.core.data.Column.ORIGIN.ordinal()] = origin;
        // the seizure categories read the annex's DrugSubGroup
        v[org.drugstats.core.data.Column.DRUG_SUBGROUP.ordinal()] = "Coca leaf".equals(drug) ? "Coca-type"
                : "Cocaine hydrochloride".equals(drug) ? "Cocaine" : drug;
        return RowFactory.create(v);
    }

    private static List<Row> input() {
        List<Row> r = new ArrayList<>();
        String[] areas = {"COL", "PER", "BOL", "FRA"};
        for (int y = 2018; y <= 2023; y++) {
            for (int a = 0; a < areas.length; a++) {
                String year = Integer.toString(y);
                // two origins of one key: the least is kept in the sums, whichever arrives first
                r.add(row("seizures_quantity", areas[a], year, 1000.125 * (a + 1) + y, "kg", "Cocaine hydrochloride",
                        "Cocaine-type", null, "o-b"));
                r.add(row("seizures_quantity", areas[a], year, 0.1 * (a + 2), "kg", "Coca leaf", "Cocaine-type", null,
                        "o-b"));
                r.add(row("seizures_quantity", areas[a], year, 3.3 * (a + 1), "kg", "Cannabis herb (marijuana)",
                        "Cannabis-type drugs (excluding synthetic cannabinoids)", null, "o-a"));
                r.add(row("price_wholesale", areas[a], year, 30.0 + a + y % 7, "usd-per-gram", "Cocaine hydrochloride",
                        null, null, "o-p"));
                r.add(row("price_retail", areas[a], year, 80.5 + a, "usd-per-gram", "Cocaine hydrochloride", null, null,
                        "o-p"));
                r.add(row("purity_retail", areas[a], year, 55.0 - a, "percent", "Cocaine hydrochloride", null, null,
                        "o-p"));
                r.add(row("cultivation_area_coca", areas[a], year, 1000.0 * (a + 1) + 37 * (y % 5), "hectares",
                        "coca bush", null, null, "o-c"));
                r.add(row("opioid_consumption", areas[a], year, 0.7 * (a + 1), "kg-per-100k", null, null, null, "o-o"));
                r.add(row("prevalence_annual", areas[a], year, 1.1 + a, "percent", "cannabis", null, null, "o-x"));
                r.add(row("population_15_64", areas[a], year, 20_000_000.0 + 1_000_003.0 * a, "persons", null, null,
                        null, "o-y"));
            }
            r.add(row("cultivation_area_coca", "WLD", Integer.toString(y), 9000.0, "hectares", "coca bush", null,
                    "published-aggregate", "o-c"));
        }
        for (int a = 0; a < areas.length; a++) {
            r.add(row("population_total", areas[a], "2016", 30_000_000.0 + a * 7_000_001.0, "persons", null, null, null,
                    "o-t"));
        }
        return r;
    }

    private static List<String> computed(SparkSession spark, List<Row> in, int partitions) {
        Dataset<Row> obs = spark.createDataFrame(in, Schemas.EXTRACT).repartition(partitions);
        Dataset<Row> membership = spark.createDataFrame(List.of(
                RowFactory.create("unodc", "COL", "UNODC_AME_SOUTH", "South America", "UNODC_AME", "Americas"),
                RowFactory.create("unodc", "PER", "UNODC_AME_SOUTH", "South America", "UNODC_AME", "Americas"),
                RowFactory.create("unodc", "BOL", "UNODC_AME_SOUTH", "South America", "UNODC_AME", "Americas"),
                RowFactory.create("unodc", "FRA", "UNODC_EUR_WEST", "Western and Central Europe", "UNODC_EUR",
                        "Europe")), AggregateStep.MEMBERSHIP);
        Dataset<Row> aggregates = spark.createDataFrame(List.of(), AggregateStep.AGGREGATES);
        List<String> out = new ArrayList<>();
        for (Row r : IndicatorStep.run(obs, aggregates, membership).collectAsList()) {
            out.add(r.toString());
        }
        Collections.sort(out);
        return out;
    }

    @Test
    void theSameRowsWhateverThePartitioningAndTheOrderOfTheRows() {
        SparkSession spark = SparkTestSession.get();
        List<Row> in = input();
        List<String> one = computed(spark, in, 1);
        List<Row> reversed = new ArrayList<>(in);
        Collections.reverse(reversed);
        List<Row> shuffled = new ArrayList<>(in);
        Collections.shuffle(shuffled, new java.util.Random(18));
        assertFalse(one.isEmpty());
        for (String ind : List.of("people_who_use_drugs", "opioid_consumption_per_capita", "seizures_quantity",
                "seizures_total", "seizures_total_apc", "price_purity_adjusted_retail", "seizures_value_wholesale",
                "cultivation_area_coca", "cultivation_area_coca_change")) {
            assertFalse(one.stream().noneMatch(s -> s.startsWith("[" + ind + ",")), ind + " computed");
        }
        assertEquals(one, computed(spark, reversed, 3));
        assertEquals(one, computed(spark, shuffled, 4));
    }

    @Test
    void aDoubleIsCastToADecimalAsSparkCastsIt() {
        SparkSession spark = SparkTestSession.get();
        // 2.0000005 is 2.00000049999999... in binary: Spark rounds its shortest text (half up), not the binary value
        double[] values = {2.0000005, 0.1 + 0.2, 1e-7, 123_456_789.123_456_5, 505_000.125, 0.0, -3.0000015};
        for (double d : values) {
            BigDecimal spark6 = spark.sql("select cast(cast('" + Double.toString(d) + "' as double) as decimal(38,6))")
                    .first().getDecimal(0);
            assertEquals(spark6, IndicatorGroups.dec6(d), "cast of " + d);
        }
        assertEquals(new BigDecimal("2.000001"), IndicatorGroups.dec6(2.0000005));
    }

    @Test
    void aDoubleIsWrittenAsSparkCastsItToText() {
        SparkSession spark = SparkTestSession.get();
        // the notes quote published figures and differences: Spark writes them as Java's Double.toString
        double[] values = {234_200.0, 1.0E7, 0.001, 1.0E-4, 12_345.678_9, -47_300.0, 2.5E-10};
        for (double d : values) {
            Dataset<Row> one = spark.createDataFrame(List.of(RowFactory.create(d)),
                    DataTypes.createStructType(List.of(DataTypes.createStructField("v", DataTypes.DoubleType, false))));
            assertEquals(one.selectExpr("cast(v as string)").first().getString(0), Double.toString(d), "text of " + d);
        }
    }
}
