package org.drugstats.core.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
import org.drugstats.core.geo.RegionScheme;

/**
 * World Drug Report statistical annex table 8.1: prices and purity of drugs (UNODC, WDR 2024, 2018–2022; CC BY
 * 3.0 IGO). Two sheets, long format:
 * <ul>
 * <li>prices ({@code Region / SubRegion / Country/Territory / DrugGroup / Drug / Specify / LevelOfSale / Year /
 * Typical_USD / Minimum_USD / Maximum_USD / Unit}): indicators {@code price_retail} and {@code price_wholesale} in
 * US dollars per gram ({@code usd-per-gram}) when the unit of sale is a weight — the unit column decides: per gram,
 * per kilogram (÷ 1,000), per "5 gram", per ounce, per pound — else {@code price_retail_per_unit} and
 * {@code price_wholesale_per_unit} in US dollars per single unit ({@code usd-per-unit}; {@code method} names the
 * unit: {@code tablet}, {@code millilitre}, {@code dose}, ...; "1000 tablets" ÷ 1,000) ({@link SaleUnit});</li>
 * <li>purity ({@code ... LevelOfSale / DrugGroup / Drug / Specify / Year / Typical / Minimum / Maximum /
 * Measurement}): {@code purity_retail} and {@code purity_wholesale} in percent, or
 * {@code purity_retail_mg_per_tablet} and {@code purity_wholesale_mg_per_tablet} where the measurement is mg per
 * tablet. A purity in percent whose published figures are all at most 1 is flagged {@code possible-fraction}
 * and kept as published ({@link #possibleFraction}).</li>
 * </ul>
 * Value = Typical, lower = Minimum, upper = Maximum, converted alike; the published figure and unit are in
 * {@code notes} when converted. A row with a minimum or maximum but no typical value is kept as {@code missing}
 * with its range; a typical value outside its own range is kept and flagged {@code best-outside-bounds}.
 * {@code drug} is the Drug, with the Specify text in brackets when given ({@code drug_subgroup} holds it too);
 * {@code drug_group} the DrugGroup as published (the sheets spell groups several ways). Areas by name
 * (UNODC scheme). Rows of one key are kept as records: alternative observations (other cities, sources), never
 * summed.
 *
 * <p>Quarantined: an unknown area, a year that is not one, a price without a unit (its unit of sale cannot be
 * told), a purity whose measurement is "...", a value that is not a number. A row read is one non-blank data row
 * of either sheet.
 */
public final class UnodcAnnexPricesKind extends XlsxIngestKind {

