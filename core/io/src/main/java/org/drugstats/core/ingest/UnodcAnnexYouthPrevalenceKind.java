package org.drugstats.core.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drugstats.core.DrugstatsException;
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

/**
 * World Drug Report statistical annex table 1.4: prevalence of drug use among the youth population (school and
 * youth surveys), national data, one sheet per drug and one for NPS (UNODC, CC BY 3.0 IGO).
 *
 * <p>Layout, found by content on every sheet: title rows ("CANNABIS USE", "among the youth population",
 * "Prevalence (percentage)"), then a header row with Country/Territory, Coverage (age/grade), Lifetime (also
 * "Life-time"), Past Year, Past Month, Year of Estimate, Source, Notes, and Region / Subregion columns that are filled
 * only on a group's first row; columns may sit anywhere (an empty column is inserted on some sheets). The NPS sheet
 * adds NPS type and Substance columns and splits each period into All / Male / Female on a second header row.
 * Notes and source acronyms follow the table. Sheets without such a header (the hidden Lookup sheet) are skipped.
 *
 * <p>Observations: indicators {@code prevalence_youth_lifetime}, {@code prevalence_youth_annual} and
 * {@code prevalence_youth_past_month} (percent) — never the general-population indicators of table 1.2; drug the
 * sheet name in lower case (NPS: the Substance as published, drug group {@code NPS}, sub-group the NPS type).
 * Coverage is free text: an age range anywhere in it becomes the age ("15 - 16", "(SS) 15 - 16",
 * " (HHS) age 15 - 17" → {@code 15-16}, {@code 15-17}); "Below 18" → {@code <18}; grades, "University",
 * "Youth (undefined)" → {@code _U} (not an age); the text as published is always kept in {@code notes}
 * ("coverage: ..."), the survey type prefix (SS school survey, HHS household-type survey, from the sheet's notes) in
 * {@code method}. The Notes column (the product: "Herb", "Resin", "Heroin") is appended to {@code notes}. A cell
 * "@" is published without a figure: kept as {@code missing}. A number stored as text is read ("0,3" with a decimal
 * comma as 0.3, noted).
 *
 * <p>Rows of one key (country, year, age, drug, survey type, source) with different products or sub-populations
 * are alternative estimates, never summed: every row is kept as a record ({@link RepeatedKeyRule#EVERY_ROW_A_RECORD}).
 *
 * <p>A row read is one non-blank value cell (period × sex) of a country row; a country row without any value counts
 * as one and is quarantined. A survey year after the report's edition (the file of WDR 2025 has Honduras 2106) is
 * quarantined, not guessed at.
 */
public final class UnodcAnnexYouthPrevalenceKind extends XlsxIngestKind {

