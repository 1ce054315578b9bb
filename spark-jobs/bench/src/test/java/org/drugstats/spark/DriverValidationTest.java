package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drugstats.core.data.Extract;
import org.drugstats.core.data.ExtractValidator;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.QuarantineRow;
import org.drugstats.core.data.Unit;
import org.drugstats.core.data.ValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validation of a small run's extracts on the driver against the Spark step it stands in for: the same accepted
 * rows in the same order, the same quarantine files (byte for byte), and the duplicate detail as core words it.
 */
class DriverValidationTest {

    @TempDir
    static Path dir;

    static SparkSession spark;
    static List<InputFiles.Input> extracts;

    @BeforeAll
    static void setUp() throws IOException {
        spark = SparkTestSession.get();
        Fixture.write(dir.resolve("data"));
        ParquetExtracts.write(dir.resolve("data/records.parquet"), Extract.of(records(), List.of(Fixture.PREVALENCE)));
        writeTyped(dir.resolve("data/typed.parquet"), false);
        extracts = InputFiles.discover(dir.resolve("data")).stream()
                .filter(i -> i.kind() == InputFiles.Kind.EXTRACT).toList();
    }

    /**
     * Records of one key, duplicated with and without a sub-area; a key without a drug (null sorts first); names whose
     * UTF-16 and UTF-8 orders differ (U+FF21 sorts before U+1F600 in UTF-16 units, after it in UTF-8 bytes).
     */
    static List<Observation> records() {
        List<Observation> rows = new ArrayList<>();
        Observation base = Observation.builder().indicator("seizures_quantity").refArea("COL").timePeriod(2020)
                .age("_T").value(10.0).unit(Unit.KILOGRAMS).drug("cocaine").drugGroup("Cocaine-type")
                .origin(Fixture.PREVALENCE.id()).build();
        Observation.Builder records = base.toBuilder().flag(QualityFlag.MULTIPLE_RECORDS);
        rows.add(records.record("2").build());
        rows.add(records.record("1").build());
        rows.add(records.record("2").value(11.0).build()); // row 3 repeats row 1 (record 2)
        rows.add(base.toBuilder().subArea("CO-ANT").build());
        rows.add(base.toBuilder().subArea("CO-ANT").value(12.0).build()); // row 5 repeats row 4 (sub-area)
        rows.add(base.toBuilder().drug(null).build());
        rows.add(base.toBuilder().refArea("PER").drug("\uFF21 drug").build());
        rows.add(base.toBuilder().refArea("PER").drug("\uD83D\uDE00 drug").build());
        return rows;
    }