    static final String NAME = "unodc-annex-prices";
    private static final List<String> PRICE_HEADER = List.of("country/territory", "druggroup", "drug", "specify",
            "levelofsale", "year", "typical_usd", "minimum_usd", "maximum_usd", "unit");
    private static final List<String> PURITY_HEADER = List.of("country/territory", "druggroup", "drug", "specify",
            "levelofsale", "year", "typical", "minimum", "maximum", "measurement");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "UNODC World Drug Report annex table 8.1: drug prices (US$ per gram or per unit) and purity by country, "
                + "drug, level of sale and year";
    }

    @Override
    public RepeatedKeyRule repeatedKeyRule() {
        return RepeatedKeyRule.EVERY_ROW_A_RECORD;
    }

    @Override
    public String rowUnit() {
        return "data row of the price or the purity sheet: one published typical/minimum/maximum for a country, drug, "
                + "level of sale and year";
    }

    private record Table(XlsxSheet sheet, IngestSupport.Header header, boolean prices) {
    }

    private record Layout(List<Table> tables, String title) {
    }

    @Override
    Object shape(XlsxWorkbook wb, SourceFile file) {
        List<Table> tables = new ArrayList<>();
        for (XlsxSheet sheet : wb.sheets()) {
            Optional<IngestSupport.Header> p = IngestSupport.findHeader(sheet, PRICE_HEADER, 12);
            Optional<IngestSupport.Header> q = IngestSupport.findHeader(sheet, PURITY_HEADER, 12);
            if (p.isPresent()) {
                tables.add(new Table(sheet, p.get(), true));
            } else if (q.isPresent()) {
                tables.add(new Table(sheet, q.get(), false));
            }
        }
        if (tables.stream().noneMatch(Table::prices)) {
            List<String> found = new ArrayList<>();
            for (XlsxSheet s : wb.sheets()) {
                found.add("sheet '" + s.name() + "' first row " + (s.head().isEmpty() ? "[]"
                        : describe(s.head().get(Math.min(1, s.head().size() - 1)))));
            }
            throw DrugstatsException.of("%s is not a %s file: expected a sheet with the header Region / SubRegion / "
                    + "Country/Territory / DrugGroup / Drug / Specify / LevelOfSale / Year / Typical_USD / Minimum_USD / "
                    + "Maximum_USD / Unit, found %s", file.name(), NAME, found);
        }
        XlsxSheet first = tables.get(0).sheet();
        String title = first.head().isEmpty() || first.head().get(0) == tables.get(0).header().row() ? null
                : first.head().get(0).cell(0).textOrNull();
        return new Layout(tables, title);
    }

    private static String describe(XlsxRow r) {
        StringBuilder sb = new StringBuilder("[");
        for (int c = 0; c < Math.min(r.width(), 12); c++) {
            sb.append(c == 0 ? "" : ", ").append(r.cell(c).text());
        }
        return sb.append(']').toString();
    }

    @Override
    Origin origin(SourceFile file, Object shape) {
        return IngestSupport.unodcAnnex(NAME, file, "8.1", "Prices and purity of drugs");
    }

    @Override
    void parse(XlsxWorkbook wb, Object shape, SourceFile file, IngestContext context, IngestCollector out) {
        Layout l = (Layout) shape;
        Set<XlsxSheet> read = new HashSet<>();
        l.tables().forEach(t -> read.add(t.sheet()));
        for (XlsxSheet s : wb.sheets()) {
            if (!read.contains(s)) {
                XlsxWorkbook.Counts n = wb.counts(s);
                out.skipped("rows of other sheets", n.rows());
                out.blankRows(n.blankRows());
                out.warn("sheet '%s' skipped: neither the price nor the purity table", s.name());
            }
        }
        CountryNames names = context.names().withScheme(RegionScheme.UNODC);
        String origin = origin(file, shape).id();
        out.recordsReading("rows of one country, drug, level of sale and year are alternative observations (other "
                + "cities or sources): kept as records, never summed");
        for (Table t : l.tables()) {
            try (XlsxRows rows = wb.rows(t.sheet())) {
                for (XlsxRow row : rows) {
                    if (row.index() <= t.header().row().index()) {
                        out.skipped("title and header rows", 1);
                        continue;
                    }
                    out.read();
                    row(t, row, names, origin, out);
                }
                out.blankRows(rows.blankRowCount());
            }
        }
    }

    /**
     * The rule for a purity in percent that may be a fraction of 1: at least one of typical, minimum and maximum is
     * published and every one published is at most 1. The workbook's Measurement column says "% (percent)" on every
     * such row, so nothing is converted (there is no row whose unit says fraction); the row is flagged {@link
     * QualityFlag#POSSIBLE_FRACTION}. Why the flag is needed, measured on the WDR 2024 file: of the 505 percent rows of
     * 2018 and 2019, 490 have every figure at most 1; of the 972 rows of 2020 to 2022, 8 do; and of the 36 country,
     * drug and level series with typical values both at most 1 and above 1, 32 have the small ones only in years before
     * the large ones (e.g. Germany, heroin, retail: 0.258 in 2019, 24.6 in 2020) — yet a purity of 1% or less is
     * possible (a cut street sample), so the value is not changed. A row with a maximum above 1 (Cyprus, cannabis herb
     * 2021: 0.81, range 0.17–21.54) is on the percent scale and not flagged.
     */
    static boolean possibleFraction(Double typical, Double minimum, Double maximum) {
        boolean any = false;
        for (Double v : new Double[] {typical, minimum, maximum}) {
            if (v != null) {
                if (v > 1) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static void row(Table t, XlsxRow row, CountryNames names, String origin, IngestCollector out) {
        IngestSupport.Header h = t.header();
        String sheet = t.sheet().name();
        XlsxCell country = row.cell(h.col("country/territory"));
        XlsxCell yearCell = row.cell(h.col("year"));
        XlsxCell level = row.cell(h.col("levelofsale"));
        XlsxCell drug = row.cell(h.col("drug"));
        XlsxCell specify = row.cell(h.col("specify"));
        XlsxCell unitCell = row.cell(h.col(t.prices() ? "unit" : "measurement"));
        String unitName = t.prices() ? "Unit" : "Measurement";
        XlsxCell typical = row.cell(h.col(t.prices() ? "typical_usd" : "typical"));
        XlsxCell min = row.cell(h.col(t.prices() ? "minimum_usd" : "minimum"));
        XlsxCell max = row.cell(h.col(t.prices() ? "maximum_usd" : "maximum"));
        String lvl = level.isBlank() ? "" : level.text().strip().toLowerCase(Locale.ROOT);
        String drugName = drug.isBlank() ? null : drug.text().strip()
                + (specify.isBlank() ? "" : " (" + specify.text().strip() + ")");
        Optional<String> year = IngestSupport.period(yearCell).filter(p -> p.length() == 4);
        Candidate c = out.candidate(sheet, row.number())
                .set(Column.TIME_PERIOD, year.orElse(null), "Year", yearCell.rawOrNull())
                .set(Column.SEX, Sex.TOTAL.code())
                .set(Column.AGE, "_T")
                .set(Column.UNIT_MULT, "0")
                .set(Column.ORIGIN, origin)
                .set(Column.DRUG, drugName, "Drug", drug.rawOrNull())
                .cell(Column.DRUG_GROUP, row.cell(h.col("druggroup")), "DrugGroup")
                .cell(Column.DRUG_SUBGROUP, specify, "Specify")
                .set(Column.AREA_NAME, country.rawOrNull(), "Country/Territory", country.rawOrNull());
        for (XlsxCell v : List.of(typical, min, max)) {
            if (!v.isBlank() && !v.isNumber()) {
                String col = v == typical ? (t.prices() ? "Typical_USD" : "Typical")
                        : v == min ? (t.prices() ? "Minimum_USD" : "Minimum") : (t.prices() ? "Maximum_USD" : "Maximum");
                out.quarantine(c, QuarantineReason.NON_NUMERIC, col, v.rawOrNull(), "expected a number");
                return;
            }
        }
        if (!lvl.equals("retail") && !lvl.equals("wholesale")) {
            out.quarantine(c, level.isBlank() ? QuarantineReason.MISSING_REQUIRED : QuarantineReason.UNKNOWN_CODE,
                    "LevelOfSale", level.rawOrNull(), "expected Retail or Wholesale");
            return;
        }
        Double value = typical.isBlank() ? null : typical.number();
        Double lower = min.isBlank() ? null : min.number();
        Double upper = max.isBlank() ? null : max.number();
        if (t.prices()) {
            Optional<SaleUnit> u = SaleUnit.parse(unitCell.textOrNull());
            if (u.isEmpty()) {
                c.set(Column.INDICATOR, "price_" + lvl);
                out.quarantine(c, unitCell.isBlank() ? QuarantineReason.MISSING_REQUIRED : QuarantineReason.UNKNOWN_CODE,
                        unitName, unitCell.rawOrNull(), "expected the unit of sale (Grams, Kilograms, Tablets, ...): "
                                + "without it a price per gram cannot be told from a price per kilogram");
                return;
            }
            SaleUnit s = u.get();
            c.set(Column.INDICATOR, s.weight() ? "price_" + lvl : "price_" + lvl + "_per_unit")
                    .set(Column.UNIT, (s.weight() ? Unit.USD_PER_GRAM : Unit.USD_PER_UNIT).code(), unitName,
                            unitCell.rawOrNull());
            if (!s.weight()) {
                c.set(Column.METHOD, s.single());
            }
            if (!s.identity()) {
                c.note(String.format(Locale.ROOT, "published in US$ per %s (typical %s, minimum %s, maximum %s), "
                        + "converted to US$ per %s", s.published(), Observation.number(value),
                        Observation.number(lower), Observation.number(upper), s.single()));
            }
            value = value == null ? null : s.convert(value);
            lower = lower == null ? null : s.convert(lower);
            upper = upper == null ? null : s.convert(upper);
        } else {
            String m = unitCell.isBlank() ? "" : unitCell.text().strip().toLowerCase(Locale.ROOT);
            Unit unit = m.startsWith("%") ? Unit.PERCENT : m.equals("mg/tablet") ? Unit.MG_PER_TABLET : null;
            if (unit == null) {
                c.set(Column.INDICATOR, "purity_" + lvl);
                out.quarantine(c, unitCell.isBlank() ? QuarantineReason.MISSING_REQUIRED : QuarantineReason.UNKNOWN_CODE,
                        unitName, unitCell.rawOrNull(), "expected '% (percent)' or 'mg/tablet'");
                return;
            }
            c.set(Column.INDICATOR, unit == Unit.PERCENT ? "purity_" + lvl : "purity_" + lvl + "_mg_per_tablet")
                    .set(Column.UNIT, unit.code(), unitName, unitCell.rawOrNull());
            if (unit == Unit.PERCENT && possibleFraction(value, lower, upper)) {
                c.flag(QualityFlag.POSSIBLE_FRACTION);
                c.note("every published figure is at most 1 although the measurement is '% (percent)': possibly a "
                        + "fraction of 1 (x 100 = percent); kept as published, not converted");
            }
        }
        c.set(Column.VALUE, Observation.number(value), t.prices() ? "Typical_USD" : "Typical", typical.rawOrNull())
                .set(Column.LOWER, Observation.number(lower), t.prices() ? "Minimum_USD" : "Minimum", min.rawOrNull())
                .set(Column.UPPER, Observation.number(upper), t.prices() ? "Maximum_USD" : "Maximum", max.rawOrNull())
                .set(Column.OBS_STATUS, (value == null ? ObsStatus.MISSING : ObsStatus.NORMAL).code());
        if (value == null) {
            c.note("no typical value published" + (lower != null || upper != null ? "; minimum and maximum only" : ""));
        }
        if (value != null && (lower != null && lower > value || upper != null && value > upper)) {
            c.flag(QualityFlag.BEST_OUTSIDE_BOUNDS);
        } else if (lower != null && upper != null && lower > upper) {
            c.flag(QualityFlag.BEST_OUTSIDE_BOUNDS);
            c.note("minimum above maximum as published");
        }
        NameMatch byName = country.isBlank() ? null : names.match(country.raw());
        if (!(byName instanceof NameMatch.Mapped area)) {
            if (byName instanceof NameMatch.Unmapped u) {
                out.unmapped(u, "sheet '" + sheet + "' row " + row.number(), true);
            }
            out.quarantine(c, QuarantineReason.UNMAPPED_AREA, "Country/Territory", country.rawOrNull(),
                    "not a known country or territory");
            return;
        }
        c.set(Column.REF_AREA, area.areaCode());
        if (year.isEmpty()) {
            out.quarantine(c, yearCell.isBlank() ? QuarantineReason.MISSING_REQUIRED : QuarantineReason.MALFORMED_ROW,
                    "Year", yearCell.rawOrNull(), "expected a year such as 2022");
            return;
        }
        if (drugName == null) {
            out.quarantine(c, QuarantineReason.MISSING_REQUIRED, "Drug", null, "expected the drug");
            return;
        }
        out.submit(c);
    }
}
