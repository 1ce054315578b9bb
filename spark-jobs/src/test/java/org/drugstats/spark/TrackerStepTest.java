package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.tracker.Challenge;
import org.drugstats.core.tracker.ChallengeIndicator;
import org.drugstats.core.tracker.TrackedSeries;
import org.drugstats.core.tracker.YearValue;
import org.junit.jupiter.api.Test;

/** How the tracker step reads a series out of result rows (no Spark session needed: rows are collected). */
class TrackerStepTest {
    private static final StructType S = new StructType().add("indicator", DataTypes.StringType)
            .add("ref_area", DataTypes.StringType).add("time_period", DataTypes.StringType)
            .add("sex", DataTypes.StringType).add("age", DataTypes.StringType).add("drug", DataTypes.StringType)
            .add("drug_group", DataTypes.StringType).add("value", DataTypes.DoubleType)
            .add("lower", DataTypes.DoubleType).add("upper", DataTypes.DoubleType)
            .add("unit", DataTypes.StringType).add("unit_mult", DataTypes.IntegerType)
            .add("method", DataTypes.StringType).add("source", DataTypes.StringType)
            .add("area_name", DataTypes.StringType).add("n_with_data", DataTypes.IntegerType)
            .add("n_areas", DataTypes.IntegerType);

    private static Row row(String area, String period, String sex, String drug, Double value, Double lower,
            Double upper, int unitMult, Integer nWith) {
        return new GenericRowWithSchema(new Object[] {"seizures_total", area, period, sex, "", drug, "", value, lower,
            upper, "kg", unitMult, "m", "UNODC annex 7.1", area.equals("WLD") ? "World" : null, nWith, 200}, S);
    }

    @Test
    void oneValuePerYearSexTotalFirstScaledToBaseUnitsInTheOrderOfTheAreas() {
        List<Row> rows = new ArrayList<>(List.of(
                row("WLD", "2019", "M", "cocaine", 9.0, null, null, 0, 90),
                row("WLD", "2019", "T", "cocaine", 1.4, 1.2, 1.6, 3, 90),
                row("WLD", "2020/21", "T", "cocaine", 1.5, null, null, 3, 95),
                row("WLD", "2021", "T", "heroin", 7.0, null, null, 0, 50),
                row("UNODC_AME", "2019", "T", "cocaine", 800.0, null, null, 0, 30),
                row("UNODC_EUR", "2019", "T", "cocaine", 200.0, null, null, 0, 40)));
        ChallengeIndicator m = new ChallengeIndicator(Challenge.B, "indicators", "seizures_total", "cocaine", "",
                "WLD;UNODC_AME", "Cocaine seizures", "supply.html", "why");
        List<TrackedSeries> s = TrackerStep.series(m, rows, List.of("WLD", "UNODC_AME"), "results/indicators");
        assertEquals(2, s.size());
        TrackedSeries w = s.get(0);
        assertEquals("WLD", w.refArea());
        assertEquals("World", w.areaName());
        assertEquals(List.of(YearValue.of(2019, 1400, 1200, 1600), YearValue.of(2020, 1500)), w.values());
        assertEquals("2 values, 2019–2020; 2020: 95 of 200 countries with data", w.coverage());
        assertEquals("UNODC annex 7.1; results/indicators", w.source());
        assertEquals("UNODC_AME", s.get(1).refArea());
        assertEquals("UNODC_AME", s.get(1).areaName(), "no area name in the row: the code");
    }

    @Test
    void regionsAreTheWorldAndTheFiveUnodcRegions() {
        assertEquals(List.of("WLD", "UNODC_AFR", "UNODC_AME", "UNODC_ASI", "UNODC_EUR", "UNODC_OCE"),
                TrackerStep.areas("regions", Geography.fromResources()));
        assertEquals(List.of("KAZ", "ESP"), TrackerStep.areas("KAZ; ESP", Geography.fromResources()));
    }

    @Test
    void anEstimateRestingOnCarriedOrImputedCountriesSaysSo() {
        StructType e = new StructType().add("carried_areas", DataTypes.StringType)
                .add("imputed_areas", DataTypes.StringType).add("n_areas", DataTypes.IntegerType);
        Row some = new GenericRowWithSchema(new Object[] {"AFG:2018;DZA:2015", "TCD", 54}, e);
        assertEquals("Caution: in 2023, 2 of the 54 countries carry a survey from an earlier year and 1 are imputed, so"
                + " much of the change is population growth at unchanged prevalence, not a measured change in use.",
                TrackerStep.carriedCaveat(some, 2023));
        Row none = new GenericRowWithSchema(new Object[] {null, null, 54}, e);
        assertEquals("", TrackerStep.carriedCaveat(none, 2023));
    }

    @Test
    void timePeriodsGiveTheirStartYear() {
        assertEquals(2020, TrackerStep.year("2020/21"));
        assertEquals(2019, TrackerStep.year("2019"));
        assertNull(TrackerStep.year("n.a."));
    }
}
