/**
 * The {@code drugstats} command line (picocli): one class per subcommand, each doing the I/O and
 * calling {@code core} for the logic.
 */
package org.drugstats.cli;
