/**
 * Reading core's text inputs: {@link org.drugstats.core.io.CsvTable}, the one CSV reader (Apache Commons CSV,
 * RFC 4180, UTF-8) used by the ingest kinds and the command-line reports, with errors that name the file, line,
 * column and value; and {@link org.drugstats.core.io.PathTrees}, the one directory-tree deletion of the
 * project's staging and temporary outputs.
 */
package org.drugstats.core.io;
