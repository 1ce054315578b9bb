package org.drugstats.core.ingest;

import java.util.List;
import java.util.Locale;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;
import org.drugstats.core.geo.NameMatch;
import org.drugstats.core.geo.UnmappedReason;
import org.drugstats.core.io.CsvTable;

/**
 * NCHS drug-poisoning mortality by US state, 1999–2017 (National Center for Health Statistics, National Vital
 * Statistics System; public domain): one row per state (or the United States), year, sex, age group and
 * race/Hispanic origin with deaths, population, the crude rate and the age-adjusted rate (2000 US standard
 * population) per 100,000, each rate with its standard error and 95% confidence limits.
 *
 * <p>Observations, four per data row at most:
 * <ul>
 *   <li>{@code drug_poisoning_deaths} (persons) from Deaths;</li>
 *   <li>{@code drug_poisoning_population} (persons) from Population, the denominator of the crude rate;</li>
 *   <li>{@code drug_poisoning_death_rate} (per 100,000, crude) with {@code std_error}, {@code lower} and
 *       {@code upper} from the crude SE and limits;</li>
 *   <li>{@code drug_poisoning_death_rate_age_adjusted} (per 100,000, age-adjusted to the 2000 US standard
 *       population) with its SE and limits; NCHS publishes it only for rows of all ages (an empty age-adjusted
 *       cell is counted as "not published", not read).</li>
 * </ul>
 * Areas: {@code ref_area} USA; a state is its ISO 3166-2 subdivision in {@code sub_area} ({@code US-AL}), the
 * name as published in {@code area_name}; the United States rows have no sub-area. Sex: Both Sexes → T, Male → M,
 * Female → F; age: All Ages → {@code _T}, groups as published with a hyphen ({@code 15-24}, {@code 75+}).
 *
 * <p>The canonical schema has no race or Hispanic-origin dimension: measures of rows for one race/Hispanic-origin
 * group (published for the United States only) are quarantined as {@code malformed-row} naming the column, so that
 * they are counted and visible but never mixed with the all-races series. The crude rate is checked against
 * deaths / population × 100,000 (to the published four decimals); a difference is a warning.
 *
 * <p>A row read is one published measure (deaths, population, crude rate or age-adjusted rate) of a data row.
 */
public final class NchsDrugPoisoningKind extends CsvIngestKind {

    static final String NAME = "nchs-drug-poisoning";
    static final String ALL_RACES = "All Races-All Origins";
    private static final String RATE_UNIT = "per 100,000 population";
    private static final List<String> HEADER = List.of("State", "Year", "Sex", "Age Group",
            "Race and Hispanic Origin", "Deaths", "Population", "Crude Death Rate", "Standard Error for Crude Rate",
            "Low Confidence Limit for Crude Rate", "Upper Confidence Limit for Crude Rate", "Age-adjusted Rate",
            "Standard Error Age-adjusted Rate", "Lower Confidence Limit for Age-adjusted Rate",
            "Upper Confidence for Age-adjusted Rate", "Unit");

    /** One published measure of a row: the indicator, its unit and the columns of value, SE and limits. */
    private record Measure(String indicator, Unit unit, String value, String se, String lower, String upper) {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure("drug_poisoning_deaths", Unit.PERSONS, "Deaths", null, null, null),
            new Measure("drug_poisoning_population", Unit.PERSONS, "Population", null, null, null),
            new Measure("drug_poisoning_death_rate", Unit.PER_100K, "Crude Death Rate",
                    "Standard Error for Crude Rate", "Low Confidence Limit for Crude Rate",
                    "Upper Confidence Limit for Crude Rate"),
            new Measure("drug_poisoning_death_rate_age_adjusted", Unit.PER_100K, "Age-adjusted Rate",
                    "Standard Error Age-adjusted Rate", "Lower Confidence Limit for Age-adjusted Rate",
                    "Upper Confidence for Age-adjusted Rate"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "NCHS drug-poisoning mortality by US state (deaths, population, crude and age-adjusted rates with SE)";
    }

