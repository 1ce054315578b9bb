package org.drugstats.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.QuarantineReason;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;
import org.drugstats.core.io.CsvTable;

/**
 * EUDA waste-water analysis and drugs (European Union Drugs Agency with the SCORE network; CC BY 4.0): daily mass
 * loads of drug residues in the influent of waste-water treatment plants, in mg per 1,000 people served per day,
 * per site, metabolite and year (one sampling week a year, seven 24-hour composite samples Wednesday to Tuesday).
 *
 * <p>Observations per data row, all with {@code ref_area} the country (ISO 3166 alpha-3 from the file's alpha-2),
 * {@code sub_area} the EUDA site id ({@code AT001}), {@code area_name} the city, {@code drug} the drug and
 * {@code drug_subgroup} the residue measured (benzoylecgonine for cocaine, THC-COOH for cannabis, the parent
 * compound otherwise), unit {@code mg-per-1000-per-day}:
 * <ul>
 *   <li>{@code wastewater_mass_load}: the published daily mean (the mean of the days sampled);</li>
 *   <li>{@code wastewater_mass_load_weekday_mean} and {@code wastewater_mass_load_weekend_mean}: the published
 *       means; in this file the weekend mean is the mean of the Friday, Saturday, Sunday and Monday samples (each
 *       sample covers 24 hours from the morning of its day, so these hold the weekend's consumption) and the
 *       weekday mean that of Tuesday to Thursday — checked on every complete row, reported in a warning;</li>
 *   <li>{@code wastewater_mass_load_day}: the load of one sampled day, the day ({@code wednesday} …) in
 *       {@code method}.</li>
 * </ul>
 * An empty day is a day not sampled: counted, not read. A country code that is not ISO 3166 alpha-2 (the file
 * writes {@code H} for Debrecen's site H001) is quarantined as {@code unknown-code}, not guessed. A daily mean that
 * differs from the mean of the published days by more than the rounding (0.01) is kept as published, noted, and
 * counted in a warning (the publisher's mean may weight the days it has differently).
 *
 * <p>A row read is one published value (a day or a mean) of a data row.
 */
public final class EudaWastewaterKind extends CsvIngestKind {