    /**
     * An extract written by another tool: numbers as 32- and 64-bit integers and a float, and strings without the UTF-8 annotation
     * ({@code plainStrings}), which Spark reads as bytes.
     */
    static void writeTyped(Path file, boolean plainStrings) throws IOException {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (String s : List.of("indicator", "ref_area", "time_period", "sex", "age", "unit", "obs_status", "origin")) {
            if (plainStrings && s.equals("ref_area")) {
                b.required(PrimitiveTypeName.BINARY).named(s);
            } else {
                b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(s);
            }
        }
        b.optional(PrimitiveTypeName.INT64).named("value");
        b.optional(PrimitiveTypeName.INT32).named("lower");
        b.optional(PrimitiveTypeName.FLOAT).named("upper");
        b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("source");
        b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("notes");
        b.required(PrimitiveTypeName.INT64).named("unit_mult");
        MessageType schema = b.named("other");
        Files.createDirectories(file.getParent());
        SimpleGroupFactory f = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new Configuration(false)).withType(schema).withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            for (int i = 0; i < 6; i++) {
                Group g = f.newGroup();
                g.append("indicator", "population_15_64").append("ref_area", i % 2 == 0 ? "MEX" : "ARG")
                        .append("time_period", Integer.toString(2015 + i / 2)).append("sex", "T").append("age", "15-64")
                        .append("unit", "persons").append("obs_status", i == 3 ? "guessed" : "normal")
                        .append("origin", "other");
                g.append("value", 120L + i);
                g.append("lower", 100 + i);
                if (i == 1) {
                    g.append("notes", "r\u00e9vis\u00e9");
                }
                if (i != 2) {
                    g.append("upper", 130.5f + i);
                }
                g.append("unit_mult", 3L);
                w.write(g);
            }
        }
    }

    @Test
    void acceptedRowsAndQuarantineFilesAreThoseOfTheSparkStep() throws IOException {
        String before = spark.conf().get("spark.sql.shuffle.partitions");
        spark.conf().set("spark.sql.shuffle.partitions", "1");
        try {
            ValidateStep.Result s = ValidateStep.run(spark, extracts);
            List<Row> sparkRows = s.observations().collectAsList();
            Map<String, Long> sparkCounts = QuarantineFiles.write(s.quarantine(), extracts, dir.resolve("q-spark"));

            DriverValidation.Result d = DriverValidation.run(spark, extracts, dir.resolve("scratch"),
                    dir.resolve("q-driver"));
            List<Row> driverRows = d.observations().collectAsList();
            assertEquals(sparkRows.size(), driverRows.size());
            assertEquals(72 + 69 + 6 + 5, driverRows.size()); // population, prevalence, records, typed
            for (int i = 0; i < sparkRows.size(); i++) {
                assertEquals(sparkRows.get(i), driverRows.get(i), "row " + i + " in the Spark step's order");
            }
            assertEquals(sparkCounts, d.quarantined());
            for (InputFiles.Input in : extracts) {
                String name = in.quarantineName() + ".csv";
                assertArrayEquals(Files.readAllBytes(dir.resolve("q-spark").resolve(name)),
                        Files.readAllBytes(dir.resolve("q-driver").resolve(name)), name);
            }
            assertEquals(Map.of("population.parquet", 72L, "unodc/prevalence.parquet", 69L, "records.parquet", 6L,
                    "typed.parquet", 5L), d.accepted());
            assertEquals(Map.of("population.parquet", 0L, "unodc/prevalence.parquet", 3L, "records.parquet", 2L,
                    "typed.parquet", 1L), d.quarantined());
        } finally {
            spark.conf().set("spark.sql.shuffle.partitions", before);
        }
    }

    @Test
    void aDuplicateNamesItsRecordAndSubAreaAsCoreDoes() throws IOException {
        ValidationResult core = ExtractValidator.validate("records.parquet",
                ParquetExtracts.readRaw(dir.resolve("data/records.parquet")).rows());
        List<String> expected = core.quarantined().stream().map(QuarantineRow::detail).toList();
        assertEquals(List.of("same key as row 1 (indicator=seizures_quantity, ref_area=COL, time_period=2020, sex=T, "
                + "age=_T, drug=cocaine, method=null, source=null, drug_group=Cocaine-type, record=2)",
                "same key as row 4 (indicator=seizures_quantity, ref_area=COL, time_period=2020, sex=T, age=_T, "
                + "drug=cocaine, method=null, source=null, drug_group=Cocaine-type, sub_area=CO-ANT)"), expected);
        List<InputFiles.Input> one = extracts.stream().filter(i -> i.name().equals("records.parquet")).toList();
        DriverValidation.run(spark, one, dir.resolve("scratch-records"), dir.resolve("q-records"));
        List<String> lines = Files.readAllLines(dir.resolve("q-records/records.csv"));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).endsWith(",duplicate-key,,3,,,\"" + expected.get(0) + "\""), lines.get(1));
        assertTrue(lines.get(2).endsWith(",duplicate-key,,5,,,\"" + expected.get(1) + "\""), lines.get(2));
    }

    @Test
    void filesSparkReadsOtherwiseAndRunsTooLargeForTheHeapAreLeftToSpark() throws IOException {
        Path plain = dir.resolve("plain/other.parquet");
        writeTyped(plain, true);
        List<InputFiles.Input> in = InputFiles.discover(plain.getParent());
        Optional<String> why = DriverValidation.unsuitable(spark, in, 6, 1L << 30);
        assertTrue(why.isPresent());
        assertTrue(why.get().contains("column 'ref_area' is"), why.get());

        assertEquals(Optional.empty(), DriverValidation.unsuitable(spark, extracts, 300_000, 300_000 * 1000L));
        Optional<String> heap = DriverValidation.unsuitable(spark, extracts, 300_000, 300_000 * 999L);
        assertTrue(heap.orElse("").contains("300,000 rows"), heap.toString());
    }
}
