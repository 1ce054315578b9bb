package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.drugstats.core.catalog.Catalog;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.ParquetExtracts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opium poppy in the indicators table, on the embedded extract of WDR 2025 annex 6.2.1
 * ({@code data/unodc-wdr2025-opium-poppy-cultivation}). Expected values are read off the workbook
 * (6.2.1_opium_poppy_cultivation.xlsx, sheet 'Sheet1': row 6-8 Afghanistan best/lower/upper, row 24-26 the
 * unrounded total with its bounds, row 27 the rounded total; column M = 2018, O = 2019, L = 2017) and the changes are
 * computed here by hand from those cells, not from the extract.
 */
class CultivationStepTest {

    static Map<String, Row> rows = new HashMap<>();
    static List<Row> all;

    static Row toRow(Observation o) {
        Object[] v = new Object[Column.values().length];
        for (Column c : Column.values()) {
            String t = o.text(c);
            v[c.ordinal()] = t == null || t.isEmpty() ? null : switch (c.type()) {
                case DOUBLE -> Double.parseDouble(t);
                case INT -> Integer.parseInt(t);
                case STRING -> t;
            };
        }
        return RowFactory.create(v);
    }

    @BeforeAll
    static void setUp() {
        SparkSession spark = SparkTestSession.get();
        Path extract = Path.of(System.getProperty("user.dir")).getParent()
                .resolve("data/unodc-wdr2025-opium-poppy-cultivation/extract.parquet");
        List<Row> in = new ArrayList<>();
        ParquetExtracts.read(extract).observations().forEach(o -> in.add(toRow(o)));
        all = CultivationStep.run(spark.createDataFrame(in, Schemas.EXTRACT), Catalog.load(),
                org.drugstats.core.geo.Geography.fromResources()).collectAsList();
        for (Row r : all) {
            String key = r.getAs("indicator") + "|" + r.getAs("ref_area") + "|" + r.getAs("time_period") + "|"
                    + r.getAs("method");
            assertNull(rows.put(key, r), "one row per indicator, area, year and method: " + key);
        }
    }

    private static Row get(String ind, String area, int year, String method) {
        Row r = rows.get(ind + "|" + area + "|" + year + "|" + method);
        assertNotNull(r, ind + " " + area + " " + year + " " + method);
        return r;
    }

    private static Double value(Row r) {
        return r.isNullAt(r.fieldIndex("value")) ? null : r.getDouble(r.fieldIndex("value"));
    }

    @Test
    void afghanistanWithBoundsAndTheYearTheWorkbookDoesNotHoldAsMissing() {
        Row afg18 = get(CultivationStep.AREA, "AFG", 2018, "as-published");
        assertEquals(263_000.0, value(afg18), 0.0); // M6
        assertEquals(242_000.0, afg18.getDouble(afg18.fieldIndex("lower")), 0.0); // M7
        assertEquals(283_000.0, afg18.getDouble(afg18.fieldIndex("upper")), 0.0); // M8
        assertEquals("hectares", afg18.getAs("unit"));
        // named as M49 names it, not by the annex row label "   Afghanistan (best estimate)"
        assertEquals("Afghanistan", afg18.getAs("area_name"));

        Row afg19 = get(CultivationStep.AREA, "AFG", 2019, "as-published");
        assertNull(value(afg19)); // O6 is ='[1]OVERALL CALCULATION'!O6, cached 0: missing, not zero
        assertEquals("missing", afg19.getAs("obs_status"));
        assertEquals(149_000.0, afg19.getDouble(afg19.fieldIndex("lower")), 0.0); // O7
        assertEquals(178_000.0, afg19.getDouble(afg19.fieldIndex("upper")), 0.0); // O8
        assertTrue(((String) afg19.getAs("obs_flags")).contains("stale-formula"));
        assertTrue(((String) afg19.getAs("notes")).contains("another workbook"), (String) afg19.getAs("notes"));
        // Myanmar 2019 (cached 4,624) and Mexico 2019 (cached 33,100) are not read either
        assertNull(value(get(CultivationStep.AREA, "MMR", 2019, "as-published")));
        assertNull(value(get(CultivationStep.AREA, "MEX", 2019, "as-published")));
        // Colombia: no cell after 2018 (M17 is its last value)
        Row col19 = get(CultivationStep.AREA, "COL", 2019, "as-published");
        assertNull(value(col19));
        assertEquals("no best estimate: the source holds no value for this year", col19.getAs("notes"));
        // no area row anywhere is zero
        assertFalse(all.stream().anyMatch(r -> CultivationStep.AREA.equals(r.getAs("indicator"))
                && Double.valueOf(0.0).equals(value(r))));
    }

