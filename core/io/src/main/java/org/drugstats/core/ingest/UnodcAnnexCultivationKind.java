package org.drugstats.core.ingest;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ExtractValidator;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;
import org.drugstats.core.geo.CountryNames;
import org.drugstats.core.geo.NameMatch;
import org.drugstats.core.geo.NameNormaliser;
import org.drugstats.core.geo.RegionScheme;
import org.drugstats.core.geo.UnmappedReason;

/**
 * World Drug Report statistical annex tables 6.x: global illicit cultivation (coca bush, opium poppy), in
 * hectares, in their pivot layout (UNODC, CC BY 3.0 IGO).
 *
 * <p>Layout: a title ("Global illicit cultivation of coca bush, 2010-2023 (hectares)"); a header row of years
 * across columns — numbers, or Excel dates (a year stored as the date serial 40182, 4 January 2010, formatted
 * "yyyy"), with blank spacer columns; one row per country and estimation method, the label carrying footnote
 * letters ("Colombia a", "Peru b", "Peru c"); optional rows of lower and upper bounds (labels starting with
 * Lower/Low/Min and Upper/High/Max) under a best estimate; a Total row; residual rows ("Other countries");
 * ".." for not available; footnote letters in spacer cells next to a value ("d" after the 2011 total); notes
 * and footnote texts ("a) Net area on 31 December.") below.
 *
 * <p>Observations: indicator {@code cultivation_area_coca} or {@code cultivation_area_opium_poppy} (from the
 * crop in the title; another crop gives {@code cultivation_area_<crop>}), unit hectares, drug from the title, age {@code _T}, sex
 * T; {@code method} is the label's footnote letter (its text, from the notes below, is in {@code notes}), so
 * that two methods for one country and year are two observations, both flagged {@code multiple-methods}; ".."
 * gives a {@code missing} observation. The Total row is stored as {@code WLD} with {@code published-aggregate}
 * (the published world total, distinct from the countries); residual rows as {@code WLD_OTHER} with
 * {@code residual-area}.
 *
 * <p>Checks, flagged and reported, never silently fixed: a best estimate outside its own bounds
 * ({@code best-outside-bounds}); country and residual values that do not add up to the published Total of the
 * same year ({@code total-mismatch} on the Total, with the sum and the difference in its notes). Where a country
 * has two methods in one year, the total matches if it matches the sum with either; totals are published
 * rounded (to 100 ha), so a difference up to half the total's rounding unit (at most 50 ha) is accepted.
 *
 * <p>The other pivots of annex 6 — eradication ("Reported eradication of opium poppy ...") and production ("Potential
 * production of oven-dry opium ... (tons)") — are read alike, with one or more label columns between the area and
 * the years, found by their header text ({@link AnnexPivotLabels}): a method ("Method", "Type of eradication") and a
 * unit ("Unit": ha, tons, kg). Indicators {@code <activity>_<measure>_<crop>}: {@code eradication_area_coca} (ha),
 * {@code eradication_quantity_opium_poppy} (tons), {@code production_quantity_oven_dry_opium}; the unit column (else
 * the title's unit, else hectares) decides the measure and the unit, an unknown unit is quarantined
 * ({@code unknown-code}). The Method text leads {@code method} (then the label's footnote letter). A row without an
 * area label but with a method or unit is a further row of the area above (labels written on a group's first row
 * only). Totals are checked, and alternative estimates ({@code multiple-methods}) told, within one indicator and
 * Method text: areas and quantities, or manual and aerial eradication, are never summed together.
 *
 * <p>A row read is one non-blank year cell of a country, residual or Total row (a bound cell travels with the
 * best estimate above it; a bound without a best estimate, and a labelled row with no value, count as one).
 */
public final class UnodcAnnexCultivationKind extends XlsxIngestKind {

