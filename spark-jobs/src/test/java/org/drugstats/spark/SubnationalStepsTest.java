package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drugstats.core.data.Column;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deaths and waste-water steps on the committed extracts (data/), against independent values:
 * <ul>
 *   <li>joinpoint of the US and Alabama age-adjusted death rates (SE weights on the log scale, BIC, NCI
 *       segmented inference): {@code core/src/test/reference/deaths_joinpoint_reference.R} (R 4.2.2, stats::lm and an
 *       exhaustive search written from the NCI definitions; output in {@code deaths_joinpoint_reference.out});
 *       tolerance 1e-9 on percentages. The US result is also NCHS Data Brief 329's (joinpoints 2006 and 2014, APCs
 *       10%, 3%, 16%);</li>
 *   <li>population-weighted means and the weekend/weekday ratio: {@code core/src/test/reference/wastewater_means.py}
 *       (Python 3 csv module, a hand computation from the published files; output in {@code wastewater_means.out});
 *       tolerance 1e-9.</li>
 * </ul>
 */
class SubnationalStepsTest {

    static SparkSession spark;
    static Dataset<Row> analysis;
    static final TrendStep.Settings SETTINGS = new TrendStep.Settings("bic", -1, 199, 0.05, 5, 42);

    @BeforeAll
    static void setUp() {
        spark = SparkTestSession.get();
        Path root = Path.of(System.getProperty("drugstats.project.root", ".")).toAbsolutePath().normalize();
        if (root.getFileName() != null && root.getFileName().toString().equals("spark-jobs")) {
            root = root.getParent();
        }
        Dataset<Row> all = null;
        for (String dir : List.of("nchs-drug-poisoning-mortality", "euda-wastewater-2025",
                "euda-wastewater-sites-2025")) {
            Path p = root.resolve("data").resolve(dir).resolve("extract.parquet");
            assertTrue(Files.isRegularFile(p), p + " missing");
            Dataset<Row> d = spark.read().parquet(p.toUri().toString());
            org.apache.spark.sql.Column[] cols = new org.apache.spark.sql.Column[Column.values().length];
            for (Column c : Column.values()) {
                cols[c.ordinal()] = (List.of(d.columns()).contains(c.columnName()) ? col(c.columnName())
                        : lit(null)).cast(Schemas.sparkType(c)).as(c.columnName());
            }
            d = d.select(cols);
            all = all == null ? d : all.unionByName(d);
        }
        analysis = all.cache();
    }

    private static List<Row> segments(List<Row> rows, String subArea) {
        int s = TrendStep.TRENDS.fieldIndex("sub_area");
        return rows.stream().filter(r -> "drug_poisoning_death_rate_age_adjusted".equals(r.getString(1))
                && java.util.Objects.equals(subArea, r.getString(s))).sorted(java.util.Comparator.comparingInt(
                        r -> r.getInt(TrendStep.TRENDS.fieldIndex("segment")))).toList();
    }

    private static double d(Row r, String field) {
        return r.getDouble(TrendStep.TRENDS.fieldIndex(field));
    }

    @Test
    void deathsJoinpointAsTheRReferenceAndNchsDataBrief329() {
        List<Row> rows = DeathsStep.trends(analysis, SETTINGS).trendRows();
        assertEquals(52, rows.stream().map(r -> r.getString(0)).distinct().count(), "50 states, DC and the US");
        List<Row> us = segments(rows, null);
        assertEquals(3, us.size());
        assertEquals("drug_poisoning_death_rate_age_adjusted|USA|T|_T||joinpoint", us.get(0).getString(0));
        double[] apc = {9.63613547333035, 2.99570909528264, 15.69008354959451};
        double[] lo = {7.81899811237676, 1.70456632185203, 11.32851639802859};
        double[] hi = {11.48389812524735, 4.30324296816604, 20.22252577102668};
        double[] start = {1999, 2006, 2014};
        for (int i = 0; i < 3; i++) {
            assertEquals(start[i], d(us.get(i), "seg_start"), 0);
            assertEquals(apc[i], d(us.get(i), "apc"), 1e-9);
            assertEquals(lo[i], d(us.get(i), "apc_lower"), 1e-9);
            assertEquals(hi[i], d(us.get(i), "apc_upper"), 1e-9);
        }
        assertEquals(7.59307135757270, d(us.get(0), "aapc"), 1e-9);
        assertEquals(6.57182055354080, d(us.get(0), "aapc_lower"), 1e-9);
        assertEquals(8.62410854978226, d(us.get(0), "aapc_upper"), 1e-9);
        List<Row> al = segments(rows, "US-AL");
        assertEquals("drug_poisoning_death_rate_age_adjusted|USA|T|_T||joinpoint|US-AL", al.get(0).getString(0));
        assertEquals(4, al.size());
        assertEquals(2011, d(al.get(3), "seg_start"), 0);
        assertEquals(7.59563156628971, d(al.get(3), "apc"), 1e-9);
        assertEquals(4.75099975075506, d(al.get(3), "apc_lower"), 1e-9);
        assertEquals(8.35257439821420, d(al.get(0), "aapc"), 1e-9);
        List<Row> wv = segments(rows, "US-WV");
        assertEquals(1, wv.size());
        assertEquals(10.7469602465272, d(wv.get(0), "apc"), 1e-9);
        assertEquals(8.54714274401378, d(wv.get(0), "aapc_lower"), 1e-9);
    }

