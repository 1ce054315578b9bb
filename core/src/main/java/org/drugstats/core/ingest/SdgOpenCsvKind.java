package org.drugstats.core.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;
import org.drugstats.core.geo.NameMatch;
import org.drugstats.core.geo.UnmappedReason;
import org.drugstats.core.io.CsvTable;

/**
 * The CSV layout of the Open SDG data platforms (e.g. the UK Office for National Statistics SDG site): columns
 * Year, Series, Units, dimension columns, Unit multiplier, Unit measure, GeoCode, Value; a row whose dimensions are
 * all empty is the headline series. Read as in the ONS file of SDG 3.5.1 for England (alcohol: estimated
 * prevalence of dependence, people in treatment, met need), Open Government Licence v3.
 *
 * <p>Observations: indicator {@code sdg_<goal>_<target>_<indicator>_<series>} (the indicator number from the
 * file name, {@code indicator_3-5-1} → {@code sdg_3_5_1}; the series in lower case with non-letters as
 * {@code _}: {@code sdg_3_5_1_alcohol_met_need}); unit from Units ("Percentage (%)" → percent, "Number" → persons);
 * unit multiplier from "Unit multiplier" (Units → 0, Thousands → 3, Millions → 6); period as published
 * ({@code 2010/11}).
 *
 * <p>Areas: GeoCode (ONS GSS code) when given, with the local authority as area name. Headline rows (no local
 * authority, no GeoCode, no other dimension) are the file's country: England ({@code GB-ENG}) when every GeoCode of
 * the file is an English (E...) code, else the United Kingdom ({@code GBR}); the report says which. A
 * "Deprivation decile" row is the group of local authorities in that decile: {@code <country>_DEPRIVATION_Dnn}
 * ({@code GB-ENG_DEPRIVATION_D10}), flagged {@code published-aggregate}. A local authority without a GeoCode is
 * quarantined as {@code unmapped-area} and listed. Sex and Age columns, when present, give sex and age; any other
 * non-empty dimension is not supported and its rows are quarantined as {@code malformed-row}.
 *
 * <p>A series, year and disaggregation published on several rows (ONS 3.5.1: England met need 2015/16, 19.0015708
 * and 19.0014752) is kept as several records ({@link RepeatedKeyRule#EVERY_ROW_A_RECORD}), numbered in file
 * order and flagged {@code multiple-records}: the file gives nothing that tells them apart, so neither is chosen.
 *
 * <p>A row read is one data row of the CSV file.
 */
public final class SdgOpenCsvKind extends CsvIngestKind {

