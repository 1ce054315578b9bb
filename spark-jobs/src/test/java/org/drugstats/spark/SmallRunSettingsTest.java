package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.InterpretedUnsafeProjection;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmallRunSettingsTest {

    private final SparkSession spark = SparkTestSession.get();
    private SmallRunSettings around;

    @BeforeEach
    void keepTheSharedSessionAsItWas() {
        around = SmallRunSettings.remember(spark);
    }

    @AfterEach
    void putItBack() {
        around.restore();
    }

    @Test
    void aSmallRunSetsItsFourValuesAndPutsBackWhatWasThere() {
        spark.conf().set("spark.sql.shuffle.partitions", "7");
        spark.conf().set("spark.sql.codegen.wholeStage", "true");
        spark.conf().unset("spark.sql.codegen.factoryMode");
        spark.conf().unset("spark.sql.inMemoryColumnarStorage.compressed");

        SmallRunSettings run = SmallRunSettings.remember(spark);
        run.apply(false);
        assertEquals("1", spark.conf().get("spark.sql.shuffle.partitions"));
        assertEquals("false", spark.conf().get("spark.sql.inMemoryColumnarStorage.compressed"));
        assertEquals("false", spark.conf().get("spark.sql.codegen.wholeStage"));
        assertEquals("NO_CODEGEN", spark.conf().get("spark.sql.codegen.factoryMode"));

        run.restore();
        assertEquals("7", spark.conf().get("spark.sql.shuffle.partitions"));
        assertEquals("true", spark.conf().get("spark.sql.codegen.wholeStage"));
        // not set before the run: unset again, so Spark's default (and any later change of it) applies
        assertFalse(spark.conf().contains("spark.sql.codegen.factoryMode"));
        assertFalse(spark.conf().contains("spark.sql.inMemoryColumnarStorage.compressed"));
    }

    @Test
    void theCodegenKeyLeavesCodeGenerationAsItIs() {
        spark.conf().set("spark.sql.codegen.wholeStage", "true");
        spark.conf().unset("spark.sql.codegen.factoryMode");
        SmallRunSettings run = SmallRunSettings.remember(spark);
        run.apply(true);
        assertEquals("1", spark.conf().get("spark.sql.shuffle.partitions"));
        assertEquals("false", spark.conf().get("spark.sql.inMemoryColumnarStorage.compressed"));
        assertEquals("true", spark.conf().get("spark.sql.codegen.wholeStage"));
        assertFalse(spark.conf().contains("spark.sql.codegen.factoryMode"));
        run.restore();
    }

    /**
     * Guards the Spark version: the settings must take effect, or a small run would silently compile again. With
     * them a query's physical plan has no whole-stage code generation, and Spark's projection factory (read from the
     * session's SQL configuration) gives its interpreted projection.
     */
    @Test
    void sparkHonoursBothSettings() {
        SmallRunSettings run = SmallRunSettings.remember(spark);
        SparkSession.setActiveSession(spark);
        StructType schema = new StructType().add("x", DataTypes.LongType).add("s", DataTypes.StringType);
        run.apply(false);
        try {
            assertTrue(UnsafeProjection.create(schema) instanceof InterpretedUnsafeProjection,
                    UnsafeProjection.create(schema).getClass().getName());
            assertFalse(hasWholeStageCodegen(spark.range(10).selectExpr("id * 2 AS y").filter("y > 4")
                    .queryExecution().executedPlan()));
        } finally {
            run.restore();
        }
        // and without them Spark generates code (the assertions above could fail)
        spark.conf().set("spark.sql.codegen.wholeStage", "true");
        assertFalse(UnsafeProjection.create(schema) instanceof InterpretedUnsafeProjection);
        assertTrue(hasWholeStageCodegen(spark.range(10).selectExpr("id * 2 AS y").filter("y > 4")
                .queryExecution().executedPlan()));
    }

    private static boolean hasWholeStageCodegen(org.apache.spark.sql.execution.SparkPlan plan) {
        if (plan instanceof WholeStageCodegenExec) {
            return true;
        }
        scala.collection.Iterator<org.apache.spark.sql.execution.SparkPlan> children = plan.children().iterator();
        while (children.hasNext()) {
            if (hasWholeStageCodegen(children.next())) {
                return true;
            }
        }
        return false;
    }
}
