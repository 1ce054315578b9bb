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

/**
 * World Drug Report statistical annex table 10.1: drug-related crimes (UNODC, WDR 2022, data 2014–2020, from the
 * Annual Report Questionnaire; CC BY 3.0 IGO). The layout is found by content on every sheet ({@link CrimeTable}):
 * a header row among the first rows, with header synonyms, columns in any order, title and notes rows around it.
 * <ul>
 * <li>Persons brought into formal contact with the police (sheet "Formal contact with the police", long format:
 * Region / SubRegion / Country/Territory / Type of offence / Year / Drugs / Total / Males / Females /
 * Unknown/Other/ Third/Intersex / Adults / Juveniles / Specify year): indicators
 * {@code drug_crime_persons_use_possession}, {@code drug_crime_persons_trafficking} and
 * {@code drug_crime_persons_other} (and {@code drug_crime_persons_total} for a row of all types) (by the type of
 * offence: "Offences related to drug use and/or drug possession",
 * "... drug trafficking", "Other drug-related offences"), unit {@code persons}; {@code drug} the Drugs text as
 * published ("All illicit drugs", "Cannabis-type", ...); Total → sex {@code T}, Males {@code M}, Females {@code F},
 * Unknown/Other/Third/Intersex {@code _U}, all of age {@code _T}; Adults and Juveniles → sex {@code T}, age
 * {@code adults} / {@code juveniles} (the age of criminal majority is each country's own, so no age range is
 * claimed). The annex publishes no sex × age cross-classification.</li>
 * <li>Drug-related offences (sheet "Total drug related offences", wide: Region / SubRegion / msName / Year / one
 * column per type of offence / Calculated total / Specify year): {@code drug_crime_offences_use_possession},
 * {@code drug_crime_offences_trafficking}, {@code drug_crime_offences_other} and {@code drug_crime_offences_total}
 * (the annex's calculated total), unit {@code count}, sex {@code T}, age {@code _T}, no drug.</li>
 * </ul>
 * The annex publishes counts only; rates per 100,000 population are not in the table (they need a population, which
 * a later step may join). Areas by name (UNODC scheme; footnote letters after a name are set aside by the name
 * matcher; "Philippines (the)", the ISO 3166 short-name style, is matched without "(the)"); an aggregate name is
 * kept under its code and flagged {@code published-aggregate}.
 *
 * <p>Checks, flagged, never corrected: in a persons row, Males + Females + Unknown that exceed the Total, and likewise
 * Adults + Juveniles, flag the Total and every cell of that breakdown {@code total-mismatch} with the sums in
 * {@code notes} (a breakdown below the Total is normal: persons of unknown sex or age are often not counted in a
 * column); a calculated total that is not the sum of the published types is flagged the same way.
 *
 * <p>Cells: a number; a number stored as text ("1,234", "1 234") is read and noted; footnote letters after a
 * number ("1234 a") go to {@code adjustment}, flagged {@code footnote}; ".." or "-" (no figure) is kept as
 * {@code missing}. A count that is not a whole number is quarantined {@code out-of-domain}: the 2020 rows of Chile
 * hold 18.664 persons, 18,664 written with a thousands point, which the ingest does not guess at. The Year cell gives
 * the period (a number, text, or a date: its year); where it is not a year ("Other") the Specify year text gives it
 * when it can ("2019 and 2020" → {@code 2019-2020}); the Specify year text is always kept in {@code notes}.
 *
 * <p>A row read is one non-blank value cell of a data row; a country row without any value counts as one and is
 * quarantined. Rows without a country and without values are region header rows (a region or sub-region cell
 * only, or a name in capitals) or notes, counted as skipped. Rows of one key (country, type of offence, year, drug)
 * recur in the persons table with other figures (Brunei Darussalam 2019, Ireland 2018): they are kept as records,
 * never summed ({@link RepeatedKeyRule#EVERY_ROW_A_RECORD}).
 */
public final class UnodcAnnexCrimesKind extends XlsxIngestKind {