    @Override
    public String rowUnit() {
        return "measure: one published measure (deaths, population, crude rate or age-adjusted rate) of a data row";
    }

    @Override
    void shape(CsvTable table) {
        requireHeader(table, NAME, HEADER);
    }

    @Override
    Origin origin(SourceFile file) {
        return IngestSupport.origin(NAME, file, "National Center for Health Statistics (NCHS)",
                "NCHS - Drug Poisoning Mortality by State: United States, 1999-2017",
                "National Center for Health Statistics. Drug Poisoning Mortality by State: United States, 1999-2017. "
                        + "National Vital Statistics System, mortality data (" + file.name() + "). Public domain.",
                "https://www.cdc.gov/nchs/data-visualization/drug-poisoning-mortality/", "Public domain (US government work)",
                null);
    }

    @Override
    RowParser rowParser(CsvTable table, SourceFile file, IngestContext context, IngestCollector out) {
        return new Rows(table, origin(file).id(), out);
    }

    /** The rows of one file: each row read on its own; the counts of the whole file kept for {@link #end()}. */
    private static final class Rows implements RowParser {
        private final CsvTable table;
        private final String origin;
        private final IngestCollector out;
        private final int h;
        private long notPublished;
        private long crudeMismatch;
        private String firstMismatch;

        Rows(CsvTable table, String origin, IngestCollector out) {
            this.table = table;
            this.origin = origin;
            this.out = out;
            this.h = table.header().size();
            out.skipped("header rows", 1);
        }

