package org.drugstats.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;
import org.drugstats.core.geo.AreaAggregate;
import org.drugstats.core.geo.CountryNames;
import org.drugstats.core.geo.NameMatch;
import org.drugstats.core.geo.RegionScheme;
import org.drugstats.core.geo.UnmappedReason;

/**
 * World Drug Report statistical annex table 1.2: annual prevalence of drug use in the general population,
 * national data (UNODC, CC BY 3.0 IGO).
 *
 * <p>Layout: one sheet per drug; a title block; a header row Region / Sub-region / Country/Territory / Best /
 * Low / High / Male / Female / Year / Age / Source / Method / Adjustment/notes / Specific notes (the
 * tranquillizers sheet has Total / Male / Female and no adjustment column; the NPS sheet has NPS Type and
 * Substance columns and a two-row header Lifetime / Past year / Past month × Total / Male / Female); region and
 * sub-region filled on the first row of a group only; several rows per country (years, sources); notes below.
 *
 * <p>Observations: indicator {@code prevalence_annual} (past year; NPS also {@code prevalence_lifetime} and
 * {@code prevalence_past_month}), unit percent, sex T/M/F from the Best (or Total) / Male / Female columns, Low
 * and High as the range of Best. The age group is the Age column as published (spaces removed; {@code _U} when
 * empty) — a 12+ survey stays 12+, and every age other than 15-64 carries {@code nonstandard-age-base}. Year as
 * published (2019, 2022/23; "2012-13" is stored as 2012/13). Source, Method and Adjustment are kept as published
 * (code lists tidied to "a, e"). Status {@code estimated} when the adjustment codes include an adjustment (a, c,
 * d, e, f, g, h, i, k of the annex legend) or the method includes I (indirect) or A (adjusted); else
 * {@code normal}. Drug: the sheet name in lower case; NPS: drug = Substance, drug group "NPS", sub-group = NPS
 * Type.
 *
 * <p>Two rows of a sheet with one key (country, year, sex, age, source, method) are distinct published estimates
 * when their Specific notes differ (Canada 2023 opioids: pharmaceutical opioids and illegal fentanyl; Ecuador 2013
 * opiates: heroin and opium): both are kept as records ({@link RepeatedKeyRule#RECORDS_DISTINGUISHED_BY_NOTES}),
 * numbered in sheet order and flagged {@code multiple-records}, the note in {@code notes}. They are alternatives,
 * not parts of a sum. Rows with one key and the same notes are quarantined as {@code duplicate-key}.
 *
 * <p>A row read is one non-blank value cell (Best/Male/Female, Total/Male/Female, or one of the nine NPS cells);
 * Low and High travel with Best. A Low or High without a Best, and a row that names a country but holds no value,
 * are one row read each (quarantined as malformed-row), so nothing on a data row goes uncounted.
 */
public final class UnodcAnnexPrevalenceKind extends XlsxIngestKind {