    static final String NAME = "unodc-annex-crimes";
    private static final Pattern TEXT_NUMBER = Pattern.compile(
            "(\\d{1,3}(?:[ ,]\\d{3})+|\\d+)(?:\\s*([a-z](?:\\s*,\\s*[a-z])*))?");
    private static final Pattern TWO_YEARS = Pattern.compile("((?:19|20)\\d\\d)\\s*(?:and|&|to|-|\u2013)\\s*"
            + "((?:19|20)\\d\\d)");
    private static final Pattern THE = Pattern.compile("(.+?)\\s*\\(the\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FISCAL = Pattern.compile("((?:19|20)\\d\\d\\s*/\\s*\\d\\d)\\b.*");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "UNODC World Drug Report annex table 10.1: drug-related crimes, persons brought into formal contact "
                + "with the police by type of offence, drug, sex and age, and offences by type";
    }

    @Override
    public String rowUnit() {
        return "value cell: one non-blank Total / Males / Females / Unknown / Adults / Juveniles cell of a persons row, "
                + "or one type-of-offence or total cell of an offences row (a country row without any value counts as "
                + "one)";
    }

    @Override
    public RepeatedKeyRule repeatedKeyRule() {
        return RepeatedKeyRule.EVERY_ROW_A_RECORD;
    }

    private record Layout(List<CrimeTable> tables) {
    }

    @Override
    Object shape(XlsxWorkbook wb, SourceFile file) {
        List<CrimeTable> tables = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (XlsxSheet s : wb.sheets()) {
            Optional<CrimeTable> t = CrimeTable.find(s);
            if (t.isPresent()) {
                tables.add(t.get());
            } else {
                found.add("'" + s.name() + "'");
            }
        }
        if (tables.isEmpty()) {
            throw DrugstatsException.of("%s is not a %s file: expected a sheet with a header row Country/Territory, "
                    + "Year and either Type of offence with Total / Males / Females / Adults / Juveniles, or one column "
                    + "per type of offence (drug use and/or possession, trafficking, other), found none in sheets %s",
                    file.name(), NAME, String.join(", ", found));
        }
        return new Layout(tables);
    }

    @Override
    Origin origin(SourceFile file, Object shape) {
        return IngestSupport.unodcAnnex(NAME, file, "10.1", "Drug-related crimes");
    }

    @Override
    void parse(XlsxWorkbook wb, Object shape, SourceFile file, IngestContext context, IngestCollector out) {
        Layout l = (Layout) shape;
        for (XlsxSheet s : wb.sheets()) {
            if (l.tables().stream().noneMatch(t -> t.sheet() == s)) {
                XlsxWorkbook.Counts n = wb.counts(s);
                out.skipped("rows of sheets without a drug-related crimes table", n.rows());
                out.blankRows(n.blankRows());
                out.warn("sheet '%s' skipped: no header row with Country/Territory, Year and types of offence", s.name());
                out.explain("sheet '%s': skipped (no drug-related crimes header)", s.name());
            }
        }
        CountryNames names = context.names().withScheme(RegionScheme.UNODC);
        String origin = origin(file, shape).id();
        out.recordsReading("rows of one country, type of offence, year and drug recur in the persons table with "
                + "other figures (other counting units or sub-totals the annex does not name): kept as records, never "
                + "summed");
        for (CrimeTable t : l.tables()) {
            out.explain("sheet '%s': %s", t.sheet().name(), t.describe());
            try (XlsxRows rows = wb.rows(t.sheet())) {
                for (XlsxRow row : rows) {
                    if (row.index() <= t.header().index()) {
                        out.skipped("title and header rows", 1);
                        if (row.index() < t.header().index()) {
                            out.explain("sheet '%s' row %d: title", t.sheet().name(), row.number());
                        }
                        continue;
                    }
                    row(t, row, names, origin, out);
                }
                out.blankRows(rows.blankRowCount());
            }
        }
    }

