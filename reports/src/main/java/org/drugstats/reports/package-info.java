/**
 * The HTML report of a drugstats run: {@link org.drugstats.reports.Report#render} reads the results
 * directory through core (no Spark) and writes static pages, charts (PNG and SVG, JFreeChart, one theme)
 * and a CSV of every table.
 */
package org.drugstats.reports;
