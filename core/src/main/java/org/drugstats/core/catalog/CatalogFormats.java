package org.drugstats.core.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.drugstats.core.DrugstatsException;

/**
 * Renders catalog entries as CSV or JSON (the {@code drugstats catalog} command's output).
 *
 * <p><b>CSV</b> (RFC 4180 quoting, {@code \n} line ends): the header is exactly {@link #CSV_HEADER}.
 * {@code value}, {@code lower} and {@code upper} are written in <em>base units</em>, i.e. multiplied by
 * {@code 10^unit_multiplier} in decimal ({@code 39.5} million persons → {@code 39500000}), because the
 * CSV has no multiplier column; missing values are empty fields. A field is quoted when it contains a
 * comma, a double quote, a carriage return or a line feed (or starts or ends with a character Commons CSV
 * quotes to keep it intact, such as a space), and inner quotes are doubled.
 *
 * <p><b>JSON</b>: an array of full entries with the field names and order of the {@code headlines.json}
 * resource (value as published plus {@code unit_multiplier}), so the output can be loaded again with
 * {@link Catalog#load(java.io.InputStream, java.io.InputStream)}.
 *
 * <p>Empty input gives the header only (CSV) or {@code []} (JSON). Neither method closes the writer.
 */
public final class CatalogFormats {
    /** The CSV columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of("id", "title", "value", "lower", "upper", "unit", "year",
            "scope", "sdg", "source_document", "source_locator", "upstream_source");
    /** The CSV header line, without line end. */
    public static final String CSV_HEADER = String.join(",", CSV_COLUMNS);

    /** Output formats, with the codes the command line accepts ({@code csv}, {@code json}). */
    public enum Format {
        /** Comma-separated values, one entry per line, values in base units. */
        CSV,
        /** A JSON array of full entries. */
        JSON;

        /** The lowercase code: {@code csv} or {@code json}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The format with this code (case-insensitive), or an error listing the codes. */
        public static Format ofCode(String code) {
            for (Format f : values()) {
                if (f.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                    return f;
                }
            }
            throw DrugstatsException.of("unknown format '%s'; expected one of %s", code,
                    Arrays.stream(values()).map(Format::code).toList());
        }
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private CatalogFormats() {
    }

    /** Writes {@code entries} to {@code out} in {@code format}. */
    public static void write(Format format, List<CatalogEntry> entries, Writer out) throws IOException {
        switch (format) {
            case CSV -> writeCsv(entries, out);
            case JSON -> writeJson(entries, out);
            default -> throw new IllegalArgumentException("format " + format);
        }
    }

    /** CSV as written: RFC 4180 quoting (Commons CSV's minimal quoting), {@code \n} line ends. */
    private static final CSVFormat CSV_FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
            .setQuoteMode(QuoteMode.MINIMAL).build();

    /** Writes the CSV header and one line per entry. */
    public static void writeCsv(List<CatalogEntry> entries, Writer out) throws IOException {
        CSVPrinter p = new CSVPrinter(out, CSV_FORMAT); // not closed: the caller owns the writer
        p.printRecord(CSV_COLUMNS);
        for (CatalogEntry e : entries) {
            p.printRecord(fields(e));
        }
        p.flush();
    }

    /** One CSV line (without line end) for {@code e}. */
    static String csvLine(CatalogEntry e) {
        return CSV_FORMAT.format(fields(e).toArray());
    }

    private static List<String> fields(CatalogEntry e) {
        List<String> fields = new ArrayList<>(CSV_COLUMNS.size());
        fields.add(e.id());
        fields.add(e.title());
        fields.add(Numbers.plainScaled(e.value(), e.unitMultiplier()));
        fields.add(scaled(e.lower(), e.unitMultiplier()));
        fields.add(scaled(e.upper(), e.unitMultiplier()));
        fields.add(e.unit().code());
        fields.add(e.year().orElse(""));
        fields.add(e.scope());
        fields.add(e.sdg().orElse(""));
        fields.add(e.sourceDocument());
        fields.add(e.sourceLocator());
        fields.add(e.upstreamSource().orElse(""));
        return fields;
    }

    private static String scaled(OptionalDouble v, int multiplier) {
        return v.isPresent() ? Numbers.plainScaled(v.getAsDouble(), multiplier) : "";
    }

    /** Writes a pretty-printed JSON array of full entries. */
    public static void writeJson(List<CatalogEntry> entries, Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (CatalogEntry e : entries) {
                writeEntry(g, e);
            }
            g.writeEndArray();
        }
        out.write('\n');
    }

    private static void writeEntry(JsonGenerator g, CatalogEntry e) throws IOException {
        g.writeStartObject();
        g.writeStringField(CatalogReader.ID, e.id());
        g.writeStringField(CatalogReader.TITLE, e.title());
        g.writeFieldName(CatalogReader.VALUE);
        g.writeNumber(Numbers.plain(e.value()));
        number(g, CatalogReader.LOWER, e.lower());
        number(g, CatalogReader.UPPER, e.upper());
        g.writeStringField(CatalogReader.UNIT, e.unit().code());
        g.writeNumberField(CatalogReader.UNIT_MULTIPLIER, e.unitMultiplier());
        text(g, CatalogReader.YEAR, e.year());
        g.writeStringField(CatalogReader.SCOPE, e.scope());
        text(g, CatalogReader.INDICATOR, e.indicator());
        g.writeStringField(CatalogReader.DEFINITION, e.definition());
        text(g, CatalogReader.SDG, e.sdg());
        g.writeStringField(CatalogReader.SOURCE_DOCUMENT, e.sourceDocument());
        g.writeStringField(CatalogReader.SOURCE_LOCATOR, e.sourceLocator());
        text(g, CatalogReader.UPSTREAM_SOURCE, e.upstreamSource());
        text(g, CatalogReader.EDITION, e.edition());
        g.writeStringField(CatalogReader.QUOTE, e.quote());
        g.writeStringField(CatalogReader.QUALIFIER, e.qualifier().code());
        g.writeArrayFieldStart(CatalogReader.ALSO_STATED_IN);
        for (Citation c : e.alsoStatedIn()) {
            g.writeStartObject();
            g.writeStringField(CatalogReader.SOURCE_DOCUMENT, c.sourceDocument());
            g.writeStringField(CatalogReader.SOURCE_LOCATOR, c.sourceLocator());
            g.writeStringField(CatalogReader.QUOTE, c.quote());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, OptionalDouble v) throws IOException {
        g.writeFieldName(name);
        if (v.isPresent()) {
            g.writeNumber(Numbers.plain(v.getAsDouble()));
        } else {
            g.writeNull();
        }
    }

    private static void text(JsonGenerator g, String name, Optional<String> v) throws IOException {
        if (v.isPresent()) {
            g.writeStringField(name, v.get());
        } else {
            g.writeNullField(name);
        }
    }
}
