package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.drugstats.core.data.Column;
import org.drugstats.core.stats.inequality.AreaConsumption;
import org.drugstats.core.stats.inequality.LorenzCurve;
import org.drugstats.core.stats.sdg.CoverageResult;
import org.drugstats.core.stats.sdg.TreatmentCoverage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Derived indicators: each value is core's computation on the rows it names. */
class IndicatorStepTest {

    static SparkSession spark;
    static Dataset<Row> obs;
    static List<Row> indicators;

    static Row row(String ind, String area, String year, String age, Double value, Double lower, Double upper,
            String unit, int mult, String drug, String group, String flags) {
        Object[] v = new Object[Column.values().length];
        v[Column.INDICATOR.ordinal()] = ind;
        v[Column.REF_AREA.ordinal()] = area;
        v[Column.TIME_PERIOD.ordinal()] = year;
        v[Column.SEX.ordinal()] = "T";
        v[Column.AGE.ordinal()] = age;
        v[Column.VALUE.ordinal()] = value;
        v[Column.LOWER.ordinal()] = lower;
        v[Column.UPPER.ordinal()] = upper;
        v[Column.UNIT.ordinal()] = unit;
        v[Column.OBS_STATUS.ordinal()] = "normal";
        v[Column.ORIGIN.ordinal()] = "o-" + ind;
        v[Column.UNIT_MULT.ordinal()] = mult;
        v[Column.DRUG.ordinal()] = drug;
        v[Column.DRUG_GROUP.ordinal()] = group;
        v[Column.OBS_FLAGS.ordinal()] = flags;
        return RowFactory.create(v);
    }

    @BeforeAll
    static void setUp() {
        spark = SparkTestSession.get();
        List<Row> r = new ArrayList<>();
        r.add(row("prevalence_annual", "COL", "2020", "15-64", 3.1, 2.5, 3.9, "percent", 0, "cannabis", null, null));
        r.add(row("prevalence_annual", "COL", "2020", "12-65", 3.6, null, null, "percent", 0, "cannabis", null, null));
        r.add(row("population_15_64", "COL", "2020", "15-64", 33_100.0, null, null, "persons", 3, null, null, null));
        r.add(row("sdg_3_5_1_alcohol_people_in_treatment", "GB-ENG", "2010/11", "_T", 116_243.0, null, null, "persons", 0,
                null, null, null));
        r.add(row("sdg_3_5_1_alcohol_estimated_prevalence", "GB-ENG", "2010/11", "_T", 580_974.0, null, null, "persons",
                0, null, null, null));
        r.add(row("sdg_3_5_1_alcohol_met_need", "GB-ENG", "2010/11", "_T", 20.0082964125761, null, null, "percent", 0,
                null, null, null));
        r.add(row("opioid_consumption", "COL", "2015-2017", "_T", 5.0, null, null, "kg-per-100k", 0, null, null, null));
        r.add(row("opioid_consumption", "PER", "2015-2017", "_T", 0.0, null, null, "kg-per-100k", 0, null, null, null));
        r.add(row("opioid_consumption", "FRA", "2015-2017", "_T", 40.0, null, null, "kg-per-100k", 0, null, null, null));
        r.add(row("population_total", "COL", "2016", "_T", 48_000_000.0, null, null, "persons", 0, null, null, null));
        r.add(row("population_total", "PER", "2016", "_T", 31_000_000.0, null, null, "persons", 0, null, null, null));
        r.add(row("population_total", "FRA", "2016", "_T", 66_000_000.0, null, null, "persons", 0, null, null, null));
        r.add(row("seizures_quantity", "COL", "2020", "_T", 505_000.125, null, null, "kg", 0, "Cocaine hydrochloride",
                "Cocaine-type", null));
        r.add(row("seizures_quantity", "COL", "2020", "_T", 10.5, null, null, "kg", 0, "Coca paste", "Cocaine-type", null));
        r.add(row("seizures_quantity", "PER", "2020", "_T", 20_100.5, null, null, "kg", 0, "Cocaine hydrochloride",
                "Cocaine-type", null));
        for (String[] c : new String[][] {{"COL", "2019", "154000"}, {"COL", "2020", "143000"}, {"PER", "2019", "54700"},
            {"PER", "2020", "61800"}, {"BOL", "2019", "25500"}, {"BOL", "2020", "29400"}}) {
            r.add(row("cultivation_area_coca", c[0], c[1], "_T", Double.parseDouble(c[2]), null, null, "hectares", 0,
                    "coca bush", null, null));
        }
        r.add(row("cultivation_area_coca", "WLD", "2019", "_T", 234_200.0, null, null, "hectares", 0, "coca bush", null,
                "published-aggregate"));
        r.add(row("cultivation_area_coca", "WLD", "2020", "_T", 234_200.0, null, null, "hectares", 0, "coca bush", null,
                "published-aggregate"));
        obs = spark.createDataFrame(r, Schemas.EXTRACT);
        Dataset<Row> membership = spark.createDataFrame(List.of(
                RowFactory.create("unodc", "COL", "UNODC_AME_SOUTH", "South America", "UNODC_AME", "Americas"),
                RowFactory.create("unodc", "PER", "UNODC_AME_SOUTH", "South America", "UNODC_AME", "Americas"),
                RowFactory.create("unodc", "BOL", "UNODC_AME_SOUTH", "South America", "UNODC_AME", "Americas"),
                RowFactory.create("unodc", "FRA", "UNODC_EUR_WEST", "Western and Central Europe", "UNODC_EUR", "Europe")),
                AggregateStep.MEMBERSHIP);
        Dataset<Row> aggregates = spark.createDataFrame(List.of(), AggregateStep.AGGREGATES);
        indicators = IndicatorStep.run(obs, aggregates, membership)
                .unionByName(TreatmentStep.run(spark, obs.filter(org.apache.spark.sql.functions.col("indicator")
                        .startsWith(TreatmentStep.SDG_PREFIX))), true)
                .collectAsList();
    }