        @Override
        public void row(CsvTable.Row rec) {
            String state = text(rec, table, "State");
            String year = text(rec, table, "Year");
            String sexText = text(rec, table, "Sex");
            String ageText = text(rec, table, "Age Group");
            String race = text(rec, table, "Race and Hispanic Origin");
            String unitText = text(rec, table, "Unit");
            for (Measure m : MEASURES) {
                String value = text(rec, table, m.value());
                if (value.isEmpty() && m.se() != null && rec.fields().size() == h
                        && m.indicator().endsWith("_age_adjusted")) {
                    notPublished++;
                    continue;
                }
                out.read();
                Candidate c = out.candidate(null, rec.line())
                        .set(Column.INDICATOR, m.indicator())
                        .set(Column.REF_AREA, "USA")
                        .set(Column.TIME_PERIOD, IngestSupport.period(year).orElse(null), "Year", year)
                        .set(Column.SEX, Sex.TOTAL.code(), "Sex", sexText)
                        .set(Column.AGE, "_T", "Age Group", ageText)
                        .set(Column.VALUE, value.isEmpty() ? null : value, m.value(), value)
                        .set(Column.UNIT, m.unit().code(), "Unit", unitText)
                        .set(Column.UNIT_MULT, "0")
                        .set(Column.OBS_STATUS, ObsStatus.NORMAL.code())
                        .set(Column.SOURCE, "NCHS, National Vital Statistics System, mortality data")
                        .set(Column.AREA_NAME, state.isEmpty() ? null : state, "State", state)
                        .set(Column.ORIGIN, origin);
                if (m.se() != null) {
                    c.set(Column.STD_ERROR, blankToNull(text(rec, table, m.se())), m.se(), text(rec, table, m.se()))
                            .set(Column.LOWER, blankToNull(text(rec, table, m.lower())), m.lower(),
                                    text(rec, table, m.lower()))
                            .set(Column.UPPER, blankToNull(text(rec, table, m.upper())), m.upper(),
                                    text(rec, table, m.upper()));
                }
                if (m.indicator().endsWith("_age_adjusted")) {
                    c.set(Column.ADJUSTMENT, "age-adjusted, 2000 US standard population");
                }
                if (rec.fields().size() != h) {
                    out.quarantine(c, QuarantineReason.MALFORMED_ROW, null, null,
                            rec.fields().size() + " fields; expected " + h + " as in the header");
                    continue;
                }
                if (!ALL_RACES.equals(race)) {
                    out.quarantine(c, QuarantineReason.MALFORMED_ROW, "Race and Hispanic Origin", race,
                            "race/Hispanic origin is not a dimension of the canonical schema; only '" + ALL_RACES
                                    + "' rows are read, so that group rows are never mixed with the all-races series");
                    continue;
                }
                if (m.unit() == Unit.PER_100K && !RATE_UNIT.equals(unitText)) {
                    out.quarantine(c, QuarantineReason.UNKNOWN_CODE, "Unit", unitText,
                            "expected Unit '" + RATE_UNIT + "'");
                    continue;
                }
                Sex sex = switch (sexText) {
                    case "Both Sexes" -> Sex.TOTAL;
                    case "Male" -> Sex.MALE;
                    case "Female" -> Sex.FEMALE;
                    default -> null;
                };
                if (sex == null) {
                    out.quarantine(c, QuarantineReason.UNKNOWN_CODE, "Sex", sexText,
                            "expected Both Sexes, Male or Female");
                    continue;
                }
                c.set(Column.SEX, sex.code(), "Sex", sexText);
                if (ageText.isEmpty()) {
                    out.quarantine(c, QuarantineReason.MISSING_REQUIRED, "Age Group", ageText,
                            "expected All Ages or an age group such as 15–24");
                    continue;
                }
                c.set(Column.AGE, "All Ages".equals(ageText) ? "_T" : IngestSupport.age(ageText).orElseThrow(),
                        "Age Group", ageText);
                if (!"United States".equals(state)) {
                    var code = UsStates.code(state);
                    if (code.isEmpty()) {
                        out.unmapped(new NameMatch.Unmapped(state, UnmappedReason.UNKNOWN, null, null,
                                "not one of the 50 states, the District of Columbia or the United States"),
                                "line " + rec.line(), true);
                        out.quarantine(c, QuarantineReason.UNMAPPED_AREA, "State", state,
                                "expected a US state, the District of Columbia or 'United States'");
                        continue;
                    }
                    c.set(Column.SUB_AREA, code.get(), "State", state);
                }
                if ("drug_poisoning_death_rate".equals(m.indicator())) {
                    String why = crudeCheck(rec, table);
                    if (why != null) {
                        crudeMismatch++;
                        firstMismatch = firstMismatch == null ? "line " + rec.line() + ": " + why : firstMismatch;
                    }
                }
                out.submit(c);
            }
        }

        @Override
        public void end() {
            out.skipped("age-adjusted rate not published (cells of rows for one age group)", notPublished);
            if (crudeMismatch > 0) {
                out.warn("%d crude rates differ from deaths / population x 100,000 by more than the published "
                        + "rounding (first: %s)", crudeMismatch, firstMismatch);
            }
        }
    }

    /** Null when the crude rate agrees with deaths / population × 100,000 to 0.0001; else why not. */
    private static String crudeCheck(CsvTable.Row rec, CsvTable table) {
        try {
            double deaths = Double.parseDouble(text(rec, table, "Deaths"));
            double pop = Double.parseDouble(text(rec, table, "Population"));
            double rate = Double.parseDouble(text(rec, table, "Crude Death Rate"));
            double computed = deaths / pop * 1e5;
            return Math.abs(computed - rate) <= 0.0001 + 1e-9 ? null
                    : String.format(Locale.ROOT, "%s deaths / %s x 100,000 = %.6f, published %s",
                            text(rec, table, "Deaths"), text(rec, table, "Population"), computed, rate);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(CsvTable.Row rec, CsvTable table, String column) {
        int i = table.index(column);
        String s = i < 0 ? null : rec.get(i);
        return s == null ? "" : s.replace('\u00a0', ' ').strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
