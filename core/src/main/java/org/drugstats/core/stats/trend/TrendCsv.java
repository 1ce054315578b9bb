package org.drugstats.core.stats.trend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drugstats.core.DrugstatsException;

/**
 * Reads the input of {@code drugstats trend}: a UTF-8 CSV file with a header naming the columns {@code series},
 * {@code x}, {@code y} and optionally {@code se}, in any order (no other columns).
 *
 * <p>Fields are comma-separated and may be double-quoted ({@code ""} escapes a quote; no line breaks inside
 * fields). An empty y is a missing observation (NaN), never zero; an empty se is NaN. x and non-empty y, se must be
 * finite decimal numbers. Blank lines are skipped. Series keep the order of their first row; rows of a series need
 * not be contiguous. Any bad row or header is a {@link DrugstatsException} naming the file, line, column and value.
 */
public final class TrendCsv {
    private TrendCsv() {
    }

    /** Reads all series from {@code file}. */
    public static List<TrendSeries> read(Path file) {
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = r.lines().toList();
        } catch (IOException e) {
            throw new DrugstatsException(String.format(Locale.ROOT, "%s: cannot read input CSV (%s)", file,
                    e.getMessage()), e);
        } catch (UncheckedIOException e) {
            throw new DrugstatsException(String.format(Locale.ROOT, "%s: cannot read input CSV as UTF-8 (%s)", file,
                    e.getCause().getMessage()), e);
        }
        return parse(file.toString(), lines);
    }

    /** Parses CSV lines; {@code source} names the input in error messages. */
    public static List<TrendSeries> parse(String source, List<String> lines) {
        int headerLine = 0;
        while (headerLine < lines.size() && lines.get(headerLine).isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.size()) {
            throw DrugstatsException.of("%s: empty file, expected a header with columns series,x,y[,se]", source);
        }
        String first = lines.get(headerLine);
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        List<String> header = split(source, headerLine + 1, first);
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c).trim();
            if (!List.of("series", "x", "y", "se").contains(h)) {
                throw DrugstatsException.of(
                        "%s line %d: unexpected column '%s', expected columns series,x,y and optionally se", source,
                        headerLine + 1, h);
            }
            if (columns.put(h, c) != null) {
                throw DrugstatsException.of("%s line %d: column '%s' appears twice", source, headerLine + 1, h);
            }
        }
        int cSeries = columns.getOrDefault("series", -1);
        int cX = columns.getOrDefault("x", -1);
        int cY = columns.getOrDefault("y", -1);
        int cSe = columns.getOrDefault("se", -1);
        if (cSeries < 0 || cX < 0 || cY < 0) {
            throw DrugstatsException.of("%s line %d: header must name columns series, x and y (optionally se), got %s",
                    source, headerLine + 1, String.join(",", header));
        }
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        for (int l = headerLine + 1; l < lines.size(); l++) {
            String line = lines.get(l);
            if (line.isBlank()) {
                continue;
            }
            int lineNo = l + 1;
            List<String> f = split(source, lineNo, line);
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
        return out;
    }

    private static double number(String source, int line, String column, String raw, boolean emptyIsMissing) {
        String v = raw.trim();
        if (v.isEmpty()) {
            if (emptyIsMissing) {
                return Double.NaN;
            }
            throw DrugstatsException.of("%s line %d, column %s: empty value, expected a number", source, line, column);
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!Double.isFinite(d) || !v.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            throw DrugstatsException.of("%s line %d, column %s: '%s' is not a finite number%s", source, line, column,
                    raw, emptyIsMissing ? " (leave the field empty for a missing value)" : "");
        }
        return d;
    }

    static List<String> split(String source, int line, String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                cur.setLength(0);
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
                wasQuoted = false;
            } else if (wasQuoted && !Character.isWhitespace(c)) {
                throw DrugstatsException.of("%s line %d: text after a closing quote at character %d", source, line,
                        i + 1);
            } else if (!wasQuoted) {
                cur.append(c);
            }
        }
        if (quoted) {
            throw DrugstatsException.of("%s line %d: unterminated quoted field", source, line);
        }
        out.add(cur.toString());
        return out;
    }
}
