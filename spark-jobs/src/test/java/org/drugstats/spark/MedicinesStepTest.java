package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.drugstats.core.data.Column;
import org.drugstats.core.geo.Geography;
import org.junit.jupiter.api.Test;

/**
 * Morphine equivalent per capita in the pipeline: a hand-computed fixture of two reporting countries (COL, PER, one
 * UNODC subregion) and one country without a report (BOL: all six drugs missing), WPP-style population by age.
 */
class MedicinesStepTest {

    static void drugs(List<Row> r, String area, String year, Double... kg) {
        String[] d = {"morphine", "fentanyl", "oxycodone", "pethidine", "hydrocodone", "codeine"};
        for (int i = 0; i < 6; i++) {
            Row x = IndicatorStepTest.row(MedicinesStep.QUANTITY, area, year, "_T", kg[i], null, null, "kg", 0, d[i],
                    null, null);
            Object[] v = new Object[x.length()];
            for (int j = 0; j < v.length; j++) {
                v[j] = x.get(j);
            }
            if (kg[i] == null) {
                v[Column.OBS_STATUS.ordinal()] = "missing";
            }
            r.add(org.apache.spark.sql.RowFactory.create(v));
        }
    }

    static void population(List<Row> r, String area, String year, double young, double mid, double old) {
        r.add(IndicatorStepTest.row(MedicinesStep.POP_BY_AGE, area, year, "0-14", young, null, null, "persons", 0, null,
                null, null));
        r.add(IndicatorStepTest.row(AggregateStep.POPULATION, area, year, "15-64", mid, null, null, "persons", 0, null,
                null, null));
        r.add(IndicatorStepTest.row(MedicinesStep.POP_BY_AGE, area, year, "65+", old, null, null, "persons", 0, null,
                null, null));
        r.add(IndicatorStepTest.row(MedicinesStep.POP_BY_AGE, area, year, "0-4", 1.0, null, null, "persons", 0, null,
                null, null));
    }

    @Test
    void countriesRegionsAndTheLorenzCurve() {
        List<Row> r = new ArrayList<>();
        drugs(r, "COL", "2013", 10.0, 0.1, 2.0, 1.0, 0.0, 20.0);
        drugs(r, "PER", "2013", 1.0, 0.0, 0.0, 3.0, 0.0, 0.0);
        drugs(r, "BOL", "2013", null, null, null, null, null, null);
        population(r, "COL", "2013", 12e6, 32e6, 4e6);
        population(r, "PER", "2013", 8e6, 20e6, 2e6);
        population(r, "BOL", "2013", 3e6, 6e6, 1e6);
        MedicinesStep.Result m = MedicinesStep.run(SparkTestSession.get(),
                SparkTestSession.get().createDataFrame(r, Schemas.EXTRACT), Geography.fromResources(),
                List.of(0.5), List.of(0.1));
        List<Row> ind = m.indicators().collectAsList();
        // COL: 10 + 0.1 x 83.3 + 2 x 1.33 + 1 x 0.133 + 0 + 20 x 0.15 = 24.123 kg ME over 48e6 people
        double col = 24.123;
        double per = 1 + 3 * 0.133;
        assertEquals(col * 1e6 / 48e6, value(ind, "COL"), 1e-12);
        assertEquals(per * 1e6 / 30e6, value(ind, "PER"), 1e-12);
        assertTrue(ind.stream().noneMatch(x -> "BOL".equals(x.getAs("ref_area"))), "no report is not zero");
        // South America over the two reporting countries; notes give their share of the three members' population
        assertEquals((col + per) * 1e6 / 78e6, value(ind, "UNODC_AME_SOUTH"), 1e-12);
        Row south = ind.stream().filter(x -> "UNODC_AME_SOUTH".equals(x.getAs("ref_area"))).findFirst().orElseThrow();
        assertTrue(((String) south.getAs("notes")).startsWith("2 reporting countries, 88.6% of the members'"),
                (String) south.getAs("notes"));
        assertEquals((col + per) * 1e6 / 78e6, value(ind, "WLD"), 1e-12);
        assertEquals(2, m.areas());
        assertEquals("2013", m.year());
        // two countries: PER (per capita 0.0466) below COL (0.5026); Gini of a two-group Lorenz curve = F1 - L1
        double f1 = 30.0 / 78;
        double l1 = per / (col + per);
        assertEquals(f1 - l1, gini(m.json()), 1e-12);
    }

    static double gini(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("gini").asDouble();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static double value(List<Row> rows, String area) {
        return rows.stream().filter(x -> area.equals(x.getAs("ref_area"))).findFirst().orElseThrow().getAs("value");
    }
}