    static final String NAME = "euda-wastewater";
    /** The days in file order (the sampling week starts on Wednesday). */
    static final List<String> DAYS = List.of("Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Monday",
            "Tuesday");
    private static final List<String> WEEKEND = List.of("Friday", "Saturday", "Sunday", "Monday");
    private static final List<String> WEEKDAY = List.of("Tuesday", "Wednesday", "Thursday");
    /** Drug and residue measured, by the file's Metabolite label. */
    static final Map<String, String[]> METABOLITES = Map.of(
            "cocaine", new String[] {"cocaine", "benzoylecgonine"},
            "cannabis", new String[] {"cannabis", "THC-COOH"},
            "amphetamine", new String[] {"amphetamine", "amphetamine"},
            "methamphetamine", new String[] {"methamphetamine", "methamphetamine"},
            "mdma", new String[] {"MDMA", "MDMA"},
            "ketamine", new String[] {"ketamine", "ketamine"});

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "EUDA waste-water analysis: daily mass loads per site, metabolite and year with the weekdays";
    }

    @Override
    public String rowUnit() {
        return "value: one published value (a sampled day, the weekday, weekend or daily mean) of a data row";
    }

    @Override
    void shape(CsvTable table) {
        List<String> h = new ArrayList<>(List.of("Year", "Metabolite", "Site ID", "Country", "City"));
        h.addAll(DAYS);
        h.addAll(List.of("Weekday mean", "Weekend mean", "Daily mean"));
        requireHeader(table, NAME, h);
    }

    @Override
    Origin origin(SourceFile file) {
        return euda(NAME, file, "Wastewater analysis and drugs: data (daily mass loads per city, 2011-2024)");
    }

    static Origin euda(String kind, SourceFile file, String title) {
        return IngestSupport.origin(kind, file, "European Union Drugs Agency (EUDA)", "EUDA, " + title,
                "European Union Drugs Agency (EUDA) and the SCORE network, " + title + ", 2025 release ("
                        + file.name() + "). Licensed under CC BY 4.0.",
                "https://www.euda.europa.eu/publications/html/pods/waste-water-analysis_en", "CC BY 4.0", "2025");
    }

    @Override
    RowParser rowParser(CsvTable table, SourceFile file, IngestContext context, IngestCollector out) {
        return new Rows(table, origin(file).id(), Iso2.of(context), out);
    }

    /** The rows of one file: each row read on its own; the counts of the whole file kept for {@link #end()}. */
    private static final class Rows implements RowParser {
        private final CsvTable table;
        private final String origin;
        private final Iso2 iso2;
        private final IngestCollector out;
        private final int h;
        private long emptyCells;
        private long meanMismatch;
        private String firstMismatch;
        private long complete;
        private long weekendAsFriMon;
        private long weekdayAsTueThu;

        Rows(CsvTable table, String origin, Iso2 iso2, IngestCollector out) {
            this.table = table;
            this.origin = origin;
            this.iso2 = iso2;
            this.out = out;
            this.h = table.header().size();
            out.skipped("header rows", 1);
        }

        @Override
        public void row(CsvTable.Row rec) {
            String year = text(rec, table, "Year");
            String metabolite = text(rec, table, "Metabolite");
            String site = text(rec, table, "Site ID");
            String country = text(rec, table, "Country");
            String city = text(rec, table, "City");
            String[] drug = METABOLITES.get(metabolite.toLowerCase(Locale.ROOT));
            String iso3 = iso2.iso3(country);
            double[] day = new double[DAYS.size()];
            int sampled = 0;
            double sum = 0;
            for (int d = 0; d < DAYS.size(); d++) {
                day[d] = number(text(rec, table, DAYS.get(d)));
                if (!Double.isNaN(day[d])) {
                    sampled++;
                    sum += day[d];
                }
            }
            String mismatch = null;
            double daily = number(text(rec, table, "Daily mean"));
            if (sampled > 0 && !Double.isNaN(daily) && Math.abs(sum / sampled - daily) > 0.01 + 1e-9) {
                mismatch = String.format(Locale.ROOT, "daily mean differs from the mean of the %d published days "
                        + "(%.4f)", sampled, sum / sampled);
                meanMismatch++;
                firstMismatch = firstMismatch == null ? "line " + rec.line() + ": " + mismatch : firstMismatch;
            }
            if (sampled == DAYS.size()) {
                complete++;
                if (close(mean(day, WEEKEND), number(text(rec, table, "Weekend mean")))) {
                    weekendAsFriMon++;
                }
                if (close(mean(day, WEEKDAY), number(text(rec, table, "Weekday mean")))) {
                    weekdayAsTueThu++;
                }
            }
            List<String[]> cells = new ArrayList<>();
            cells.add(new String[] {"wastewater_mass_load", "Daily mean", null});
            cells.add(new String[] {"wastewater_mass_load_weekday_mean", "Weekday mean", null});
            cells.add(new String[] {"wastewater_mass_load_weekend_mean", "Weekend mean", null});
            for (String d : DAYS) {
                cells.add(new String[] {"wastewater_mass_load_day", d, d.toLowerCase(Locale.ROOT)});
            }
            for (String[] cell : cells) {
                String value = text(rec, table, cell[1]);
                if (value.isEmpty() && rec.fields().size() == h) {
                    emptyCells++;
                    continue;
                }
                out.read();
                Candidate c = out.candidate(null, rec.line())
                        .set(Column.INDICATOR, cell[0])
                        .set(Column.REF_AREA, iso3, "Country", country)
                        .set(Column.TIME_PERIOD, IngestSupport.period(year).orElse(null), "Year", year)
                        .set(Column.SEX, Sex.TOTAL.code())
                        .set(Column.AGE, "_T")
                        .set(Column.VALUE, value.isEmpty() ? null : value, cell[1], value)
                        .set(Column.UNIT, Unit.MG_PER_1000_PER_DAY.code())
                        .set(Column.UNIT_MULT, "0")
                        .set(Column.OBS_STATUS, ObsStatus.NORMAL.code())
                        .set(Column.SOURCE, "EUDA/SCORE waste-water monitoring campaign")
                        .set(Column.METHOD, cell[2])
                        .set(Column.AREA_NAME, city.isEmpty() ? null : city, "City", city)
                        .set(Column.SUB_AREA, site.isEmpty() ? null : site, "Site ID", site)
                        .set(Column.ORIGIN, origin);
                if (drug != null) {
                    c.set(Column.DRUG, drug[0], "Metabolite", metabolite).set(Column.DRUG_SUBGROUP, drug[1]);
                }
                if (mismatch != null && cell[0].equals("wastewater_mass_load")) {
                    c.note(mismatch);
                }
                if (rec.fields().size() != h) {
                    out.quarantine(c, QuarantineReason.MALFORMED_ROW, null, null,
                            rec.fields().size() + " fields; expected " + h + " as in the header");
                    continue;
                }
                if (drug == null) {
                    out.quarantine(c, QuarantineReason.UNKNOWN_CODE, "Metabolite", metabolite,
                            "expected one of cocaine, cannabis, amphetamine, methamphetamine, MDMA, ketamine");
                    continue;
                }
                if (iso3 == null) {
                    out.quarantine(c, QuarantineReason.UNKNOWN_CODE, "Country", country, "'" + country
                            + "' is not an ISO 3166 alpha-2 code (site " + site + ", " + city + "); not guessed");
                    continue;
                }
                if (site.isEmpty()) {
                    out.quarantine(c, QuarantineReason.MISSING_REQUIRED, "Site ID", site, "expected a site id");
                    continue;
                }
                if (IngestSupport.period(year).isEmpty()) {
                    out.quarantine(c, QuarantineReason.MALFORMED_ROW, "Year", year, "expected a year such as 2024");
                    continue;
                }
                out.submit(c);
            }
        }

        @Override
        public void end() {
            out.skipped("empty cells: days not sampled (and means not published)", emptyCells);
            out.warn("weekend mean = mean of the Friday-Monday samples in %d of %d rows with all seven days; weekday "
                    + "mean = mean of Tuesday-Thursday in %d", weekendAsFriMon, complete, weekdayAsTueThu);
            if (meanMismatch > 0) {
                out.warn("%d daily means differ from the mean of their published days by more than 0.01; kept as "
                        + "published and noted (first: %s)", meanMismatch, firstMismatch);
            }
        }
    }

    private static boolean close(double a, double b) {
        return !Double.isNaN(a) && !Double.isNaN(b) && Math.abs(a - b) <= 0.01 + 1e-9;
    }

    private static double mean(double[] day, List<String> days) {
        double s = 0;
        for (String d : days) {
            s += day[DAYS.indexOf(d)];
        }
        return s / days.size();
    }

    static double number(String s) {
        if (s == null || s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String text(CsvTable.Row rec, CsvTable table, String column) {
        int i = table.index(column);
        String s = i < 0 ? null : rec.get(i);
        return s == null ? "" : s.replace('\u00a0', ' ').strip();
    }

    /** ISO 3166 alpha-2 to alpha-3 over the geography's countries. */
    record Iso2(Map<String, String> toIso3) {
        static Iso2 of(IngestContext context) {
            Map<String, String> m = new java.util.HashMap<>();
            for (var c : context.names().geography().countries()) {
                if (c.iso2() != null && !c.iso2().isBlank()) {
                    m.put(c.iso2().toUpperCase(Locale.ROOT), c.iso3());
                }
            }
            return new Iso2(Map.copyOf(m));
        }

        String iso3(String iso2) {
            return iso2 == null ? null : toIso3.get(iso2.strip().toUpperCase(Locale.ROOT));
        }
    }
}
