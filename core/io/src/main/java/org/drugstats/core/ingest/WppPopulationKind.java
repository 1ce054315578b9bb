package org.drugstats.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.drugstats.core.geo.RegionScheme;
import org.drugstats.core.geo.UnmappedReason;
import org.drugstats.core.io.CsvTable;

/**
 * Population by broad age group, UN World Population Prospects 2017 (estimates to 2015, medium variant from 2016),
 * as compiled by Our World in Data (CC BY): columns Entity, Year, then one column per age group named like
 * "Working age (15-64 years old) (UNWPP, 2017)". Entities are countries and aggregates, by name.
 *
 * <p>Observations: indicator {@code population_15_64} for the 15-64 column and {@code population_by_age} for the
 * other age groups (the catalog's {@code population_total} is not published in this file), unit persons, sex T, age from the column name ("Under 15" →
 * {@code 0-14}, "15-64" → {@code 15-64}, "65+" → {@code 65+}), area from the entity name (M49 region names
 * first; aggregates are stored under their codes with {@code published-aggregate}). Years after 2015 are
 * projections: status {@code estimated}, noted. An empty cell gives a {@code missing} observation.
 *
 * <p>A row read is one population cell (one entity, year and age group).
 */
public final class WppPopulationKind extends CsvIngestKind {

