package org.drugstats.core.ingest;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Unit;

/**
 * The layout of a World Drug Report annex 6 pivot ({@link UnodcAnnexCultivationKind}): the sheet, the title and
 * what it names (activity, crop or drug, unit), the header row of years across columns (numbers, years as text or
 * Excel date serials), the label column of the areas, and the further label columns (method, unit) between the
 * area and the years ({@link AnnexPivotLabels}).
 */
record AnnexCultivationLayout(XlsxSheet sheet, String title, String drug, int headerIndex, int labelCol,
        Map<Integer, String> years, List<String> yearNotes, String activity, AnnexPivotLabels labels,
        Unit titleUnit) {

    private static final Pattern TITLE_DRUG = Pattern.compile(
            "(cultivation|eradication|production) of (.+?)\\s*(?:,|\\(|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE_WORD = Pattern.compile("cultivation|eradication|production",
            Pattern.CASE_INSENSITIVE);
    private static final double SERIAL_MIN = 32874; // 1990-01-01
    private static final double SERIAL_MAX = 73051; // 2100-01-01

    /**
     * The layout of the first sheet with a title naming the cultivation, eradication or production of a crop above
     * a row of at least three years across columns (within the first 16 rows).
     *
     * @throws DrugstatsException naming each sheet and how it starts, if no sheet has that layout
     */
    static AnnexCultivationLayout detect(XlsxWorkbook wb, SourceFile file) {
        List<String> found = new ArrayList<>();
        for (XlsxSheet sheet : wb.sheets()) {
            String title = null;
            for (XlsxRow row : sheet.rows()) {
                if (row.index() > 15) {
                    break;
                }
                Map<Integer, String> years = new TreeMap<>();
                List<String> notes = new ArrayList<>();
                for (int c = 1; c < row.width(); c++) {
                    Optional<String> y = yearOf(row.cell(c), notes);
                    if (y.isPresent()) {
                        years.put(c, y.get());
                    }
                }
                if (years.size() >= 3 && title != null) {
                    Matcher m = TITLE_DRUG.matcher(title);
                    if (!m.find()) {
                        break;
                    }
                    int first = years.keySet().iterator().next();
                    AnnexPivotLabels labels = AnnexPivotLabels.find(sheet, row.index(), first);
                    return new AnnexCultivationLayout(sheet, title, m.group(2).toLowerCase(Locale.ROOT), row.index(),
                            labelColumn(sheet, row.index(), first, labels), years, notes,
                            m.group(1).toLowerCase(Locale.ROOT), labels, AnnexPivotLabels.titleUnit(title));
                }
                for (int c = 0; c < row.width() && title == null; c++) {
                    XlsxCell cell = row.cell(c);
                    if (!cell.isBlank() && TITLE_WORD.matcher(cell.text()).find()) {
                        title = cell.text();
                    }
                }
            }
            String firstText = sheet.rows().isEmpty() ? "an empty sheet" : "'" + firstText(sheet.rows().get(0)) + "'";
            found.add("sheet '" + sheet.name() + "' starting " + firstText);
        }
        throw DrugstatsException.of("%s is not a %s file: expected a title naming the cultivation of a crop "
                + "(\"Global illicit cultivation of coca bush ...\"; or its eradication, or the production of a drug) "
                + "above a row of at least three years across columns, "
                + "found %s", file.name(), UnodcAnnexCultivationKind.NAME, String.join(", ", found));
    }

    private static String firstText(XlsxRow row) {
        for (int c = 0; c < row.width(); c++) {
            if (!row.cell(c).isBlank()) {
                String t = row.cell(c).text();
                return t.length() > 60 ? t.substring(0, 60) + "..." : t;
            }
        }
        return "";
    }

    private static int labelColumn(XlsxSheet sheet, int headerIndex, int firstYearCol, AnnexPivotLabels labels) {
        int best = 0;
        for (XlsxRow row : sheet.rows()) {
            if (row.index() <= headerIndex) {
                continue;
            }
            for (int c = 0; c < firstYearCol; c++) {
                if (!row.cell(c).isBlank() && !labels.cols().containsKey(c)) {
                    return c;
                }
            }
        }
        return best;
    }

    /** The year a header cell names: a whole number 1900–2099, a year as text, or an Excel date serial. */
    private static Optional<String> yearOf(XlsxCell cell, List<String> notes) {
        if (cell.isBlank()) {
            return Optional.empty();
        }
        if (cell.isNumber()) {
            double d = cell.number();
            if (!cell.date() && d == Math.rint(d) && d >= 1900 && d < 2100) {
                return Optional.of(Integer.toString((int) d));
            }
            if (cell.date() || (d >= SERIAL_MIN && d < SERIAL_MAX)) {
                LocalDateTime t = cell.dateValue();
                if (t != null) {
                    notes.add(String.format(Locale.ROOT, "year header %s is an Excel date (serial %s = %s); read as %d",
                            cell.ref(), cell.text(), t.toLocalDate(), t.getYear()));
                    return Optional.of(Integer.toString(t.getYear()));
                }
            }
            return Optional.empty();
        }
        return IngestSupport.period(cell.text()).filter(p -> p.length() == 4);
    }
}
