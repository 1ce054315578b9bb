package org.drugstats.core.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;
import org.drugstats.core.geo.M49Country;

/**
 * Consumption of principal narcotic drugs by country and year, 1989–2013, in kilograms: the International Narcotics
 * Control Board's technical report <i>Narcotic Drugs</i>, Table XII ("Consumption of the principal narcotic drugs"),
 * as compiled by the OpioidAtlas project (K. Sankaran, MIT licence) into a JavaScript file {@code var incb = [...];}
 * holding a JSON array: one object per country with {@code static} (country, json_country, iso3, region, subregion)
 * and {@code ts} (the 25 {@code years} "1989-01-01" … "2013-01-01" and, per drug, morphine, fentanyl, oxycodone,
 * pethidine, hydrocodone, codeine, an array of kilograms per year, plus {@code total}).
 *
 * <p>Observations: {@code opioid_consumption_quantity} (kg, {@code drug} = the drug, {@code method}
 * {@code incb-table-xii}), one per country, year and drug. The compilation writes 0 both where a country reported
 * nothing and where it reported none consumed. A country-year whose six drugs are all 0 carries no information: its six
 * cells become {@code missing} observations with the note {@code no report} — never zero consumption. A 0 next to a
 * positive amount of another drug of the same year is read as reported none of that drug and kept as 0.
 *
 * <p>The {@code total} array is not stored (it is derived): each total is checked against the sum of the six drugs and
 * a difference beyond 0.0001 kg (the compilation rounds totals to four decimals) is a warning. The area is the file's
 * ISO3 code when it is an M49 country (the name is kept in {@code area_name}); an ISO3 code with no M49 country
 * (ANT, the Netherlands Antilles, dissolved in 2010) is quarantined as {@code unmapped-area}.
 *
 * <p>A row read is one value cell: one drug of one country and year (six per country-year).
 */
public final class IncbTableXiiKind implements IngestKind {

