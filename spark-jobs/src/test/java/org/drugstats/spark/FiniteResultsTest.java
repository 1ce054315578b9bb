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
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.PathInputFile;
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

    /**
     * Only the number columns are read to check a file; the row's key is read again for the message, from the row
     * group that holds it (here the last of four: 40 rows, 10 a group).
     */
    @Test
    void theRowNamedIsFoundInALaterRowGroupAndFloatColumnsAreChecked() throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType("message t { required binary indicator (STRING); "
                + "optional binary ref_area (STRING); optional double value; optional float share; "
                + "required int64 n; }");
        Path ok = tmp.resolve("ok.parquet");
        Path bad = tmp.resolve("bad.parquet");
        write(ok, schema, Float.NaN, -1);
        write(bad, schema, Float.POSITIVE_INFINITY, 34);
        try (ParquetFileReader r = ParquetFileReader.open(PathInputFile.of(bad))) {
            assertEquals(4, r.getRowGroups().size(), "row groups of ten rows");
        }
        FiniteResults.check(ok, "results/indicators", List.of("indicator", "ref_area"));
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> FiniteResults.check(bad, "results/indicators", List.of("indicator", "ref_area")));
        assertEquals("step indicator, table results/indicators, row 35 (indicator=i3, ref_area=A34): column 'share' "
                + "is Infinity; expected a finite number (the step overflowed or divided by zero; nothing was "
                + "published)", e.getMessage());
    }

    /** 40 rows in row groups of 10; every third value and share null; {@code special} in share at row {@code at}. */
    private static void write(Path file, MessageType schema, float special, int at) throws Exception {
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withRowGroupSize(1L).withMinRowCountForPageSizeCheck(10).withMaxRowCountForPageSizeCheck(10)
                .build()) {
            for (int i = 0; i < 40; i++) {
                Group g = groups.newGroup().append("indicator", "i" + (i / 10)).append("n", (long) i);
                if (i % 3 != 0) {
                    g.append("ref_area", "A" + i).append("value", i * 0.5).append("share", i == at ? special : 0.25f);
                } else if (i == at) {
                    throw new IllegalArgumentException("row " + at + " has no share");
                }
                w.write(g);
            }
        }
    }
}
