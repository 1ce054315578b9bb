package org.drugstats.core.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.drugstats.core.DrugstatsException;

/**
 * A CSV file read with commons-csv (RFC 4180, UTF-8; a byte-order mark is dropped; the first record is the
 * header). Records keep their line numbers; records with a different number of fields than the header are
 * kept as they are, so that the kind can quarantine them.
 *
 * @param name the file name, for messages
 * @param header the header fields, trimmed
 * @param records the data records
 * @param blankLines empty lines after the header (not data, counted as blank rows)
 */
record CsvTable(String name, List<String> header, List<Rec> records, long blankLines) {

    /** One record: the 1-based line it starts on, and its fields. */
    record Rec(long line, List<String> fields) {
        String get(int i) {
            return i >= 0 && i < fields.size() ? fields.get(i) : null;
        }
    }

    /** The position of a header field (exact, after trimming), or -1. */
    int col(String field) {
        return header.indexOf(field);
    }

    static CsvTable read(SourceFile file, String kind) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new java.io.InputStreamReader(Files.newInputStream(file.path()), decoder);
                CSVParser parser = CSVFormat.RFC4180.builder().setAllowMissingColumnNames(true).build().parse(r)) {
            List<String> header = null;
            List<Rec> recs = new ArrayList<>();
            long line = 1;
            long blank = 0;
            for (CSVRecord rec : parser) {
                List<String> fields = new ArrayList<>(rec.size());
                rec.forEach(fields::add);
                if (header == null) {
                    header = fields.stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
                } else if (fields.size() == 1 && fields.get(0).isBlank()) {
                    blank++;
                } else {
                    recs.add(new Rec(line, fields));
                }
                line = parser.getCurrentLineNumber() + 1;
            }
            if (header == null) {
                throw DrugstatsException.of("%s is empty; expected a %s file (CSV with a header row)", file.name(), kind);
            }
            return new CsvTable(file.name(), header, recs, blank);
        } catch (CharacterCodingException e) {
            throw DrugstatsException.of("%s is not UTF-8 text; expected a %s file (CSV)", file.name(), kind);
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            if (e instanceof UncheckedIOException u && u.getCause() instanceof CharacterCodingException) {
                throw DrugstatsException.of("%s is not UTF-8 text; expected a %s file (CSV)", file.name(), kind);
            }
            throw DrugstatsException.of("%s is not a readable CSV file (%s); expected a %s file", file.name(),
                    XlsxWorkbook.oneLine(e), kind);
        }
    }

    /**
     * Checks that the header has the wanted fields.
     *
     * @throws DrugstatsException "FILE is not a KIND file: expected header fields [...], found [...]"
     */
    void requireHeader(String kind, List<String> wanted) {
        List<String> missing = wanted.stream().filter(f -> !header.contains(f)).toList();
        if (!missing.isEmpty()) {
            throw DrugstatsException.of("%s is not a %s file: expected header fields %s, found %s (missing %s)", name,
                    kind, wanted, header, missing);
        }
    }
}
