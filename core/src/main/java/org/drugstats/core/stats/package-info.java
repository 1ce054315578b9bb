/**
 * Statistics for world drug indicators: trends, aggregation, uncertainty, SDG indicators and inequality,
 * one sub-package each; {@link org.drugstats.core.stats.CsvTable} reads the small CSV inputs of the
 * command-line reports.
 */
package org.drugstats.core.stats;
