package org.drugstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.catalog.Catalog;
import org.drugstats.core.catalog.CatalogFormats;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code drugstats catalog [--format csv|json]}: prints the headline figures of the indicator catalog
 * with their sources. CSV (the default) has the header
 * {@code id,title,value,lower,upper,unit,year,scope,sdg,source_document,source_locator,upstream_source}
 * with values in base units; JSON is the array of full entries. The rendering is
 * {@link CatalogFormats}.
 */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Print the headline figures of the indicator catalog with their sources.")
public final class CatalogCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|json",
            converter = FormatConverter.class, completionCandidates = FormatCodes.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private CatalogFormats.Format format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        CatalogFormats.write(format, Catalog.load().entries(), out);
        out.flush();
        return 0;
    }

    /** Parses {@code csv}/{@code json} with core's codes. */
    static final class FormatConverter implements CommandLine.ITypeConverter<CatalogFormats.Format> {
        @Override
        public CatalogFormats.Format convert(String value) {
            try {
                return CatalogFormats.Format.ofCode(value);
            } catch (DrugstatsException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** The format codes, for help and completion. */
    static final class FormatCodes implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of(CatalogFormats.Format.values()).stream().map(CatalogFormats.Format::code).iterator();
        }
    }
}
