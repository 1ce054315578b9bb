/**
 * Statistics for world drug indicators: trends, aggregation, uncertainty, SDG indicators and inequality,
 * one sub-package each. The small CSV inputs of the command-line reports are read with
 * {@link org.drugstats.core.io.CsvTable}.
 */
package org.drugstats.core.stats;