    static final String NAME = "unodc-annex-prevalence-youth";
    private static final Pattern AGE = Pattern.compile("(\\d{1,2})\\s*[-\u2013]\\s*(\\d{1,2})(?!\\d)");
    private static final Pattern BELOW = Pattern.compile("(?i)(?:below|under)\\s*(\\d{1,2})");
    private static final Pattern SURVEY = Pattern.compile("\\b(SS|HHS)\\b");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+,\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Map<String, String> PERIODS = Map.of(
            "lifetime", "prevalence_youth_lifetime",
            "pastyear", "prevalence_youth_annual",
            "annual", "prevalence_youth_annual",
            "pastmonth", "prevalence_youth_past_month");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "UNODC World Drug Report annex table 1.4: prevalence of drug use among the youth population, national";
    }

    @Override
    public String rowUnit() {
        return "value cell: one non-blank Lifetime / Past Year / Past Month cell (NPS: per sex) of a country row (a "
                + "country row without any value counts as one)";
    }

    @Override
    public RepeatedKeyRule repeatedKeyRule() {
        return RepeatedKeyRule.EVERY_ROW_A_RECORD;
    }

    /** One value column: its indicator and sex. */
    private record ValueCol(int col, String indicator, Sex sex, String header) {
    }

    /** A sheet's layout. */
    private record Table(XlsxSheet sheet, int headerIndex, int lastHeaderIndex, Map<String, Integer> cols,
            List<ValueCol> values, boolean nps) {
        int col(String role) {
            return cols.getOrDefault(role, -1);
        }
    }

    private record Layout(List<Table> tables) {
    }

    /** The labels a youth table's header row must have (a period stands for Lifetime, Past Year or Past Month). */
    private static final List<String> HEADER_LABELS = List.of("country", "coverage", "period", "year");
    private static final List<String> HEADER_DISPLAY = List.of("Country/Territory", "Coverage (age/grade)",
            "Lifetime / Past Year / Past Month", "Year of Estimate");

    /** The header label a cell's text stands for in {@link #HEADER_LABELS}, or null. */
    private static String headerLabel(String text) {
        String r = role(text);
        return r != null && PERIODS.containsKey(r) ? "period" : r;
    }

    /** The role of a header label, or null. */
    static String role(String text) {
        String k = NameNormaliser.clean(text).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (k.startsWith("country")) {
            return "country";
        }
        if (k.startsWith("coverage")) {
            return "coverage";
        }
        if (PERIODS.containsKey(k)) {
            return k.equals("annual") ? "pastyear" : k;
        }
        if (k.startsWith("yearofestimate") || k.equals("year")) {
            return "year";
        }
        return switch (k) {
            case "source", "sources" -> "source";
            case "notes", "note", "specificnotes" -> "notes";
            case "region" -> "region";
            case "subregion" -> "subregion";
            case "substance" -> "substance";
            case "npstype" -> "npstype";
            default -> null;
        };
    }

    @Override
    Object shape(XlsxWorkbook wb, SourceFile file) {
        List<Table> tables = new ArrayList<>();
        List<String> found = new ArrayList<>();
        List<XlsxSheet> without = new ArrayList<>();
        for (XlsxSheet sheet : wb.sheets()) {
            Optional<Table> t = table(sheet);
            if (t.isPresent()) {
                // the drug of a sheet is its tab name: a title naming another tab's drug means swapped tabs
                SheetChecks.titleAgreesWithTab(file.name(), wb, sheet, t.get().headerIndex());
                tables.add(t.get());
            } else {
                without.add(sheet);
                found.add("'" + sheet.name() + "'");
            }
        }
        if (tables.isEmpty()) {
            throw DrugstatsException.of("%s is not a %s file: expected a sheet with a header row Country/Territory, "
                    + "Coverage (age/grade), Lifetime / Past Year / Past Month, Year of Estimate, found none in sheets %s",
                    file.name(), NAME, String.join(", ", found));
        }
        for (XlsxSheet sheet : without) {
            // a sheet with three of the four header labels is a youth table with a blank or renamed header cell:
            // skipping it would lose its values with only a warning
            SheetChecks.noPartialHeader(file.name(), sheet, UnodcAnnexYouthPrevalenceKind::headerLabel, HEADER_LABELS,
                    HEADER_DISPLAY, 3, 12);
        }
        return new Layout(tables);
    }

    private static Optional<Table> table(XlsxSheet sheet) {
        int seen = 0;
        for (int i = 0; i < sheet.head().size() && seen++ < 12; i++) {
            XlsxRow row = sheet.head().get(i);
            Map<String, Integer> cols = new LinkedHashMap<>();
            List<Integer> periodCols = new ArrayList<>();
            for (int c = 0; c < row.width(); c++) {
                String r = row.cell(c).isBlank() ? null : role(row.cell(c).text());
                if (r != null && !cols.containsKey(r)) {
                    cols.put(r, c);
                    if (PERIODS.containsKey(r)) {
                        periodCols.add(c);
                    }
                }
            }
            if (!cols.containsKey("country") || !cols.containsKey("coverage") || periodCols.isEmpty()
                    || !cols.containsKey("year")) {
                continue;
            }
            XlsxRow sub = i + 1 < sheet.head().size() ? sheet.head().get(i + 1) : null;
            boolean split = sub != null && periodCols.stream().allMatch(c -> sex(sub.cell(c).text()) != null);
            List<ValueCol> values = new ArrayList<>();
            for (int c : periodCols) {
                String period = role(row.cell(c).text());
                String header = row.cell(c).text();
                if (split) {
                    for (int k = c; k < c + 3 && sex(sub.cell(k).text()) != null; k++) {
                        values.add(new ValueCol(k, PERIODS.get(period), sex(sub.cell(k).text()),
                                header + " / " + sub.cell(k).text()));
                    }
                } else {
                    values.add(new ValueCol(c, PERIODS.get(period), Sex.TOTAL, header));
                }
            }
            return Optional.of(new Table(sheet, row.index(), split ? sub.index() : row.index(), cols, values,
                    cols.containsKey("substance")));
        }
        return Optional.empty();
    }

    private static Sex sex(String text) {
        return switch (NameNormaliser.clean(text).toLowerCase(Locale.ROOT)) {
            case "all", "total", "both sexes" -> Sex.TOTAL;
            case "male", "males", "men" -> Sex.MALE;
            case "female", "females", "women" -> Sex.FEMALE;
            default -> null;
        };
    }

    @Override
    Origin origin(SourceFile file, Object shape) {
        return IngestSupport.unodcAnnex(NAME, file, "1.4",
                "prevalence of drug use among the youth population, national data");
    }

    @Override
    void parse(XlsxWorkbook wb, Object shape, SourceFile file, IngestContext context, IngestCollector out) {
        Layout l = (Layout) shape;
        CountryNames names = context.names().withScheme(RegionScheme.UNODC);
        String origin = origin(file, shape).id();
        out.recordsReading("rows of one key differ in product (Notes: herb, resin, heroin), coverage text or "
                + "sub-population: alternative estimates of the sheet's drug, never to be summed");
        for (XlsxSheet s : wb.sheets()) {
            if (l.tables().stream().noneMatch(t -> t.sheet() == s)) {
                XlsxWorkbook.Counts n = wb.counts(s);
                out.skipped("rows of sheets without a youth prevalence table", n.rows());
                out.blankRows(n.blankRows());
                out.warn("sheet '%s' skipped: no header row with Country/Territory, Coverage, Lifetime / Past Year / "
                        + "Past Month", s.name());
                out.explain("sheet '%s': skipped (no youth prevalence header)", s.name());
            }
        }
        Integer edition = IngestSupport.wdrEdition(file).map(Integer::valueOf).orElse(null);
        for (Table t : l.tables()) {
            try (XlsxRows rows = wb.rows(t.sheet())) {
                parse(t, rows, names, origin, edition, out);
                out.blankRows(rows.blankRowCount());
            }
        }
    }

    private void parse(Table t, XlsxRows rows, CountryNames names, String origin, Integer edition,
            IngestCollector out) {
        XlsxSheet sheet = t.sheet();
        out.explain("sheet '%s': header row %d%s; columns %s; values %s", sheet.name(), t.headerIndex() + 1,
                t.lastHeaderIndex() > t.headerIndex() ? " with sexes on row " + (t.lastHeaderIndex() + 1) : "",
                t.cols(), t.values().stream().map(v -> v.header() + " -> " + v.indicator() + " " + v.sex().code())
                        .toList());
        String drug = t.nps() ? null : sheet.name().strip().toLowerCase(Locale.ROOT);
        String npsType = null;
        for (XlsxRow row : rows) {
            if (row.index() <= t.lastHeaderIndex()) {
                out.skipped("title and header rows", 1);
                continue;
            }
            XlsxCell country = row.cell(t.col("country"));
            boolean anyValue = t.values().stream().anyMatch(v -> !row.cell(v.col()).isBlank());
            if (t.col("npstype") >= 0 && !row.cell(t.col("npstype")).isBlank()) {
                npsType = row.cell(t.col("npstype")).text();
            }
            if (country.isBlank()) {
                if (anyValue) {
                    out.read();
                    Candidate c = out.candidate(sheet.name(), row.number()).set(Column.ORIGIN, origin);
                    out.quarantine(c, QuarantineReason.MISSING_REQUIRED, "Country/ Territory", null,
                            "values without a country");
                } else {
                    out.skipped("notes rows", 1);
                    out.explain("sheet '%s' row %d: notes", sheet.name(), row.number());
                }
                continue;
            }
            NameMatch match = names.match(country.raw());
            String where = "sheet '" + sheet.name() + "' row " + row.number();
            if (match instanceof NameMatch.Unmapped u) {
                out.unmapped(u, where, u.code() == null);
            }
            String coverage = t.col("coverage") < 0 ? "" : row.cell(t.col("coverage")).raw();
            Coverage cov = Coverage.parse(coverage);
            XlsxCell yearCell = row.cell(t.col("year"));
            Optional<String> period = IngestSupport.period(yearCell);
            String source = t.col("source") < 0 ? null : row.cell(t.col("source")).textOrNull();
            String notes = t.col("notes") < 0 ? null : row.cell(t.col("notes")).textOrNull();
            String rowDrug = drug;
            if (t.nps()) {
                rowDrug = row.cell(t.col("substance")).textOrNull();
            }
            if (!anyValue) {
                out.read();
                Candidate c = base(out, sheet, row, origin, match, null, Sex.TOTAL, cov, period, source, notes,
                        rowDrug, t.nps(), npsType);
                out.quarantine(c, QuarantineReason.MALFORMED_ROW, "Country/ Territory", country.raw(),
                        "a country row without any value under Lifetime, Past Year or Past Month");
                continue;
            }
            for (ValueCol v : t.values()) {
                XlsxCell cell = row.cell(v.col());
                if (cell.isBlank()) {
                    continue;
                }
                out.read();
                Candidate c = base(out, sheet, row, origin, match, v.indicator(), v.sex(), cov, period, source,
                        notes, rowDrug, t.nps(), npsType);
                String text = cell.text();
                if (cell.isNumber()) {
                    c.set(Column.VALUE, cell.text(), v.header(), cell.raw());
                } else if (text.equals("@")) {
                    c.set(Column.VALUE, null, v.header(), cell.raw()).set(Column.OBS_STATUS, ObsStatus.MISSING.code())
                            .note("published as '@' (no figure)");
                } else if (DECIMAL_COMMA.matcher(text).matches()) {
                    c.set(Column.VALUE, text.replace(',', '.'), v.header(), cell.raw())
                            .note("published as text '" + text + "' with a decimal comma");
                } else if (NUMBER.matcher(text).matches()) {
                    c.set(Column.VALUE, text, v.header(), cell.raw()).note("published as text '" + text + "'");
                } else {
                    c.set(Column.VALUE, text, v.header(), cell.raw()); // the validator quarantines it as non-numeric
                }
                if (!resolve(match, c, country, out)) {
                    continue;
                }
                if (period.isEmpty()) {
                    out.quarantine(c, yearCell.isBlank() ? QuarantineReason.MISSING_REQUIRED
                            : QuarantineReason.MALFORMED_ROW, "Year of Estimate", yearCell.rawOrNull(),
                            "expected a year such as 2019, 2011/12 or 2014-15");
                    continue;
                }
                if (edition != null && Integer.parseInt(period.get().substring(0, 4)) > edition) {
                    out.quarantine(c, QuarantineReason.MALFORMED_ROW, "Year of Estimate", yearCell.rawOrNull(),
                            "a survey year after the report's edition (" + edition + "); a typo the ingest does not "
                                    + "guess at");
                    continue;
                }
                out.submit(c);
            }
        }
    }

    private static boolean resolve(NameMatch match, Candidate c, XlsxCell country, IngestCollector out) {
        if (match instanceof NameMatch.Mapped m) {
            c.set(Column.REF_AREA, m.areaCode());
            return true;
        }
        NameMatch.Unmapped u = (NameMatch.Unmapped) match;
        if (u.code() == null) {
            out.quarantine(c, QuarantineReason.UNMAPPED_AREA, "Country/ Territory", country.raw(),
                    "'" + NameNormaliser.clean(country.raw()) + "' is not one country ("
                            + u.reason().name().toLowerCase(Locale.ROOT) + ")");
            return false;
        }
        c.set(Column.REF_AREA, u.code()).flag(QualityFlag.PUBLISHED_AGGREGATE);
        return true;
    }

    private static Candidate base(IngestCollector out, XlsxSheet sheet, XlsxRow row, String origin, NameMatch match,
            String indicator, Sex sex, Coverage cov, Optional<String> period, String source, String notes,
            String drug, boolean nps, String npsType) {
        Candidate c = out.candidate(sheet.name(), row.number())
                .set(Column.INDICATOR, indicator)
                .set(Column.REF_AREA, match.refArea().orElse(null))
                .set(Column.TIME_PERIOD, period.orElse(null))
                .set(Column.SEX, sex.code())
                .set(Column.AGE, cov.age(), "Coverage (age/grade)", cov.text())
                .set(Column.UNIT, Unit.PERCENT.code())
                .set(Column.UNIT_MULT, "0")
                .set(Column.OBS_STATUS, ObsStatus.NORMAL.code())
                .set(Column.SOURCE, source)
                .set(Column.ORIGIN, origin)
                .set(Column.DRUG, drug)
                .set(Column.DRUG_GROUP, nps ? "NPS" : null)
                .set(Column.DRUG_SUBGROUP, nps ? npsType : null)
                .set(Column.METHOD, cov.survey())
                .set(Column.AREA_NAME, match.input());
        c.note("coverage: " + (cov.text().isBlank() ? "(blank)" : NameNormaliser.clean(cov.text())));
        if (notes != null) {
            c.note(notes);
        }
        return c;
    }

    /**
     * The coverage of a youth survey as published, taken apart: the age when an age range or bound is in the
     * text, else {@code _U}; the survey type prefix.
     *
     * @param text as published
     * @param age {@code 15-16}, {@code <18} or {@code _U}
     * @param survey {@code SS} (school survey) or {@code HHS} (household-type survey), or null
     */
    record Coverage(String text, String age, String survey) {
        static Coverage parse(String text) {
            String t = text == null ? "" : NameNormaliser.clean(text);
            Matcher s = SURVEY.matcher(t);
            String survey = s.find() ? s.group(1) : null;
            Matcher m = AGE.matcher(t);
            String age = "_U";
            if (m.find() && !t.toLowerCase(Locale.ROOT).contains("grade")) {
                age = Integer.parseInt(m.group(1)) + "-" + Integer.parseInt(m.group(2));
            } else {
                Matcher b = BELOW.matcher(t);
                if (b.find()) {
                    age = "<" + Integer.parseInt(b.group(1));
                }
            }
            return new Coverage(text == null ? "" : text, age, survey);
        }
    }
}
