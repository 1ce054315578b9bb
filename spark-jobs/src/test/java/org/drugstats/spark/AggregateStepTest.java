package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.drugstats.core.data.Column;
import org.drugstats.core.stats.aggregate.Aggregate;
import org.drugstats.core.stats.aggregate.AggregationRule;
import org.drugstats.core.stats.aggregate.AggregationState;
import org.drugstats.core.stats.aggregate.AreaObservation;
import org.drugstats.core.stats.uncertainty.Interval;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spark aggregation equals core's single-machine aggregation, whatever the partitioning. */
class AggregateStepTest {

    static SparkSession spark;
    static Dataset<Row> membership;
    static List<Row> obs;

    // two subregions of one UNODC region, and one M49 grouping of all six into two regions
    static final String[][] MEMBERS = {
        {"COL", "UNODC_AME_SOUTH", "South America", "UNODC_AME", "Americas", "M49_005", "South America", "M49_019", "Americas"},
        {"PER", "UNODC_AME_SOUTH", "South America", "UNODC_AME", "Americas", "M49_005", "South America", "M49_019", "Americas"},
        {"BOL", "UNODC_AME_SOUTH", "South America", "UNODC_AME", "Americas", "M49_005", "South America", "M49_019", "Americas"},
        {"MEX", "UNODC_AME_CENTRAL", "Central America", "UNODC_AME", "Americas", "M49_013", "Central America", "M49_019", "Americas"},
        {"FRA", "UNODC_EUR_WEST", "Western and Central Europe", "UNODC_EUR", "Europe", "M49_155", "Western Europe", "M49_150", "Europe"},
        {"DEU", "UNODC_EUR_WEST", "Western and Central Europe", "UNODC_EUR", "Europe", "M49_155", "Western Europe", "M49_150", "Europe"}};
    static final double[] POP = {33.1e6, 22.4e6, 7.4e6, 88.0e6, 41.0e6, 54.5e6};

    static Row obsRow(String ind, String area, String year, Double value, Double lower, Double upper, String unit,
            int mult, String drug) {
        Object[] v = new Object[Column.values().length];
        v[Column.INDICATOR.ordinal()] = ind;
        v[Column.REF_AREA.ordinal()] = area;
        v[Column.TIME_PERIOD.ordinal()] = year;
        v[Column.SEX.ordinal()] = "T";
        v[Column.AGE.ordinal()] = unit.equals("percent") || unit.equals("persons") && ind.startsWith("pop") ? "15-64" : "_T";
        v[Column.VALUE.ordinal()] = value;
        v[Column.LOWER.ordinal()] = lower;
        v[Column.UPPER.ordinal()] = upper;
        v[Column.UNIT.ordinal()] = unit;
        v[Column.OBS_STATUS.ordinal()] = "normal";
        v[Column.ORIGIN.ordinal()] = "o";
        v[Column.UNIT_MULT.ordinal()] = mult;
        v[Column.DRUG.ordinal()] = drug;
        return RowFactory.create(v);
    }

    @BeforeAll
    static void setUp() {
        spark = SparkTestSession.get();
        List<Row> m = new ArrayList<>();
        for (String[] r : MEMBERS) {
            m.add(RowFactory.create("unodc", r[0], r[1], r[2], r[3], r[4]));
            m.add(RowFactory.create("m49", r[0], r[5], r[6], r[7], r[8]));
        }
        membership = spark.createDataFrame(m, AggregateStep.MEMBERSHIP);
        obs = new ArrayList<>();
        for (int i = 0; i < MEMBERS.length; i++) {
            obs.add(obsRow("population_15_64", MEMBERS[i][0], "2020", POP[i] / 1e3, null, null, "persons", 3, null));
        }
        // cannabis prevalence: COL, PER (range), FRA (no range); BOL, MEX, DEU without data
        obs.add(obsRow("prevalence_annual", "COL", "2020", 3.1, 2.5, 3.9, "percent", 0, "cannabis"));
        obs.add(obsRow("prevalence_annual", "PER", "2020", 1.2, 1.0, 1.5, "percent", 0, "cannabis"));
        obs.add(obsRow("prevalence_annual", "FRA", "2020", 11.0, null, null, "percent", 0, "cannabis"));
        // an older survey for BOL: used for 2020 only when the window reaches back to 2018
        obs.add(obsRow("prevalence_annual", "BOL", "2018", 4.5, 4.0, 5.0, "percent", 0, "cannabis"));
        obs.add(obsRow("population_15_64", "BOL", "2018", POP[2] / 1e3, null, null, "persons", 3, null));
        // seizures: kg sums
        obs.add(obsRow("seizures_quantity", "COL", "2020", 505_000.125, null, null, "kg", 0, "cocaine"));
        obs.add(obsRow("seizures_quantity", "PER", "2020", 20_100.5, null, null, "kg", 0, "cocaine"));
        obs.add(obsRow("seizures_quantity", "FRA", "2020", 13_000.0, null, null, "kg", 0, "cocaine"));
    }

    static List<Row> aggregates(int partitions) {
        Dataset<Row> d = spark.createDataFrame(obs, Schemas.EXTRACT).repartition(partitions);
        return AggregateStep.run(d, membership, 0.5, 0)
                .orderBy(col("indicator"), col("level"), col("ref_area"), col("time_period")).collectAsList();
    }

