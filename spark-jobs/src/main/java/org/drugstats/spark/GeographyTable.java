package org.drugstats.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.drugstats.core.geo.AreaAggregate;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.geo.M49Country;
import org.drugstats.core.geo.UnodcAssignment;

/**
 * Core's {@link Geography} as the membership table of {@link AggregateStep}: every country in its UNODC
 * sub-region and region (the World Drug Report grouping) and in its M49 sub-region and region. Codes are the
 * aggregate codes stored as {@code ref_area} ({@code UNODC_AFR_EAST}, {@code M49_014}); areas outside every M49
 * region (Antarctica) are left out of the M49 scheme.
 */
public final class GeographyTable {

    private GeographyTable() {
    }

    /** Membership rows ({@link AggregateStep#MEMBERSHIP}) of a geography. */
    public static List<Row> rows(Geography g) {
        List<Row> rows = new ArrayList<>();
        for (UnodcAssignment u : g.unodcAssignments()) {
            rows.add(RowFactory.create(AggregateStep.UNODC, u.iso3(), u.subregionCode(), u.subregion(), u.regionCode(),
                    u.region()));
        }
        for (M49Country c : g.countries()) {
            if (c.regionCode().isEmpty() || c.subregionCode().isEmpty()) {
                continue;
            }
            rows.add(RowFactory.create(AggregateStep.M49, c.iso3(), AreaAggregate.m49Code(c.subregionCode()),
                    c.subregion(), AreaAggregate.m49Code(c.regionCode()), c.region()));
        }
        return rows;
    }

    /**
     * The name of every country (by ISO3) and every aggregate (by its {@code ref_area} code) of a geography, with
     * Kosovo ({@code XKX}, reported by UNODC but not an M49 area). The estimation steps name their areas with it.
     */
    public static Map<String, String> areaNames(Geography g) {
        Map<String, String> names = new HashMap<>();
        for (M49Country c : g.countries()) {
            names.put(c.iso3(), c.name());
        }
        for (AreaAggregate a : g.aggregates()) {
            names.put(a.code(), a.name());
        }
        names.putIfAbsent("XKX", "Kosovo");
        return names;
    }

    /** The membership table of core's embedded geography. */
    public static Dataset<Row> membership(SparkSession spark) {
        return membership(spark, Geography.fromResources());
    }

    /** The membership table of a geography. */
    public static Dataset<Row> membership(SparkSession spark, Geography geography) {
        return spark.createDataFrame(rows(geography), AggregateStep.MEMBERSHIP);
    }
}
