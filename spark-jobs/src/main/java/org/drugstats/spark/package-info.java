/**
 * The Spark batch pipeline behind {@code drugstats run} (issue 5): one class per step — {@link
 * org.drugstats.spark.ValidateStep}, {@link org.drugstats.spark.SeizureTotalsStep}, {@link
 * org.drugstats.spark.AggregateStep}, {@link org.drugstats.spark.TrendStep}, {@link org.drugstats.spark.IndicatorStep},
 * {@link org.drugstats.spark.InequalityStep} — sequenced by {@link org.drugstats.spark.Pipeline} and published
 * atomically by {@link org.drugstats.spark.Publisher} with a {@link org.drugstats.core.results.Manifest}.
 *
 * <p>Conventions: the SparkSession is passed in (only commands build one, with {@link
 * org.drugstats.spark.SparkSessions}); schemas are constants; steps are Dataset → Dataset transforms whose
 * statistics are core's (row checks, aggregation states, trend fits, SDG ratios, Lorenz curves), never
 * re-implemented here; results are deterministic whatever the partitioning (exact sums, per-series seeds, total
 * output orders, normalised Parquet footers), so a rerun — locally or on a cluster — gives the same bytes. The
 * published layout is described in {@code spark-jobs/RESULTS.md}.
 */
package org.drugstats.spark;