    @Test
    void ratesAreCoresAggregationAndDoNotDependOnPartitioning() {
        List<Row> a = aggregates(1);
        assertEquals(a, aggregates(5));
        List<AreaObservation> unodc = List.of(
                AreaObservation.withRange("COL", "UNODC_AME_SOUTH", "UNODC_AME", POP[0], Interval.of(2.5, 3.1, 3.9)),
                AreaObservation.withRange("PER", "UNODC_AME_SOUTH", "UNODC_AME", POP[1], Interval.of(1.0, 1.2, 1.5)),
                AreaObservation.withoutData("BOL", "UNODC_AME_SOUTH", "UNODC_AME", POP[2]),
                AreaObservation.withoutData("MEX", "UNODC_AME_CENTRAL", "UNODC_AME", POP[3]),
                AreaObservation.withValue("FRA", "UNODC_EUR_WEST", "UNODC_EUR", POP[4], 11.0),
                AreaObservation.withoutData("DEU", "UNODC_EUR_WEST", "UNODC_EUR", POP[5]));
        List<Aggregate> core = AggregationState.of(unodc).finish(AggregationRule.withDefaults());
        Aggregate south = core.stream().filter(x -> x.name().equals("UNODC_AME_SOUTH")).findFirst().orElseThrow();
        Row sRow = a.stream().filter(r -> r.getAs("ref_area").equals("UNODC_AME_SOUTH")
                && r.getAs("indicator").equals("prevalence_annual") && r.getAs("time_period").equals("2020"))
                .findFirst().orElseThrow();
        assertEquals(south.value().orElseThrow().best(), (Double) sRow.getAs("value"), 0.0);
        assertEquals(south.value().orElseThrow().low(), (Double) sRow.getAs("lower"), 0.0);
        assertEquals(south.coverage(), (Double) sRow.getAs("coverage"), 0.0);
        assertEquals(3, (Integer) sRow.getAs("n_areas"));
        assertEquals(2, (Integer) sRow.getAs("n_with_data"));
        assertEquals("BOL", sRow.getAs("imputed_areas"));
        assertEquals("unodc_subregion", sRow.getAs("level"));
        assertEquals("South America", sRow.getAs("area_name"));
        // Central America has no data of its own: imputed from the region, coverage 0 -> withheld
        Row central = a.stream().filter(r -> r.getAs("ref_area").equals("UNODC_AME_CENTRAL")
                && r.getAs("indicator").equals("prevalence_annual") && r.getAs("time_period").equals("2020"))
                .findFirst().orElseThrow();
        assertNull(central.getAs("value"));
        assertEquals("missing", central.getAs("obs_status"));
        assertEquals("low-coverage", central.getAs("obs_flags"));
        assertTrue(((String) central.getAs("notes")).startsWith("value withheld: coverage"));
        // one world, from the M49 scheme; FRA has no bounds, so the world has none
        List<Row> worlds = a.stream().filter(r -> r.getAs("ref_area").equals("WLD")
                && r.getAs("indicator").equals("prevalence_annual") && r.getAs("time_period").equals("2020")).toList();
        assertEquals(1, worlds.size());
        assertNull(worlds.get(0).getAs("lower"));
        assertEquals(6, (Integer) worlds.get(0).getAs("n_areas"));
    }

    @Test
    void aWindowUsesEachCountrysLatestValueAndListsTheCarriedCountries() {
        Dataset<Row> d = spark.createDataFrame(obs, Schemas.EXTRACT);
        List<Row> a = AggregateStep.run(d, membership, 0.5, 3).filter(col("indicator").equalTo("prevalence_annual")
                .and(col("time_period").equalTo("2020"))).collectAsList();
        Row south = a.stream().filter(r -> r.getAs("ref_area").equals("UNODC_AME_SOUTH")).findFirst().orElseThrow();
        assertEquals("BOL:2018", south.getAs("carried_areas"));
        assertEquals(3, (Integer) south.getAs("n_with_data"));
        double expected = (3.1 * POP[0] + 1.2 * POP[1] + 4.5 * POP[2]) / (POP[0] + POP[1] + POP[2]);
        assertEquals(expected, (Double) south.getAs("value"), 1e-12);
        Row world = a.stream().filter(r -> r.getAs("ref_area").equals("WLD")).findFirst().orElseThrow();
        assertEquals("BOL:2018", world.getAs("carried_areas"));
        Row west = a.stream().filter(r -> r.getAs("ref_area").equals("UNODC_EUR_WEST")).findFirst().orElseThrow();
        assertNull(west.getAs("carried_areas"));
    }

    @Test
    void quantitiesAreExactSumsOfReportedValuesWithPopulationCoverage() {
        List<Row> a = aggregates(3);
        Row world = a.stream().filter(r -> r.getAs("ref_area").equals("WLD")
                && r.getAs("indicator").equals("seizures_quantity")).findFirst().orElseThrow();
        assertEquals(538_100.625, (Double) world.getAs("value"), 0.0);
        assertEquals((POP[0] + POP[1] + POP[4]) / (POP[0] + POP[1] + POP[2] + POP[3] + POP[4] + POP[5]),
                (Double) world.getAs("coverage"), 1e-15);
        assertEquals(3, (Integer) world.getAs("n_with_data"));
        assertEquals(6, (Integer) world.getAs("n_areas"));
        Row south = a.stream().filter(r -> r.getAs("ref_area").equals("M49_005")
                && r.getAs("indicator").equals("seizures_quantity")).findFirst().orElseThrow();
        assertEquals(525_100.625, (Double) south.getAs("value"), 0.0);
        assertEquals("m49_subregion", south.getAs("level"));
        // the weights are aggregated too (regional populations, used for people who use drugs)
        Row pop = a.stream().filter(r -> r.getAs("ref_area").equals("WLD") && r.getAs("time_period").equals("2020")
                && r.getAs("indicator").equals("population_15_64")).findFirst().orElseThrow();
        assertEquals(POP[0] + POP[1] + POP[2] + POP[3] + POP[4] + POP[5], (Double) pop.getAs("value"), 1e-3);
    }
}
