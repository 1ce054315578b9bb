/**
 * {@code drugstats bench}: a pipeline step with Spark and with DuckDB on the same generated files, results checked
 * equal, wall time, rows per second and peak memory of each.
 */
package org.drugstats.spark.bench;