    static final String NAME = "unodc-annex-prevalence";
    private static final List<String> CORE = List.of("region", "sub-region", "country/territory", "year", "age");
    private static final List<String> CORE_DISPLAY = List.of("Region", "Sub-region", "Country/Territory", "Year",
            "Age");
    private static final Set<String> ADJUSTING = Set.of("a", "c", "d", "e", "f", "g", "h", "i", "k");
    private static final Set<String> ESTIMATING_METHODS = Set.of("I", "A");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "UNODC World Drug Report annex table 1.2: annual prevalence of drug use, national data (one sheet per drug)";
    }

    @Override
    public RepeatedKeyRule repeatedKeyRule() {
        return RepeatedKeyRule.RECORDS_DISTINGUISHED_BY_NOTES;
    }

    @Override
    public String rowUnit() {
        return "value cell: one non-blank Best, Male or Female cell (Total/Male/Female on the tranquillizers sheet; "
                + "Lifetime/Past year/Past month x Total/Male/Female on the NPS sheet) of a data row, Low and High "
                + "travelling with Best; a Low/High without Best, or a country row without any value, counts as one";
    }

    /** One value column of a sheet. */
    private record ValueSpec(String indicator, Sex sex, int col, int lowCol, int highCol, String label) {
    }

    /** What the shape check found in one sheet. */
    private record SheetLayout(XlsxSheet sheet, String drug, boolean nps, int headerIndex, int lastHeaderIndex,
            int regionCol, int subCol, int countryCol, int yearCol, int ageCol, int sourceCol, int methodCol,
            int adjustmentCol, int notesCol, int typeCol, int substanceCol, List<ValueSpec> values) {
    }

    @Override
    Object shape(XlsxWorkbook wb, SourceFile file) {
        List<SheetLayout> layouts = new ArrayList<>();
        List<String> found = new ArrayList<>();
        List<XlsxSheet> partial = new ArrayList<>();
        for (XlsxSheet sheet : wb.sheets()) {
            Optional<IngestSupport.Header> h = IngestSupport.findHeader(sheet, CORE, 12);
            if (h.isPresent()) {
                SheetChecks.titleAgreesWithTab(file.name(), wb, sheet, h.get().row().index());
            }
            if (h.isEmpty()) {
                partial.add(sheet);
                found.add("'" + sheet.name() + "' (no header row with Region, Sub-region, Country/Territory, Year, Age)");
                continue;
            }
            SheetLayout layout = layout(sheet, h.get());
            if (layout == null) {
                found.add("'" + sheet.name() + "' (header without Best/Low/High, Total/Male/Female or an NPS "
                        + "Lifetime/Past year/Past month header)");
                continue;
            }
            layouts.add(layout);
        }
        if (layouts.isEmpty()) {
            throw DrugstatsException.of("%s is not a %s file: expected sheets with a header row Region / Sub-region / "
                    + "Country/Territory / Best / Low / High (or Total / Male / Female) / Year / Age, found %s",
                    file.name(), NAME, found.isEmpty() ? "no sheets" : String.join(", ", found));
        }
        for (XlsxSheet sheet : partial) {
            SheetChecks.noPartialHeader(file.name(), sheet, CORE, CORE_DISPLAY, 3, 12);
        }
        return new Layouts(layouts, found);
    }

    private record Layouts(List<SheetLayout> sheets, List<String> skipped) {
    }

    private static SheetLayout layout(XlsxSheet sheet, IngestSupport.Header h) {
        List<ValueSpec> values = new ArrayList<>();
        boolean nps = h.has("lifetime") || h.has("pastyear") || h.has("pastmonth");
        int lastHeader = h.row().index();
        if (h.has("best")) {
            values.add(new ValueSpec("prevalence_annual", Sex.TOTAL, h.col("best"), h.col("low"), h.col("high"), "Best"));
            addIf(values, h, "male", Sex.MALE, "Male");
            addIf(values, h, "female", Sex.FEMALE, "Female");
        } else if (h.has("total") && !nps) {
            values.add(new ValueSpec("prevalence_annual", Sex.TOTAL, h.col("total"), -1, -1, "Total"));
            addIf(values, h, "male", Sex.MALE, "Male");
            addIf(values, h, "female", Sex.FEMALE, "Female");
        } else if (nps) {
            XlsxRow sub = null;
            for (XlsxRow r : sheet.head()) {
                if (r.index() > h.row().index()) {
                    sub = r;
                    break;
                }
            }
            if (sub == null) {
                return null;
            }
            for (int c = 0; c < sub.width(); c++) {
                String l = IngestSupport.label(sub.cell(c).text());
                Sex sex = switch (l) {
                    case "total" -> Sex.TOTAL;
                    case "male" -> Sex.MALE;
                    case "female" -> Sex.FEMALE;
                    default -> null;
                };
                if (sex == null) {
                    continue;
                }
                String group = null;
                for (int g = c; g >= 0 && group == null; g--) {
                    String gl = IngestSupport.label(h.row().cell(g).text());
                    if (gl.equals("lifetime") || gl.equals("pastyear") || gl.equals("pastmonth")) {
                        group = gl;
                    }
                }
                if (group == null) {
                    continue;
                }
                String indicator = switch (group) {
                    case "lifetime" -> "prevalence_lifetime";
                    case "pastmonth" -> "prevalence_past_month";
                    default -> "prevalence_annual";
                };
                String groupLabel = h.row().cell(h.col(group)).text();
                values.add(new ValueSpec(indicator, sex, c, -1, -1, groupLabel + " " + sub.cell(c).text()));
            }
            if (values.isEmpty()) {
                return null;
            }
            lastHeader = sub.index();
        } else {
            return null;
        }
        int adjustment = -1;
        for (var e : h.columns().entrySet()) {
            if (e.getKey().startsWith("adjustment")) {
                adjustment = e.getValue();
            }
        }
        String drug = nps ? null : sheet.name().strip().toLowerCase(Locale.ROOT);
        return new SheetLayout(sheet, drug, nps, h.row().index(), lastHeader, h.col("region"), h.col("sub-region"),
                h.col("country/territory"), h.col("year"), h.col("age"), h.col("source"), h.col("method"), adjustment,
                h.col("specificnotes"), h.col("npstype"), h.col("substance"), values);
    }

    private static void addIf(List<ValueSpec> values, IngestSupport.Header h, String label, Sex sex, String name) {
        if (h.has(label)) {
            values.add(new ValueSpec("prevalence_annual", sex, h.col(label), -1, -1, name));
        }
    }

    @Override
    Origin origin(SourceFile file, Object shape) {
        return IngestSupport.unodcAnnex(NAME, file, "1.2",
                "Annual prevalence of drug use in the general population, national data");
    }

    @Override
    void parse(XlsxWorkbook wb, Object shape, SourceFile file, IngestContext context, IngestCollector out) {
        Layouts layouts = (Layouts) shape;
        for (String s : layouts.skipped()) {
            out.warn("sheet %s skipped: not a prevalence table", s);
        }
        for (XlsxSheet s : wb.sheets()) {
            if (layouts.sheets().stream().noneMatch(l -> l.sheet() == s)) {
                XlsxWorkbook.Counts n = wb.counts(s);
                out.skipped("rows of skipped sheets", n.rows());
                out.blankRows(n.blankRows());
            }
        }
        CountryNames names = context.names().withScheme(RegionScheme.UNODC);
        String origin = origin(file, shape).id();
        out.recordsReading("the records of a key are distinct estimates told apart by their Specific notes (in "
                + "notes), e.g. pharmaceutical opioids and illegal fentanyl: alternatives, not parts of a sum");
        for (SheetLayout layout : layouts.sheets()) {
            try (XlsxRows rows = wb.rows(layout.sheet())) {
                parseSheet(layout, rows, names, origin, out);
                out.blankRows(rows.blankRowCount());
            }
        }
    }

    private void parseSheet(SheetLayout l, XlsxRows rows, CountryNames names, String origin, IngestCollector out) {
        XlsxSheet sheet = l.sheet();
        String region = null;
        String subregion = null;
        String npsType = null;
        for (XlsxRow row : rows) {
            if (row.index() <= l.lastHeaderIndex()) {
                out.skipped("title and header rows", 1);
                continue;
            }
            XlsxCell countryCell = row.cell(l.countryCol());
            boolean anyValue = false;
            for (ValueSpec v : l.values()) {
                anyValue |= !row.cell(v.col()).isBlank() || (v.lowCol() >= 0 && !row.cell(v.lowCol()).isBlank())
                        || (v.highCol() >= 0 && !row.cell(v.highCol()).isBlank());
            }
            XlsxCell regionCell = row.cell(l.regionCol());
            XlsxCell subCell = row.cell(l.subCol());
            String marker = null;
            if (!regionCell.isBlank()) {
                NameMatch m = names.match(regionCell.text());
                if (m instanceof NameMatch.Unmapped u && u.code() != null && names.geography().aggregate(u.code())
                        .map(a -> a.scheme() == AreaAggregate.Scheme.UNODC && "WLD".equals(a.parentCode()))
                        .orElse(false)) {
                    if (!u.code().equals(region)) {
                        subregion = null;
                    }
                    region = u.code();
                } else if (countryCell.isBlank() && !anyValue) {
                    out.skipped("notes rows", 1);
                    continue;
                } else {
                    marker = regionCell.text();
                    out.warn("sheet '%s' %s: Region cell '%s' is not a UNODC region; kept as a note on the row's "
                            + "observations", sheet.name(), regionCell.ref(), marker);
                }
            }
            if (!subCell.isBlank()) {
                NameMatch m = names.match(subCell.text());
                if (m instanceof NameMatch.Unmapped u && u.code() != null && names.geography().aggregate(u.code())
                        .map(a -> a.scheme() == AreaAggregate.Scheme.UNODC && !"WLD".equals(a.parentCode()))
                        .orElse(false)) {
                    subregion = u.code();
                } else {
                    out.warn("sheet '%s' %s: Sub-region cell '%s' is not a UNODC sub-region; ignored", sheet.name(),
                            subCell.ref(), subCell.text());
                }
            }
            if (l.typeCol() >= 0 && !row.cell(l.typeCol()).isBlank()) {
                npsType = row.cell(l.typeCol()).text();
            }
            if (countryCell.isBlank() && !anyValue) {
                out.skipped("region label rows", 1);
                continue;
            }
            parseRow(l, row, names, origin, subregion, npsType, marker, out);
        }
    }

    private void parseRow(SheetLayout l, XlsxRow row, CountryNames names, String origin, String subregion,
            String npsType, String marker, IngestCollector out) {
        String sheetName = l.sheet().name();
        XlsxCell countryCell = row.cell(l.countryCol());
        String where = "sheet '" + sheetName + "' row " + row.number();
        // the row's common columns
        NameMatch match = countryCell.isBlank() ? null : names.match(countryCell.raw());
        XlsxCell yearCell = row.cell(l.yearCol());
        Optional<String> period = IngestSupport.period(yearCell);
        XlsxCell ageCell = row.cell(l.ageCol());
        String age = IngestSupport.age(ageCell.text()).orElse("_U");
        String source = l.sourceCol() >= 0 ? row.cell(l.sourceCol()).textOrNull() : null;
        String method = l.methodCol() >= 0 ? IngestSupport.codes(row.cell(l.methodCol()).text()) : null;
        String adjustment = l.adjustmentCol() >= 0 ? IngestSupport.codes(row.cell(l.adjustmentCol()).text()) : null;
        String notes = l.notesCol() >= 0 ? row.cell(l.notesCol()).textOrNull() : null;
        boolean estimated = IngestSupport.tokens(adjustment).stream().anyMatch(ADJUSTING::contains)
                || IngestSupport.tokens(method).stream().anyMatch(ESTIMATING_METHODS::contains);
        String drug = l.nps() ? row.cell(l.substanceCol()).textOrNull() : l.drug();

        if (match instanceof NameMatch.Mapped m && subregion != null) {
            String actual = names.geography().unodc(m.iso3()).map(a -> a.subregionCode()).orElse(null);
            if (actual != null && !actual.equals(subregion)) {
                out.warn("%s: %s is listed under %s, but the UNODC grouping puts it in %s (the sub-region cell is "
                        + "carried down from an earlier row); the country's own code is used", where, m.name(),
                        subregion, actual);
            }
        }
        if (match instanceof NameMatch.Unmapped u) {
            out.unmapped(u, where, u.code() == null);
        }

        List<Candidate> rowCandidates = new ArrayList<>();
        boolean any = false;
        for (ValueSpec v : l.values()) {
            XlsxCell value = row.cell(v.col());
            XlsxCell low = v.lowCol() >= 0 ? row.cell(v.lowCol()) : XlsxCell.blank("");
            XlsxCell high = v.highCol() >= 0 ? row.cell(v.highCol()) : XlsxCell.blank("");
            if (value.isBlank() && low.isBlank() && high.isBlank()) {
                continue;
            }
            any = true;
            out.read();
            Candidate c = out.candidate(sheetName, row.number())
                    .set(Column.INDICATOR, v.indicator())
                    .set(Column.TIME_PERIOD, period.orElse(null), "Year", yearCell.rawOrNull())
                    .set(Column.SEX, v.sex().code())
                    .set(Column.AGE, age, "Age", ageCell.rawOrNull())
                    .cell(Column.VALUE, value, v.label())
                    .cell(Column.LOWER, low, "Low")
                    .cell(Column.UPPER, high, "High")
                    .set(Column.UNIT, Unit.PERCENT.code())
                    .set(Column.UNIT_MULT, "0")
                    .set(Column.OBS_STATUS, (estimated ? ObsStatus.ESTIMATED : ObsStatus.NORMAL).code())
                    .set(Column.SOURCE, source)
                    .set(Column.ORIGIN, origin)
                    .set(Column.DRUG, drug, l.nps() ? "Substance" : null, null)
                    .set(Column.DRUG_GROUP, l.nps() ? "NPS" : null)
                    .set(Column.DRUG_SUBGROUP, l.nps() ? npsType : null)
                    .set(Column.METHOD, method)
                    .set(Column.ADJUSTMENT, adjustment)
                    .set(Column.AREA_NAME, countryCell.rawOrNull(), "Country/Territory", countryCell.rawOrNull())
                    .note(notes);
            if (marker != null) {
                c.note("Region column marked '" + marker + "'");
            }
            if (!"15-64".equals(age)) {
                c.flag(QualityFlag.NONSTANDARD_AGE_BASE);
            }
            rowCandidates.add(c);
            if (match == null) {
                out.quarantine(c, QuarantineReason.MALFORMED_ROW, "Country/Territory", null,
                        "a value without a country (expected a Country/Territory name on the row)");
                continue;
            }
            if (!resolveArea(match, c, out)) {
                continue;
            }
            if (period.isEmpty()) {
                out.quarantine(c, yearCell.isBlank() ? QuarantineReason.MISSING_REQUIRED : QuarantineReason.MALFORMED_ROW,
                        "Year", yearCell.rawOrNull(), "expected a survey year such as 2019, 2022/23 or 2019-2021");
                continue;
            }
            if (value.isBlank()) {
                out.quarantine(c, QuarantineReason.MALFORMED_ROW, low.isBlank() ? "High" : "Low",
                        low.isBlank() ? high.rawOrNull() : low.rawOrNull(),
                        "a Low/High bound without a Best estimate");
                continue;
            }
            checkBounds(c, value, low, high, where, out);
            out.submit(c);
        }
        if (!any) {
            out.read();
            Candidate c = out.candidate(sheetName, row.number())
                    .set(Column.INDICATOR, "prevalence_annual")
                    .set(Column.TIME_PERIOD, period.orElse(null), "Year", yearCell.rawOrNull())
                    .set(Column.SEX, Sex.TOTAL.code())
                    .set(Column.AGE, age)
                    .set(Column.UNIT, Unit.PERCENT.code())
                    .set(Column.ORIGIN, origin)
                    .set(Column.DRUG, drug)
                    .set(Column.AREA_NAME, countryCell.rawOrNull())
                    .note(notes);
            if (match instanceof NameMatch.Mapped m) {
                c.set(Column.REF_AREA, m.areaCode());
            }
            out.quarantine(c, QuarantineReason.MALFORMED_ROW, l.values().get(0).label(), null,
                    "the row names a country but holds no value");
        }
    }

    /** Sets the area of a candidate; quarantines it and returns false when the name has no code. */
    private static boolean resolveArea(NameMatch match, Candidate c, IngestCollector out) {
        if (match instanceof NameMatch.Mapped m) {
            c.set(Column.REF_AREA, m.areaCode());
            if (m.footnote() != null) {
                c.flag(QualityFlag.FOOTNOTE).note("footnote " + m.footnote() + " on the country name");
            }
            return true;
        }
        NameMatch.Unmapped u = (NameMatch.Unmapped) match;
        if (u.code() == null) {
            out.quarantine(c, QuarantineReason.UNMAPPED_AREA, "Country/Territory", u.input(),
                    "'" + u.input().strip() + "' is not one country (" + u.reason().name().toLowerCase(Locale.ROOT)
                            + (u.detail() == null ? "" : ": " + u.detail()) + ")");
            return false;
        }
        c.set(Column.REF_AREA, u.code());
        c.flag(u.reason() == UnmappedReason.RESIDUAL ? QualityFlag.RESIDUAL_AREA : QualityFlag.PUBLISHED_AGGREGATE);
        return true;
    }

    private static void checkBounds(Candidate c, XlsxCell value, XlsxCell low, XlsxCell high, String where,
            IngestCollector out) {
        if (!value.isNumber()) {
            return;
        }
        double v = value.number();
        boolean below = low.isNumber() && v < low.number();
        boolean above = high.isNumber() && v > high.number();
        if (below || above) {
            c.flag(QualityFlag.BEST_OUTSIDE_BOUNDS);
            out.warn("%s: best estimate %s lies outside its own range [%s, %s]; kept and flagged best-outside-bounds",
                    where, value.text(), low.isBlank() ? "" : low.text(), high.isBlank() ? "" : high.text());
        }
    }
}
