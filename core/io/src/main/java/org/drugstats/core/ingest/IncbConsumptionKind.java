package org.drugstats.core.ingest;

import java.util.List;
import java.util.Locale;
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
import org.drugstats.core.io.CsvTable;

/**
 * Mean opioid consumption 2015–2017 by country from INCB data, with 2016 population, as published with
 * Richards et al., BMJ Global Health 2021 (doi:10.1136/bmjgh-2020-003563; MIT licence): columns Country,
 * country_ISO, Pop_2016, meanop_pop (kg per 100,000 population, rounded to whole numbers), deciles.
 *
 * <p>Observations per country: {@code population_total} (2016, persons), {@code opioid_consumption} (2015-2017, kg per
 * 100,000 population, flagged {@code coarse-rounding}: whole numbers, so most countries read 0), and
 * {@code opioid_consumption_decile} (2015-2017, the decile of consumption, unit ordinal). An empty cell gives a
 * {@code missing} observation. The area comes from the country name; the file's {@code country_ISO} column is
 * compared with it and disagreements are reported (the file gives BKA for Burkina Faso and swaps the codes of
 * Micronesia and Moldova).
 *
 * <p>A row read is one value cell (Pop_2016, meanop_pop or deciles of one country).
 */
public final class IncbConsumptionKind extends CsvIngestKind {

    static final String NAME = "incb-consumption";
    private static final List<String> HEADER = List.of("Country", "country_ISO", "Pop_2016", "meanop_pop", "deciles");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "INCB opioid consumption 2015-2017 (kg per 100,000) and 2016 population, Richards et al. 2021 CSV";
    }

    @Override
    public String rowUnit() {
        return "value cell: the Pop_2016, meanop_pop or deciles cell of one country (three per row)";
    }

    @Override
    void shape(CsvTable table) {
        requireHeader(table, NAME, HEADER);
    }

    @Override
    Origin origin(SourceFile file) {
        return IngestSupport.origin(NAME, file, "Richards et al., from International Narcotics Control Board (INCB) data",
                "Mean opioid consumption 2015-2017 by country, with 2016 population",
                "Richards GC, et al. (2021) BMJ Global Health 6:e003563, doi:10.1136/bmjgh-2020-003563; consumption "
                        + "data from the International Narcotics Control Board (" + file.name() + "). MIT licence.",
                "https://doi.org/10.1136/bmjgh-2020-003563", "MIT", "2021");
    }

    @Override
    RowParser rowParser(CsvTable table, SourceFile file, IngestContext context, IngestCollector out) {
        CountryNames names = context.names().withScheme(RegionScheme.M49);
        String origin = origin(file).id();
        out.skipped("header rows", 1);
        int nameCol = table.index("Country");
        int isoCol = table.index("country_ISO");
        String[][] specs = {
            {"Pop_2016", "population_total", "2016", Unit.PERSONS.code()},
            {"meanop_pop", "opioid_consumption", "2015-2017", Unit.KG_PER_100K.code()},
            {"deciles", "opioid_consumption_decile", "2015-2017", Unit.ORDINAL.code()}};
        return rec -> {
            String name = rec.get(nameCol);
            String iso = rec.get(isoCol) == null ? "" : rec.get(isoCol).strip();
            NameMatch match = name == null ? null : names.match(name);
            String where = "line " + rec.line();
            String area = null;
            String note = null;
            if (match instanceof NameMatch.Mapped m) {
                area = m.areaCode();
                if (!iso.equalsIgnoreCase(m.iso3())) {
                    note = "the file's country_ISO is '" + iso + "'";
                    out.warn("%s: country '%s' is %s, but the file's country_ISO is '%s'; the name is used", where,
                            name.strip(), m.iso3(), iso);
                }
            } else if (match instanceof NameMatch.Unmapped u) {
                out.unmapped(u, where, true);
            }
            for (String[] spec : specs) {
                out.read();
                String raw = rec.get(table.index(spec[0]));
                boolean empty = raw == null || raw.isBlank();
                Candidate c = out.candidate(null, rec.line())
                        .set(Column.INDICATOR, spec[1])
                        .set(Column.REF_AREA, area)
                        .set(Column.TIME_PERIOD, spec[2])
                        .set(Column.SEX, Sex.TOTAL.code())
                        .set(Column.AGE, "_T")
                        .set(Column.VALUE, empty ? null : raw.strip(), spec[0], raw)
                        .set(Column.UNIT, spec[3])
                        .set(Column.UNIT_MULT, "0")
                        .set(Column.OBS_STATUS, (empty ? ObsStatus.MISSING : ObsStatus.NORMAL).code())
                        .set(Column.ORIGIN, origin)
                        .set(Column.AREA_NAME, name, "Country", name)
                        .note(note);
                if (empty) {
                    c.note(spec[0] + " empty in the published file");
                }
                if (spec[1].equals("opioid_consumption")) {
                    c.flag(QualityFlag.COARSE_ROUNDING).note("rounded to whole kg per 100,000 population in the file");
                }
                if (rec.fields().size() != table.header().size()) {
                    out.quarantine(c, QuarantineReason.MALFORMED_ROW, null, null,
                            rec.fields().size() + " fields; expected " + table.header().size() + " as in the header");
                    continue;
                }
                if (area == null) {
                    out.quarantine(c, QuarantineReason.UNMAPPED_AREA, "Country", name, match == null ? "empty country"
                            : "'" + name.strip() + "' is not one country ("
                                    + ((NameMatch.Unmapped) match).reason().name().toLowerCase(Locale.ROOT) + ")");
                    continue;
                }
                out.submit(c);
            }
        };
    }
}