    static final String NAME = "wpp-population";
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\s*-\\s*(\\d+) years");
    private static final Pattern UNDER = Pattern.compile("under (\\d+)");
    private static final Pattern PLUS = Pattern.compile("(\\d+)\\+");
    private static final int LAST_ESTIMATE_YEAR = 2015;
    /** Entity names whose match is remembered at most. */
    private static final int NAME_CACHE = 10_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "UN WPP 2017 population by broad age group, by country and aggregate (Our World in Data CSV)";
    }

    @Override
    public String rowUnit() {
        return "population cell: one entity, year and age-group column";
    }

    /** The age group a column name denotes, if any. */
    static Optional<String> ageGroup(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        Matcher m = RANGE.matcher(c);
        if (m.find()) {
            return Optional.of(Integer.parseInt(m.group(1)) + "-" + Integer.parseInt(m.group(2)));
        }
        m = UNDER.matcher(c);
        if (m.find()) {
            return Optional.of("0-" + (Integer.parseInt(m.group(1)) - 1));
        }
        m = PLUS.matcher(c);
        if (m.find()) {
            return Optional.of(Integer.parseInt(m.group(1)) + "+");
        }
        return Optional.empty();
    }

    @Override
    void shape(CsvTable table) {
        requireHeader(table, NAME, List.of("Entity", "Year"));
        long ages = table.header().stream().filter(h -> ageGroup(h).isPresent()).count();
        if (ages == 0) {
            throw DrugstatsException.of("%s is not a %s file: expected population columns named by age group "
                    + "(\"Working age (15-64 years old) (UNWPP, 2017)\"), found %s", table.file(), NAME, table.header());
        }
    }

    @Override
    Origin origin(SourceFile file) {
        return IngestSupport.origin(NAME, file, "United Nations, Department of Economic and Social Affairs, "
                + "Population Division; compiled by Our World in Data",
                "Population by broad age group, World Population Prospects 2017 (estimates 1950-2015, medium variant "
                        + "2016-2100)",
                "United Nations, DESA, Population Division (2017). World Population Prospects: The 2017 Revision; "
                        + "population by age group compiled by Our World in Data (" + file.name() + "). CC BY.",
                "https://population.un.org/wpp/", "CC BY 4.0 (Our World in Data compilation)", "2017");
    }

    @Override
    RowParser rowParser(CsvTable table, SourceFile file, IngestContext context, IngestCollector out) {
        CountryNames names = context.names().withScheme(RegionScheme.M49);
        String origin = origin(file).id();
        int entityCol = table.index("Entity");
        int yearCol = table.index("Year");
        List<int[]> ageCols = new ArrayList<>();
        List<String> ages = new ArrayList<>();
        for (int i = 0; i < table.header().size(); i++) {
            if (i == entityCol || i == yearCol) {
                continue;
            }
            Optional<String> a = ageGroup(table.header().get(i));
            if (a.isPresent()) {
                ageCols.add(new int[] {i});
                ages.add(a.get());
            } else {
                out.warn("column '%s' is not an age group; not read", table.header().get(i));
            }
        }
        out.skipped("header rows", 1);
        // the matches of the entity names met so far: a file repeats each entity on many rows; bounded, so that a
        // file of millions of distinct names does not hold them all (past the bound a name is matched again)
        java.util.Map<String, NameMatch> cache = new java.util.HashMap<>();
        return rec -> {
            String entity = rec.get(entityCol);
            String yearText = rec.get(yearCol);
            Optional<String> year = yearText == null ? Optional.empty()
                    : IngestSupport.period(yearText).filter(p -> p.length() == 4);
            NameMatch match = entity == null ? null : cache.get(entity);
            if (match == null && entity != null) {
                match = names.match(entity);
                if (cache.size() < NAME_CACHE) {
                    cache.put(entity, match);
                }
            }
            String where = "line " + rec.line();
            if (match instanceof NameMatch.Unmapped u) {
                out.unmapped(u, where, u.code() == null);
            }
            for (int k = 0; k < ageCols.size(); k++) {
                int col = ageCols.get(k)[0];
                out.read();
                String raw = rec.get(col);
                Candidate c = out.candidate(null, rec.line())
                        .set(Column.INDICATOR, "15-64".equals(ages.get(k)) ? "population_15_64" : "population_by_age")
                        .set(Column.TIME_PERIOD, year.orElse(null), "Year", yearText)
                        .set(Column.SEX, Sex.TOTAL.code())
                        .set(Column.AGE, ages.get(k))
                        .set(Column.VALUE, raw == null || raw.isBlank() ? null : raw.strip(), table.header().get(col), raw)
                        .set(Column.UNIT, Unit.PERSONS.code())
                        .set(Column.UNIT_MULT, "0")
                        .set(Column.ORIGIN, origin)
                        .set(Column.SOURCE, "UN World Population Prospects 2017")
                        .set(Column.AREA_NAME, entity, "Entity", entity);
                boolean projected = year.isPresent() && Integer.parseInt(year.get()) > LAST_ESTIMATE_YEAR;
                ObsStatus status = raw == null || raw.isBlank() ? ObsStatus.MISSING
                        : projected ? ObsStatus.ESTIMATED : ObsStatus.NORMAL;
                c.set(Column.OBS_STATUS, status.code());
                if (projected) {
                    c.note("projection (WPP 2017 medium variant)");
                }
                if (rec.fields().size() != table.header().size()) {
                    out.quarantine(c, QuarantineReason.MALFORMED_ROW, null, null, rec.fields().size()
                            + " fields; expected " + table.header().size() + " as in the header");
                    continue;
                }
                if (match == null || match instanceof NameMatch.Unmapped u && u.code() == null) {
                    out.quarantine(c, QuarantineReason.UNMAPPED_AREA, "Entity", entity, match == null
                            ? "empty entity" : "'" + entity + "' is not a known country or aggregate ("
                                    + ((NameMatch.Unmapped) match).reason().name().toLowerCase(Locale.ROOT) + ")");
                    continue;
                }
                if (match instanceof NameMatch.Mapped m) {
                    c.set(Column.REF_AREA, m.areaCode());
                } else {
                    NameMatch.Unmapped u = (NameMatch.Unmapped) match;
                    c.set(Column.REF_AREA, u.code());
                    c.flag(u.reason() == UnmappedReason.RESIDUAL ? QualityFlag.RESIDUAL_AREA
                            : QualityFlag.PUBLISHED_AGGREGATE);
                }
                if (year.isEmpty()) {
                    out.quarantine(c, yearText == null || yearText.isBlank() ? QuarantineReason.MISSING_REQUIRED
                            : QuarantineReason.MALFORMED_ROW, "Year", yearText, "expected a year such as 2017");
                    continue;
                }
                out.submit(c);
            }
        };
    }
}
