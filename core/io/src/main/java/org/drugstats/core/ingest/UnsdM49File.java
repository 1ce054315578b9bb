package org.drugstats.core.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.geo.M49Country;
import org.drugstats.core.geo.NameNormaliser;

/**
 * Reads the UN M49 standard as published by the UN Statistics Division in the CSV layout of the
 * datasets/country-codes project: columns Global Code, Global Name, Region Code, Region Name, Sub-region
 * Code, Sub-region Name, Intermediate Region Code, Intermediate Region Name, Country or Area, M49 Code,
 * ISO-alpha2 Code, ISO-alpha3 Code, Least Developed Countries (LDC), Land Locked Developing Countries (LLDC),
 * Small Island Developing States (SIDS); flags are {@code x} or empty. A UTF-8 byte-order mark is allowed.
 */
public final class UnsdM49File {

    /** The header the file must have, in order. */
    public static final List<String> HEADER = List.of("Global Code", "Global Name", "Region Code", "Region Name",
            "Sub-region Code", "Sub-region Name", "Intermediate Region Code", "Intermediate Region Name",
            "Country or Area", "M49 Code", "ISO-alpha2 Code", "ISO-alpha3 Code", "Least Developed Countries (LDC)",
            "Land Locked Developing Countries (LLDC)", "Small Island Developing States (SIDS)");

    private UnsdM49File() {
    }

    /** One data row with its 1-based line number. */
    public record Line(long line, M49Country country, String[] flags) {
    }

    /**
     * Reads and checks the file.
     *
     * @throws DrugstatsException when the file is unreadable or its header is not the M49 header, naming the file
     *     and the expected header
     */
    public static List<Line> read(SourceFile file, String kind) {
        try (Reader r = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8)) {
            return read(file.name(), r, kind);
        } catch (IOException e) {
            throw DrugstatsException.of("%s: cannot read (%s); expected a %s file", file.name(), XlsxWorkbook.oneLine(e),
                    kind);
        }
    }

    static List<Line> read(String name, Reader reader, String kind) throws IOException {
        CSVParser parser;
        try {
            parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw DrugstatsException.of("%s is not a %s file: %s", name, kind, XlsxWorkbook.oneLine(e));
        }
        List<String> header = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
        if (!header.equals(HEADER)) {
            throw DrugstatsException.of("%s is not a %s file: expected header %s, found %s", name, kind, HEADER, header);
        }
        List<Line> out = new ArrayList<>();
        try {
            for (CSVRecord rec : parser) {
                if (rec.size() != HEADER.size()) {
                    throw DrugstatsException.of("%s line %d: %d fields; expected %d (%s file)", name,
                            parser.getCurrentLineNumber(), rec.size(), HEADER.size(), kind);
                }
                String[] v = new String[HEADER.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = NameNormaliser.clean(rec.get(i));
                }
                M49Country c = new M49Country(v[9], v[10], v[11], v[8], v[2], v[3], v[4], v[5], v[6], v[7],
                        flag(v[12]), flag(v[13]), flag(v[14]));
                out.add(new Line(parser.getCurrentLineNumber(), c, new String[] {v[12], v[13], v[14]}));
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw DrugstatsException.of("%s: malformed CSV (%s); expected a %s file", name, XlsxWorkbook.oneLine(e), kind);
        }
        return out;
    }

    /** True for the flag mark {@code x}. */
    static boolean flag(String s) {
        return "x".equals(s.toLowerCase(Locale.ROOT));
    }
}
