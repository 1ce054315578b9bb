/**
 * The {@code drugstats} command line (picocli): one class per subcommand; commands read and write files and call
 * core, where all the logic lives.
 */
package org.drugstats.cli;
