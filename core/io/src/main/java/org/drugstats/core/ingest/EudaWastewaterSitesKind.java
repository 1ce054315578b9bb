package org.drugstats.core.ingest;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;
import org.drugstats.core.io.CsvTable;

/**
 * The EUDA waste-water site table (CC BY 4.0): per site its country, city, plant, coordinates and the population
 * served by the plant — the weights of population-weighted means of mass loads across sites.
 *
 * <p>One observation per row: {@code wastewater_population_served} (persons), {@code ref_area} the country (ISO
 * alpha-3 from the alpha-2), {@code sub_area} the site id, {@code area_name} the city; the plant, latitude and
 * longitude (WGS 84 decimal degrees) in {@code notes} as {@code plant: …; latitude: …; longitude: …}; the
 * institution in {@code source}. The table gives no reference year for the population: {@code time_period} is the
 * year of the release named in the file name ({@code ww2025} → 2025), and the same population serves as weight for
 * every campaign year of the site (a documented simplification: the publisher gives one figure per site).
 *
 * <p>A row read is one data row (one site).
 */
public final class EudaWastewaterSitesKind extends CsvIngestKind {

    static final String NAME = "euda-wastewater-sites";
    private static final Pattern RELEASE = Pattern.compile("ww((?:19|20)\\d\\d)", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "EUDA waste-water site table: population served, plant and coordinates per site";
    }

    @Override
    public String rowUnit() {
        return "data row: one site";
    }

    @Override
    void shape(CsvTable table) {
        requireHeader(table, NAME, List.of("SiteID", "Country", "City", "Location", "Latitude", "Longitude",
                "Population"));
    }

    @Override
    Origin origin(SourceFile file) {
        return EudaWastewaterKind.euda(NAME, file, "Wastewater analysis and drugs: site information table");
    }

    @Override
    RowParser rowParser(CsvTable table, SourceFile file, IngestContext context, IngestCollector out) {
        String origin = origin(file).id();
        out.skipped("header rows", 1);
        Matcher m = RELEASE.matcher(file.name());
        String release = m.find() ? m.group(1) : null;
        if (release == null) {
            out.warn("the file name names no release year (ww2025); every row is quarantined for want of a period");
        }
        EudaWastewaterKind.Iso2 iso2 = EudaWastewaterKind.Iso2.of(context);
        int h = table.header().size();
        return rec -> {
            out.read();
            String site = EudaWastewaterKind.text(rec, table, "SiteID");
            String country = EudaWastewaterKind.text(rec, table, "Country");
            String city = EudaWastewaterKind.text(rec, table, "City");
            String pop = EudaWastewaterKind.text(rec, table, "Population");
            String lat = EudaWastewaterKind.text(rec, table, "Latitude");
            String lon = EudaWastewaterKind.text(rec, table, "Longitude");
            String plant = EudaWastewaterKind.text(rec, table, "Location");
            String institution = EudaWastewaterKind.text(rec, table, "Institution");
            String iso3 = iso2.iso3(country);
            Candidate c = out.candidate(null, rec.line())
                    .set(Column.INDICATOR, "wastewater_population_served")
                    .set(Column.REF_AREA, iso3, "Country", country)
                    .set(Column.TIME_PERIOD, release)
                    .set(Column.SEX, Sex.TOTAL.code())
                    .set(Column.AGE, "_T")
                    .set(Column.VALUE, pop.isEmpty() ? null : pop, "Population", pop)
                    .set(Column.UNIT, Unit.PERSONS.code())
                    .set(Column.UNIT_MULT, "0")
                    .set(Column.OBS_STATUS, ObsStatus.NORMAL.code())
                    .set(Column.SOURCE, institution.isEmpty() ? null : institution)
                    .set(Column.NOTES, String.format(Locale.ROOT, "plant: %s; latitude: %s; longitude: %s", plant,
                            lat, lon))
                    .set(Column.AREA_NAME, city.isEmpty() ? null : city, "City", city)
                    .set(Column.SUB_AREA, site.isEmpty() ? null : site, "SiteID", site)
                    .set(Column.ORIGIN, origin);
            if (rec.fields().size() != h) {
                out.quarantine(c, QuarantineReason.MALFORMED_ROW, null, null,
                        rec.fields().size() + " fields; expected " + h + " as in the header");
                return;
            }
            if (iso3 == null) {
                out.quarantine(c, QuarantineReason.UNKNOWN_CODE, "Country", country, "'" + country
                        + "' is not an ISO 3166 alpha-2 code (site " + site + ", " + city + "); not guessed");
                return;
            }
            if (site.isEmpty()) {
                out.quarantine(c, QuarantineReason.MISSING_REQUIRED, "SiteID", site, "expected a site id");
                return;
            }
            if (!coordinate(lat, 90) || !coordinate(lon, 180)) {
                out.quarantine(c, QuarantineReason.OUT_OF_DOMAIN, coordinate(lat, 90) ? "Longitude" : "Latitude",
                        coordinate(lat, 90) ? lon : lat, "expected decimal degrees within ±90 (latitude), ±180 "
                                + "(longitude)");
                return;
            }
            if (release == null) {
                out.quarantine(c, QuarantineReason.MISSING_REQUIRED, "file name", file.name(),
                        "expected the release year in the file name (ww2025)");
                return;
            }
            out.submit(c);
        };
    }

    private static boolean coordinate(String s, double limit) {
        double d = EudaWastewaterKind.number(s);
        return !Double.isNaN(d) && Math.abs(d) <= limit;
    }
}
