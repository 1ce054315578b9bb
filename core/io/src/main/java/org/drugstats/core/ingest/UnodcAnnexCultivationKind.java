package org.drugstats.core.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
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
    private static final Pattern FOOTNOTE_DEF = Pattern.compile("^([a-z])\\)\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern MARKERS = Pattern.compile("[a-z](?:\\s*,\\s*[a-z])*");
    private static final Pattern NUMBER_WITH_NOTE = Pattern.compile(
            "^(-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?)\\s*([a-z](?:\\s*,\\s*[a-z])*)?$");
    private static final Pattern NOTES_FOOTNOTE = Pattern.compile("(?m)^([a-z])\\)[ \\t]*(.+?)\\s*(?=^[a-z]\\)|\\z)",
            Pattern.DOTALL);
    private static final String ROUNDED = "rounded";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The pivot needs its whole sheet: note rows below the table say what a label's letter means, the Total row is
     * checked against the rows above it, bound rows belong to the row above (see {@link XlsxIngestKind}).
     */
    @Override
    boolean readsWholeSheets() {
        return true;
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

    @Override
    Object shape(XlsxWorkbook wb, SourceFile file) {
        return AnnexCultivationLayout.detect(wb, file);
    }

    @Override
    Origin origin(SourceFile file, Object shape) {
        String table = file.name().matches("^\\d+(\\.\\d+)*_.*") ? file.name().substring(0, file.name().indexOf('_'))
                : "6.x";
        return IngestSupport.unodcAnnex(NAME, file, table, ((AnnexCultivationLayout) shape).title());
    }

    @Override
    void parse(XlsxWorkbook wb, Object shape, SourceFile file, IngestContext context, IngestCollector out) {
        AnnexCultivationLayout l = (AnnexCultivationLayout) shape;
        l.yearNotes().forEach(out::warn);
        IngestSupport.skipOtherSheets(wb, l.sheet(), out);
        XlsxSheet sheet = l.sheet();
        out.blankRows(sheet.blankRows().size());
        CountryNames names = context.names().withScheme(RegionScheme.UNODC);
        String origin = origin(file, shape).id();

        List<AnnexCultivationRow> rows = new ArrayList<>();
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
                AnnexCultivationRow above = rows.get(rows.size() - 1);
                AnnexCultivationRow dr = new AnnexCultivationRow(row, above.label, above.match, above.parsed);
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
                AnnexCultivationRow best = rows.get(rows.size() - 1);
                lowerRow = best.lastBound == AnnexLabel.Role.UPPER;
                upperRow = !lowerRow;
                out.warn("sheet '%s' row %d has values but no label; it follows the %s bound row of '%s' (row %d), so it "
                        + "is read as its %s bounds", sheet.name(), row.number(),
                        lowerRow ? "upper" : "lower", NameNormaliser.clean(best.label), best.row.number(),
                        lowerRow ? "lower" : "upper");
            }
            if ((lowerRow || upperRow) && !rows.isEmpty()) {
                AnnexCultivationRow best = rows.get(rows.size() - 1);
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
            AnnexCultivationRow dr = new AnnexCultivationRow(row, labelCell.rawOrNull(), match, parsed);
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
    private static void spacerFootnotes(AnnexCultivationLayout l, XlsxRow row, AnnexCultivationRow dr,
            IngestCollector out) {
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
    private static void readLabelsAndYears(AnnexCultivationLayout l, XlsxRow row, AnnexCultivationRow dr) {
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
    private static String method(AnnexCultivationRow dr, String marker) {
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

    private void emit(AnnexCultivationLayout l, List<AnnexCultivationRow> rows, Map<String, String> footnoteText,
            CountryNames names, String origin, IngestCollector out) {
        String sheetName = l.sheet().name();
        List<Candidate> pending = new ArrayList<>();
        Map<Candidate, String> yearOf = new HashMap<>();
        Map<Candidate, AnnexCultivationRow> rowOf = new HashMap<>();
        Map<Candidate, Double> numeric = new HashMap<>();
        for (AnnexCultivationRow dr : rows) {
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
        AnnexCultivationChecks.multipleMethods(unrounded, yearOf, rowOf, out);
        AnnexCultivationChecks.checkTotals(unrounded, yearOf, rowOf, numeric, sheetName, out);
        AnnexCultivationChecks.checkRounded(pending, yearOf, rowOf, numeric, sheetName, out);
        pending.forEach(out::submit);
    }

    private static boolean hasFormula(XlsxSheet sheet, XlsxRow row, AnnexCultivationLayout l) {
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

    private static List<Map.Entry<String, XlsxCell>> orphans(AnnexCultivationRow dr) {
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

    private static Candidate base(IngestCollector out, String sheet, AnnexCultivationRow dr,
            AnnexCultivationLayout l, String origin, String year) {
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

    private static boolean resolveArea(AnnexCultivationRow dr, Candidate c, IngestCollector out) {
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

    /** The rounding unit of a published total: see {@link AnnexCultivationChecks#roundingUnit(double)}. */
    static double roundingUnit(double total) {
        return AnnexCultivationChecks.roundingUnit(total);
    }
}