    static final String NAME = "sdg-open-csv";
    private static final Pattern INDICATOR = Pattern.compile("indicator_(\\d+)-(\\d+|[a-z])-(\\d+)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> STRUCTURAL = Set.of("Year", "Series", "Units", "Unit multiplier", "Unit measure",
            "GeoCode", "Value", "Observation status");
    private static final Set<String> AREA_NAMES = Set.of("Local Authority", "Local authority", "Region", "Country",
            "Geography");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Open SDG platform CSV (Year, Series, Units, dimensions, GeoCode, Value), e.g. ONS SDG 3.5.1 England";
    }

    @Override
    public RepeatedKeyRule repeatedKeyRule() {
        return RepeatedKeyRule.EVERY_ROW_A_RECORD;
    }

    @Override
    public String rowUnit() {
        return "data row: one row of the CSV file (one series, year and disaggregation)";
    }

    @Override
    void shape(CsvTable table) {
        requireHeader(table, NAME, List.of("Year", "Series", "Units", "Value"));
    }

    @Override
    Origin origin(SourceFile file) {
        String ind = indicatorNumber(file).map(s -> s.replace('_', '.')).orElse("");
        return IngestSupport.origin(NAME, file, "UK Office for National Statistics (ONS), Open SDG data platform",
                "SDG indicator " + ind + " data (Open SDG CSV)",
                "Office for National Statistics, UK data for the Sustainable Development Goals, indicator " + ind + " ("
                        + file.name() + "). Contains public sector information licensed under the Open Government "
                        + "Licence v3.0.",
                "https://sdgdata.gov.uk/" + ind.replace('.', '-') + "/", "Open Government Licence v3.0", null);
    }

    static Optional<String> indicatorNumber(SourceFile file) {
        Matcher m = INDICATOR.matcher(file.name());
        return m.find() ? Optional.of(m.group(1) + "_" + m.group(2).toLowerCase(Locale.ROOT) + "_" + m.group(3))
                : Optional.empty();
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    @Override
    void parse(CsvTable table, SourceFile file, IngestContext context, IngestCollector out) {
        String origin = origin(file).id();
        out.recordsReading("no column of the file tells the records of a key apart: they are alternative values "
                + "for one observation, not parts of a sum, and neither is chosen");
        out.skipped("header rows", 1);
        String prefix = "sdg_" + indicatorNumber(file).map(n -> n + "_").orElse("");
        if (indicatorNumber(file).isEmpty()) {
            out.warn("the file name does not name an SDG indicator (indicator_G-T-I); indicator ids are sdg_<series>");
        }
        List<String> h = table.header();
        int geoCol = table.index("GeoCode");
        int areaCol = -1;
        int decileCol = table.index("Deprivation decile");
        int sexCol = table.index("Sex");
        int ageCol = table.index("Age");
        List<Integer> otherDims = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            String name = h.get(i);
            if (AREA_NAMES.contains(name) && areaCol < 0) {
                areaCol = i;
            } else if (!STRUCTURAL.contains(name) && i != decileCol && i != sexCol && i != ageCol) {
                otherDims.add(i);
            }
        }
        Set<String> prefixes = new LinkedHashSet<>();
        for (CsvTable.Row r : table.rows()) {
            String g = r.get(geoCol);
            if (g != null && !g.isBlank()) {
                prefixes.add(g.strip().substring(0, 1));
            }
        }
        String country = prefixes.equals(Set.of("E")) ? "GB-ENG" : "GBR";
        String countryName = country.equals("GB-ENG") ? "England" : "United Kingdom";
        out.warn("rows without an area are read as %s (%s): %s", country, countryName, country.equals("GB-ENG")
                ? "every GeoCode in the file is an English (E...) code" : "the file's GeoCodes are not all English");
        for (CsvTable.Row rec : table.rows()) {
            out.read();
            String series = get(rec, table.index("Series"));
            String units = get(rec, table.index("Units"));
            String year = get(rec, table.index("Year"));
            String value = get(rec, table.index("Value"));
            String mult = get(rec, table.index("Unit multiplier"));
            Optional<String> period = IngestSupport.period(year);
            Candidate c = out.candidate(null, rec.line())
                    .set(Column.INDICATOR, series.isEmpty() ? null : prefix + slug(series), "Series", series)
                    .set(Column.TIME_PERIOD, period.orElse(null), "Year", year)
                    .set(Column.SEX, Sex.TOTAL.code())
                    .set(Column.AGE, "_T")
                    .set(Column.VALUE, value.isEmpty() ? null : value, "Value", value)
                    .set(Column.UNIT_MULT, "0")
                    .set(Column.OBS_STATUS, ObsStatus.NORMAL.code())
                    .set(Column.ORIGIN, origin);
            if (rec.fields().size() != h.size()) {
                out.quarantine(c, QuarantineReason.MALFORMED_ROW, null, null,
                        rec.fields().size() + " fields; expected " + h.size() + " as in the header");
                continue;
            }
            Unit unit = switch (units.toLowerCase(Locale.ROOT)) {
                case "percentage (%)", "percentage", "percent", "%" -> Unit.PERCENT;
                case "number" -> Unit.PERSONS;
                default -> null;
            };
            if (unit == null) {
                out.quarantine(c, QuarantineReason.UNKNOWN_CODE, "Units", units,
                        "expected Units 'Percentage (%)' or 'Number'");
                continue;
            }
            c.set(Column.UNIT, unit.code(), "Units", units);
            Integer um = switch (mult.toLowerCase(Locale.ROOT)) {
                case "", "units", "unit" -> 0;
                case "thousands" -> 3;
                case "millions" -> 6;
                default -> null;
            };
            if (um == null) {
                out.quarantine(c, QuarantineReason.UNKNOWN_CODE, "Unit multiplier", mult,
                        "expected Units, Thousands or Millions");
                continue;
            }
            c.set(Column.UNIT_MULT, Integer.toString(um));
            String other = null;
            for (int i : otherDims) {
                if (!get(rec, i).isEmpty()) {
                    other = h.get(i);
                }
            }
            if (other != null) {
                out.quarantine(c, QuarantineReason.MALFORMED_ROW, other, get(rec, table.index(other)),
                        "dimension '" + other + "' is not supported by this kind");
                continue;
            }
            if (sexCol >= 0 && !get(rec, sexCol).isEmpty()) {
                String s = get(rec, sexCol).toLowerCase(Locale.ROOT);
                Sex sex = s.startsWith("m") ? Sex.MALE : s.startsWith("f") ? Sex.FEMALE : null;
                if (sex == null) {
                    out.quarantine(c, QuarantineReason.UNKNOWN_CODE, "Sex", get(rec, sexCol), "expected Male or Female");
                    continue;
                }
                c.set(Column.SEX, sex.code());
            }
            if (ageCol >= 0 && !get(rec, ageCol).isEmpty()) {
                c.set(Column.AGE, IngestSupport.age(get(rec, ageCol)).orElse("_T"), "Age", get(rec, ageCol));
            }
            String la = areaCol < 0 ? "" : get(rec, areaCol);
            String geo = geoCol < 0 ? "" : get(rec, geoCol);
            String decile = decileCol < 0 ? "" : get(rec, decileCol);
            String where = "line " + rec.line();
            if (!decile.isEmpty()) {
                Matcher m = Pattern.compile("(\\d+)").matcher(decile);
                if (!la.isEmpty() || !geo.isEmpty() || !m.find()) {
                    out.quarantine(c, QuarantineReason.MALFORMED_ROW, "Deprivation decile", decile,
                            "expected 'Decile N' on a row without a local authority");
                    continue;
                }
                String code = String.format(Locale.ROOT, "%s_DEPRIVATION_D%02d", country, Integer.parseInt(m.group(1)));
                c.set(Column.REF_AREA, code).set(Column.AREA_NAME, countryName + ", " + decile, "Deprivation decile",
                        decile).flag(QualityFlag.PUBLISHED_AGGREGATE);
                out.unmapped(new NameMatch.Unmapped(countryName + ", " + decile, UnmappedReason.AGGREGATE, code, null,
                        "local authorities of " + countryName + " in deprivation " + decile.toLowerCase(Locale.ROOT)),
                        where, false);
            } else if (!geo.isEmpty()) {
                c.set(Column.REF_AREA, geo, "GeoCode", geo).set(Column.AREA_NAME, la.isEmpty() ? null : la);
            } else if (!la.isEmpty()) {
                c.set(Column.AREA_NAME, la, h.get(areaCol), la);
                out.unmapped(new NameMatch.Unmapped(la, UnmappedReason.UNKNOWN, null, null,
                        "local authority without a GeoCode in the file"), where, true);
                out.quarantine(c, QuarantineReason.UNMAPPED_AREA, h.get(areaCol), la,
                        "local authority '" + la + "' has no GeoCode in the file; expected an ONS GSS code");
                continue;
            } else {
                c.set(Column.REF_AREA, country).set(Column.AREA_NAME, countryName);
            }
            if (period.isEmpty()) {
                out.quarantine(c, year.isEmpty() ? QuarantineReason.MISSING_REQUIRED : QuarantineReason.MALFORMED_ROW,
                        "Year", year, "expected a year such as 2019 or 2010/11");
                continue;
            }
            out.submit(c);
        }
    }

    private static String get(CsvTable.Row rec, int col) {
        String s = col < 0 ? null : rec.get(col);
        return s == null ? "" : s.strip();
    }
}
