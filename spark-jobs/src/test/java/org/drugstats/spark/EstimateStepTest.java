package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.drugstats.core.data.Column;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.stats.estimate.AgePopulation;
import org.drugstats.core.stats.estimate.AreaEstimate;
import org.drugstats.core.stats.estimate.EstimatesContract;
import org.drugstats.core.stats.estimate.EstimationSettings;
import org.drugstats.core.stats.estimate.NationalEstimates;
import org.drugstats.core.stats.estimate.PopulationTable;
import org.drugstats.core.stats.estimate.SurveyRow;
import org.drugstats.core.stats.estimate.WdrEstimator;
import org.junit.jupiter.api.Test;

/**
 * The Spark step hands core's estimator exactly the inputs the observations hold: unit multipliers applied,
 * population_15_64 as weights, population_by_age for conversions, other sexes, indicators and drugs left out.
 * Compared with core's estimator run on the same inputs written by hand in base units (tolerance 1e-9 relative).
 */
class EstimateStepTest {

    static Row obs(String ind, String area, String period, String sex, String age, Double value, Double lower,
            Double upper, String unit, int mult, String drug) {
        Object[] v = new Object[Column.values().length];
        v[Column.INDICATOR.ordinal()] = ind;
        v[Column.REF_AREA.ordinal()] = area;
        v[Column.TIME_PERIOD.ordinal()] = period;
        v[Column.SEX.ordinal()] = sex;
        v[Column.AGE.ordinal()] = age;
        v[Column.VALUE.ordinal()] = value;
        v[Column.LOWER.ordinal()] = lower;
        v[Column.UPPER.ordinal()] = upper;
        v[Column.UNIT.ordinal()] = unit;
        v[Column.OBS_STATUS.ordinal()] = "normal";
        v[Column.SOURCE.ordinal()] = "s";
        v[Column.ORIGIN.ordinal()] = "o";
        v[Column.UNIT_MULT.ordinal()] = mult;
        v[Column.DRUG.ordinal()] = drug;
        v[Column.METHOD.ordinal()] = "HHS";
        return RowFactory.create(v);
    }

    @Test
    void theStepGivesWhatCoreGivesOnTheSameInputs() {
        String[] countries = {"COL", "PER", "FRA", "DEU"};
        double[] pop = {33.1e6, 22.4e6, 41.0e6, 54.5e6};
        List<Row> rows = new ArrayList<>();
        PopulationTable.Builder pt = PopulationTable.builder();
        for (int i = 0; i < countries.length; i++) {
            for (int y = 2016; y <= 2020; y++) {
                double p = pop[i] * (1 + 0.01 * (y - 2016));
                rows.add(obs("population_15_64", countries[i], Integer.toString(y), "T", "15-64", p / 1e3, null, null,
                        "persons", 3, null));
                pt.put15to64(countries[i], y, p);
            }
        }
        // Colombia's age groups of 2018, for its 12+ survey
        double[] g = {3.7e6, 7.6e6, 8.4e6, 24.9e6, 3.9e6};
        String[] ages = {"0-4", "5-14", "15-24", "25-64", "65+"};
        for (int k = 0; k < 5; k++) {
            rows.add(obs("population_by_age", "COL", "2018", "T", ages[k], g[k], null, null, "persons", 0, null));
        }
        pt.put("COL", 2018, new AgePopulation(g[0], g[1], g[2], g[3], g[4]));
        List<SurveyRow> survey = new ArrayList<>();
        rows.add(obs("prevalence_annual", "COL", "2018/19", "T", "12+", 3.5, 3.0, 4.0, "percent", 0, "cannabis"));
        survey.add(new SurveyRow("COL", "cannabis", "2018/19", "12+", 3.5, 3.0, 4.0, "normal", "HHS", "s", ""));
        rows.add(obs("prevalence_annual", "FRA", "2017", "T", "18-64", 110.0, null, null, "percent", -1, "cannabis"));
        survey.add(new SurveyRow("FRA", "cannabis", "2017", "18-64", 11.0, Double.NaN, Double.NaN, "normal", "HHS",
                "s", ""));
        rows.add(obs("prevalence_annual", "DEU", "2020", "T", "15-64", 0.4, 0.3, 0.5, "percent", 0, "opiates"));
        rows.add(obs("prevalence_annual", "DEU", "2020", "T", "15-64", 0.9, 0.7, 1.1, "percent", 0,
                "prescription opioids"));
        survey.add(new SurveyRow("DEU", "opiates", "2020", "15-64", 0.4, 0.3, 0.5, "normal", "HHS", "s", ""));
        survey.add(new SurveyRow("DEU", "prescription opioids", "2020", "15-64", 0.9, 0.7, 1.1, "normal", "HHS",
                "s", ""));
        // left out: another sex, another indicator, a drug the WDR estimates do not use
        rows.add(obs("prevalence_annual", "PER", "2019", "M", "15-64", 9.0, null, null, "percent", 0, "cannabis"));
        rows.add(obs("prevalence_lifetime", "PER", "2019", "T", "15-64", 20.0, null, null, "percent", 0, "cannabis"));
        rows.add(obs("prevalence_annual", "PER", "2019", "T", "15-64", 2.0, null, null, "percent", 0, "Ketamine"));

        var ds = SparkTestSession.get().createDataFrame(rows, Schemas.EXTRACT);
        EstimationSettings s = EstimationSettings.defaults().withYears(2018, 2020);
        EstimateStep.Result r = EstimateStep.run(SparkTestSession.get(), ds, s);
        List<Row> got = r.rows().collectAsList();

        Geography geo = Geography.fromResources();
        List<AreaEstimate> expected = WdrEstimator.of(s).estimate(NationalEstimates.of(survey, pt.build()), pt.build(),
                geo.unodcAssignments(), Map.of());
        Map<String, Object[]> byKey = new HashMap<>();
        for (AreaEstimate e : expected) {
            for (Object[] v : EstimatesContract.rows(e)) {
                byKey.put(v[0] + "|" + v[2] + "|" + v[4] + "|" + v[7], v);
            }
        }
        assertEquals(byKey.size(), got.size());
        assertTrue(got.size() > 0);
        for (Row row : got) {
            String key = row.getString(0) + "|" + row.getString(2) + "|" + row.getString(4) + "|" + row.getString(7);
            Object[] v = byKey.get(key);
            assertTrue(v != null, key);
            for (int i = 8; i <= 11; i++) {
                double e = (Double) v[i];
                assertEquals(e, row.getDouble(i), 1e-9 * Math.max(1, Math.abs(e)), key + " column " + i);
            }
            assertEquals(v[12], row.getInt(12), key);
            assertEquals(v[13], row.getInt(13), key);
            assertEquals(v[14], row.getString(14), key);
            assertEquals(v[15], row.getString(15), key);
            assertEquals(v[16], row.getString(16), key);
            assertEquals(v[1], row.getString(1), key);
        }
        // the world of 2020 and the Americas carry their WDR names
        assertTrue(got.stream().anyMatch(x -> x.getString(2).equals("WLD") && x.getString(3).equals("World")));
        assertTrue(got.stream().anyMatch(x -> x.getString(2).equals("UNODC_AME") && x.getString(3).equals("Americas")));
        assertEquals(4L, r.detail().get("rows_read"));
        assertEquals(1L, r.detail().get("estimates_age_converted"));
        assertEquals(1L, r.detail().get("estimates_definition_union-of-components"));
    }
}
