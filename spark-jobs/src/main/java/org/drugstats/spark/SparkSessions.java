package org.drugstats.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the one SparkSession of a command (only commands call this; jobs receive the session).
 *
 * <p>Settings, and why:
 * <ul>
 * <li>{@code spark.master}: {@code --master} if given, else what {@code spark-submit} set, else {@code local[*]}.</li>
 * <li>{@code spark.sql.shuffle.partitions} from the configuration (default 8): the embedded data are a few
 * thousand rows, and Spark's default of 200 makes 200 near-empty tasks per shuffle.</li>
 * <li>{@code spark.sql.adaptive.enabled} (default on): coalesces small shuffle partitions and splits skewed
 * ones; with it on the partition count above is an upper bound.</li>
 * <li>{@code spark.serializer} Kryo (default): shuffled rows and aggregation states are smaller and faster to
 * (de)serialize than with Java serialization; registration is not required, so new state types need no
 * list.</li>
 * <li>{@code spark.ui.enabled=false} for command-line runs (no port, no thread pool) unless set otherwise.</li>
 * <li>{@code spark.sql.session.timeZone=UTC}: no result may depend on the machine's time zone.</li>
 * <li>Parquet page checksums verified on read: a corrupt input fails the run naming the file.</li>
 * <li>{@code spark.sql.maxPlanStringLength} 200,000 characters (unless set): the descriptions of plans over cached
 * inputs grew to megabytes per query.</li>
 * <li>{@code spark.sql.codegen.hugeMethodLimit} 8,000 bytes of bytecode (unless set): HotSpot never compiles a
 * method larger than that ({@code -XX:HugeMethodLimit}, {@code DontCompileHugeMethods}), and whole-stage code
 * generation writes the conversion of a wide row (validation's checked rows: 55 columns) into one such method, which
 * then ran interpreted for every row: 343 of the default run's profile samples, in validation and indicators
 * (BENCHMARKS.md, issue 18). Above the limit Spark plans the stage without whole-stage code generation, with
 * per-expression generated code split into small methods that the JIT compiles.</li>
 * <li>Any other Spark setting from the configuration's {@code spark.conf.*} keys, applied last.</li>
 * <li>No {@code _SUCCESS} files: the publisher moves a whole staging directory into place instead.</li>
 * </ul>
 */
public final class SparkSessions {

    private SparkSessions() {
    }

    /** A session and whether this call created it (and so should stop it). */
    public record Handle(SparkSession session, boolean created) implements AutoCloseable {
        @Override
        public void close() {
            if (created) {
                session.stop();
            }
        }
    }

    /**
     * Whether the session shuffles into a single partition, as a small run does ({@link RunConfig.Key#SMALL_RUN_ROWS}):
     * its datasets are then read or gathered into one partition without a shuffle where a shuffle would only move
     * the rows into that same partition.
     */
    static boolean shufflesIntoOne(SparkSession spark) {
        return "1".equals(spark.conf().get("spark.sql.shuffle.partitions"));
    }

    /** The SparkConf of a run: the configuration's settings over what spark-submit passed. */
    public static SparkConf conf(RunConfig config, String master, String appName) {
        SparkConf conf = new SparkConf(true);
        if (master != null && !master.isBlank()) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.app.name", appName);
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.set("spark.sql.shuffle.partitions", Integer.toString(config.shufflePartitions()));
        conf.set("spark.sql.adaptive.enabled", Boolean.toString(config.adaptive()));
        conf.set("spark.sql.files.maxPartitionBytes", Long.toString(config.filesMaxPartitionBytes()));
        conf.set("spark.sql.session.timeZone", "UTC");
        conf.setIfMissing("spark.sql.debug.maxToStringFields", "500");
        // Plan descriptions (posted with every query and adaptive re-plan) embed each cached input's whole plan;
        // the analysis steps read datasets cached from cached datasets, and the full strings reached megabytes per
        // query (an OutOfMemoryError in a 1 GB driver, seconds of string building per step).
        conf.setIfMissing("spark.sql.maxPlanStringLength", "200000");
        // generated methods the JIT would never compile fall back to split per-expression code (see above)
        conf.setIfMissing("spark.sql.codegen.hugeMethodLimit", "8000");
        conf.set("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
        conf.set("spark.sql.parquet.compression.codec", "snappy");
        // Parquet page checksums (written by parquet-java and Spark) are verified on read, so a corrupt page fails
        // the run instead of passing wrong numbers on.
        conf.set("spark.hadoop.parquet.page.verify-checksum.enabled", "true");
        if (config.serializer() == RunConfig.Serializer.KRYO) {
            conf.set("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
            conf.set("spark.kryo.registrationRequired", "false");
        } else {
            conf.set("spark.serializer", "org.apache.spark.serializer.JavaSerializer");
        }
        config.sparkConf().forEach(conf::set);
        return conf;
    }

    /**
     * The session for a run. When a session already exists in this JVM (tests, an embedding application) it is
     * reused with the run's SQL settings applied, and {@link Handle#close()} leaves it running.
     */
    public static Handle create(RunConfig config, String master, String appName) {
        boolean existed = SparkSession.getDefaultSession().isDefined() || SparkSession.getActiveSession().isDefined();
        SparkSession s = SparkSession.builder().config(conf(config, master, appName)).getOrCreate();
        applySqlSettings(s, config);
        return new Handle(s, !existed);
    }

    /** Applies the run's SQL (runtime) settings to an existing session. */
    public static void applySqlSettings(SparkSession s, RunConfig config) {
        s.conf().set("spark.sql.shuffle.partitions", Integer.toString(config.shufflePartitions()));
        s.conf().set("spark.sql.adaptive.enabled", Boolean.toString(config.adaptive()));
        s.conf().set("spark.sql.files.maxPartitionBytes", Long.toString(config.filesMaxPartitionBytes()));
        s.conf().set("spark.sql.session.timeZone", "UTC");
        config.sparkConf().forEach((k, v) -> {
            if (!s.conf().isModifiable(k)) {
                return;
            }
            s.conf().set(k, v);
        });
    }
}
