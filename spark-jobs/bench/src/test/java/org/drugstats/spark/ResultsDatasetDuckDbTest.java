package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.ObservationTables;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.ParquetTables;
import org.drugstats.core.data.Unit;
import org.drugstats.reports.data.ResultsDataset;
import org.drugstats.reports.model.RunResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Issue 15: the report's one downloadable dataset ({@code report/data/results.csv} and {@code results.parquet},
 * written by {@link ResultsDataset}) reads back in DuckDB — an engine other than ours — with the same rows: the
 * same number, and no row of either file missing from the other (EXCEPT ALL both ways, every column compared with
 * its dictionary type), including text with commas, quotes and a line break, empty values and large numbers. Lives
 * in spark-jobs because DuckDB is a dependency of this module (the bench), not of reports.
 */
class ResultsDatasetDuckDbTest {

    private static final Origin ORIGIN = new Origin("duckdb-roundtrip-fixture", "drugstats test", "Round-trip fixture",
            null, null, null, "2025", null, null, null, true);

    @Test
    void csvAndParquetHoldTheSameRowsReadByDuckDb(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("out");
        writeRun(run);
        ResultsDataset.Written w = ResultsDataset.write(RunResults.load(run), tmp.resolve("data"));
        Path csv = tmp.resolve("data/results.csv");
        Path parquet = tmp.resolve("data/results.parquet");
        assertTrue(Files.isRegularFile(csv) && Files.isRegularFile(parquet));
        // 3 aggregates + 4 indicators written below
        assertEquals(7, w.rows());

        StringBuilder typed = new StringBuilder();
        StringBuilder csvColumns = new StringBuilder();
        for (String[] c : ResultsDataset.COLUMNS) {
            String type = switch (c[1]) {
                case "number" -> "DOUBLE";
                case "integer" -> "BIGINT";
                default -> "VARCHAR";
            };
            typed.append(typed.length() == 0 ? "" : ", ").append(type.equals("VARCHAR")
                    ? "coalesce(CAST(\"" + c[0] + "\" AS VARCHAR), '')" : "CAST(\"" + c[0] + "\" AS " + type + ")")
                    .append(" AS \"").append(c[0]).append('"');
            csvColumns.append(csvColumns.length() == 0 ? "" : ", ").append('\'').append(c[0]).append("': '")
                    .append(type).append('\'');
        }
        String fromCsv = "SELECT " + typed + " FROM read_csv('" + csv + "', header = true, quote = '\"', "
                + "escape = '\"', columns = {" + csvColumns + "})";
        String fromParquet = "SELECT " + typed + " FROM read_parquet('" + parquet + "')";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            assertEquals(7, count(s, "SELECT count(*) FROM (" + fromCsv + ")"));
            assertEquals(7, count(s, "SELECT count(*) FROM (" + fromParquet + ")"));
            assertEquals(0, count(s, "SELECT count(*) FROM (" + fromCsv + " EXCEPT ALL " + fromParquet + ")"));
            assertEquals(0, count(s, "SELECT count(*) FROM (" + fromParquet + " EXCEPT ALL " + fromCsv + ")"));
            // spot values, in base units: 219 million people (unit_mult 6); the hostile note intact
            try (ResultSet r = s.executeQuery("SELECT value, lower, notes FROM (" + fromCsv + ") WHERE "
                    + "indicator = 'people_who_use_drugs'")) {
                assertTrue(r.next());
                assertEquals(219e6, r.getDouble(1), 0.0);
                assertEquals(183e6, r.getDouble(2), 0.0);
                assertEquals("a note, with \"quotes\"\nand a second line", r.getString(3));
            }
            assertEquals(1, count(s, "SELECT count(*) FROM (" + fromParquet + ") WHERE indicator = "
                    + "'prevalence_annual' AND ref_area = 'UNODC_OCE' AND value IS NULL"));
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Observation.Builder obs(String indicator, String area, int year, double value, Unit unit) {
        return Observation.builder().indicator(indicator).refArea(area).timePeriod(year).age("15-64").value(value)
                .unit(unit).origin(ORIGIN.id());
    }

    private static void writeRun(Path run) throws Exception {
        List<Observation> agg = List.of(
                obs("prevalence_annual", "WLD", 2022, 4.3, Unit.PERCENT).lower(3.6).upper(5.3).drug("cannabis")
                        .method("weighted-mean-imputed").obsStatus(ObsStatus.ESTIMATED).build(),
                obs("prevalence_annual", "UNODC_OCE", 2022, 0, Unit.PERCENT).missing().drug("cocaine")
                        .method("weighted-mean-imputed").notes("coverage 0.12 below the minimum 0.5").build(),
                obs("cultivation_area_coca", "UNODC_AME", 2023, 378000, Unit.HECTARES).age("_T").drug("coca bush")
                        .method("sum-of-reported").obsStatus(ObsStatus.ESTIMATED).build());
        Table a = ObservationTables.toTable("aggregates", agg);
        a.addColumns(StringColumn.create("level", List.of("world", "unodc_region", "unodc_region")),
                DoubleColumn.create("coverage", new double[] {0.82, 0.12, 0.09}),
                IntColumn.create("n_areas", new int[] {190, 16, 40}),
                IntColumn.create("n_with_data", new int[] {120, 2, 3}),
                StringColumn.create("imputed_areas", List.of("AFG;ZZX", "", "")));
        ParquetTables.write(Files.createDirectories(run.resolve("results/aggregates")).resolve("part-00000.parquet"),
                a, "drugstats-aggregates/1", List.of(ORIGIN));
        List<Observation> ind = new ArrayList<>();
        ind.add(obs("people_who_use_drugs", "WLD", 2022, 219, Unit.PERSONS).unitMult(6).lower(183.0).upper(270.0)
                .drug("cannabis").method("prevalence x population").notes("a note, with \"quotes\"\nand a second line")
                .obsStatus(ObsStatus.ESTIMATED).build());
        ind.add(obs("seizures_quantity", "WLD", 2023, 2275000, Unit.KILOGRAMS).age("_T").drugGroup("Cocaine-type")
                .method("sum of reported country seizures").build());
        ind.add(obs("treatment_coverage", "GBR_ENG", 0, 20.0, Unit.PERCENT).timePeriod("2010/11").age("18+")
                .drug("alcohol").build());
        ind.add(obs("illicit_financial_flows", "WLD", 2022, 1.4334076157e10, Unit.USD).age("_T").build());
        Table t = ObservationTables.toTable("indicators", ind);
        t.addColumns(StringColumn.create("inputs", List.of("prevalence_annual;population_15_64", "seizures_quantity",
                "people_in_treatment;people_with_sud", "seizures_quantity")));
        ParquetTables.write(Files.createDirectories(run.resolve("results/indicators")).resolve("part-00000.parquet"),
                t, "drugstats-indicators/1", List.of(ORIGIN));
    }
}
