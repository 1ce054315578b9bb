package org.drugstats.core.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * World Drug Report statistical annex table 2.1: expert perception of trend changes in the use of drugs (the Annual
 * Report Questionnaire's expert opinion, latest year back to 2019), long format (UNODC, CC BY 3.0 IGO).
 *
 * <p>Layout, found by content: title rows, then a header row with Country, Year, DrugGroup, Drug, Overall and age
 * columns ("0-17", "18-24", "25+", under an "Age group" label), and msCode (ISO3). Each perception cell holds one
 * of five ordered categories.
 *
 * <p>Observations: indicator {@code expert_perception_trend}, unit {@code ordinal}, the category as its rank: 1 Large
 * decrease (&gt;10%), 2 Small decrease (5-10%), 3 Stable situation (+-5%), 4 Small increase (5-10%), 5 Large increase
 * (&gt;10%); the category text as published in {@code notes}. "Not known" is kept as {@code missing}. Age {@code _T}
 * for Overall, else the column's age group; drug the Drug (the DrugGroup when Drug is empty), drug group the
 * DrugGroup. The area is the country name matched, checked against msCode (a disagreement is a warning; the name
 * is used).
 *
 * <p>A row read is one non-blank perception cell.
 */
public final class UnodcAnnexExpertPerceptionKind extends XlsxIngestKind {

    static final String NAME = "unodc-annex-expert-perception";
    static final String INDICATOR = "expert_perception_trend";
    private static final List<String> CATEGORIES = List.of("large decrease", "small decrease", "stable situation",
            "small increase", "large increase");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "UNODC World Drug Report annex table 2.1: expert perception of trends in drug use (ordinal)";
    }

    @Override
    public String rowUnit() {
        return "perception cell: one non-blank Overall or age-group cell of a country, year and drug";
    }

    private record Layout(XlsxSheet sheet, String title, int headerIndex, Map<String, Integer> cols,
            Map<Integer, String> ages) {
    }

    @Override
    Object shape(XlsxWorkbook wb, SourceFile file) {
        for (XlsxSheet sheet : wb.sheets()) {
            String title = null;
            int seen = 0;
            for (XlsxRow row : sheet.head()) {
                if (seen++ > 10) {
                    break;
                }
                Map<String, Integer> cols = new LinkedHashMap<>();
                Map<Integer, String> ages = new LinkedHashMap<>();
                for (int c = 0; c < row.width(); c++) {
                    String k = IngestSupport.label(row.cell(c).text());
                    if (List.of("country", "year", "druggroup", "drug", "overall", "mscode", "region", "subregion")
                            .contains(k)) {
                        cols.putIfAbsent(k, c);
                    } else if (k.matches("\\d{1,2}-\\d{1,2}|\\d{1,2}\\+")) {
                        ages.put(c, k);
                    }
                }
                if (cols.keySet().containsAll(List.of("country", "year", "drug", "overall"))) {
                    if (title == null || !title.toLowerCase(Locale.ROOT).contains("perception")) {
                        break;
                    }
                    ages.put(cols.get("overall"), "_T");
                    return new Layout(sheet, title, row.index(), cols, ages);
                }
                if (title == null && !row.cell(0).isBlank()) {
                    title = row.cell(0).text();
                }
            }
        }
        throw DrugstatsException.of("%s is not a %s file: expected a title naming expert perception above a header "
                + "row Country / Year / DrugGroup / Drug / Overall, found none in sheets %s", file.name(), NAME,
                wb.sheetNames());
    }

    @Override
    Origin origin(SourceFile file, Object shape) {
        return IngestSupport.unodcAnnex(NAME, file, "2.1", ((Layout) shape).title());
    }

    /** The rank of a published category (1 large decrease … 5 large increase), empty for text outside the scale. */
    static Optional<Integer> rank(String text) {
        String k = NameNormaliser.clean(text).toLowerCase(Locale.ROOT);
        for (int i = 0; i < CATEGORIES.size(); i++) {
            if (k.startsWith(CATEGORIES.get(i))) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    @Override
    void parse(XlsxWorkbook wb, Object shape, SourceFile file, IngestContext context, IngestCollector out) {
        Layout l = (Layout) shape;
        IngestSupport.skipOtherSheets(wb, l.sheet(), out);
        XlsxSheet sheet = l.sheet();
        CountryNames names = context.names().withScheme(RegionScheme.UNODC);
        String origin = origin(file, shape).id();
        out.explain("header row %d: columns %s; perception columns %s", l.headerIndex() + 1, l.cols(), l.ages());
        try (XlsxRows rows = wb.rows(sheet)) {
            for (XlsxRow row : rows) {
                if (row.index() <= l.headerIndex()) {
                    out.skipped("title and header rows", 1);
                    continue;
                }
                XlsxCell country = row.cell(l.cols().get("country"));
                boolean any = l.ages().keySet().stream().anyMatch(c -> !row.cell(c).isBlank());
                if (!any) {
                    out.skipped(country.isBlank() ? "notes rows" : "rows without any perception", 1);
                    continue;
                }
                NameMatch match = names.match(country.raw());
                String where = "sheet '" + sheet.name() + "' row " + row.number();
                if (match instanceof NameMatch.Unmapped u) {
                    out.unmapped(u, where, u.code() == null);
                }
                int ms = l.cols().getOrDefault("mscode", -1);
                String msCode = ms < 0 ? "" : row.cell(ms).text();
                if (match instanceof NameMatch.Mapped m && !msCode.isEmpty() && !msCode.equals(m.iso3())) {
                    out.warn("%s: Country '%s' is %s but msCode says %s; the name is used", where,
                            NameNormaliser.clean(country.raw()), m.iso3(), msCode);
                }
                String group = l.cols().containsKey("druggroup") ? row.cell(l.cols().get("druggroup")).textOrNull() : null;
                String drug = row.cell(l.cols().get("drug")).textOrNull();
                XlsxCell yearCell = row.cell(l.cols().get("year"));
                Optional<String> period = IngestSupport.period(yearCell);
                for (Map.Entry<Integer, String> a : l.ages().entrySet()) {
                    XlsxCell cell = row.cell(a.getKey());
                    if (cell.isBlank()) {
                        continue;
                    }
                    out.read();
                    Candidate c = out.candidate(sheet.name(), row.number())
                            .set(Column.INDICATOR, INDICATOR)
                            .set(Column.REF_AREA, match.refArea().orElse(null))
                            .set(Column.TIME_PERIOD, period.orElse(null), "Year", yearCell.rawOrNull())
                            .set(Column.SEX, Sex.TOTAL.code())
                            .set(Column.AGE, a.getValue())
                            .set(Column.UNIT, Unit.ORDINAL.code())
                            .set(Column.UNIT_MULT, "0")
                            .set(Column.OBS_STATUS, ObsStatus.NORMAL.code())
                            .set(Column.ORIGIN, origin)
                            .set(Column.DRUG, drug != null ? drug : group)
                            .set(Column.DRUG_GROUP, group)
                            .set(Column.AREA_NAME, country.rawOrNull())
                            .note(cell.text());
                    Optional<Integer> r = rank(cell.text());
                    String header = a.getValue().equals("_T") ? "Overall" : a.getValue();
                    if (r.isPresent()) {
                        c.set(Column.VALUE, Integer.toString(r.get()), header, cell.raw());
                    } else if (NameNormaliser.key(cell.text()).equals("not known")) {
                        c.set(Column.VALUE, null, header, cell.raw()).set(Column.OBS_STATUS, ObsStatus.MISSING.code());
                    } else {
                        out.quarantine(c, QuarantineReason.UNKNOWN_CODE, header, cell.raw(), "expected one of Large "
                                + "decrease, Small decrease, Stable situation, Small increase, Large increase, Not known");
                        continue;
                    }
                    if (country.isBlank()) {
                        out.quarantine(c, QuarantineReason.MISSING_REQUIRED, "Country", null, "a perception without a "
                                + "country");
                        continue;
                    }
                    if (match instanceof NameMatch.Unmapped u) {
                        if (u.code() == null) {
                            out.quarantine(c, QuarantineReason.UNMAPPED_AREA, "Country", country.raw(), "'"
                                    + NameNormaliser.clean(country.raw()) + "' is not one country");
                            continue;
                        }
                        c.flag(QualityFlag.PUBLISHED_AGGREGATE);
                    }
                    if (period.isEmpty()) {
                        out.quarantine(c, QuarantineReason.MALFORMED_ROW, "Year", yearCell.rawOrNull(),
                                "expected a year such as 2023");
                        continue;
                    }
                    out.submit(c);
                }
            }
            out.blankRows(rows.blankRowCount());
        }
    }
}
