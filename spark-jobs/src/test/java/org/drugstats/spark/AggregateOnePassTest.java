package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.drugstats.core.data.Column;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The choices {@link AggregateStep} makes inside a group in plain Java: which of a country's rows counts, the
 * decimal rounding of the sums, the carried areas — and that none of them depends on the order or partitioning.
 */
class AggregateOnePassTest {

    static SparkSession spark;
    static Dataset<Row> membership;

    @BeforeAll
    static void setUp() {
        spark = SparkTestSession.get();
        List<Row> m = new ArrayList<>();
        for (String[] r : AggregateStepTest.MEMBERS) {
            m.add(RowFactory.create("unodc", r[0], r[1], r[2], r[3], r[4]));
            m.add(RowFactory.create("m49", r[0], r[5], r[6], r[7], r[8]));
        }
        membership = spark.createDataFrame(m, AggregateStep.MEMBERSHIP);
    }

    /** A copy of {@code r} with status, method and source. */
    static Row with(Row r, String status, String method, String source) {
        Object[] v = new Object[r.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.get(i);
        }
        v[Column.OBS_STATUS.ordinal()] = status;
        v[Column.METHOD.ordinal()] = method;
        v[Column.SOURCE.ordinal()] = source;
        return RowFactory.create(v);
    }

    static List<Row> population(String year) {
        List<Row> p = new ArrayList<>();
        for (int i = 0; i < AggregateStepTest.MEMBERS.length; i++) {
            p.add(AggregateStepTest.obsRow("population_15_64", AggregateStepTest.MEMBERS[i][0], year,
                    AggregateStepTest.POP[i] / 1e3, null, null, "persons", 3, null));
        }
        return p;
    }

    static List<Row> run(List<Row> obs, int partitions, int window) {
        return AggregateStep.run(spark.createDataFrame(obs, Schemas.EXTRACT).repartition(partitions), membership, 0.5,
                        window)
                .orderBy(col("indicator"), col("level"), col("ref_area"), col("time_period"), col("drug"))
                .collectAsList();
    }

    static Row find(List<Row> rows, String indicator, String area, String year) {
        return rows.stream().filter(r -> r.getAs("indicator").equals(indicator) && r.getAs("ref_area").equals(area)
                && r.getAs("time_period").equals(year)).findFirst().orElseThrow();
    }

    @Test
    void aCountrysRowIsTheFirstByStatusMethodSourceAndValueWhateverTheOrderOfArrival() {
        List<Row> obs = new ArrayList<>(population("2020"));
        Row col = AggregateStepTest.obsRow("prevalence_annual", "COL", "2020", 3.1, 2.5, 3.9, "percent", 0, "cannabis");
        Row per = AggregateStepTest.obsRow("prevalence_annual", "PER", "2020", 1.2, 1.0, 1.5, "percent", 0, "cannabis");
        // COL: the normal row wins over an estimated one with a smaller method; PER: no method before "survey",
        // then source "A" before "B"
        obs.add(col);
        obs.add(with(AggregateStepTest.obsRow("prevalence_annual", "COL", "2020", 0.5, null, null, "percent", 0,
                "cannabis"), "estimated", null, null));
        obs.add(with(per, "normal", null, "A"));
        obs.add(with(AggregateStepTest.obsRow("prevalence_annual", "PER", "2020", 0.9, null, null, "percent", 0,
                "cannabis"), "normal", null, "B"));
        obs.add(with(AggregateStepTest.obsRow("prevalence_annual", "PER", "2020", 9.9, null, null, "percent", 0,
                "cannabis"), "normal", "survey", null));
        // seizures: COL reported twice (sources "A" 10 kg, "B" 99 kg): "A" counts
        obs.add(with(AggregateStepTest.obsRow("seizures_quantity", "COL", "2020", 99.0, null, null, "kg", 0, "cocaine"),
                "normal", null, "B"));
        obs.add(with(AggregateStepTest.obsRow("seizures_quantity", "COL", "2020", 10.0, null, null, "kg", 0, "cocaine"),
                "normal", null, "A"));
        obs.add(AggregateStepTest.obsRow("seizures_quantity", "PER", "2020", 2.5, null, null, "kg", 0, "cocaine"));
        List<Row> reference = run(obs, 1, 0);
        List<Row> reversed = new ArrayList<>(obs);
        Collections.reverse(reversed);
        assertEquals(reference, run(reversed, 4, 0));
        Collections.shuffle(reversed, new java.util.Random(18));
        assertEquals(reference, run(reversed, 7, 0));
        Row south = find(reference, "prevalence_annual", "UNODC_AME_SOUTH", "2020");
        double expected = (3.1 * AggregateStepTest.POP[0] + 1.2 * AggregateStepTest.POP[1])
                / (AggregateStepTest.POP[0] + AggregateStepTest.POP[1]);
        assertEquals(expected, (Double) south.getAs("value"), 1e-12);
        assertEquals(2, (Integer) south.getAs("n_with_data"));
        Row kg = find(reference, "seizures_quantity", "M49_005", "2020");
        assertEquals(12.5, (Double) kg.getAs("value"), 0.0);
        assertEquals(2, (Integer) kg.getAs("n_with_data"));
        assertEquals(3, (Integer) kg.getAs("n_areas"));
    }

