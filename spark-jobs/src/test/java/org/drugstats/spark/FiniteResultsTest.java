package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result table with NaN or an infinity is never published: {@link Publisher#writeParquet} refuses it with one line
 * naming the step, the table, the row's key and the column, and the output folder gets nothing.
 */
class FiniteResultsTest {

    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void session() {
        spark = SparkTestSession.get();
    }

    private static Dataset<Row> trends(double slope) {
        StructType schema = new StructType().add("indicator", DataTypes.StringType)
                .add("ref_area", DataTypes.StringType).add("slope", DataTypes.DoubleType);
        return spark.createDataFrame(List.of(RowFactory.create("seizures_quantity", "BEL", 1.5),
                RowFactory.create("seizures_quantity", "ITA", slope)), schema);
    }

    @Test
    void nanOrInfinityInAResultIsRefusedNamingStepTableKeyAndColumn() {
        Path out = tmp.resolve("out");
        try (Publisher p = Publisher.begin(out)) {
            DrugstatsException e = assertThrows(DrugstatsException.class, () -> p.writeParquet(trends(Double.NaN),
                    "results/trends", "test/1", List.of(), "indicator", "ref_area"));
            assertEquals("step trend, table results/trends, row 2 (indicator=seizures_quantity, ref_area=ITA): column "
                    + "'slope' is NaN; expected a finite number (the step overflowed or divided by zero; nothing was "
                    + "published)", e.getMessage());
            DrugstatsException inf = assertThrows(DrugstatsException.class, () -> p.writeParquet(
                    trends(Double.NEGATIVE_INFINITY), "results/aggregates", "test/1", List.of(), "ref_area"));
            assertTrue(inf.getMessage().startsWith("step aggregate, table results/aggregates, row 2 (ref_area=ITA): "
                    + "column 'slope' is -Infinity;"), inf.getMessage());
            assertFalse(Files.exists(p.staging().resolve("results/trends/part-00000.parquet")));
            assertTrue(p.outputs().isEmpty(), "nothing recorded as published");
        }
        assertFalse(Files.exists(out.resolve("results")), "the output folder got nothing");
    }

    @Test
    void finiteResultsArePublished() {
        try (Publisher p = Publisher.begin(tmp.resolve("ok"))) {
            assertEquals(2, p.writeParquet(trends(2.0), "results/trends", "test/1", List.of(), "indicator"));
        }
    }
}
