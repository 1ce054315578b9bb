package org.drugstats.core.ingest;

import java.util.List;
import java.util.Optional;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;
import org.drugstats.core.geo.CountryNames;
import org.drugstats.core.geo.NameMatch;
import org.drugstats.core.geo.NameNormaliser;
import org.drugstats.core.geo.RegionScheme;

/**
 * World Drug Report statistical annex table 7.1: drug seizures, long format (UNODC, CC BY 3.0 IGO).
 *
 * <p>Layout: a title row, then a header Region / SubRegion / Country / DrugGroup / DrugSubGroup / DrugName /
 * Reference year / Kilograms / msCode, one row per published record. {@code msCode} is the ISO3 code; the
 * country name is matched too and a disagreement is reported.
 *
 * <p>Observations: indicator {@code seizures_quantity}, unit kg, drug = DrugName, drug group and sub-group as published,
 * age {@code _T}, sex T. An empty Kilograms cell gives a {@code missing} observation. The table publishes several
 * records for one country, drug and year (e.g. Kenya, cannabis herb, 2019: 1 kg and 3,773 kg): every record is
 * kept ({@link RepeatedKeyRule#EVERY_ROW_A_RECORD}), numbered in the {@code record} column in sheet order and
 * flagged {@code multiple-records}; a record that repeats an earlier one in every column is kept too and noted.
 * The table does not say how the records relate; the report states our reading: separate seizure reports, whose
 * sum is the total of the country, drug and year.
 *
 * <p>A row read is one data row of the sheet.
 */
public final class UnodcAnnexSeizuresKind extends XlsxIngestKind {