    @Test
    void sumsRoundEachValueHalfUpToSixPlacesAsSparkCastsThem() {
        List<Row> obs = new ArrayList<>(population("2020"));
        // 5.0E-7 kg is 4.99999999999999977E-7 in binary; Spark's decimal(38,6) cast rounds its decimal form up to
        // 0.000001, so two of them sum to 0.000002 (a double sum would give 1.0E-6, exact binary rounding 0)
        obs.add(AggregateStepTest.obsRow("seizures_quantity", "COL", "2020", 5.0E-7, null, null, "kg", 0, "cocaine"));
        obs.add(AggregateStepTest.obsRow("seizures_quantity", "PER", "2020", 5.0E-7, null, null, "kg", 0, "cocaine"));
        // 1.25 × 10^-6 (unit_mult -6) is 0.00000125: rounds to 0.000001
        obs.add(AggregateStepTest.obsRow("seizures_quantity", "MEX", "2020", 1.25, null, null, "kg", -6, "cocaine"));
        List<Row> a = run(obs, 3, 0);
        assertEquals(2.0E-6, (Double) find(a, "seizures_quantity", "M49_005", "2020").getAs("value"), 0.0);
        assertEquals(3.0E-6, (Double) find(a, "seizures_quantity", "WLD", "2020").getAs("value"), 0.0);
        assertEquals(3.0E-6, (Double) find(a, "seizures_quantity", "UNODC_AME", "2020").getAs("value"), 0.0);
    }

    @Test
    void carriedAreasListEachCountryFromAnEarlierYearSortedPerAggregate() {
        List<Row> obs = new ArrayList<>(population("2020"));
        obs.add(AggregateStepTest.obsRow("prevalence_annual", "COL", "2020", 3.1, null, null, "percent", 0, "cannabis"));
        obs.add(AggregateStepTest.obsRow("prevalence_annual", "PER", "2019", 1.2, null, null, "percent", 0, "cannabis"));
        obs.add(AggregateStepTest.obsRow("prevalence_annual", "BOL", "2018/19", 4.5, null, null, "percent", 0,
                "cannabis"));
        obs.add(AggregateStepTest.obsRow("prevalence_annual", "DEU", "2017", 7.0, null, null, "percent", 0, "cannabis"));
        // too old for a window of 3 years back from 2020
        obs.add(AggregateStepTest.obsRow("prevalence_annual", "MEX", "2016", 2.0, null, null, "percent", 0,
                "cannabis"));
        List<Row> a = run(obs, 2, 3);
        assertEquals(a, run(obs, 5, 3));
        assertEquals("BOL:2018;PER:2019", find(a, "prevalence_annual", "UNODC_AME_SOUTH", "2020").getAs("carried_areas"));
        assertEquals("BOL:2018;PER:2019", find(a, "prevalence_annual", "UNODC_AME", "2020").getAs("carried_areas"));
        assertEquals("DEU:2017", find(a, "prevalence_annual", "M49_150", "2020").getAs("carried_areas"));
        assertEquals("BOL:2018;DEU:2017;PER:2019", find(a, "prevalence_annual", "WLD", "2020").getAs("carried_areas"));
        assertNull(find(a, "prevalence_annual", "UNODC_AME_CENTRAL", "2020").getAs("carried_areas"));
        assertEquals(4, (Integer) find(a, "prevalence_annual", "WLD", "2020").getAs("n_with_data"));
        // one world per group and year, from the M49 scheme; the years of the older values have no population, so
        // they are no aggregate years
        assertEquals(1, a.stream().filter(r -> r.getAs("ref_area").equals("WLD")
                && r.getAs("indicator").equals("prevalence_annual")).count());
        assertTrue(a.stream().noneMatch(r -> r.getAs("time_period").equals("2018")));
    }
}
