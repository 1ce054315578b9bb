package org.drugstats.spark;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Cuts a dataset's query plan at a step boundary of the run (issue 18).
 *
 * <p>Every analysis step reads the results of the steps before it. A cached dataset still carries its whole logical
 * plan, and Spark analyses, optimises and re-plans that plan again in each query that reads it: on the embedded data
 * the indicators step's plans inlined the plans of validation, aggregation and the derived indicators, and the
 * driver held 854,000 {@code AttributeReference}s and spent most of its CPU time in Catalyst (BENCHMARKS.md, issue
 * 18). A reliable checkpoint replaces the plan by a leaf that reads the rows written under the run's staging
 * directory: the next steps plan against that leaf only. The rows, their order within partitions, the partitioning
 * and the schema (nullability included) are those of the dataset, so results do not change.
 *
 * <p>It is a reliable checkpoint, not {@code localCheckpoint}: the files live under the staging directory, which
 * every executor already writes results into, so a lost executor's partitions are read back from the files (the
 * cluster test kills a worker mid-run). The files are removed with the staging directory's scratch folder when the
 * run is committed, and with the whole staging directory when it fails.
 */
final class PlanCuts {

    private final SparkSession spark;
    private final List<Dataset<Row>> persisted;

    private PlanCuts(SparkSession spark, List<Dataset<Row>> persisted) {
        this.spark = spark;
        this.persisted = persisted;
    }

    /**
     * Cuts under {@code scratch} (a folder under the run's staging directory, deleted with it).
     *
     * @param spark the session of the run
     * @param scratch the folder for the checkpoint files
     * @param persisted the run's list of cached datasets, unpersisted when it ends
     */
    static PlanCuts under(SparkSession spark, Path scratch, List<Dataset<Row>> persisted) {
        spark.sparkContext().setCheckpointDir(scratch.toAbsolutePath().toUri().toString());
        return new PlanCuts(spark, persisted);
    }

    /**
     * The rows of {@code d} behind a plan that is a single leaf, cached in memory (spilling to disk).
     * Costs one job computing {@code d} (cached, so the write does not compute it a second time) and one writing it.
     * The cut replaces {@code d}: its cached rows are freed after, also where the caller had cached it (then it is not
     * cached a second time, which Spark would warn about on every run).
     */
    Dataset<Row> cut(Dataset<Row> d) {
        Dataset<Row> computed = d.storageLevel().equals(StorageLevel.NONE()) ? d.persist(StorageLevel.MEMORY_AND_DISK())
                : d;
        Dataset<Row> leaf = computed.checkpoint(true).persist(StorageLevel.MEMORY_AND_DISK());
        persisted.add(leaf);
        leaf.count();
        computed.unpersist();
        return leaf;
    }

    /**
     * As {@link #cut}, for a dataset that is a filter or projection of rows already cached: it is computed where the
     * checkpoint is written instead of being cached first, since scanning the cached rows again costs less than
     * building another in-memory copy of them (the canonical observations of the embedded data: 386,719 rows).
     */
    Dataset<Row> cutOfCached(Dataset<Row> d) {
        Dataset<Row> leaf = d.checkpoint(true).persist(StorageLevel.MEMORY_AND_DISK());
        persisted.add(leaf);
        leaf.count();
        return leaf;
    }

    @Override
    public String toString() {
        return "PlanCuts[" + spark.sparkContext().getCheckpointDir() + "]";
    }
}
