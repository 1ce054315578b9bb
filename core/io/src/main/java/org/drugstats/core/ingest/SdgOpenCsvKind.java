package org.drugstats.core.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The CSV layout of the Open SDG data platforms, whatever the country: a Year column, a Value column, and any other
 * columns. Recognised by header synonyms (case-insensitive; a {@code DIM_DES.} or {@code general.} prefix is
 * ignored): year (Year, TIME_PERIOD), value (Value, OBS_VALUE), series (Series, Serie), units (Units, UNIT_MEASURE),
 * unit multiplier (Unit multiplier, UNIT_MULT), area code (GeoCode, territorio, REF_AREA, GEO, Territory), area name
 * (Local Authority, Region, Country, Geography), deprivation decile, sex (Sex, SEXO), age (Age, EDAD) and substance
 * (Substance, SUSTANCIA_ADICTIVA). Every other column is a dimension, whatever its name (COMPOSITE_BREAKDOWN, ...):
 * its non-empty values are kept in {@code method} as {@code NAME=value} (joined by {@code "; "}), so that rows the
 * dimension tells apart stay apart. SDMX-style codes with the dimension as prefix ({@code SEXO._T},
 * {@code UNIDAD_MEDIDA.PER_100000}, {@code SERIE.SERIE_A}) lose the prefix; standard codes are decoded (sex
 * {@code _T}/{@code M}/{@code F}; units {@code PER_100000}, {@code PER_100000_POP}); other codes are kept verbatim.
 * Read first as in the ONS file of SDG 3.5.1 for England (alcohol), Open Government Licence v3.
 *
 * <p>Observations: indicator {@code sdg_<goal>_<target>_<indicator>_<series>} (the indicator number from the
 * file name, {@code indicator_3-5-1} → {@code sdg_3_5_1}; the series in lower case with non-letters as
 * {@code _}: {@code sdg_3_5_1_alcohol_met_need}; {@code sdg_3_5_1} when the file has no series column); unit from
 * Units ("Percentage (%)" → percent, "Number" → persons, per 100,000 → per-100k); unit multiplier from "Unit
 * multiplier" (Units → 0, Thousands → 3, Millions → 6); period as published ({@code 2010/11}).
 *
 * <p>Areas ({@link SdgAreaCodes}): the area-code column when there is one (ONS GSS codes as they are; NUTS codes to
 * ISO3 or ISO 3166-2 where the correspondence is standard; ISO3); an unknown code is quarantined as
 * {@code unmapped-area} with the code. Rows without an area code: the area given with {@code --area}; else, when
 * every code of the file is an ONS GSS code, the file's country: England ({@code GB-ENG}) when every GeoCode is an
 * English (E...) code, else the United Kingdom ({@code GBR}); the report says which. Otherwise the ingest stops
 * with an error asking for {@code --area} (never a silent default). A "Deprivation decile" row is the group of
 * local authorities in that decile: {@code <country>_DEPRIVATION_Dnn} ({@code GB-ENG_DEPRIVATION_D10}), flagged
 * {@code published-aggregate}. A local authority without a GeoCode is quarantined as {@code unmapped-area} and
 * listed.
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
    private static final Set<String> STRUCTURAL = Set.of("Unit measure", "Observation status");
    private static final Set<String> AREA_NAMES = Set.of("local authority", "region", "country", "geography");
    private static final Map<String, List<String>> SYNONYMS = Map.of(
            "year", List.of("year", "time_period", "time period", "año"),
            "value", List.of("value", "obs_value"),
            "series", List.of("series", "serie"),
            "units", List.of("units", "unit_measure", "unidad_medida"),
            "mult", List.of("unit multiplier", "unit_mult"),
            "geo", List.of("geocode", "territorio", "ref_area", "geo", "territory", "geo_code"),
            "decile", List.of("deprivation decile"),
            "sex", List.of("sex", "sexo"),
            "age", List.of("age", "edad"),
            "substance", List.of("substance", "sustancia_adictiva", "sustancia"));
    private static final Pattern CODE_PREFIX = Pattern.compile("^[A-Z][A-Z0-9_]*\\.(.+)$");

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
        Map<String, Integer> roles = roles(table.header());
        if (!roles.containsKey("year") || !roles.containsKey("value")) {
            throw org.drugstats.core.DrugstatsException.of("%s is not a %s file: expected header fields Year and Value "
                    + "(or TIME_PERIOD, OBS_VALUE) among the columns, found %s", table.file(), NAME, table.header());
        }
    }

    @Override
    public Sniff sniff(SourceFile file) {
        CsvTable t;
        try {
            t = CsvTable.header(file.path(), file.name());
            shape(t);
        } catch (org.drugstats.core.DrugstatsException e) {
            return Sniff.noMatch(NAME, e.getMessage());
        }
        Map<String, Integer> roles = roles(t.header());
        List<String> markers = new ArrayList<>();
        for (String r : List.of("series", "units", "geo", "mult")) {
            if (roles.containsKey(r)) {
                markers.add(t.header().get(roles.get(r)));
            }
        }
        if (markers.isEmpty()) {
            return Sniff.match(NAME, 1, "Year and Value columns, and no column only Open SDG files have");
        }
        return Sniff.match(NAME, 2, "Year and Value columns with the Open SDG columns " + markers);
    }

    /** The role of each recognised column (first column per role), by header synonyms. */
    static Map<String, Integer> roles(List<String> header) {
        Map<String, Integer> roles = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = shortName(header.get(i)).toLowerCase(Locale.ROOT);
            for (Map.Entry<String, List<String>> e : SYNONYMS.entrySet()) {
                if (e.getValue().contains(h)) {
                    roles.putIfAbsent(e.getKey(), i);
                }
            }
        }
        return roles;
    }

    /** A header without its {@code DIM_DES.} / {@code general.} prefix. */
    static String shortName(String header) {
        String h = header.strip();
        int dot = h.lastIndexOf('.');
        return dot >= 0 && dot < h.length() - 1 ? h.substring(dot + 1) : h;
    }

    /** An SDMX-style code without its dimension prefix ({@code SEXO._T} → {@code _T}); other text as it is. */
    static String code(String value) {
        Matcher m = CODE_PREFIX.matcher(value);
        return m.matches() ? m.group(1) : value;
    }

    /**
     * The provenance of the input. The CSV files do not name their publisher, so the platform is told by the
     * prefix of the file name under which the file was collected ({@code ons-}, {@code kazstat-}, {@code istac-});
     * any other file is attributed to "an Open SDG data platform (not named in the file)" and its licence given as
     * not stated, for the analyst to complete.
     */
    @Override
    Origin origin(SourceFile file) {
        String ind = indicatorNumber(file).map(s -> s.replace('_', '.')).orElse("");
        String title = "SDG indicator " + ind + " data (Open SDG CSV)";
        String name = file.name().toLowerCase(Locale.ROOT);
        if (name.startsWith("kazstat-")) {
            String producer = "Bureau of National Statistics of the Republic of Kazakhstan, national SDG reporting "
                    + "platform (Open SDG)";
            return IngestSupport.origin(NAME, file, producer, title, producer + ", SDG indicator " + ind + " data ("
                    + file.name() + "). The platform's data repository is published under the MIT licence.", null,
                    "MIT (the platform's data repository)", null);
        }
        if (name.startsWith("istac-")) {
            String producer = "Instituto Canario de Estadística (ISTAC), SDG platform of the Canary Islands (Open SDG)";
            return IngestSupport.origin(NAME, file, producer, title, producer + ", SDG indicator " + ind + " data ("
                    + file.name() + "). The platform's data repository is published under the MIT licence.", null,
                    "MIT (the platform's data repository)", null);
        }
        if (!name.startsWith("ons-")) {
            return IngestSupport.origin(NAME, file, "an Open SDG data platform (not named in the file)", title,
                    "SDG indicator " + ind + " data from an Open SDG data platform (" + file.name() + "); the file names "
                            + "neither its publisher nor its licence.", null, "not stated in the file", null);
        }
        return IngestSupport.origin(NAME, file, "UK Office for National Statistics (ONS), Open SDG data platform",
                title,
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
    RowParser rowParser(CsvTable table, SourceFile file, IngestContext context, IngestCollector out) {
        String origin = origin(file).id();
        out.recordsReading("no column of the file tells the records of a key apart: they are alternative values "
                + "for one observation, not parts of a sum, and neither is chosen");
        out.skipped("header rows", 1);
        Optional<String> number = indicatorNumber(file);
        String prefix = "sdg_" + number.map(n -> n + "_").orElse("");
        if (number.isEmpty()) {
            out.warn("the file name does not name an SDG indicator (indicator_G-T-I); indicator ids are sdg_<series>");
        }
        List<String> h = table.header();
        Map<String, Integer> roles = roles(h);
        int yearCol = roles.get("year");
        int valueCol = roles.get("value");
        int seriesCol = roles.getOrDefault("series", -1);
        int unitsCol = roles.getOrDefault("units", -1);
        int multCol = roles.getOrDefault("mult", -1);
        int geoCol = roles.getOrDefault("geo", -1);
        int decileCol = roles.getOrDefault("decile", -1);
        int sexCol = roles.getOrDefault("sex", -1);
        int ageCol = roles.getOrDefault("age", -1);
        int substanceCol = roles.getOrDefault("substance", -1);
        int areaCol = -1;
        List<Integer> otherDims = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            if (roles.containsValue(i) || STRUCTURAL.contains(h.get(i))) {
                continue;
            }
            if (AREA_NAMES.contains(h.get(i).strip().toLowerCase(Locale.ROOT)) && areaCol < 0) {
                areaCol = i;
            } else {
                otherDims.add(i);
            }
        }
        roles.forEach((role, i) -> out.explain("column '%s' -> %s", h.get(i), role));
        if (areaCol >= 0) {
            out.explain("column '%s' -> area name", h.get(areaCol));
        }
        otherDims.forEach(i -> out.explain("column '%s' -> dimension, kept in method as %s=<value>", h.get(i),
                shortName(h.get(i))));
        SdgAreaCodes codes = SdgAreaCodes.of(context.names().geography());
        // which country rows without an area are about depends on every area code of the file: a first pass reads
        // the file for that (streaming, as the second), before any row is handed over
        boolean[] headline = {false};
        boolean[] gss = {true};
        Set<String> prefixes = new LinkedHashSet<>();
        int areaColumn = areaCol;
        CsvTable.stream(file.path(), file.name(), header -> r -> {
            String g = get(r, geoCol);
            if (!g.isEmpty()) {
                prefixes.add(g.substring(0, 1));
                gss[0] &= SdgAreaCodes.isGss(g);
            } else if (get(r, areaColumn).isEmpty() && get(r, decileCol).isEmpty()) {
                headline[0] = true;
            }
        });
        boolean headlineRows = headline[0];
        boolean allGss = gss[0];
        String country;
        String countryName;
        if (context.givenArea().isPresent()) {
            country = checkArea(context, file);
            countryName = context.names().geography().country(country).map(c -> c.name()).orElse(country);
            out.warn("rows without an area are read as %s, as given with --area", country);
        } else if (geoCol >= 0 && allGss && !prefixes.isEmpty()) {
            country = prefixes.equals(Set.of("E")) ? "GB-ENG" : "GBR";
            countryName = country.equals("GB-ENG") ? "England" : "United Kingdom";
            out.warn("rows without an area are read as %s (%s): %s", country, countryName, country.equals("GB-ENG")
                    ? "every GeoCode in the file is an English (E...) code" : "the file's GeoCodes are not all English");
        } else if (headlineRows) {
            throw org.drugstats.core.DrugstatsException.of("%s: %s; give the area the file is about with --area ISO3 "
                    + "(e.g. --area KAZ)", file.name(), geoCol < 0
                    ? "the file has no area column (GeoCode, territorio, REF_AREA, GEO) to say which area its rows are"
                    : "some rows have no area code in column '" + h.get(geoCol) + "' and the codes do not say which "
                            + "country the file is about");
        } else {
            country = null;
            countryName = null;
        }
        return rec -> {
            out.read();
            String series = code(get(rec, seriesCol));
            String units = get(rec, unitsCol);
            String year = get(rec, yearCol);
            String value = get(rec, valueCol);
            String mult = get(rec, multCol);
            Optional<String> period = IngestSupport.period(year);
            String indicator = seriesCol < 0 ? (number.isPresent() ? "sdg_" + number.get() : null)
                    : series.isEmpty() ? null : prefix + slug(series);
            Candidate c = out.candidate(null, rec.line())
                    .set(Column.INDICATOR, indicator, seriesCol < 0 ? "(file name)" : h.get(seriesCol), series)
                    .set(Column.TIME_PERIOD, period.orElse(null), h.get(yearCol), year)
                    .set(Column.SEX, Sex.TOTAL.code())
                    .set(Column.AGE, "_T")
                    .set(Column.VALUE, value.isEmpty() ? null : value, h.get(valueCol), value)
                    .set(Column.UNIT_MULT, "0")
                    .set(Column.OBS_STATUS, ObsStatus.NORMAL.code())
                    .set(Column.ORIGIN, origin);
            if (rec.fields().size() != h.size()) {
                out.quarantine(c, QuarantineReason.MALFORMED_ROW, null, null,
                        rec.fields().size() + " fields; expected " + h.size() + " as in the header");
                return;
            }
            Unit unit = unit(code(units));
            if (unit == null) {
                out.quarantine(c, QuarantineReason.UNKNOWN_CODE, unitsCol < 0 ? "(no units column)" : h.get(unitsCol),
                        units, "expected Units 'Percentage (%)', 'Number' or a rate per 100,000 (PER_100000)");
                return;
            }
            c.set(Column.UNIT, unit.code(), unitsCol < 0 ? null : h.get(unitsCol), units);
            Integer um = switch (code(mult).toLowerCase(Locale.ROOT)) {
                case "", "units", "unit", "0" -> 0;
                case "thousands", "3" -> 3;
                case "millions", "6" -> 6;
                default -> null;
            };
            if (um == null) {
                out.quarantine(c, QuarantineReason.UNKNOWN_CODE, h.get(multCol), mult,
                        "expected Units, Thousands or Millions");
                return;
            }
            c.set(Column.UNIT_MULT, Integer.toString(um));
            List<String> dims = new ArrayList<>();
            for (int i : otherDims) {
                if (!get(rec, i).isEmpty()) {
                    dims.add(shortName(h.get(i)) + "=" + code(get(rec, i)));
                }
            }
            if (!dims.isEmpty()) {
                c.set(Column.METHOD, String.join("; ", dims));
            }
            if (substanceCol >= 0 && !get(rec, substanceCol).isEmpty()) {
                c.set(Column.DRUG, code(get(rec, substanceCol)), h.get(substanceCol), get(rec, substanceCol));
            }
            if (sexCol >= 0 && !get(rec, sexCol).isEmpty()) {
                Sex sex = sex(code(get(rec, sexCol)));
                if (sex == null) {
                    out.quarantine(c, QuarantineReason.UNKNOWN_CODE, h.get(sexCol), get(rec, sexCol),
                            "expected Male or Female (or the SDMX codes M, F, _T)");
                    return;
                }
                c.set(Column.SEX, sex.code());
            }
            if (ageCol >= 0 && !get(rec, ageCol).isEmpty()) {
                c.set(Column.AGE, IngestSupport.age(get(rec, ageCol)).orElse("_T"), h.get(ageCol), get(rec, ageCol));
            }
            String la = get(rec, areaColumn);
            String geo = get(rec, geoCol);
            String decile = get(rec, decileCol);
            String where = "line " + rec.line();
            if (!decile.isEmpty()) {
                Matcher m = Pattern.compile("(\\d+)").matcher(decile);
                if (!la.isEmpty() || !geo.isEmpty() || !m.find() || country == null) {
                    out.quarantine(c, QuarantineReason.MALFORMED_ROW, "Deprivation decile", decile,
                            "expected 'Decile N' on a row without a local authority");
                    return;
                }
                String code = String.format(Locale.ROOT, "%s_DEPRIVATION_D%02d", country, Integer.parseInt(m.group(1)));
                c.set(Column.REF_AREA, code).set(Column.AREA_NAME, countryName + ", " + decile, "Deprivation decile",
                        decile).flag(QualityFlag.PUBLISHED_AGGREGATE);
                out.unmapped(new NameMatch.Unmapped(countryName + ", " + decile, UnmappedReason.AGGREGATE, code, null,
                        "local authorities of " + countryName + " in deprivation " + decile.toLowerCase(Locale.ROOT)),
                        where, false);
            } else if (!geo.isEmpty()) {
                Optional<String> mapped = codes.map(geo);
                if (mapped.isEmpty()) {
                    c.set(Column.AREA_NAME, la.isEmpty() ? geo : la);
                    out.unmapped(new NameMatch.Unmapped(geo, UnmappedReason.UNKNOWN, null, null,
                            "area code " + geo + ": " + SdgAreaCodes.describe(geo)), where, true);
                    out.quarantine(c, QuarantineReason.UNMAPPED_AREA, h.get(geoCol), geo, "area code '" + geo + "' is "
                            + SdgAreaCodes.describe(geo));
                    return;
                }
                c.set(Column.REF_AREA, mapped.get(), h.get(geoCol), geo)
                        .set(Column.AREA_NAME, la.isEmpty() ? (SdgAreaCodes.isGss(geo) ? null : geo) : la);
            } else if (!la.isEmpty()) {
                c.set(Column.AREA_NAME, la, h.get(areaColumn), la);
                out.unmapped(new NameMatch.Unmapped(la, UnmappedReason.UNKNOWN, null, null,
                        "local authority without a GeoCode in the file"), where, true);
                out.quarantine(c, QuarantineReason.UNMAPPED_AREA, h.get(areaColumn), la,
                        "local authority '" + la + "' has no GeoCode in the file; expected an ONS GSS code");
                return;
            } else {
                c.set(Column.REF_AREA, country).set(Column.AREA_NAME, countryName);
            }
            if (period.isEmpty()) {
                out.quarantine(c, year.isEmpty() ? QuarantineReason.MISSING_REQUIRED : QuarantineReason.MALFORMED_ROW,
                        h.get(yearCol), year, "expected a year such as 2019 or 2010/11");
                return;
            }
            out.submit(c);
        };
    }

    /** The unit of a Units code or label. */
    static Unit unit(String units) {
        return switch (units.toLowerCase(Locale.ROOT)) {
            case "percentage (%)", "percentage", "percent", "%", "pt" -> Unit.PERCENT;
            case "number", "persons", "pers" -> Unit.PERSONS;
            case "per_100000", "per_100000_pop", "per 100,000", "per 100,000 population", "rate per 100,000" ->
                    Unit.PER_100K;
            default -> null;
        };
    }

    /** Sex from a label or an SDMX code (CL_SEX: {@code M}, {@code F}, {@code _T} total). */
    static Sex sex(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        if (l.equals("_t") || l.equals("t") || l.equals("total") || l.equals("both sexes")) {
            return Sex.TOTAL;
        }
        return l.startsWith("m") ? Sex.MALE : l.startsWith("f") ? Sex.FEMALE : null;
    }

    /** The --area code: an ISO 3166-1 alpha-3 code of the M49 list, or an ISO 3166-2 code. */
    private static String checkArea(IngestContext context, SourceFile file) {
        String a = context.area().strip().toUpperCase(Locale.ROOT);
        if (a.matches("[A-Z]{3}") && context.names().geography().country(a).isPresent()
                || a.matches("[A-Z]{2}-[A-Z0-9]{1,3}")) {
            return a;
        }
        throw org.drugstats.core.DrugstatsException.of("%s: --area '%s' is not an ISO 3166-1 alpha-3 code of the M49 "
                + "list nor an ISO 3166-2 code; expected e.g. KAZ or GB-ENG", file.name(), context.area());
    }

    private static String get(CsvTable.Row rec, int col) {
        String s = col < 0 ? null : rec.get(col);
        return s == null ? "" : s.strip();
    }
}
