/**
 * drugstats core: the indicator catalog, the observation model and extracts, geography, ingest of
 * published tables, and the statistics (trends, aggregation, uncertainty, SDG indicators, inequality).
 *
 * <p>This module has no Spark, Scala or AWT dependency; the build enforces it.
 */
package org.drugstats.core;