    static final String NAME = "unodc-annex-seizures";
    private static final List<String> HEADER = List.of("region", "subregion", "country", "druggroup", "drugsubgroup",
            "drugname", "referenceyear", "kilograms", "mscode");
    private static final List<String> HEADER_DISPLAY = List.of("Region", "SubRegion", "Country", "DrugGroup",
            "DrugSubGroup", "DrugName", "Reference year", "Kilograms", "msCode");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "UNODC World Drug Report annex table 7.1: drug seizures in kilograms by country, drug and year (long)";
    }

    @Override
    public RepeatedKeyRule repeatedKeyRule() {
        return RepeatedKeyRule.EVERY_ROW_A_RECORD;
    }

    @Override
    public String rowUnit() {
        return "data row: one published record (country, drug group, sub-group, drug, reference year, kilograms)";
    }

    private record Layout(XlsxSheet sheet, IngestSupport.Header header, String title) {
    }

    @Override
    Object shape(XlsxWorkbook wb, SourceFile file) {
        StringBuilder found = new StringBuilder();
        for (XlsxSheet sheet : wb.sheets()) {
            Optional<IngestSupport.Header> h = IngestSupport.findHeader(sheet, HEADER, 12);
            if (h.isPresent()) {
                String title = sheet.head().isEmpty() || sheet.head().get(0) == h.get().row() ? null
                        : sheet.head().get(0).cell(0).textOrNull();
                return new Layout(sheet, h.get(), title);
            }
            found.append(found.length() == 0 ? "" : "; ").append("sheet '").append(sheet.name()).append("' first rows ")
                    .append(sheet.head().stream().limit(3).map(r -> {
                        StringBuilder sb = new StringBuilder("[");
                        for (int c = 0; c < Math.min(r.width(), 9); c++) {
                            sb.append(c == 0 ? "" : ", ").append(r.cell(c).text());
                        }
                        return sb.append(']').toString();
                    }).toList());
        }
        for (XlsxSheet sheet : wb.sheets()) {
            // six or more of the nine labels: the table is there, and a header cell is blank or renamed
            SheetChecks.noPartialHeader(file.name(), sheet, HEADER, HEADER_DISPLAY, 6, 12);
        }
        throw DrugstatsException.of("%s is not a %s file: expected a header row Region / SubRegion / Country / "
                + "DrugGroup / DrugSubGroup / DrugName / Reference year / Kilograms / msCode, found %s", file.name(), NAME,
                found);
    }

    @Override
    Origin origin(SourceFile file, Object shape) {
        String title = ((Layout) shape).title();
        return IngestSupport.unodcAnnex(NAME, file, "7.1", title == null ? "Drug seizures" : title);
    }

    @Override
    void parse(XlsxWorkbook wb, Object shape, SourceFile file, IngestContext context, IngestCollector out) {
        Layout l = (Layout) shape;
        IngestSupport.skipOtherSheets(wb, l.sheet(), out);
        XlsxSheet sheet = l.sheet();
        CountryNames names = context.names().withScheme(RegionScheme.UNODC);
        String origin = origin(file, shape).id();
        IngestSupport.Header h = l.header();
        out.recordsReading("the table does not say how the records of one country, drug and year relate; drugstats "
                + "reads them as separate seizure reports, so their sum is the total of the country, drug and year "
                + "(our reading, not the publisher's)");
        int disagreements = 0;
        try (XlsxRows rows = wb.rows(sheet)) {
            for (XlsxRow row : rows) {
                if (row.index() <= h.row().index()) {
                    out.skipped("title and header rows", 1);
                    continue;
                }
                out.read();
                XlsxCell nameCell = row.cell(h.col("country"));
                XlsxCell codeCell = row.cell(h.col("mscode"));
                XlsxCell yearCell = row.cell(h.col("referenceyear"));
                XlsxCell kg = row.cell(h.col("kilograms"));
                Optional<String> year = IngestSupport.period(yearCell).filter(p -> p.length() == 4);
                Candidate c = out.candidate(sheet.name(), row.number())
                        .set(Column.INDICATOR, "seizures_quantity")
                        .set(Column.TIME_PERIOD, year.orElse(null), "Reference year", yearCell.rawOrNull())
                        .set(Column.SEX, Sex.TOTAL.code())
                        .set(Column.AGE, "_T")
                        .cell(Column.VALUE, kg, "Kilograms")
                        .set(Column.UNIT, Unit.KILOGRAMS.code())
                        .set(Column.UNIT_MULT, "0")
                        .set(Column.OBS_STATUS, (kg.isBlank() ? ObsStatus.MISSING : ObsStatus.NORMAL).code())
                        .set(Column.ORIGIN, origin)
                        .cell(Column.DRUG, row.cell(h.col("drugname")), "DrugName")
                        .cell(Column.DRUG_GROUP, row.cell(h.col("druggroup")), "DrugGroup")
                        .cell(Column.DRUG_SUBGROUP, row.cell(h.col("drugsubgroup")), "DrugSubGroup")
                        .set(Column.AREA_NAME, nameCell.rawOrNull(), "Country", nameCell.rawOrNull());
                if (kg.isBlank()) {
                    c.note("Kilograms empty in the published table");
                }
                NameMatch byCode = codeCell.isBlank() ? null : names.match(codeCell.text());
                NameMatch byName = nameCell.isBlank() ? null : names.match(nameCell.raw());
                NameMatch.Mapped area = null;
                if (byCode instanceof NameMatch.Mapped m && m.iso3().equals(codeCell.text())) {
                    area = m;
                    if (byName instanceof NameMatch.Mapped n && !n.iso3().equals(m.iso3())) {
                        disagreements++;
                        if (disagreements <= 20) {
                            out.warn("sheet '%s' row %d: Country '%s' is %s by name but msCode is %s; the code is used",
                                    sheet.name(), row.number(), nameCell.text(), n.iso3(), m.iso3());
                        }
                    }
                } else if (byName instanceof NameMatch.Mapped n) {
                    area = n;
                    if (!codeCell.isBlank()) {
                        out.warn("sheet '%s' row %d: msCode '%s' is not a known ISO3 code; the country name '%s' gives %s",
                                sheet.name(), row.number(), codeCell.text(), nameCell.text(), n.iso3());
                    }
                }
                if (area == null) {
                    if (byName instanceof NameMatch.Unmapped u) {
                        out.unmapped(u, "sheet '" + sheet.name() + "' row " + row.number(), true);
                    }
                    out.quarantine(c, QuarantineReason.UNMAPPED_AREA, "Country", nameCell.rawOrNull(),
                            "neither msCode '" + codeCell.text() + "' nor Country '" + NameNormaliser.clean(nameCell.raw())
                                    + "' names a known country");
                    continue;
                }
                c.set(Column.REF_AREA, area.areaCode());
                if (year.isEmpty()) {
                    out.quarantine(c, yearCell.isBlank() ? QuarantineReason.MISSING_REQUIRED : QuarantineReason.MALFORMED_ROW,
                            "Reference year", yearCell.rawOrNull(), "expected a year such as 2023");
                    continue;
                }
                out.submit(c);
            }
            out.blankRows(rows.blankRowCount());
        }
        if (disagreements > 20) {
            out.warn("%d rows in all where the Country name and msCode disagree (first 20 listed)", disagreements);
        }
    }
}
