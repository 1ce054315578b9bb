package org.drugstats.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One local SparkSession for the whole test JVM (Surefire runs the test classes of a module in one JVM): a cold
 * session costs about 4 s, so classes share it. Tests must not stop it; commands under test reuse it and leave it
 * running ({@link SparkSessions.Handle}).
 */
public final class SparkTestSession {

    private static SparkSession session;

    private SparkTestSession() {
    }

    /** The shared session: local[2], the run's defaults (4 shuffle partitions, AQE, Kryo), no UI. */
    public static synchronized SparkSession get() {
        if (session == null) {
            RunConfig c = RunConfig.defaults().with(RunConfig.Key.SHUFFLE_PARTITIONS, 4);
            session = SparkSession.builder().config(SparkSessions.conf(c, "local[2]", "drugstats tests")).getOrCreate();
        }
        return session;
    }
}