    static final String NAME = "unodc-annex-cultivation";
    private static final Pattern TITLE_DRUG = Pattern.compile(
            "(cultivation|eradication|production) of (.+?)\\s*(?:,|\\(|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FOOTNOTE_DEF = Pattern.compile("^([a-z])\\)\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern MARKERS = Pattern.compile("[a-z](?:\\s*,\\s*[a-z])*");
    private static final Pattern NUMBER_WITH_NOTE = Pattern.compile(
            "^(-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?)\\s*([a-z](?:\\s*,\\s*[a-z])*)?$");
    private static final Pattern NOTES_FOOTNOTE = Pattern.compile("(?m)^([a-z])\\)[ \\t]*(.+?)\\s*(?=^[a-z]\\)|\\z)",
            Pattern.DOTALL);
    private static final Pattern TITLE_WORD = Pattern.compile("cultivation|eradication|production",
            Pattern.CASE_INSENSITIVE);
    private static final String ROUNDED = "rounded";
    private static final double SERIAL_MIN = 32874; // 1990-01-01
    private static final double SERIAL_MAX = 73051; // 2100-01-01

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "UNODC World Drug Report annex tables 6.x: global illicit cultivation in hectares (years across)";
    }

    @Override
    public String rowUnit() {
        return "year cell: one non-blank cell under a year header in a country, residual or Total row (bound rows "
                + "travel with the best estimate above; a bound without a best estimate, or a labelled row without any "
                + "value, counts as one)";
    }

    private record Layout(XlsxSheet sheet, String title, String drug, int headerIndex, int labelCol,
            Map<Integer, String> years, List<String> yearNotes, String activity, AnnexPivotLabels labels,
            Unit titleUnit) {
    }

    @Override
    Object shape(XlsxWorkbook wb, SourceFile file) {
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
                    return new Layout(sheet, title, m.group(2).toLowerCase(Locale.ROOT), row.index(),
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
                + "found %s", file.name(), NAME, String.join(", ", found));
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

    @Override
    Origin origin(SourceFile file, Object shape) {
        String table = file.name().matches("^\\d+(\\.\\d+)*_.*") ? file.name().substring(0, file.name().indexOf('_'))
                : "6.x";
        return IngestSupport.unodcAnnex(NAME, file, table, ((Layout) shape).title());
    }

    /** A labelled data row and its cells by year. */
    private static final class DataRow {
        final XlsxRow row;
        final String label;
        final NameMatch match;
        final Map<String, XlsxCell> cells = new LinkedHashMap<>();
        final Map<String, String> footnotes = new HashMap<>();
        final Map<String, XlsxCell> lower = new HashMap<>();
        final Map<String, XlsxCell> upper = new HashMap<>();
        final List<XlsxRow> boundRows = new ArrayList<>();
        final AnnexLabel parsed;
        String boundMarkers;
        AnnexLabel.Role lastBound;
        String method;
        XlsxCell unitCell;
        Unit unit;

        DataRow(XlsxRow row, String label, NameMatch match, AnnexLabel parsed) {
            this.row = row;
            this.label = label;
            this.match = match;
            this.parsed = parsed;
        }
    }

    @Override
    void parse(XlsxWorkbook wb, Object shape, SourceFile file, IngestContext context, IngestCollector out) {
        Layout l = (Layout) shape;
        l.yearNotes().forEach(out::warn);
        IngestSupport.skipOtherSheets(wb, l.sheet(), out);
        XlsxSheet sheet = l.sheet();
        out.blankRows(sheet.blankRows().size());
        CountryNames names = context.names().withScheme(RegionScheme.UNODC);
        String origin = origin(file, shape).id();

        List<DataRow> rows = new ArrayList<>();
        Map<String, String> footnoteText = new TreeMap<>();
        boolean notesStarted = false;
        for (XlsxRow row : sheet.rows()) {
            if (row.index() <= l.headerIndex()) {
                out.skipped("title and header rows", 1);
                continue;
            }
            XlsxCell labelCell = row.cell(l.labelCol());
            String label = labelCell.text();
            Matcher fn = FOOTNOTE_DEF.matcher(label);
            if (fn.matches()) {
                footnoteText.put(fn.group(1), NameNormaliser.clean(fn.group(2)));
                out.skipped("notes rows", 1);
                out.explain("row %d: notes (footnote %s)", row.number(), fn.group(1));
                notesStarted = true;
                continue;
            }
            boolean hasYearCell = l.years().keySet().stream().anyMatch(c -> !row.cell(c).isBlank());
            if (notesStarted || (!hasYearCell && label.length() > 60)) {
                out.skipped("notes rows", 1);
                footnotesInNotes(labelCell.raw(), footnoteText);
                out.explain("row %d: notes ('%s')", row.number(), abbreviate(label));
                notesStarted = true;
                continue;
            }
            boolean labelled = l.labels().cols().keySet().stream().anyMatch(c -> !row.cell(c).isBlank());
            if (labelCell.isBlank() && hasYearCell && labelled && !rows.isEmpty()
                    && !(rows.get(rows.size() - 1).lastBound != null
                            && rows.get(rows.size() - 1).boundRows.size() == 1)) {
                // a further method or unit of the area above: its label is written on the group's first row only
                DataRow above = rows.get(rows.size() - 1);
                DataRow dr = new DataRow(row, above.label, above.match, above.parsed);
                out.explain("row %d: values of '%s' (label of row %d)", row.number(), above.parsed.name(),
                        above.row.number());
                readLabelsAndYears(l, row, dr);
                spacerFootnotes(l, row, dr, out);
                rows.add(dr);
                continue;
            }
            AnnexLabel parsed = AnnexLabel.parse(labelCell.raw());
            boolean lowerRow = parsed.role() == AnnexLabel.Role.LOWER;
            boolean upperRow = parsed.role() == AnnexLabel.Role.UPPER;
            if (labelCell.isBlank() && hasYearCell && !rows.isEmpty() && rows.get(rows.size() - 1).lastBound != null
                    && rows.get(rows.size() - 1).boundRows.size() == 1) {
                // a bound row pair whose second label is missing (6.2.1 row 26 under the Total's "lower bound")
                DataRow best = rows.get(rows.size() - 1);
                lowerRow = best.lastBound == AnnexLabel.Role.UPPER;
                upperRow = !lowerRow;
                out.warn("sheet '%s' row %d has values but no label; it follows the %s bound row of '%s' (row %d), so it "
                        + "is read as its %s bounds", sheet.name(), row.number(),
                        lowerRow ? "upper" : "lower", NameNormaliser.clean(best.label), best.row.number(),
                        lowerRow ? "lower" : "upper");
            }
            if ((lowerRow || upperRow) && !rows.isEmpty()) {
                DataRow best = rows.get(rows.size() - 1);
                best.lastBound = lowerRow ? AnnexLabel.Role.LOWER : AnnexLabel.Role.UPPER;
                if (parsed.boundMarkers() != null) {
                    best.boundMarkers = parsed.boundMarkers();
                }
                out.explain("row %d: %s bounds of row %d ('%s')", row.number(), lowerRow ? "lower" : "upper",
                        best.row.number(), NameNormaliser.clean(best.label));
                best.boundRows.add(row);
                for (Map.Entry<Integer, String> y : l.years().entrySet()) {
                    XlsxCell c = row.cell(y.getKey());
                    if (!c.isBlank()) {
                        (lowerRow ? best.lower : best.upper).put(y.getValue(), c);
                    }
                }
                continue;
            }
            if (labelCell.isBlank()) {
                if (hasYearCell) {
                    out.warn("sheet '%s' row %d: values without a row label; quarantined", sheet.name(), row.number());
                } else {
                    out.skipped("rows without label or value", 1);
                    continue;
                }
            }
            NameMatch match = labelCell.isBlank() ? null
                    : names.match(parsed.qualified() ? parsed.name() : labelCell.raw());
            if (!hasYearCell && match != null && !match.isMapped() && !hasFormula(sheet, row, l)
                    && (parsed.inCapitals() || match.refArea().isPresent())) {
                out.skipped("region header rows", 1);
                out.explain("row %d: region header '%s' (no value in any year column; %s)", row.number(),
                        parsed.name(), parsed.inCapitals() ? "written in capitals" : "a region name");
                continue;
            }
            DataRow dr = new DataRow(row, labelCell.rawOrNull(), match, parsed);
            out.explain("row %d: values of '%s'%s%s", row.number(), parsed.name(),
                    parsed.qualified() ? " " + parsed.qualifiers() : "",
                    match == null ? "" : " -> " + match.refArea().orElse("(unmapped)"));
            readLabelsAndYears(l, row, dr);
            spacerFootnotes(l, row, dr, out);
            rows.add(dr);
        }
        emit(l, rows, footnoteText, names, origin, out);
    }

    /** Footnote letters in spacer cells belong to the nearest year column on their left; other text is reported. */
    private static void spacerFootnotes(Layout l, XlsxRow row, DataRow dr, IngestCollector out) {
        for (int c = 0; c < row.width(); c++) {
            XlsxCell cell = row.cell(c);
            if (cell.isBlank() || c == l.labelCol() || l.years().containsKey(c) || l.labels().cols().containsKey(c)) {
                continue;
            }
            Integer left = null;
            for (Integer yc : l.years().keySet()) {
                if (yc < c) {
                    left = yc;
                }
            }
            if (left != null && MARKERS.matcher(cell.text()).matches()) {
                dr.footnotes.merge(l.years().get(left), cell.text().replace(" ", ""), (a, b) -> a + "," + b);
            } else {
                out.warn("sheet '%s' %s: '%s' outside the year columns; not read", l.sheet().name(), cell.ref(),
                        cell.text());
            }
        }
    }

    /** The method and unit cells of a data row, and its cells under the years. */
    private static void readLabelsAndYears(Layout l, XlsxRow row, DataRow dr) {
        int m = l.labels().col(AnnexPivotLabels.Role.METHOD);
        dr.method = m < 0 ? null : row.cell(m).textOrNull();
        int u = l.labels().col(AnnexPivotLabels.Role.UNIT);
        dr.unitCell = u < 0 || row.cell(u).isBlank() ? null : row.cell(u);
        dr.unit = dr.unitCell == null ? l.titleUnit() : AnnexPivotLabels.unit(dr.unitCell.text()).orElse(null);
        for (Map.Entry<Integer, String> y : l.years().entrySet()) {
            XlsxCell c = row.cell(y.getKey());
            if (!c.isBlank() || l.sheet().formula(c.ref()).isPresent()) {
                dr.cells.put(y.getValue(), c);
            }
        }
    }

    /** The method of a row: the Method column's text, then the label's footnote marker, then "rounded". */
    private static String method(DataRow dr, String marker) {
        List<String> parts = new ArrayList<>();
        if (dr.method != null) {
            parts.add(dr.method);
        }
        if (marker != null) {
            parts.add(marker.replace(",", ", "));
        }
        if (dr.parsed.rounded()) {
            parts.add(ROUNDED);
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private void emit(Layout l, List<DataRow> rows, Map<String, String> footnoteText, CountryNames names,
            String origin, IngestCollector out) {
        String sheetName = l.sheet().name();
        List<Candidate> pending = new ArrayList<>();
        Map<Candidate, String> yearOf = new HashMap<>();
        Map<Candidate, DataRow> rowOf = new HashMap<>();
        Map<Candidate, Double> numeric = new HashMap<>();
        for (DataRow dr : rows) {
            String where = "sheet '" + sheetName + "' row " + dr.row.number();
            if (dr.match instanceof NameMatch.Unmapped u) {
                out.unmapped(u, where, u.code() == null);
            }
            String marker = dr.match == null ? null : dr.match.footnote();
            if (dr.cells.isEmpty()) {
                out.read();
                Candidate c = base(out, sheetName, dr, l, origin, null);
                if (dr.lower.isEmpty() && dr.upper.isEmpty()) {
                    out.quarantine(c, QuarantineReason.MALFORMED_ROW, "label", dr.label,
                            "the row names an area but holds no value under any year");
                } else {
                    out.quarantine(c, QuarantineReason.MALFORMED_ROW, "label", dr.label,
                            "bound rows under a row without best estimates");
                }
            }
            for (Map.Entry<String, XlsxCell> e : dr.cells.entrySet()) {
                String year = e.getKey();
                XlsxCell cell = e.getValue();
                out.read();
                Candidate c = base(out, sheetName, dr, l, origin, year);
                c.set(Column.METHOD, method(dr, marker));
                if (marker != null) {
                    c.flag(QualityFlag.FOOTNOTE).note(footnoteNote(marker, footnoteText));
                }
                if (dr.parsed.rounded()) {
                    c.note("published rounded ('" + NameNormaliser.clean(dr.label) + "')");
                }
                String cellNote = dr.footnotes.get(year);
                String text = cell.text();
                Optional<String> formula = l.sheet().formula(cell.ref());
                boolean noCachedValue = formula.isPresent() && (cell.isBlank() || cell.text().startsWith("="));
                if (l.sheet().linksToOtherWorkbook(cell.ref()) || noCachedValue) {
                    boolean external = l.sheet().linksToOtherWorkbook(cell.ref());
                    c.set(Column.VALUE, null, year, cell.rawOrNull()).set(Column.OBS_STATUS, ObsStatus.MISSING.code())
                            .flag(QualityFlag.STALE_FORMULA)
                            .note(external ? "stale: the cell is a formula linking to another workbook (=" + formula.get()
                                    + "); its cached value " + (cell.isBlank() ? "(none)" : cell.text())
                                    + " is not read as data"
                                    : "the cell is a formula (=" + formula.get() + ") without a cached value");
                    out.warn("sheet '%s' %s (%s, %s): %s; not read as data, kept as missing and flagged stale-formula",
                            sheetName, cell.ref(), NameNormaliser.clean(dr.label), year, external
                                    ? "a formula linking to another workbook (=" + formula.get() + "), cached value "
                                    + (cell.isBlank() ? "(none)" : cell.text())
                                    : "a formula without a cached value (=" + formula.get() + ")");
                    out.explain("%s: stale formula =%s, not read", cell.ref(), formula.get());
                } else if (cell.isNumber() && cell.date()) {
                    c.cell(Column.VALUE, cell, year); // a date is not hectares: quarantined as non-numeric
                } else if (cell.isNumber()) {
                    c.set(Column.VALUE, cell.text(), year, cell.raw());
                    numeric.put(c, cell.number());
                } else if (text.equals("..") || text.equals("\u2026")) {
                    c.set(Column.VALUE, null, year, cell.raw()).set(Column.OBS_STATUS, ObsStatus.MISSING.code())
                            .note("published as '..' (not available)");
                } else {
                    Matcher m = NUMBER_WITH_NOTE.matcher(text);
                    if (m.matches() && m.group(2) != null) {
                        String num = m.group(1).replace(",", "");
                        c.set(Column.VALUE, num, year, cell.raw());
                        numeric.put(c, Double.parseDouble(num));
                        cellNote = cellNote == null ? m.group(2) : cellNote + "," + m.group(2);
                    } else if (m.matches()) {
                        String num = m.group(1).replace(",", "");
                        c.set(Column.VALUE, num, year, cell.raw());
                        numeric.put(c, Double.parseDouble(num));
                    } else if (MARKERS.matcher(text).matches()) {
                        out.quarantine(c, QuarantineReason.MALFORMED_ROW, year, cell.raw(),
                                "a footnote marker without a value under a year");
                        continue;
                    } else {
                        c.set(Column.VALUE, text, year, cell.raw()); // the validator quarantines it as non-numeric
                    }
                }
                if (cellNote != null) {
                    c.flag(QualityFlag.FOOTNOTE).note(footnoteNote(cellNote, footnoteText));
                }
                XlsxCell lo = dr.lower.get(year);
                XlsxCell hi = dr.upper.get(year);
                if (lo != null && !lo.text().equals("..")) {
                    c.set(Column.LOWER, lo.text(), year + " (lower bound row)", lo.raw());
                }
                if (hi != null && !hi.text().equals("..")) {
                    c.set(Column.UPPER, hi.text(), year + " (upper bound row)", hi.raw());
                }
                if (dr.boundMarkers != null && (lo != null || hi != null)) {
                    c.note("bounds: " + footnoteNote(dr.boundMarkers, footnoteText));
                }
                if (numeric.containsKey(c) && ((lo != null && lo.isNumber() && numeric.get(c) < lo.number())
                        || (hi != null && hi.isNumber() && numeric.get(c) > hi.number()))) {
                    c.flag(QualityFlag.BEST_OUTSIDE_BOUNDS);
                    out.warn("sheet '%s' row %d, %s: best estimate %s lies outside its own bounds [%s, %s]; kept and "
                            + "flagged best-outside-bounds", sheetName, dr.row.number(), year, text,
                            lo == null ? "" : lo.text(), hi == null ? "" : hi.text());
                }
                if (dr.unit == null) {
                    out.quarantine(c, QuarantineReason.UNKNOWN_CODE, l.labels().header(AnnexPivotLabels.Role.UNIT),
                            dr.unitCell.raw(), "expected a unit: ha (hectares), tons or kg");
                    continue;
                }
                if (!resolveArea(dr, c, out)) {
                    continue;
                }
                pending.add(c);
                yearOf.put(c, year);
                rowOf.put(c, dr);
            }
            for (Map.Entry<String, XlsxCell> e : orphans(dr)) {
                out.read();
                Candidate c = base(out, sheetName, dr, l, origin, e.getKey());
                out.quarantine(c, QuarantineReason.MALFORMED_ROW, e.getKey(), e.getValue().raw(),
                        "a bound without a best estimate for " + e.getKey());
            }
        }
        List<Candidate> unrounded = pending.stream().filter(c -> !rowOf.get(c).parsed.rounded()).toList();
        multipleMethods(unrounded, yearOf, rowOf, out);
        checkTotals(unrounded, yearOf, rowOf, numeric, sheetName, out);
        checkRounded(pending, yearOf, rowOf, numeric, sheetName, out);
        pending.forEach(out::submit);
    }

    /**
     * A row published rounded ("TOTAL (best estimate, rounded)") against the unrounded row of the same area and
     * year: they must agree within half the rounding unit of the rounded value; else {@code total-mismatch}.
     */
    private static void checkRounded(List<Candidate> pending, Map<Candidate, String> yearOf,
            Map<Candidate, DataRow> rowOf, Map<Candidate, Double> numeric, String sheetName, IngestCollector out) {
        for (Candidate r : pending) {
            if (!rowOf.get(r).parsed.rounded() || !numeric.containsKey(r)) {
                continue;
            }
            for (Candidate u : pending) {
                if (u == r || rowOf.get(u).parsed.rounded() || !numeric.containsKey(u)
                        || !yearOf.get(u).equals(yearOf.get(r)) || !series(u, rowOf).equals(series(r, rowOf))
                        || !String.valueOf(u.get(Column.REF_AREA)).equals(r.get(Column.REF_AREA))) {
                    continue;
                }
                double diff = numeric.get(r) - numeric.get(u);
                if (Math.abs(diff) > roundingUnit(numeric.get(r)) / 2) {
                    String what = String.format(Locale.ROOT, "the rounded value %s differs from the unrounded %s of "
                            + "row %d by %s", Observation.number(numeric.get(r)), Observation.number(numeric.get(u)),
                            rowOf.get(u).row.number(), Observation.number(diff));
                    r.flag(QualityFlag.TOTAL_MISMATCH).note(what);
                    out.warn("sheet '%s' row %d, %s: %s; kept as published and flagged total-mismatch", sheetName,
                            rowOf.get(r).row.number(), yearOf.get(r), what);
                }
            }
        }
    }

    private static boolean hasFormula(XlsxSheet sheet, XlsxRow row, Layout l) {
        return l.years().keySet().stream().anyMatch(c -> sheet.formula(row.cell(c).ref()).isPresent());
    }

    /** Footnote definitions inside a notes cell: lines "a) text" up to the next definition. */
    private static void footnotesInNotes(String raw, Map<String, String> text) {
        if (raw == null) {
            return;
        }
        Matcher m = NOTES_FOOTNOTE.matcher(raw);
        while (m.find()) {
            text.putIfAbsent(m.group(1), NameNormaliser.clean(m.group(2)));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static List<Map.Entry<String, XlsxCell>> orphans(DataRow dr) {
        List<Map.Entry<String, XlsxCell>> o = new ArrayList<>();
        for (Map<String, XlsxCell> bounds : List.of(dr.lower, dr.upper)) {
            for (Map.Entry<String, XlsxCell> e : bounds.entrySet()) {
                if (!dr.cells.containsKey(e.getKey()) && !e.getValue().text().equals("..")) {
                    o.add(e);
                }
            }
        }
        return o;
    }

    private static String footnoteNote(String markers, Map<String, String> text) {
        StringBuilder sb = new StringBuilder();
        for (String m : markers.split(",")) {
            String t = text.get(m.strip());
            sb.append(sb.length() == 0 ? "" : "; ").append("footnote ").append(m.strip())
                    .append(t == null ? " (text not found below the table)" : ": " + t);
        }
        return sb.toString();
    }

    private static Candidate base(IngestCollector out, String sheet, DataRow dr, Layout l, String origin, String year) {
        Unit unit = dr.unit == null ? l.titleUnit() : dr.unit;
        Candidate c = out.candidate(sheet, dr.row.number())
                .set(Column.REF_AREA, dr.match == null ? null : dr.match.refArea().orElse(null))
                .set(Column.INDICATOR, AnnexPivotLabels.indicator(l.activity(), l.drug(), unit))
                .set(Column.TIME_PERIOD, year)
                .set(Column.SEX, Sex.TOTAL.code())
                .set(Column.AGE, "_T")
                .set(Column.METHOD, dr.method, l.labels().header(AnnexPivotLabels.Role.METHOD), dr.method)
                .set(Column.UNIT_MULT, "0")
                .set(Column.OBS_STATUS, ObsStatus.NORMAL.code())
                .set(Column.ORIGIN, origin)
                .set(Column.DRUG, l.drug())
                .set(Column.AREA_NAME, dr.label, "label", dr.label);
        if (dr.unitCell != null) {
            c.set(Column.UNIT, unit.code(), l.labels().header(AnnexPivotLabels.Role.UNIT), dr.unitCell.raw());
        } else {
            c.set(Column.UNIT, unit.code());
        }
        return c;
    }

    /**
     * The series a value belongs to within one year: its indicator (which carries the unit) and the Method column's
     * text. Totals are checked, and alternative estimates told, within one series only: areas and quantities, or
     * manual and aerial eradication, are never summed together.
     */
    private static String series(Candidate c, Map<Candidate, DataRow> rowOf) {
        return c.get(Column.INDICATOR) + "|" + rowOf.get(c).method;
    }

    /** The catalog's indicator for a crop: cultivation_area_coca, cultivation_area_opium_poppy, else by name. */
    static String indicator(String drug) {
        String d = drug.toLowerCase(Locale.ROOT);
        if (d.startsWith("coca")) {
            return "cultivation_area_coca";
        }
        if (d.startsWith("opium")) {
            return "cultivation_area_opium_poppy";
        }
        return "cultivation_area_" + SdgOpenCsvKind.slug(d);
    }

    private static boolean resolveArea(DataRow dr, Candidate c, IngestCollector out) {
        if (dr.match == null) {
            out.quarantine(c, QuarantineReason.MALFORMED_ROW, "label", null, "a value without a row label");
            return false;
        }
        if (dr.match instanceof NameMatch.Mapped m) {
            c.set(Column.REF_AREA, m.areaCode());
            return true;
        }
        NameMatch.Unmapped u = (NameMatch.Unmapped) dr.match;
        if (u.code() == null) {
            out.quarantine(c, QuarantineReason.UNMAPPED_AREA, "label", dr.label, "'" + NameNormaliser.clean(dr.label)
                    + "' is not a country, a Total or a residual row (" + u.reason().name().toLowerCase(Locale.ROOT)
                    + ")");
            return false;
        }
        c.set(Column.REF_AREA, u.code());
        c.flag(u.reason() == UnmappedReason.RESIDUAL ? QualityFlag.RESIDUAL_AREA : QualityFlag.PUBLISHED_AGGREGATE);
        return true;
    }

    private static void multipleMethods(List<Candidate> pending, Map<Candidate, String> yearOf,
            Map<Candidate, DataRow> rowOf, IngestCollector out) {
        Map<String, List<Candidate>> byAreaYear = new LinkedHashMap<>();
        for (Candidate c : pending) {
            if (c.get(Column.VALUE) != null) {
                byAreaYear.computeIfAbsent(c.get(Column.REF_AREA) + "|" + yearOf.get(c) + "|" + series(c, rowOf),
                        k -> new ArrayList<>()).add(c);
            }
        }
        for (Map.Entry<String, List<Candidate>> e : byAreaYear.entrySet()) {
            List<Candidate> list = e.getValue();
            long methods = list.stream().map(c -> String.valueOf(c.get(Column.METHOD))).distinct().count();
            if (methods > 1) {
                list.forEach(c -> c.flag(QualityFlag.MULTIPLE_METHODS));
                out.warn("%s %s: %d estimates by different methods (%s); both kept and flagged multiple-methods",
                        list.get(0).get(Column.REF_AREA), yearOf.get(list.get(0)), list.size(),
                        String.join(", ", list.stream().map(c -> NameNormaliser.clean(c.get(Column.AREA_NAME)) + " = "
                                + c.get(Column.VALUE)).toList()));
            }
        }
    }

    private static void checkTotals(List<Candidate> pending, Map<Candidate, String> yearOf,
            Map<Candidate, DataRow> rowOf, Map<Candidate, Double> numeric, String sheetName, IngestCollector out) {
        Map<String, List<Candidate>> byYear = new TreeMap<>();
        pending.forEach(c -> byYear.computeIfAbsent(yearOf.get(c) + "|" + series(c, rowOf), k -> new ArrayList<>())
                .add(c));
        for (Map.Entry<String, List<Candidate>> e : byYear.entrySet()) {
            String year = yearOf.get(e.getValue().get(0));
            List<Candidate> totals = e.getValue().stream().filter(c -> "WLD".equals(c.get(Column.REF_AREA))).toList();
            if (totals.size() != 1 || !numeric.containsKey(totals.get(0))) {
                continue;
            }
            Candidate total = totals.get(0);
            Map<String, List<Candidate>> parts = new LinkedHashMap<>();
            Map<String, Integer> perMethod = new HashMap<>();
            String missing = null;
            for (Candidate c : e.getValue()) {
                if (c == total) {
                    continue;
                }
                if (!numeric.containsKey(c) || !ExtractValidator.checkRow("", c.row(), c.canonical()).accepted()) {
                    missing = "some listed areas have no valid value";
                    continue;
                }
                if (perMethod.merge(c.get(Column.REF_AREA) + "|" + c.get(Column.METHOD), 1, Integer::sum) > 1) {
                    missing = "an area is listed twice with the same method";
                }
                parts.computeIfAbsent(c.get(Column.REF_AREA), k -> new ArrayList<>()).add(c);
            }
            if (missing != null) {
                out.warn("%s: the total of %s cannot be checked: %s", year,
                        NameNormaliser.clean(total.get(Column.AREA_NAME)), missing);
                continue;
            }
            double t = numeric.get(total);
            double tolerance = roundingUnit(t) / 2;
            List<List<Candidate>> choices = new ArrayList<>(parts.values());
            long combos = choices.stream().mapToLong(List::size).reduce(1, (a, b) -> a * b);
            if (combos > 4096) {
                out.warn("%s: the total cannot be checked: %d combinations of methods", year, combos);
                continue;
            }
            double bestDiff = Double.POSITIVE_INFINITY;
            List<Candidate> bestPick = null;
            int[] idx = new int[choices.size()];
            for (long k = 0; k < combos; k++) {
                long rest = k;
                double sum = 0;
                List<Candidate> pick = new ArrayList<>();
                for (int i = 0; i < choices.size(); i++) {
                    idx[i] = (int) (rest % choices.get(i).size());
                    rest /= choices.get(i).size();
                    Candidate c = choices.get(i).get(idx[i]);
                    sum += numeric.get(c);
                    pick.add(c);
                }
                double diff = t - sum;
                if (Math.abs(diff) < Math.abs(bestDiff)) {
                    bestDiff = diff;
                    bestPick = pick;
                }
            }
            if (bestPick == null) {
                continue;
            }
            double sum = t - bestDiff;
            String terms = String.join(" + ", bestPick.stream().map(c -> NameNormaliser.clean(c.get(Column.AREA_NAME))
                    + " " + c.get(Column.VALUE)).toList());
            if (Math.abs(bestDiff) <= tolerance) {
                if (choices.stream().anyMatch(ch -> ch.size() > 1)) {
                    total.note("equals the sum of " + terms);
                }
                continue;
            }
            total.flag(QualityFlag.TOTAL_MISMATCH);
            String what = String.format(Locale.ROOT, "the listed areas sum to %s (%s); the published total is %s, "
                    + "a difference of %s", Observation.number(sum), terms, Observation.number(t),
                    Observation.number(bestDiff));
            total.note(what);
            out.warn("sheet '%s' row %d, %s: %s; the total is kept as published and flagged total-mismatch", sheetName,
                    rowOf.get(total).row.number(), year, what);
        }
    }

    /** The rounding unit of a published total: the largest of 100, 10, 1 that divides it, else 0 (no tolerance). */
    static double roundingUnit(double total) {
        for (double u : new double[] {100, 10, 1}) {
            if (Math.rint(total / u) * u == total) {
                return u;
            }
        }
        return 1e-9 * Math.abs(total);
    }
}