    static List<Row> find(String indicator, String area) {
        return indicators.stream().filter(r -> r.getAs("indicator").equals(indicator) && r.getAs("ref_area").equals(area))
                .toList();
    }

    @Test
    void peopleWhoUseDrugsIsPrevalenceTimesPopulationOnTheSameBase() {
        List<Row> p = find(IndicatorStep.PWUD, "COL");
        assertEquals(1, p.size(), "only the 15-64 prevalence is combined with the 15-64 population");
        assertEquals(0.031 * 33_100_000, (Double) p.get(0).getAs("value"), 1e-6);
        assertEquals(0.025 * 33_100_000, (Double) p.get(0).getAs("lower"), 1e-6);
        assertEquals(0.039 * 33_100_000, (Double) p.get(0).getAs("upper"), 1e-6);
        assertEquals("prevalence_annual;population_15_64", p.get(0).getAs("inputs"));
        assertEquals("cannabis", p.get(0).getAs("drug"));
    }

    @Test
    void sdgCoverageGapAndOneInNAreCoresRatios() {
        CoverageResult c = TreatmentCoverage.withDefaults().compute(116_243, 580_974);
        assertEquals(c.coveragePercent(), (Double) find(IndicatorStep.COVERAGE, "GB-ENG").get(0).getAs("value"), 0.0);
        // ONS published met need 2010/11: 20.0082964125761 (116,243 / 580,974 x 100)
        assertEquals(20.0082964125761, (Double) find(IndicatorStep.COVERAGE, "GB-ENG").get(0).getAs("value"), 1e-12);
        assertEquals(100 - c.coveragePercent(), (Double) find(IndicatorStep.GAP, "GB-ENG").get(0).getAs("value"), 1e-12);
        assertEquals(5.0, (Double) find(IndicatorStep.ONE_IN_N, "GB-ENG").get(0).getAs("value"), 0.0);
        assertTrue(((String) find(IndicatorStep.COVERAGE, "GB-ENG").get(0).getAs("notes")).startsWith("published met need"));
    }

