/**
 * The run's published results as the report reads them: typed rows of the observations, aggregates,
 * indicators, trends, trend points and Lorenz points (read through core's
 * {@link org.drugstats.core.data.ParquetTables}), the inequality summary, the manifest and the quarantine
 * files. Absent files are empty results, never failures.
 */
package org.drugstats.reports.model;
