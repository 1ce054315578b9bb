package org.drugstats.core.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.tablesaw.aggregate.AggregateFunctions.count;
import static tech.tablesaw.aggregate.AggregateFunctions.sum;

import java.nio.file.Path;
import java.util.List;
import org.drugstats.core.catalog.Catalog;
import org.drugstats.core.data.Extract;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.ObservationTables;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.geo.UnodcAssignment;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The README's "core as a library" example, compiled and run on the embedded data so that it cannot rot.
 * Keep the code between the markers identical to the README.
 */
class ReadmeExampleTest {

    private static Path data(String dir) {
        String root = System.getProperty("drugstats.project.root", "..");
        return Path.of(root, "data", dir, "extract.parquet");
    }

    @Test
    void readmeShowsTheSameCode() throws java.io.IOException {
        Path root = Path.of(System.getProperty("drugstats.project.root", ".."));
        String source = java.nio.file.Files.readString(
                root.resolve("core/src/test/java/org/drugstats/core/example/ReadmeExampleTest.java"));
        String readme = java.nio.file.Files.readString(root.resolve("README.md"));
        String example = source.substring(source.indexOf("// README example begins"),
                source.indexOf("// README example ends"));
        for (String line : example.lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            assertTrue(readme.contains(line), "README.md lacks the example line: " + line);
        }
    }

    @Test
    void readmeExampleRuns() {
        Path prevalenceFile = data("unodc-wdr2025-prevalence");
        Path populationFile = data("wpp2017-population");
        // README example begins
        // Cannabis users aged 15-64 by UNODC region and survey year: national prevalence x population 15-64.
        Table prevalence = ObservationTables.toTable(ParquetExtracts.read(prevalenceFile));
        Table cannabis = prevalence.where(prevalence.stringColumn("indicator").isEqualTo("prevalence_annual")
                .and(prevalence.stringColumn("drug").isEqualTo("cannabis"))
                .and(prevalence.stringColumn("sex").isEqualTo("T"))
                .and(prevalence.stringColumn("age").isEqualTo("15-64"))) // surveys of other age bases left out
                .selectColumns("ref_area", "time_period", "value", "source");

        Table population = ObservationTables.toTable(ParquetExtracts.read(populationFile));
        Table pop1564 = population.where(population.stringColumn("indicator").isEqualTo("population_15_64"))
                .selectColumns("ref_area", "time_period", "value");
        pop1564.column("value").setName("population");

        Table joined = cannabis.joinOn("ref_area", "time_period").inner(pop1564);
        DoubleColumn users = joined.doubleColumn("value").divide(100).multiply(joined.doubleColumn("population"))
                .setName("users");
        Geography geography = Geography.fromResources();
        StringColumn region = StringColumn.create("region");
        for (String iso3 : joined.stringColumn("ref_area")) {
            region.append(geography.unodc(iso3).map(UnodcAssignment::region).orElse("(no UNODC region)"));
        }
        joined.addColumns(users, region);

        Table byRegion = joined.where(joined.stringColumn("time_period").isIn("2019", "2020", "2021", "2022", "2023"))
                .summarize("users", sum, count).by("region", "time_period"); // countries surveyed that year
        System.out.println(byRegion.sortOn("region", "time_period"));

        // Back to observations, e.g. to write an extract: the conversion is lossless.
        List<Observation> rows = ObservationTables.fromTable(prevalence);
        System.out.println(rows.size() + " observations; first: " + rows.get(0));

        // The catalog's figures with their sources.
        Catalog catalog = Catalog.load();
        System.out.println(catalog.entries().size() + " catalog figures, e.g. " + catalog.entries().get(0).title());
        // README example ends

        Extract original = ParquetExtracts.read(prevalenceFile);
        assertEquals(original.observations(), rows);
        assertTrue(byRegion.rowCount() >= 3, byRegion.print());
        assertTrue(joined.rowCount() > 20, "the join finds country-years with both prevalence and population");
        for (int i = 0; i < joined.rowCount(); i++) {
            double expected = joined.doubleColumn("value").get(i) / 100 * joined.doubleColumn("population").get(i);
            assertEquals(expected, joined.doubleColumn("users").get(i), 1e-6 * expected);
        }
    }
}