    @Test
    void consumptionPerCapitaForCountriesAndAggregates() {
        // 5 kg per 100,000 = 50 mg per capita
        assertEquals(50.0, (Double) find(IndicatorStep.CONSUMPTION, "COL").get(0).getAs("value"), 1e-12);
        // South America: (5 x 480 + 0 x 310) kg / 79e6 people
        double kg = 5.0 * 48_000_000 / 1e5;
        assertEquals(kg * 1e6 / 79_000_000, (Double) find(IndicatorStep.CONSUMPTION, "UNODC_AME_SOUTH").get(0).getAs("value"),
                1e-9);
        double world = (kg + 40.0 * 66_000_000 / 1e5) * 1e6 / (48e6 + 31e6 + 66e6);
        assertEquals(world, (Double) find(IndicatorStep.CONSUMPTION, "WLD").get(0).getAs("value"), 1e-9);
    }

    @Test
    void seizuresAreSummedByDrugGroupForCountriesAndRegions() {
        Row col = find(SeizureTotalsStep.INDICATOR, "COL").get(0);
        assertEquals(505_010.625, (Double) col.getAs("value"), 0.0);
        assertEquals("Cocaine-type", col.getAs("drug_group"));
        assertNull(col.getAs("drug"));
        assertEquals(525_111.125, (Double) find(SeizureTotalsStep.INDICATOR, "UNODC_AME_SOUTH").get(0).getAs("value"), 0.0);
        assertEquals(525_111.125, (Double) find(SeizureTotalsStep.INDICATOR, "WLD").get(0).getAs("value"), 0.0);
    }

    @Test
    void cultivationTotalsQuoteThePublishedTotalAndChangesArePercentChanges() {
        List<Row> w = find(IndicatorStep.CULTIVATION, "WLD").stream()
                .sorted((a, b) -> ((String) a.getAs("time_period")).compareTo(b.getAs("time_period"))).toList();
        assertEquals(234_200.0, (Double) w.get(0).getAs("value"), 0.0);
        assertNull(w.get(0).getAs("obs_flags"));
        assertEquals(234_200.0, (Double) w.get(1).getAs("value"), 0.0);
        List<Row> ch = find(IndicatorStep.CULTIVATION + IndicatorStep.CHANGE_SUFFIX, "COL");
        assertEquals(1, ch.size());
        assertEquals(100.0 * (143_000 - 154_000) / 154_000, (Double) ch.get(0).getAs("value"), 1e-12);
        assertEquals("percent-change", ch.get(0).getAs("unit"));
        List<Row> wch = find(IndicatorStep.CULTIVATION + IndicatorStep.CHANGE_SUFFIX, "WLD");
        assertEquals(0.0, (Double) wch.get(0).getAs("value"), 1e-12);
    }

    @Test
    void inequalityIsCoresLorenzCurve() throws Exception {
        InequalityStep.Result r = InequalityStep.run(spark, obs, Set.of("COL", "PER", "FRA", "BOL"), List.of(0.5),
                List.of(0.075), OptionalDouble.of(100.0));
        assertEquals(3, r.areas());
        LorenzCurve c = LorenzCurve.of(List.of(AreaConsumption.of("COL", 48e6, 2400), AreaConsumption.of("PER", 31e6, 0),
                AreaConsumption.of("FRA", 66e6, 26_400)));
        JsonNode j = new ObjectMapper().readTree(r.json());
        assertEquals(c.gini(), j.get("gini").asDouble(), 1e-15);
        List<Row> pts = r.points().orderBy(col("rank")).collectAsList();
        assertEquals(List.of("PER", "COL", "FRA"), pts.stream().map(p -> p.getString(2)).toList());
        assertEquals(1.0, pts.get(2).getDouble(7), 1e-15);
        // FRA: 400 mg per capita against a benchmark of 100: adequate; PER: 0 -> virtually none
        assertEquals("adequate", pts.get(2).getString(9));
        assertEquals("virtually none", pts.get(0).getString(9));
    }
}
