package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.QuarantineRow;
import org.drugstats.core.data.ValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateStepTest {

    @TempDir
    static Path dir;

    static SparkSession spark;
    static List<InputFiles.Input> inputs;
    static ValidateStep.Result result;

    @BeforeAll
    static void setUp() {
        spark = SparkTestSession.get();
        Fixture.write(dir);
        inputs = InputFiles.discover(dir);
        ValidateStep.Result r = ValidateStep.run(spark, inputs);
        result = new ValidateStep.Result(r.observations().cache(), r.events().cache(), r.quarantine().cache());
    }

    @Test
    void inputsAreFoundWithKindsAndOrigins() {
        assertEquals(List.of("population.parquet", "seizure-events.parquet", "unodc/prevalence.parquet"),
                inputs.stream().map(InputFiles.Input::name).toList());
        assertEquals(InputFiles.Kind.SEIZURE_EVENTS, inputs.get(1).kind());
        assertEquals(InputFiles.Kind.EXTRACT, inputs.get(2).kind());
        assertEquals("test-prevalence", inputs.get(2).origins().get(0).id());
        assertEquals(InputFiles.sha256(dir.resolve("unodc/prevalence.parquet")), inputs.get(2).sha256());
    }

    @Test
    void extractQuarantineIsWhatCoreSingleMachineValidationGives() {
        ValidationResult core = Fixture.coreValidation(dir);
        List<Row> spark = result.quarantine().filter(col(Schemas.INPUT).equalTo("unodc/prevalence.parquet"))
                .orderBy(col(Schemas.ROW)).collectAsList();
        List<QuarantineRow> expected = core.quarantined().stream()
                .sorted(Comparator.comparingLong(QuarantineRow::row)).toList();
        assertEquals(List.of(5L, 9L, 15L), expected.stream().map(QuarantineRow::row).toList());
        assertEquals(expected.size(), spark.size());
        int n = Column.values().length;
        for (int i = 0; i < expected.size(); i++) {
            QuarantineRow q = expected.get(i);
            Row r = spark.get(i);
            assertEquals(q.reason().code(), r.getString(n), "reason of row " + q.row());
            assertEquals(q.row(), r.getLong(n + 2));
            assertEquals(q.column(), r.getString(n + 3), "column of row " + q.row());
            assertEquals(q.rawValue(), r.getString(n + 4), "raw value of row " + q.row());
            assertEquals(q.detail().replace("unodc/prevalence.parquet", ""), r.getString(n + 5).replace("unodc/prevalence.parquet", ""),
                    "detail of row " + q.row());
            for (Column c : Column.values()) {
                assertEquals(q.text(c), r.getString(c.ordinal()), c.columnName() + " of row " + q.row());
            }
        }
        long accepted = result.observations().filter(col(Schemas.INPUT).equalTo("unodc/prevalence.parquet")).count();
        assertEquals(core.rowsAccepted(), accepted);
    }

    @Test
    void acceptedObservationsCarryTheirValuesAndRows() {
        List<Row> rows = result.observations().filter(col(Schemas.INPUT).equalTo("population.parquet"))
                .orderBy(col(Schemas.ROW)).collectAsList();
        assertEquals(Fixture.COUNTRIES.length * Fixture.YEARS, rows.size());
        Row first = rows.get(0);
        assertEquals("population_15_64", first.getAs("indicator"));
        assertEquals(32.0, (Double) first.getAs("value"), 0.0);
        assertEquals(6, (Integer) first.getAs("unit_mult"));
        assertEquals(1L, (Long) first.getAs(Schemas.ROW));
    }

    @Test
    void badAndDuplicateEventsAreQuarantinedWithReasons() {
        List<Row> q = result.quarantine().filter(col(Schemas.INPUT).equalTo("seizure-events.parquet"))
                .orderBy(col(Schemas.ROW)).collectAsList();
        int n = Column.values().length;
        assertEquals(List.of("out-of-domain", "unknown-code", "duplicate-key"),
                q.stream().map(r -> r.getString(n)).toList());
        assertEquals(List.of(73L, 74L, 75L), q.stream().map(r -> r.getLong(n + 2)).toList());
        assertEquals("same event_id as row 5", q.get(2).getString(n + 5));
        assertEquals("fra", q.get(1).getString(Column.REF_AREA.ordinal()));
        assertEquals(72, result.events().count());
        assertTrue(result.events().filter(col("event_id").equalTo(5)).count() == 1);
    }

    @Test
    void rowsReadEqualAcceptedPlusQuarantinedPerInput() {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        for (var d : List.of(result.observations(), result.events(), result.quarantine())) {
            for (Row r : d.groupBy(Schemas.INPUT).count().collectAsList()) {
                counts.merge(r.getString(0), r.getLong(1), Long::sum);
            }
        }
        assertEquals(java.util.Map.of("population.parquet", 72L, "seizure-events.parquet", 75L,
                "unodc/prevalence.parquet", 72L), counts);
    }
}