    /** One data row: each non-blank value cell becomes one observation or one quarantine row. */
    private static void row(CrimeTable t, XlsxRow row, CountryNames names, String origin, IngestCollector out) {
        String sheet = t.sheet().name();
        XlsxCell country = row.cell(t.col("country"));
        List<CrimeTable.ValueCol> filled = t.values().stream().filter(v -> !row.cell(v.col()).isBlank()).toList();
        if (country.isBlank()) {
            if (filled.isEmpty()) {
                boolean region = !row.cell(t.col("region")).isBlank() || !row.cell(t.col("subregion")).isBlank()
                        || AnnexLabel.parse(firstText(row)).inCapitals();
                out.skipped(region ? "region header rows" : "notes rows", 1);
                out.explain("sheet '%s' row %d: %s", sheet, row.number(), region ? "region header" : "notes");
                return;
            }
            for (CrimeTable.ValueCol v : filled) {
                out.read();
                Candidate c = out.candidate(sheet, row.number()).set(Column.ORIGIN, origin)
                        .set(Column.VALUE, row.cell(v.col()).textOrNull(), v.header(), row.cell(v.col()).rawOrNull());
                out.quarantine(c, QuarantineReason.MISSING_REQUIRED, header(t, "country"), null,
                        "a value without a country");
            }
            return;
        }
        XlsxCell offenceCell = t.wide() ? null : row.cell(t.col("offence"));
        CrimeTable.Offence rowOffence = t.wide() ? null : CrimeTable.Offence.of(offenceCell.text());
        NameMatch match = match(names, country.raw());
        if (match instanceof NameMatch.Unmapped u) {
            out.unmapped(u, "sheet '" + sheet + "' row " + row.number(), u.code() == null);
        }
        XlsxCell yearCell = row.cell(t.col("year"));
        XlsxCell specifyCell = row.cell(t.col("specify"));
        Optional<String> period = period(yearCell, specifyCell);
        XlsxCell drugCell = row.cell(t.col("drug"));
        if (filled.isEmpty()) {
            out.read();
            Candidate c = base(out, t, row, origin, match, null, Sex.TOTAL, "_T", period, specifyCell, drugCell);
            out.quarantine(c, QuarantineReason.MALFORMED_ROW, header(t, "country"), country.raw(),
                    "a country row without any value");
            return;
        }
        Map<CrimeTable.ValueCol, Count> counts = new LinkedHashMap<>();
        for (CrimeTable.ValueCol v : filled) {
            counts.put(v, Count.of(row.cell(v.col())));
        }
        Map<CrimeTable.ValueCol, String> mismatch = t.wide() ? totalCheck(counts) : breakdownCheck(counts);
        for (CrimeTable.ValueCol v : filled) {
            out.read();
            CrimeTable.Offence offence = t.wide() ? v.offence() : rowOffence;
            String indicator = offence == null ? null
                    : "drug_crime_" + (t.wide() ? "offences_" : "persons_") + offence.code();
            Candidate c = base(out, t, row, origin, match, indicator, v.sex(), v.age(), period, specifyCell, drugCell);
            XlsxCell cell = row.cell(v.col());
            Count n = counts.get(v);
            c.set(Column.VALUE, n.value(), v.header(), cell.raw());
            if (n.value() == null && n.missing()) {
                c.set(Column.OBS_STATUS, ObsStatus.MISSING.code());
            }
            c.note(n.note());
            if (n.footnotes() != null) {
                c.set(Column.ADJUSTMENT, n.footnotes()).flag(QualityFlag.FOOTNOTE);
            }
            if (mismatch.containsKey(v)) {
                c.flag(QualityFlag.TOTAL_MISMATCH).note(mismatch.get(v));
            }
            if (n.error() != null) {
                out.quarantine(c, n.reason(), v.header(), cell.raw(), n.error());
                continue;
            }
            if (offence == null) {
                out.quarantine(c, offenceCell.isBlank() ? QuarantineReason.MISSING_REQUIRED
                        : QuarantineReason.UNKNOWN_CODE, header(t, "offence"), offenceCell.rawOrNull(),
                        "expected a type of offence: drug use and/or possession, drug trafficking, or other "
                                + "drug-related offences");
                continue;
            }
            if (!(match instanceof NameMatch.Mapped) && match.refArea().isEmpty()) {
                out.quarantine(c, QuarantineReason.UNMAPPED_AREA, header(t, "country"), country.raw(),
                        "'" + NameNormaliser.clean(country.raw()) + "' is not one country or territory");
                continue;
            }
            if (period.isEmpty()) {
                out.quarantine(c, yearCell.isBlank() ? QuarantineReason.MISSING_REQUIRED : QuarantineReason.MALFORMED_ROW,
                        header(t, "year"), yearCell.rawOrNull(), "expected a year such as 2020 (or a Specify year "
                                + "such as '2019 and 2020')");
                continue;
            }
            out.submit(c);
        }
    }

