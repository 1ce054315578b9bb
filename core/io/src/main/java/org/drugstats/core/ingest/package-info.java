/**
 * Ingest of published tables into canonical extracts ({@code drugstats ingest --source KIND --input FILE --out DIR}).
 *
 * <p>One class per kind of table ({@link org.drugstats.core.ingest.IngestKind}, found with
 * {@link java.util.ServiceLoader}): WDR annex 1.2 prevalence, 6.x cultivation and 7.1 seizures; WPP population;
 * UN M49; INCB opioid consumption; Open SDG platform CSV. Every kind first checks that the file has its shape
 * ("FILE is not a KIND file: expected X, found Y"), then turns every row read — a unit each kind defines and
 * reports as {@code row_unit} — into exactly one accepted observation or one quarantine row with a reason, sheet,
 * row, column and raw value ({@link org.drugstats.core.ingest.IngestCollector} keeps the books:
 * rows read = rows accepted + rows quarantined). Area names go through
 * {@link org.drugstats.core.geo.CountryNames}; names that are not one country are listed in the report, never
 * dropped. Inconsistencies of the published table (a best estimate outside its bounds, a total that is not the
 * sum of its parts, two values for one key where the layout holds one) are flagged or quarantined and reported,
 * never silently fixed. Several published records of one key (annex 7.1 seizures) are all kept, numbered in the
 * {@code record} column ({@link org.drugstats.core.ingest.RepeatedKeyRule}).
 *
 * <p>Excel files are read with Apache POI's package reader and a StAX sheet reader
 * ({@link org.drugstats.core.ingest.XlsxWorkbook}: the long tables row by row, the cultivation pivot whole); CSV files
 * row by row with {@link org.drugstats.core.io.CsvTable} (commons-csv). {@link org.drugstats.core.ingest.Ingest} writes the
 * extract, {@code quarantine.csv} and {@code ingest-report.json} atomically and deterministically.
 */
package org.drugstats.core.ingest;
