package org.drugstats.core.example;

import static tech.tablesaw.aggregate.AggregateFunctions.count;
import static tech.tablesaw.aggregate.AggregateFunctions.sum;

import java.nio.file.Path;
import java.util.List;
import org.drugstats.core.catalog.Catalog;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.ObservationTables;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.geo.UnodcAssignment;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Cannabis users aged 15-64 by UNODC region and survey year, from the extracts in drugstats' data/ directory. */
public final class ReadmeExample {

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "data");
        Path prevalenceFile = data.resolve("unodc-wdr2025-prevalence/extract.parquet");
        Path populationFile = data.resolve("wpp2017-population/extract.parquet");

        Table byRegion = cannabisUsersByRegion(prevalenceFile, populationFile);
        System.out.println(byRegion.sortOn("region", "time_period").printAll());

        // Back to observations, e.g. to write an extract: the conversion is lossless.
        List<Observation> rows = ObservationTables.fromTable(
                ObservationTables.toTable(ParquetExtracts.read(prevalenceFile)));
        System.out.println(rows.size() + " observations; first: " + rows.get(0));

        // The catalog's figures with their sources.
        Catalog catalog = Catalog.load();
        System.out.println(catalog.entries().size() + " catalog figures, e.g. " + catalog.entries().get(0).title());
    }

    /** National prevalence (per cent) x population 15-64, summed by region and year, with the countries counted. */
    public static Table cannabisUsersByRegion(Path prevalenceFile, Path populationFile) {
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

        return joined.where(joined.stringColumn("time_period").isIn("2019", "2020", "2021", "2022", "2023"))
                .summarize("users", sum, count).by("region", "time_period"); // count: countries surveyed that year
    }

    private ReadmeExample() {
    }
}
