package org.drugstats.core.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drugstats.core.data.Origin;
import org.drugstats.core.geo.NameNormaliser;

/** Small parsing rules shared by the kinds (header labels, periods, age groups, code lists, provenance). */
final class IngestSupport {

    private static final Pattern YEAR = Pattern.compile("(19|20|21)\\d\\d");
    private static final Pattern YEAR_DECIMAL = Pattern.compile("((19|20|21)\\d\\d)\\.0+");
    private static final Pattern SPLIT_YEAR = Pattern.compile("((?:19|20|21)\\d\\d)\\s*[/-]\\s*(\\d\\d)");
    private static final Pattern YEAR_RANGE = Pattern.compile("((?:19|20|21)\\d\\d)\\s*[/-]\\s*((?:19|20|21)\\d\\d)");
    private static final Pattern AGE_RANGE = Pattern.compile("(\\d{1,2})\\s*[-\u2013]\\s*(\\d{1,3})");
    private static final Pattern AGE_PLUS = Pattern.compile("(\\d{1,2})\\s*\\+");
    private static final Pattern WDR_EDITION = Pattern.compile("wdr\\s*-?\\s*((?:19|20)\\d\\d)",
            Pattern.CASE_INSENSITIVE);

    private IngestSupport() {
    }

    /**
     * Accounts for the rows of every sheet but {@code table}, the one the kind reads: skipped rows and blank rows in
     * the counts, and a warning naming each skipped sheet.
     */
    static void skipOtherSheets(XlsxWorkbook wb, XlsxSheet table, IngestCollector out) {
        for (XlsxSheet s : wb.sheets()) {
            if (s != table) {
                XlsxWorkbook.Counts n = wb.counts(s);
                out.skipped("rows of other sheets", n.rows());
                out.blankRows(n.blankRows());
                out.warn("sheet '%s' skipped: the table is on sheet '%s'", s.name(), table.name());
            }
        }
    }

    /** A header label reduced for comparison: cleaned, lower case, without any white space. */
    static String label(String raw) {
        return NameNormaliser.clean(raw).toLowerCase(Locale.ROOT).replace(" ", "");
    }

    /**
     * The first row among the first {@code maxRows} non-blank rows of a sheet whose labels include all of
     * {@code wanted} (compared with {@link #label}); its columns by label (first occurrence).
     */
    static Optional<Header> findHeader(XlsxSheet sheet, List<String> wanted, int maxRows) {
        int seen = 0;
        for (XlsxRow row : sheet.head()) {
            if (seen++ >= maxRows) {
                break;
            }
            Map<String, Integer> cols = new HashMap<>();
            for (int c = 0; c < row.width(); c++) {
                XlsxCell cell = row.cell(c);
                if (!cell.isBlank()) {
                    cols.putIfAbsent(label(cell.text()), c);
                }
            }
            if (cols.keySet().containsAll(wanted)) {
                return Optional.of(new Header(row, cols));
            }
        }
        return Optional.empty();
    }

    /** A header row and its columns by {@linkplain #label label}. */
    record Header(XlsxRow row, Map<String, Integer> columns) {
        int col(String label) {
            Integer c = columns.get(label);
            return c == null ? -1 : c;
        }

        boolean has(String label) {
            return columns.containsKey(label);
        }
    }

    /**
     * A time period as stored: {@code 2019}; a split year {@code 2022/23} (also written {@code 2022-23});
     * a range {@code 2019-2021}. Numbers must be whole years 1900–2199. Empty when the text is none of these.
     */
    static Optional<String> period(XlsxCell cell) {
        if (cell.isNumber()) {
            double d = cell.number();
            if (d == Math.rint(d) && d >= 1900 && d < 2200) {
                return Optional.of(Integer.toString((int) d));
            }
            return Optional.empty();
        }
        return period(cell.text());
    }

    /** See {@link #period(XlsxCell)}. */
    static Optional<String> period(String text) {
        String t = NameNormaliser.clean(text);
        if (YEAR.matcher(t).matches()) {
            return Optional.of(t);
        }
        Matcher m = YEAR_DECIMAL.matcher(t);
        if (m.matches()) {
            return Optional.of(m.group(1));
        }
        m = YEAR_RANGE.matcher(t);
        if (m.matches()) {
            return Integer.parseInt(m.group(2)) > Integer.parseInt(m.group(1))
                    ? Optional.of(m.group(1) + "-" + m.group(2)) : Optional.empty();
        }
        m = SPLIT_YEAR.matcher(t);
        if (m.matches()) {
            int next = (Integer.parseInt(m.group(1)) + 1) % 100;
            return Integer.parseInt(m.group(2)) == next ? Optional.of(m.group(1) + "/" + m.group(2))
                    : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * An age group as published, in a tidy form: {@code 15-64}, {@code 12+}; spaces around the dash removed.
     * Other text is returned cleaned; blank gives empty.
     */
    static Optional<String> age(String text) {
        String t = NameNormaliser.clean(text);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = AGE_RANGE.matcher(t);
        if (m.matches()) {
            return Optional.of(Integer.parseInt(m.group(1)) + "-" + Integer.parseInt(m.group(2)));
        }
        m = AGE_PLUS.matcher(t);
        if (m.matches()) {
            return Optional.of(Integer.parseInt(m.group(1)) + "+");
        }
        return Optional.of(t);
    }

    /** A comma-separated code list in a tidy form ("a,e " → "a, e"); null when blank. */
    static String codes(String text) {
        String t = NameNormaliser.clean(text);
        if (t.isEmpty()) {
            return null;
        }
        return t.replaceAll("\\s*,\\s*", ", ");
    }

    /** The tokens of a code list: split on commas, slashes and spaces. */
    static List<String> tokens(String codes) {
        if (codes == null || codes.isBlank()) {
            return List.of();
        }
        return List.of(codes.strip().split("[,/\\s]+"));
    }

    /** The WDR edition year named in a file path ("unodc-wdr2025/..."), if any. */
    static Optional<String> wdrEdition(SourceFile file) {
        Matcher m = WDR_EDITION.matcher(file.path().toString());
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return Optional.ofNullable(last);
    }

    /** The provenance of an input: fixed facts of the kind plus the file's name and checksum. */
    static Origin origin(String kind, SourceFile file, String producer, String title, String citation, String url,
            String licence, String datePublished) {
        return new Origin(kind + "/" + file.name(), producer, title, citation, url, licence, datePublished, file.name(),
                file.sha256(), "drugstats ingest --source " + kind, false);
    }

    /** The common UNODC provenance of a WDR statistical annex table. */
    static Origin unodcAnnex(String kind, SourceFile file, String table, String tableTitle) {
        Optional<String> edition = wdrEdition(file);
        String report = edition.map(y -> "World Drug Report " + y).orElse("World Drug Report");
        String title = report + ", statistical annex, table " + table + ": " + tableTitle;
        String citation = "United Nations Office on Drugs and Crime (UNODC), " + title + " (" + file.name()
                + "). Licensed under CC BY 3.0 IGO.";
        String url = edition.map(y -> "https://www.unodc.org/unodc/en/data-and-analysis/wdr" + y + "-annex.html")
                .orElse("https://www.unodc.org/unodc/en/data-and-analysis/world-drug-report.html");
        return origin(kind, file, "United Nations Office on Drugs and Crime (UNODC)", title, citation, url,
                "CC BY 3.0 IGO", edition.orElse(null));
    }
}