    /**
     * The area a name denotes. The offences sheet writes some names the ISO 3166 way, with "(the)" after the name
     * ("Philippines (the)", "Republic of Moldova (the)"): when the name as published is not known, it is matched
     * without that suffix.
     */
    static NameMatch match(CountryNames names, String raw) {
        NameMatch m = names.match(raw);
        Matcher the = THE.matcher(NameNormaliser.clean(raw));
        if (m instanceof NameMatch.Mapped || !the.matches()) {
            return m;
        }
        NameMatch without = names.match(the.group(1));
        return without instanceof NameMatch.Mapped w
                ? new NameMatch.Mapped(raw, w.iso3(), w.areaCode(), w.name(), w.method(), w.footnote()) : m;
    }

    private static String firstText(XlsxRow row) {
        for (int c = 0; c < row.width(); c++) {
            if (!row.cell(c).isBlank()) {
                return row.cell(c).text();
            }
        }
        return "";
    }

    /** The header text of a role's column, as published. */
    private static String header(CrimeTable t, String role) {
        int c = t.col(role);
        return c < 0 ? role : t.header().cell(c).text();
    }

    private static Candidate base(IngestCollector out, CrimeTable t, XlsxRow row, String origin, NameMatch match,
            String indicator, Sex sex, String age, Optional<String> period, XlsxCell specify, XlsxCell drug) {
        Candidate c = out.candidate(t.sheet().name(), row.number())
                .set(Column.INDICATOR, indicator)
                .set(Column.REF_AREA, match.refArea().orElse(null))
                .set(Column.TIME_PERIOD, period.orElse(null), header(t, "year"), row.cell(t.col("year")).rawOrNull())
                .set(Column.SEX, sex.code())
                .set(Column.AGE, age)
                .set(Column.UNIT, (t.wide() ? Unit.COUNT : Unit.PERSONS).code())
                .set(Column.UNIT_MULT, "0")
                .set(Column.OBS_STATUS, ObsStatus.NORMAL.code())
                .set(Column.ORIGIN, origin)
                .set(Column.AREA_NAME, match.input(), header(t, "country"), match.input());
        if (!t.wide()) {
            c.cell(Column.DRUG, drug, header(t, "drug"));
        }
        if (!(match instanceof NameMatch.Mapped) && match.refArea().isPresent()) {
            c.flag(QualityFlag.PUBLISHED_AGGREGATE);
        }
        if (!specify.isBlank()) {
            c.note("Specify year: " + specify.text());
        }
        return c;
    }

    /**
     * The period of a row: the Year cell (a whole number, a year as text, or a date: its year); else the Specify
     * year text when it names two years ("2019 and 2020" → 2019-2020) or a fiscal year ("2020/21 financial year").
     */
    static Optional<String> period(XlsxCell year, XlsxCell specify) {
        if (year.isNumber() && year.date()) {
            return Optional.of(Integer.toString(year.dateValue().getYear()));
        }
        Optional<String> p = IngestSupport.period(year);
        if (p.isPresent() || specify.isBlank()) {
            return p;
        }
        String s = specify.text();
        Matcher two = TWO_YEARS.matcher(s);
        if (two.find()) {
            return IngestSupport.period(two.group(1) + "-" + two.group(2));
        }
        Matcher fiscal = FISCAL.matcher(s);
        if (fiscal.matches()) {
            return IngestSupport.period(fiscal.group(1).replace(" ", ""));
        }
        return IngestSupport.period(s);
    }

    /** Sums of the sex and of the age breakdown of a persons row against its Total; a note per flagged cell. */
    private static Map<CrimeTable.ValueCol, String> breakdownCheck(Map<CrimeTable.ValueCol, Count> counts) {
        Map<CrimeTable.ValueCol, String> flagged = new LinkedHashMap<>();
        CrimeTable.ValueCol total = counts.keySet().stream().filter(v -> v.sex() == Sex.TOTAL && v.age().equals("_T"))
                .findFirst().orElse(null);
        if (total == null || counts.get(total).number() == null) {
            return flagged;
        }
        double t = counts.get(total).number();
        List<CrimeTable.ValueCol> sexes = counts.keySet().stream().filter(v -> v.sex() != Sex.TOTAL).toList();
        List<CrimeTable.ValueCol> ages = counts.keySet().stream().filter(v -> !v.age().equals("_T")).toList();
        check(counts, total, t, sexes, "sex", flagged);
        check(counts, total, t, ages, "age", flagged);
        return flagged;
    }

