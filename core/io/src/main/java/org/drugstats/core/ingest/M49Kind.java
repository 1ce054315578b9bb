package org.drugstats.core.ingest;

import java.util.List;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;
import org.drugstats.core.geo.M49Country;
import org.drugstats.core.io.CsvTable;

/**
 * The UN M49 standard (UN Statistics Division; CSV layout of the datasets/country-codes project, ODC-PDDL).
 * The classification's hierarchy lives in the geography resources ({@code org/drugstats/core/geo/m49.csv},
 * made by {@link GeoResourceGenerator} from this same file); as an extract, each country or area gives its
 * development-group memberships.
 *
 * <p>Observations: indicators {@code m49_ldc}, {@code m49_lldc}, {@code m49_sids} (least developed, land-locked
 * developing, small island developing), value 1 (member, flag "x") or 0 (not), unit count, area the ISO3 code,
 * time period {@code _Z} (the file carries no date; SDMX "not applicable"), age {@code _T}; notes give the M49
 * code and the region / sub-region / intermediate region.
 *
 * <p>A row read is one flag cell (three per country or area).
 */
public final class M49Kind extends CsvIngestKind {

    static final String NAME = "m49";
    private static final String[] INDICATORS = {"m49_ldc", "m49_lldc", "m49_sids"};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "UN M49 standard country or area codes with regions and LDC/LLDC/SIDS groups (UNSD CSV)";
    }

    @Override
    public String rowUnit() {
        return "flag cell: the LDC, LLDC or SIDS cell of one country or area (three per row of the file)";
    }

    @Override
    void shape(CsvTable table) {
        requireHeader(table, NAME, UnsdM49File.HEADER);
    }

    @Override
    Origin origin(SourceFile file) {
        return IngestSupport.origin(NAME, file, "United Nations Statistics Division (UNSD)",
                "Standard country or area codes for statistical use (M49)",
                "United Nations Statistics Division, Standard country or area codes for statistical use (M49), via the "
                        + "datasets/country-codes project (" + file.name() + "). ODC-PDDL.",
                "https://unstats.un.org/unsd/methodology/m49/", "ODC-PDDL 1.0 (datasets/country-codes)", null);
    }

    @Override
    RowParser rowParser(CsvTable table, SourceFile file, IngestContext context, IngestCollector out) {
        String origin = origin(file).id();
        out.skipped("header rows", 1);
        List<String> h = table.header();
        return rec -> {
            String[] v = new String[UnsdM49File.HEADER.size()];
            for (int i = 0; i < v.length; i++) {
                String s = rec.get(table.index(UnsdM49File.HEADER.get(i)));
                v[i] = s == null ? "" : s.strip();
            }
            M49Country c = new M49Country(v[9], v[10], v[11], v[8], v[2], v[3], v[4], v[5], v[6], v[7], false, false,
                    false);
            StringBuilder where = new StringBuilder("M49 ").append(c.m49());
            if (!c.region().isEmpty()) {
                where.append("; ").append(c.region()).append(" (").append(c.regionCode()).append(')');
            }
            if (!c.subregion().isEmpty()) {
                where.append(" > ").append(c.subregion()).append(" (").append(c.subregionCode()).append(')');
            }
            if (!c.intermediateRegion().isEmpty()) {
                where.append(" > ").append(c.intermediateRegion()).append(" (").append(c.intermediateCode()).append(')');
            }
            for (int k = 0; k < 3; k++) {
                out.read();
                String header = UnsdM49File.HEADER.get(12 + k);
                String flag = v[12 + k];
                Candidate cand = out.candidate(null, rec.line())
                        .set(Column.INDICATOR, INDICATORS[k])
                        .set(Column.REF_AREA, c.iso3().isEmpty() ? null : c.iso3(), "ISO-alpha3 Code", c.iso3())
                        .set(Column.TIME_PERIOD, "_Z")
                        .set(Column.SEX, Sex.TOTAL.code())
                        .set(Column.AGE, "_T")
                        .set(Column.UNIT, Unit.COUNT.code())
                        .set(Column.UNIT_MULT, "0")
                        .set(Column.OBS_STATUS, ObsStatus.NORMAL.code())
                        .set(Column.ORIGIN, origin)
                        .set(Column.AREA_NAME, c.name(), "Country or Area", c.name())
                        .note(where.toString());
                if (rec.fields().size() != h.size()) {
                    out.quarantine(cand, QuarantineReason.MALFORMED_ROW, null, null,
                            rec.fields().size() + " fields; expected " + h.size() + " as in the header");
                    continue;
                }
                String badCode = badCode(v, context);
                if (badCode != null) {
                    int col = Integer.parseInt(badCode.substring(0, badCode.indexOf(':')));
                    out.quarantine(cand, QuarantineReason.UNKNOWN_CODE, UnsdM49File.HEADER.get(col), v[col],
                            badCode.substring(badCode.indexOf(':') + 1));
                    continue;
                }
                if (!flag.isEmpty() && !UnsdM49File.flag(flag)) {
                    out.quarantine(cand, QuarantineReason.UNKNOWN_CODE, header, flag, "expected x or empty");
                    continue;
                }
                cand.set(Column.VALUE, flag.isEmpty() ? "0" : "1", header, flag);
                out.submit(cand);
            }
        };
    }

    /**
     * The first code of a row that is not a code, as "column index:what was expected", or null. M49 codes (area,
     * region, sub-region, intermediate region) are three digits (UNSD M49 standard); ISO 3166-1 alpha-2 codes are two
     * capital letters; an alpha-3 code is three capital letters and must name a country or area of the project's
     * classification (the geography generated from the M49 table): {@code ZZZ}, {@code dza} or {@code abc} are not
     * codes. Empty codes are left to the row check (a country without an ISO code is quarantined there).
     */
    static String badCode(String[] v, IngestContext context) {
        for (int col : new int[] {0, 2, 4, 6, 9}) {
            if (!v[col].isEmpty() && !v[col].matches("[0-9]{3}")) {
                return col + ":expected a three-digit M49 code";
            }
        }
        if (!v[10].isEmpty() && !v[10].matches("[A-Z]{2}")) {
            return "10:expected an ISO 3166-1 alpha-2 code (two capital letters)";
        }
        if (!v[11].isEmpty()) {
            if (!v[11].matches("[A-Z]{3}")) {
                return "11:expected an ISO 3166-1 alpha-3 code (three capital letters)";
            }
            if (context.names().geography().country(v[11]).isEmpty()) {
                return "11:not an ISO 3166-1 alpha-3 code of a country or area of the M49 classification";
            }
        }
        return null;
    }
}
