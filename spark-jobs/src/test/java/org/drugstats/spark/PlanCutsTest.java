package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCutsTest {

    private final SparkSession spark = SparkTestSession.get();

    @TempDir
    Path tmp;

    private Dataset<Row> rows() {
        return spark.range(0, 50).selectExpr("id", "id % 7 AS k", "CAST(id AS DOUBLE) / 3 AS v").filter("k <> 3");
    }

    @Test
    void aCutKeepsTheRowsBehindALeafAndFreesWhatItComputed() {
        List<Dataset<Row>> persisted = new ArrayList<>();
        PlanCuts cuts = PlanCuts.under(spark, tmp.resolve("checkpoints"), persisted);
        Dataset<Row> d = rows();
        Dataset<Row> leaf = cuts.cut(d);

        assertEquals(d.schema(), leaf.schema());
        assertEquals(d.collectAsList(), leaf.collectAsList());
        LogicalPlan plan = leaf.queryExecution().analyzed();
        assertEquals(0, plan.children().size(), plan.treeString());
        assertEquals(List.of(leaf), persisted);
        assertEquals(StorageLevel.NONE(), d.storageLevel());
        leaf.unpersist();
    }

    /** A dataset its caller had cached is cut without caching it a second time (Spark's warning on every run). */
    @Test
    void aCachedDatasetIsCutWithoutSparksAlreadyCachedWarning() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger cacheManager = (Logger) LogManager.getLogger("org.apache.spark.sql.execution.CacheManager");
        AbstractAppender capture = new AbstractAppender("plan-cuts-test", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                warnings.add(event.getMessage().getFormattedMessage());
            }
        };
        capture.start();
        cacheManager.addAppender(capture);
        try {
            List<Dataset<Row>> persisted = new ArrayList<>();
            PlanCuts cuts = PlanCuts.under(spark, tmp.resolve("checkpoints"), persisted);
            Dataset<Row> cached = rows().persist(StorageLevel.MEMORY_AND_DISK());
            // the capture works: caching the same rows again is what Spark warns about
            rows().persist(StorageLevel.MEMORY_AND_DISK());
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("already cached"), warnings.toString());

            Dataset<Row> leaf = cuts.cut(cached);
            assertEquals(1, warnings.size(), warnings.toString());
            assertEquals(rows().collectAsList(), leaf.collectAsList());
            // the cut replaces the caller's cached rows
            assertEquals(StorageLevel.NONE(), rows().storageLevel());
            leaf.unpersist();
        } finally {
            cacheManager.removeAppender(capture);
            capture.stop();
        }
    }
}
