package org.drugstats.spark;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark SQL settings of a small run ({@link RunConfig.Key#SMALL_RUN_ROWS}): set while the run lasts and put back
 * as they were after it, so that a session shared with a test or an embedding application is left unchanged (a setting
 * that was not set before is unset again, not pinned to its default).
 *
 * <p>What a small run changes, and why (measurements in BENCHMARKS.md, issue 18):
 * <ul>
 * <li>{@code spark.sql.shuffle.partitions} 1: a few hundred thousand rows cost more in tasks than in work, and
 * every shuffle and cached analysis input fits one partition.</li>
 * <li>{@code spark.sql.inMemoryColumnarStorage.compressed} false: choosing and applying column encodings costs more
 * than the memory they save on at most a million cached rows.</li>
 * <li>{@code spark.sql.codegen.wholeStage} false and {@code spark.sql.codegen.factoryMode} {@code NO_CODEGEN},
 * unless {@link RunConfig.Key#SMALL_RUN_CODEGEN} keeps them: Spark then evaluates expressions, projections and
 * orderings with its interpreted forms instead of writing Java source for each plan and compiling it with Janino on
 * the thread that runs the query. The default run compiled 271 generated classes (4.3 s of Janino alone, then the
 * JIT's work on each new class) to process 386,719 rows once or twice; with these two settings it compiles 39 (the
 * cache's column accessors, which have no interpreted form) and takes about a tenth less wall time.
 * {@code factoryMode} is an internal Spark setting: it chooses the path that Spark itself falls back to whenever a
 * generated class fails to compile, and Spark's expression tests evaluate every expression both ways. Whether the two
 * paths publish the same bytes is tested on the fixture (a small run against {@code spark.small_run_rows: 0}) and was
 * checked on the embedded data (sha256 of every result file).</li>
 * </ul>
 */
final class SmallRunSettings {

    /** The settings a small run changes, each with its small-run value. */
    enum Setting {
        SHUFFLE_PARTITIONS("spark.sql.shuffle.partitions", "1"),
        CACHE_COMPRESSED("spark.sql.inMemoryColumnarStorage.compressed", "false"),
        WHOLE_STAGE_CODEGEN("spark.sql.codegen.wholeStage", "false"),
        CODEGEN_FACTORY_MODE("spark.sql.codegen.factoryMode", "NO_CODEGEN");

        private final String key;
        private final String smallRunValue;

        Setting(String key, String smallRunValue) {
            this.key = key;
            this.smallRunValue = smallRunValue;
        }

        /** The Spark SQL key. */
        String key() {
            return key;
        }

        /** Its value during a small run. */
        String smallRunValue() {
            return smallRunValue;
        }

        boolean isCodegen() {
            return this == WHOLE_STAGE_CODEGEN || this == CODEGEN_FACTORY_MODE;
        }
    }

    private final SparkSession spark;
    /** Each setting's value before the run, or null where the session had none set. */
    private final Map<Setting, String> before;

    private SmallRunSettings(SparkSession spark, Map<Setting, String> before) {
        this.spark = spark;
        this.before = before;
    }

    /** Remembers the session's current values of every {@link Setting}, to be put back by {@link #restore()}. */
    static SmallRunSettings remember(SparkSession spark) {
        Map<Setting, String> before = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            before.put(s, spark.conf().contains(s.key()) ? spark.conf().get(s.key()) : null);
        }
        return new SmallRunSettings(spark, before);
    }

    /**
     * Sets the small-run values.
     *
     * @param codegen true to leave Spark's code generation as it is ({@link RunConfig.Key#SMALL_RUN_CODEGEN})
     */
    void apply(boolean codegen) {
        for (Setting s : Setting.values()) {
            if (!(codegen && s.isCodegen())) {
                spark.conf().set(s.key(), s.smallRunValue());
            }
        }
    }

    /** Puts every setting back as it was when {@link #remember} was called. */
    void restore() {
        before.forEach((s, value) -> {
            if (value == null) {
                spark.conf().unset(s.key());
            } else {
                spark.conf().set(s.key(), value);
            }
        });
    }
}
