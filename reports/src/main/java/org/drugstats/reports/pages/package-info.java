/**
 * The report's pages built from a run's results: overview (headline cards from the catalog beside the run's
 * recomputed values), drug use, SDG 3.5 treatment coverage, SDG 16.4 illicit financial flows, controlled
 * medicines, supply, trends, and data quality and methods. Each page says plainly when the run holds no data
 * for one of its parts.
 */
package org.drugstats.reports.pages;
