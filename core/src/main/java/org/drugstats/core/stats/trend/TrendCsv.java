package org.drugstats.core.stats.trend;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.io.CsvTable;
import org.drugstats.core.io.DecimalNumbers;

/**
 * Reads the input of {@code drugstats trend}: a UTF-8 CSV file with a header naming the columns {@code series},
 * {@code x}, {@code y} and optionally {@code se}, in any order (no other columns).
 *
 * <p>Read with {@link CsvTable} (RFC 4180): fields are comma-separated and may be double-quoted ({@code ""}
 * escapes a quote; a quoted field may span lines). An empty y is a missing observation (NaN), never zero; an empty
 * se is NaN. x and non-empty y, se must be finite decimal numbers. Blank lines are skipped. Series keep the order of
 * their first row; rows of a series need not be contiguous. Any bad row or header is a {@link DrugstatsException}
 * naming the file, line, column and value.
 */
public final class TrendCsv {
    private TrendCsv() {
    }

    /** Reads all series from {@code file}. */
    public static List<TrendSeries> read(Path file) {
        return series(CsvTable.read(file));
    }

    /** Parses CSV lines; {@code source} names the input in error messages. */
    public static List<TrendSeries> parse(String source, List<String> lines) {
        return series(CsvTable.parse(source, new StringReader(String.join("\n", lines))));
    }

    private static List<TrendSeries> series(CsvTable table) {
        String source = table.file();
        if (table.header().isEmpty()) {
            throw DrugstatsException.of("%s: empty file, expected a header with columns series,x,y[,se]", source);
        }
        long headerLine = table.headerLine();
        List<String> header = table.header();
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            if (!List.of("series", "x", "y", "se").contains(h)) {
                throw DrugstatsException.of(
                        "%s line %d: unexpected column '%s', expected columns series,x,y and optionally se", source,
                        headerLine, h);
            }
            if (columns.put(h, c) != null) {
                throw DrugstatsException.of("%s line %d: column '%s' appears twice", source, headerLine, h);
            }
        }
        int cSeries = columns.getOrDefault("series", -1);
        int cX = columns.getOrDefault("x", -1);
        int cY = columns.getOrDefault("y", -1);
        int cSe = columns.getOrDefault("se", -1);
        if (cSeries < 0 || cX < 0 || cY < 0) {
            throw DrugstatsException.of("%s line %d: header must name columns series, x and y (optionally se), got %s",
                    source, headerLine, String.join(",", header));
        }
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            long lineNo = row.line();
            List<String> f = row.fields();
            if (f.size() != header.size()) {
                throw DrugstatsException.of("%s line %d: expected %d fields, got %d", source, lineNo, header.size(),
                        f.size());
            }
            String name = f.get(cSeries).trim();
            if (name.isEmpty()) {
                throw DrugstatsException.of("%s line %d, column series: empty series name", source, lineNo);
            }
            double x = number(source, lineNo, "x", f.get(cX), false);
            double y = number(source, lineNo, "y", f.get(cY), true);
            double se = cSe < 0 ? Double.NaN : number(source, lineNo, "se", f.get(cSe), true);
            rows.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {x, y, se});
        }
        List<TrendSeries> out = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
            List<double[]> r = e.getValue();
            double[] x = new double[r.size()];
            double[] y = new double[r.size()];
            double[] se = new double[r.size()];
            for (int i = 0; i < r.size(); i++) {
                x[i] = r.get(i)[0];
                y[i] = r.get(i)[1];
                se[i] = r.get(i)[2];
            }
            out.add(TrendSeries.of(e.getKey(), x, y, cSe < 0 ? null : se));
        }
        if (out.isEmpty()) {
            throw DrugstatsException.of("%s has no data rows; expected rows of columns series,x,y[,se] after the header",
                    source);
        }
        return out;
    }

    private static double number(String source, long line, String column, String raw, boolean emptyIsMissing) {
        String v = raw.trim();
        if (v.isEmpty()) {
            if (emptyIsMissing) {
                return Double.NaN;
            }
            throw DrugstatsException.of("%s line %d, column %s: empty value, expected a number", source, line, column);
        }
        OptionalDouble d = DecimalNumbers.parse(v);
        if (d.isEmpty()) {
            throw DrugstatsException.of("%s line %d, column %s: '%s' is not a finite number%s", source, line, column,
                    raw, emptyIsMissing ? " (leave the field empty for a missing value)" : "");
        }
        return d.getAsDouble();
    }
}