    @Test
    void worldTotalAsPublishedWithBoundsTheSumOfThePartsAndTheCatalogFigures() {
        Row w18 = get(CultivationStep.AREA, "WLD", 2018, "published-total");
        assertEquals(345_703.2912498035, value(w18), 1e-9); // M24
        assertEquals(310_303.2912498035, w18.getDouble(w18.fieldIndex("lower")), 1e-9); // M25
        assertEquals(382_403.2912498035, w18.getDouble(w18.fieldIndex("upper")), 1e-9); // M26
        String notes = w18.getAs("notes");
        assertTrue(notes.contains("published rounded 345700"), notes); // M27
        // 345,703.29 - 345,900 (WDR 2019) = -196.708750...; 345,703.29 - 345,700 (annex, rounded) = 3.29...
        assertTrue(notes.contains("345900 ha") && notes.contains("difference -196.70875"), notes);
        assertTrue(notes.contains("345700 ha") && notes.contains("difference 3.29124980"), notes);
        // 2018 parts: 263,000 + 4,925 + 37,300 + 663 + 28,000 + 11,815.291249803489 (M6, M10, M13, M17, M18, M23)
        Row s18 = get(CultivationStep.AREA, "WLD", 2018, "sum-of-countries");
        assertEquals(263_000 + 4_925 + 37_300 + 663 + 28_000 + 11_815.291249803489, value(s18), 1e-6);
        assertNull(s18.getAs("lower")); // the Lao PDR, Colombia and the residual have no bounds in 2018
        // 2019: the published total exists (O24), the sum cannot be made
        assertEquals(236_650.58452662788, value(get(CultivationStep.AREA, "WLD", 2019, "published-total")), 1e-9);
        Row s19 = get(CultivationStep.AREA, "WLD", 2019, "sum-of-countries");
        assertNull(value(s19));
        assertEquals("missing", s19.getAs("obs_status"));
        assertTrue(((String) s19.getAs("notes")).contains("AFG"), (String) s19.getAs("notes"));
    }

    @Test
    void yearOnYearChangesComputedByHandFromTheWorkbookCells() {
        String ch = CultivationStep.CHANGE;
        // world 2017 -> 2018: L24 414,000.61, M24 345,703.2912498035
        assertEquals(100 * (345_703.2912498035 - 414_000.61) / 414_000.61,
                value(get(ch, "WLD", 2018, "percent-change")), 1e-9); // -16.497%
        // world 2018 -> 2019: O24 236,650.58452662788
        assertEquals(100 * (236_650.58452662788 - 345_703.2912498035) / 345_703.2912498035,
                value(get(ch, "WLD", 2019, "percent-change")), 1e-9); // -31.545%
        // Afghanistan 2022 -> 2023: R6 233,000, S6 10,800
        assertEquals(100 * (10_800.0 - 233_000.0) / 233_000.0, value(get(ch, "AFG", 2023, "percent-change")), 1e-9);
        assertEquals(100 * (263_000.0 - 328_000.0) / 328_000.0, value(get(ch, "AFG", 2018, "percent-change")), 1e-9);
        // no change into or out of the year without an estimate
        assertNull(rows.get(ch + "|AFG|2019|percent-change"));
        assertNull(rows.get(ch + "|AFG|2020|percent-change"));
        assertEquals("percent-change", get(ch, "AFG", 2021, "percent-change").getAs("unit"));
    }
}
