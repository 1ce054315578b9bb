/**
 * Synthetic data at scale for runs and benchmarks ({@code drugstats generate}): record-level seizure events whose
 * totals are exactly the published annex 7.1 totals, and a country panel for trend fitting. Generation streams to
 * Parquet part files in constant memory, is deterministic for a seed whatever the number of files or threads, and
 * labels the data synthetic in their provenance.
 */
package org.drugstats.spark.generate;
