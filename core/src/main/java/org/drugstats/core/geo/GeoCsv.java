package org.drugstats.core.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.drugstats.core.DrugstatsException;

/**
 * Reads and writes the geography resources (RFC 4180 CSV, UTF-8, {@code \n} line ends, a header row; lines
 * starting with {@code #} are comments). Every reader checks the header and names the resource and line of a
 * bad row.
 */
public final class GeoCsv {

    /** Resource folder of the geography files. */
    public static final String RESOURCE_DIR = "/org/drugstats/core/geo/";
    /** Derived from the UNSD M49 file. */
    public static final String M49 = "m49.csv";
    /** Derived from WDR 2025 annex tables 1.2 and 7.1 and the M49 file. */
    public static final String UNODC_REGIONS = "unodc-regions.csv";
    /** Hand-written: codes of the UNODC regions and sub-regions. */
    public static final String UNODC_REGION_CODES = "unodc-region-codes.csv";
    /** Hand-written: names of countries that differ from the M49 names. */
    public static final String COUNTRY_ALIASES = "country-aliases.csv";
    /** Hand-written: names of aggregates and residual rows. */
    public static final String AGGREGATE_NAMES = "aggregate-names.csv";

    static final String[] M49_HEADER = {"m49", "iso2", "iso3", "name", "region_code", "region", "subregion_code",
        "subregion", "intermediate_code", "intermediate_region", "ldc", "lldc", "sids"};
    static final String[] UNODC_HEADER = {"iso3", "region_code", "region", "subregion_code", "subregion", "basis"};
    static final String[] UNODC_CODES_HEADER = {"code", "name", "parent_code"};
    static final String[] ALIAS_HEADER = {"alias", "iso3", "area_code", "name", "note"};
    static final String[] AGGREGATE_HEADER = {"name", "reason", "code", "note"};

    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\n")
            .setCommentMarker('#').build();
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader()
            .setSkipHeaderRecord(true).build();

    private GeoCsv() {
    }

    /** A UNODC region or sub-region code (one row of {@code unodc-region-codes.csv}). */
    public record UnodcRegionCode(String code, String name, String parentCode) {
    }

    /** Writes the M49 resource; {@code comment} becomes the leading comment lines. */
    public static String writeM49(String comment, List<M49Country> rows) {
        return write(comment, M49_HEADER, rows, c -> new Object[] {c.m49(), c.iso2(), c.iso3(), c.name(),
            c.regionCode(), c.region(), c.subregionCode(), c.subregion(), c.intermediateCode(),
            c.intermediateRegion(), c.ldc(), c.lldc(), c.sids()});
    }

    /** Writes the UNODC regions resource. */
    public static String writeUnodcRegions(String comment, List<UnodcAssignment> rows) {
        return write(comment, UNODC_HEADER, rows, a -> new Object[] {a.iso3(), a.regionCode(), a.region(),
            a.subregionCode(), a.subregion(), a.basis()});
    }

    /** Reads the M49 resource. */
    public static List<M49Country> readM49(String name, Reader in) {
        return read(name, in, M49_HEADER, r -> new M49Country(r.get("m49"), r.get("iso2"), r.get("iso3"),
                r.get("name"), r.get("region_code"), r.get("region"), r.get("subregion_code"), r.get("subregion"),
                r.get("intermediate_code"), r.get("intermediate_region"), bool(name, r, "ldc"),
                bool(name, r, "lldc"), bool(name, r, "sids")));
    }

    /** Reads the UNODC regions resource. */
    public static List<UnodcAssignment> readUnodcRegions(String name, Reader in) {
        return read(name, in, UNODC_HEADER, r -> new UnodcAssignment(r.get("iso3"), r.get("region_code"),
                r.get("region"), r.get("subregion_code"), r.get("subregion"), r.get("basis")));
    }

    /** Reads the UNODC region codes resource. */
    public static List<UnodcRegionCode> readUnodcRegionCodes(String name, Reader in) {
        return read(name, in, UNODC_CODES_HEADER, r -> new UnodcRegionCode(r.get("code"), r.get("name"),
                r.get("parent_code").isEmpty() ? null : r.get("parent_code")));
    }

    /** Reads the country aliases resource. */
    public static List<CountryAlias> readAliases(String name, Reader in) {
        return read(name, in, ALIAS_HEADER, r -> new CountryAlias(r.get("alias"), r.get("iso3"), r.get("area_code"),
                r.get("name"), r.get("note")));
    }

    /** Reads the aggregate names resource. */
    public static List<AggregateName> readAggregateNames(String name, Reader in) {
        return read(name, in, AGGREGATE_HEADER, r -> {
            UnmappedReason reason;
            try {
                reason = UnmappedReason.valueOf(r.get("reason").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DrugstatsException.of(e, "%s line %d: reason '%s'; expected AGGREGATE or RESIDUAL", name,
                        r.getParser().getCurrentLineNumber(), r.get("reason"));
            }
            return new AggregateName(r.get("name"), reason, r.get("code"), r.get("note"));
        });
    }

    /** Opens a geography resource of this package; an error names it when it is missing. */
    public static Reader resource(String file) {
        InputStream in = GeoCsv.class.getResourceAsStream(RESOURCE_DIR + file);
        if (in == null) {
            throw DrugstatsException.of("geography resource %s%s is missing from the class path", RESOURCE_DIR, file);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static boolean bool(String name, CSVRecord r, String column) {
        String v = r.get(column);
        if ("true".equals(v)) {
            return true;
        }
        if ("false".equals(v)) {
            return false;
        }
        throw DrugstatsException.of("%s line %d: column '%s' is '%s'; expected true or false", name,
                r.getParser().getCurrentLineNumber(), column, v);
    }

    private static <T> String write(String comment, String[] header, List<T> rows, Function<T, Object[]> fields) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, WRITE)) {
            if (comment != null) {
                for (String line : comment.split("\n")) {
                    p.printComment(line);
                }
            }
            p.printRecord((Object[]) header);
            for (T t : rows) {
                p.printRecord(fields.apply(t));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static <T> List<T> read(String name, Reader in, String[] header, Function<CSVRecord, T> row) {
        try (CSVParser parser = READ.parse(in)) {
            List<String> found = parser.getHeaderNames();
            if (!found.equals(List.of(header))) {
                throw DrugstatsException.of("%s: header %s; expected %s", name, found, List.of(header));
            }
            List<T> out = new ArrayList<>();
            for (CSVRecord r : parser) {
                if (r.size() != header.length) {
                    throw DrugstatsException.of("%s line %d: %d fields; expected %d", name,
                            parser.getCurrentLineNumber(), r.size(), header.length);
                }
                out.add(row.apply(r));
            }
            return out;
        } catch (IOException | UncheckedIOException e) {
            throw new DrugstatsException(name + ": cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new DrugstatsException(name + ": malformed CSV: " + e.getMessage(), e);
        }
    }
}