    static final String NAME = "incb-table-xii";
    /** The indicator of the kilograms. */
    public static final String INDICATOR = "opioid_consumption_quantity";
    /** The six drugs of the compilation, in its order. */
    public static final List<String> DRUGS = List.of("morphine", "fentanyl", "oxycodone", "pethidine", "hydrocodone",
            "codeine");
    private static final String METHOD = "incb-table-xii";
    private static final BigDecimal TOTAL_TOLERANCE = new BigDecimal("0.0001");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "INCB Table XII consumption of principal narcotic drugs 1989-2013 (kg), OpioidAtlas JavaScript/JSON file";
    }

    @Override
    public String rowUnit() {
        return "value cell: the kilograms of one drug (of six) for one country and year";
    }

    @Override
    public void checkShape(SourceFile file) {
        parseArray(file);
    }

    /**
     * Reads the file. The JSON array is parsed whole into a tree (Jackson): the file is one JavaScript statement
     * holding one array of one object per country (219 KB, 200 countries), not a sequence of records, and the
     * countries are few; the rows read (value cells) go to the collector, which bounds them as for every kind.
     */
    @Override
    public IngestResult ingest(SourceFile file, IngestContext context) {
        JsonNode array = parseArray(file);
        IngestCollector out = new IngestCollector(file, NAME, repeatedKeyRule(), context.spillAt(),
                context.tempDir());
        String origin = origin(file).id();
        try {
            for (int i = 0; i < array.size(); i++) {
                readCountry(file, array.get(i), i, context, origin, out);
            }
            return out.finish(origin(file), rowUnit());
        } catch (RuntimeException e) {
            out.abandon();
            throw e;
        }
    }

    private void readCountry(SourceFile file, JsonNode country, int index, IngestContext context, String origin,
            IngestCollector out) {
        String where = "element " + (index + 1);
        JsonNode info = country.path("static");
        JsonNode ts = country.path("ts");
        String iso3 = info.path("iso3").asText("").strip().toUpperCase(Locale.ROOT);
        String name = info.path("json_country").asText(info.path("country").asText(""));
        JsonNode years = ts.path("years");
        if (!years.isArray()) {
            throw DrugstatsException.of("%s: %s (%s) has no ts.years array; expected an %s file", file.name(), where,
                    name, NAME);
        }
        M49Country m49 = context.names().geography().country(iso3).orElse(null);
        for (int y = 0; y < years.size(); y++) {
            String year = years.get(y).asText("");
            String period = year.length() >= 4 ? year.substring(0, 4) : year;
            BigDecimal[] kg = new BigDecimal[DRUGS.size()];
            String[] raw = new String[DRUGS.size()];
            boolean anyPositive = false;
            boolean allNumbers = true;
            for (int d = 0; d < DRUGS.size(); d++) {
                JsonNode series = ts.path(DRUGS.get(d));
                JsonNode cell = series.isArray() && y < series.size() ? series.get(y) : null;
                raw[d] = cell == null ? null : cell.asText();
                if (cell != null && cell.isNumber()) {
                    kg[d] = cell.decimalValue();
                    anyPositive |= kg[d].signum() > 0;
                } else {
                    allNumbers = false;
                }
            }
            boolean noReport = allNumbers && !anyPositive;
            if (allNumbers) {
                checkTotal(file, where, name, period, ts.path("total"), y, kg, out);
            }
            for (int d = 0; d < DRUGS.size(); d++) {
                out.read();
                String drug = DRUGS.get(d);
                String column = "ts." + drug + "[" + y + "]";
                Candidate c = out.candidate(null, index + 1)
                        .set(Column.INDICATOR, INDICATOR)
                        .set(Column.REF_AREA, m49 == null ? null : iso3, "static.iso3", iso3)
                        .set(Column.TIME_PERIOD, period, "ts.years[" + y + "]", year)
                        .set(Column.SEX, Sex.TOTAL.code())
                        .set(Column.AGE, "_T")
                        .set(Column.UNIT, Unit.KILOGRAMS.code())
                        .set(Column.UNIT_MULT, "0")
                        .set(Column.DRUG, drug)
                        .set(Column.METHOD, METHOD)
                        .set(Column.ORIGIN, origin)
                        .set(Column.AREA_NAME, name, "static.json_country", name);
                if (noReport) {
                    c.set(Column.VALUE, null, column, raw[d]).set(Column.OBS_STATUS, ObsStatus.MISSING.code())
                            .note("no report: all six drugs are 0 in the compilation for this country and year");
                } else {
                    c.set(Column.VALUE, kg[d] == null ? raw[d] : kg[d].toPlainString(), column, raw[d])
                            .set(Column.OBS_STATUS, ObsStatus.NORMAL.code());
                }
                if (m49 == null) {
                    out.quarantine(c, QuarantineReason.UNMAPPED_AREA, "static.iso3", iso3,
                            "'" + iso3 + "' (" + name + ") is not an M49 country; expected an ISO 3166 alpha-3 code of "
                                    + "a current country or area");
                    continue;
                }
                if (raw[d] == null) {
                    out.quarantine(c, QuarantineReason.MISSING_REQUIRED, column, null,
                            "no value for " + drug + " in year " + period + "; expected " + years.size()
                                    + " numbers as in ts.years");
                    continue;
                }
                out.submit(c);
            }
        }
    }

    private static void checkTotal(SourceFile file, String where, String name, String period, JsonNode totals, int y,
            BigDecimal[] kg, IngestCollector out) {
        JsonNode t = totals.isArray() && y < totals.size() ? totals.get(y) : null;
        if (t == null || !t.isNumber()) {
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : kg) {
            sum = sum.add(v);
        }
        if (sum.subtract(t.decimalValue()).abs().compareTo(TOTAL_TOLERANCE) > 0) {
            out.warn("%s: %s (%s) %s: total %s kg differs from the sum of the six drugs %s kg", file.name(), where, name,
                    period, t.decimalValue().toPlainString(), sum.toPlainString());
        }
    }

    /** The JSON array inside the JavaScript file, or an error naming the file and what was expected. */
    private static JsonNode parseArray(SourceFile file) {
        String text;
        try {
            text = Files.readString(file.path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw DrugstatsException.of(e, "%s cannot be read: %s", file.name(), e.getMessage());
        }
        int open = text.indexOf('[');
        int close = text.lastIndexOf(']');
        if (open < 0 || close < open) {
            throw DrugstatsException.of("%s is not an %s file: expected a JavaScript file holding a JSON array "
                    + "(var incb = [...]), found no array", file.name(), NAME);
        }
        JsonNode array;
        try {
            array = JSON.readTree(text.substring(open, close + 1));
        } catch (JsonProcessingException e) {
            throw DrugstatsException.of("%s is not an %s file: the array is not valid JSON (%s)", file.name(), NAME,
                    e.getOriginalMessage());
        }
        if (!array.isArray() || array.isEmpty() || !array.get(0).has("static") || !array.get(0).has("ts")
                || !array.get(0).path("ts").has("years") || !array.get(0).path("ts").has("morphine")) {
            throw DrugstatsException.of("%s is not an %s file: expected an array of objects with 'static' and 'ts' "
                    + "(years, morphine, fentanyl, ...), found %s", file.name(), NAME,
                    array.isArray() && !array.isEmpty() ? "fields " + fieldNames(array.get(0)) : "an empty array");
        }
        return array;
    }

    private static List<String> fieldNames(JsonNode node) {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Origin origin(SourceFile file) {
        return IngestSupport.origin(NAME, file, "International Narcotics Control Board (INCB); compiled by OpioidAtlas",
                "Consumption of the principal narcotic drugs by country, 1989-2013 (INCB technical report, Table XII)",
                "International Narcotics Control Board, Narcotic Drugs: Estimated World Requirements and Statistics, "
                        + "technical reports, Table XII (consumption), 1989-2013; compiled by K. Sankaran, OpioidAtlas ("
                        + file.name() + "). MIT licence (compilation).",
                null, "MIT", null);
    }
}