    private static double indicator(List<Row> rows, String indicator, String area, String year, String drug,
            String subArea) {
        List<Row> found = rows.stream().filter(r -> r.getString(0).equals(indicator) && r.getString(1).equals(area)
                && r.getString(2).equals(year) && drug.equals(r.getString(Column.DRUG.ordinal()))
                && java.util.Objects.equals(subArea, r.getString(Column.SUB_AREA.ordinal()))).toList();
        assertEquals(1, found.size(), indicator + " " + area + " " + year + " " + drug);
        return found.get(0).getDouble(Column.VALUE.ordinal());
    }

    @Test
    void wastewaterMeansAndRatiosAsTheHandComputation() {
        List<Row> rows = WastewaterStep.indicators(analysis, org.drugstats.core.geo.Geography.fromResources())
                .collectAsList();
        assertEquals(17.265983664640288, indicator(rows, "wastewater_mass_load_mean", "AUT", "2024", "MDMA", null),
                1e-9);
        assertEquals(440.39501325081017, indicator(rows, "wastewater_mass_load_mean", "M49_150", "2024", "cocaine",
                null), 1e-9);
        assertEquals(314.0419028085722, indicator(rows, "wastewater_mass_load_mean", "M49_150", "2011", "cocaine",
                null), 1e-9);
        assertEquals(99.68367593067585, indicator(rows, "wastewater_mass_load_mean", "BEL", "2015", "amphetamine",
                null), 1e-9);
        assertEquals(1.8958130477117818, indicator(rows, "wastewater_weekend_weekday_ratio", "AUT", "2024", "MDMA",
                "AT001"), 1e-12);
        Row europe = rows.stream().filter(r -> r.getString(0).equals("wastewater_mass_load_mean")
                && r.getString(1).equals("M49_150") && r.getString(2).equals("2024")
                && "cocaine".equals(r.getString(Column.DRUG.ordinal()))).findFirst().orElseThrow();
        assertEquals("124 sites, population served 44953855", europe.getString(Column.NOTES.ordinal()));
        org.apache.spark.sql.types.StructType schema = WastewaterStep.indicators(analysis,
                org.drugstats.core.geo.Geography.fromResources()).schema();
        assertEquals(List.of(IndicatorStep.INDICATORS.fieldNames()), List.of(schema.fieldNames()));
        for (org.apache.spark.sql.types.StructField f : IndicatorStep.INDICATORS.fields()) {
            assertEquals(f.dataType(), schema.apply(f.name()).dataType(), f.name());
        }
    }

    @Test
    void wastewaterTrendsFollowTheMinimumLengths() {
        List<Row> rows = WastewaterStep.trends(analysis, SETTINGS).trendRows();
        int n = TrendStep.TRENDS.fieldIndex("n");
        int note = TrendStep.TRENDS.fieldIndex("note");
        int method = TrendStep.TRENDS.fieldIndex("method");
        for (Row r : rows) {
            boolean notFitted = r.getString(note) != null && r.getString(note).startsWith("not fitted");
            int min = "joinpoint".equals(r.getString(method)) ? WastewaterStep.MIN_JOINPOINT
                    : WastewaterStep.MIN_MANN_KENDALL;
            if (r.getInt(n) < min) {
                assertTrue(notFitted, r.toString());
            }
        }
        Row graz = rows.stream().filter(r -> r.getString(0).equals(
                "wastewater_mass_load|AUT|T|_T|MDMA|mann-kendall|AT001")).findFirst().orElseThrow();
        assertNull(graz.get(note), graz.toString());
        assertTrue(graz.getInt(n) >= 5);
    }
}