    private static void check(Map<CrimeTable.ValueCol, Count> counts, CrimeTable.ValueCol total, double t,
            List<CrimeTable.ValueCol> parts, String what, Map<CrimeTable.ValueCol, String> flagged) {
        if (parts.isEmpty() || parts.stream().anyMatch(v -> counts.get(v).number() == null)) {
            return;
        }
        double sum = parts.stream().mapToDouble(v -> counts.get(v).number()).sum();
        if (sum > t) {
            String note = String.format(Locale.ROOT, "the %s breakdown (%s) sums to %s, the total is %s", what,
                    String.join(" + ", parts.stream().map(CrimeTable.ValueCol::label).toList()),
                    Observation.number(sum), Observation.number(t));
            flagged.put(total, flagged.containsKey(total) ? flagged.get(total) + "; " + note : note);
            parts.forEach(p -> flagged.put(p, note));
        }
    }

    /** A calculated total of an offences row against the sum of its published types. */
    private static Map<CrimeTable.ValueCol, String> totalCheck(Map<CrimeTable.ValueCol, Count> counts) {
        Map<CrimeTable.ValueCol, String> flagged = new LinkedHashMap<>();
        CrimeTable.ValueCol total = counts.keySet().stream().filter(v -> v.offence() == CrimeTable.Offence.TOTAL)
                .findFirst().orElse(null);
        List<CrimeTable.ValueCol> parts = counts.keySet().stream().filter(v -> v.offence() != CrimeTable.Offence.TOTAL)
                .toList();
        if (total == null || counts.get(total).number() == null
                || parts.stream().anyMatch(v -> counts.get(v).number() == null && counts.get(v).error() != null)) {
            return flagged;
        }
        double sum = parts.stream().map(counts::get).filter(n -> n.number() != null).mapToDouble(Count::number).sum();
        double t = counts.get(total).number();
        if (sum != t) {
            flagged.put(total, String.format(Locale.ROOT, "the types of offence sum to %s, the calculated total is %s",
                    Observation.number(sum), Observation.number(t)));
        }
        return flagged;
    }

    /**
     * One value cell read as a count.
     *
     * @param number the count, or null
     * @param value the canonical value text, or null
     * @param missing true when the cell says there is no figure
     * @param footnotes footnote letters after the number, or null
     * @param note how the cell was read, or null
     * @param reason why it cannot be read, or null
     * @param error what was expected, or null
     */
    record Count(Double number, String value, boolean missing, String footnotes, String note,
            QuarantineReason reason, String error) {

        static Count of(XlsxCell cell) {
            if (cell.isNumber()) {
                if (cell.date()) {
                    return bad(QuarantineReason.NON_NUMERIC, "expected a count, found a date");
                }
                double d = cell.number();
                if (d < 0 || d != Math.rint(d)) {
                    return bad(QuarantineReason.OUT_OF_DOMAIN, "a count must be a whole number >= 0 (a number such "
                            + "as 18.664 may be 18,664 written with a thousands point; not guessed)");
                }
                return new Count(d, cell.text(), false, null, null, null, null);
            }
            String t = cell.text();
            if (t.equals("..") || t.equals("...") || t.equals("-") || t.equals("\u2013") || t.equalsIgnoreCase("n.a.")) {
                return new Count(null, null, true, null, "published as '" + t + "' (no figure)", null, null);
            }
            Matcher m = TEXT_NUMBER.matcher(t);
            if (m.matches()) {
                String digits = m.group(1).replaceAll("[ ,]", "");
                double d = Double.parseDouble(digits);
                String letters = m.group(2) == null ? null : IngestSupport.codes(m.group(2));
                String note = letters == null ? "published as text '" + t + "'"
                        : !digits.equals(m.group(1)) ? "published as text '" + t + "'" : null;
                return new Count(d, Observation.number(d), false, letters, note, null, null);
            }
            return bad(QuarantineReason.NON_NUMERIC, "expected a count");
        }

        private static Count bad(QuarantineReason reason, String error) {
            return new Count(null, null, false, null, null, reason, error);
        }
    }
}
