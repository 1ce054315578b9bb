package org.drugstats.core.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.drugstats.core.data.Sex;
import org.drugstats.core.geo.NameNormaliser;

/**
 * The layout of one sheet of World Drug Report annex table 10.1 (drug-related crimes), found by its header row's
 * content ({@link UnodcAnnexCrimesKind}): either a <em>long</em> table of persons (one row per country, type of
 * offence, year and drug; value columns Total / Males / Females / Unknown / Adults / Juveniles) or a <em>wide</em>
 * table of offences (one row per country and year; one value column per type of offence and a calculated total).
 *
 * @param sheet the sheet
 * @param header the header row
 * @param cols the label columns by role ({@code country}, {@code offence}, {@code year}, {@code specify},
 *     {@code drug}, {@code region}, {@code subregion})
 * @param values the value columns, in column order
 * @param wide true for the table of offences by type (no type-of-offence column)
 */
record CrimeTable(XlsxSheet sheet, XlsxRow header, Map<String, Integer> cols, List<ValueCol> values, boolean wide) {

    /** Types of offence: the code in the indicator name and how the annex names them. */
    enum Offence {
        USE_POSSESSION("use_possession", "offences related to drug use and/or drug possession"),
        TRAFFICKING("trafficking", "offences related to drug trafficking"),
        OTHER("other", "other drug-related offences"),
        TOTAL("total", "all drug-related offences (the annex's calculated total)");

        private final String code;
        private final String label;

        Offence(String code, String label) {
            this.code = code;
            this.label = label;
        }

        String code() {
            return code;
        }

        String label() {
            return label;
        }

        /**
         * The type of offence a label names: "use" or "possession" (also "consumption"), "trafficking" (also
         * "supply", "production"), "other", "total"; null for anything else. Footnote letters are ignored.
         */
        static Offence of(String text) {
            String k = key(NameNormaliser.splitFootnote(NameNormaliser.clean(text)).map(NameNormaliser.Footnoted::name)
                    .orElse(NameNormaliser.clean(text)));
            if (k.contains("possession") || k.equals("use") || k.contains("druguse") || k.contains("consumption")
                    || k.contains("personaluse")) {
                return USE_POSSESSION;
            }
            if (k.contains("traffick") || k.contains("supply") || k.contains("production")) {
                return TRAFFICKING;
            }
            if (k.startsWith("other")) {
                return OTHER;
            }
            if (k.equals("total") || k.equals("calculatedtotal") || k.startsWith("totaldrugrelated")
                    || k.equals("alloffences")) {
                return TOTAL;
            }
            return null;
        }
    }

    /**
     * One value column.
     *
     * @param col its 0-based column
     * @param header its label as published
     * @param sex the sex it counts
     * @param age {@code _T}, {@code adults} or {@code juveniles}
     * @param offence the type of offence of a wide table's column; null in a long table (the row says it)
     */
    record ValueCol(int col, String header, Sex sex, String age, Offence offence) {

        /** What the column counts, in words independent of its header's spelling (for notes). */
        String label() {
            if (offence != null) {
                return offence == Offence.TOTAL ? "calculated total" : offence.code().replace('_', '/') + " offences";
            }
            if (!age.equals("_T")) {
                return age;
            }
            return switch (sex) {
                case TOTAL -> "total";
                case MALE -> "males";
                case FEMALE -> "females";
                case UNKNOWN -> "unknown or other sex";
            };
        }

        /** The canonical order of value columns, whatever their order in the sheet. */
        int rank() {
            return offence != null ? offence.ordinal() : age.equals("_T") ? sex.ordinal() : age.equals("adults") ? 10 : 11;
        }
    }

    /** A header label reduced to its letters, lower case. */
    static String key(String text) {
        return NameNormaliser.clean(text).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    /** The role of a label column's header, or null. */
    static String labelRole(String text) {
        String k = key(text);
        if (k.startsWith("country") || k.equals("msname") || k.startsWith("memberstate") || k.equals("area")) {
            return "country";
        }
        if (k.startsWith("typeofoffen") || k.startsWith("offencetype") || k.startsWith("offensetype")
                || k.equals("offence") || k.equals("offense") || k.startsWith("typeofcrime")) {
            return "offence";
        }
        if (k.startsWith("specify") || k.equals("yearnote") || k.equals("yearspecified")) {
            return "specify";
        }
        return switch (k) {
            case "year", "referenceyear", "yearofdata", "reportingyear" -> "year";
            case "drugs", "drug", "druggroup", "drugtype", "substance", "typeofdrug" -> "drug";
            case "region" -> "region";
            case "subregion" -> "subregion";
            default -> null;
        };
    }

    /** The sex and age a long table's value column counts, by its header; null when the header names none. */
    static ValueCol personsCol(int col, String text) {
        String k = key(text);
        if (k.startsWith("unknown") || k.contains("intersex") || k.equals("othersex")) {
            return new ValueCol(col, NameNormaliser.clean(text), Sex.UNKNOWN, "_T", null);
        }
        return switch (k) {
            case "total", "totalpersons", "persons", "all", "bothsexes" ->
                    new ValueCol(col, NameNormaliser.clean(text), Sex.TOTAL, "_T", null);
            case "males", "male", "men" -> new ValueCol(col, NameNormaliser.clean(text), Sex.MALE, "_T", null);
            case "females", "female", "women" -> new ValueCol(col, NameNormaliser.clean(text), Sex.FEMALE, "_T", null);
            case "adults", "adult" -> new ValueCol(col, NameNormaliser.clean(text), Sex.TOTAL, "adults", null);
            case "juveniles", "juvenile", "minors", "youth" ->
                    new ValueCol(col, NameNormaliser.clean(text), Sex.TOTAL, "juveniles", null);
            default -> null;
        };
    }

    /** The column of a role, or -1. */
    int col(String role) {
        return cols.getOrDefault(role, -1);
    }

    /** A one-line description of the layout, for {@code --explain} and errors. */
    String describe() {
        List<String> v = new ArrayList<>();
        for (ValueCol c : values) {
            v.add(c.header() + " -> " + (c.offence() != null ? "offences " + c.offence().code()
                    : "persons sex " + c.sex().code() + " age " + c.age()));
        }
        return (wide ? "offences by type (wide)" : "persons by type of offence (long)") + ", header row "
                + header.number() + ", label columns " + cols + ", values " + v;
    }

    /**
     * The table on a sheet: the first of its first 12 non-blank rows that has a country and a year column, and either
     * a type-of-offence column with at least one persons column (long) or at least one column per type of offence
     * (wide).
     */
    static Optional<CrimeTable> find(XlsxSheet sheet) {
        int seen = 0;
        for (XlsxRow row : sheet.head()) {
            if (seen++ >= 12) {
                break;
            }
            Map<String, Integer> cols = new LinkedHashMap<>();
            List<ValueCol> persons = new ArrayList<>();
            List<ValueCol> offences = new ArrayList<>();
            for (int c = 0; c < row.width(); c++) {
                XlsxCell cell = row.cell(c);
                if (cell.isBlank() || cell.isNumber()) {
                    continue;
                }
                String role = labelRole(cell.text());
                if (role != null) {
                    cols.putIfAbsent(role, c);
                    continue;
                }
                ValueCol p = personsCol(c, cell.text());
                if (p != null && persons.stream().noneMatch(x -> x.sex() == p.sex() && x.age().equals(p.age()))) {
                    persons.add(p);
                }
                Offence o = Offence.of(cell.text());
                if (o != null && offences.stream().noneMatch(x -> x.offence() == o)) {
                    offences.add(new ValueCol(c, NameNormaliser.clean(cell.text()), Sex.TOTAL, "_T", o));
                }
            }
            if (!cols.containsKey("country") || !cols.containsKey("year")) {
                continue;
            }
            persons.sort(java.util.Comparator.comparingInt(ValueCol::rank));
            offences.sort(java.util.Comparator.comparingInt(ValueCol::rank));
            if (cols.containsKey("offence") && !persons.isEmpty()) {
                return Optional.of(new CrimeTable(sheet, row, cols, persons, false));
            }
            if (!cols.containsKey("offence") && offences.stream().anyMatch(o -> o.offence() != Offence.TOTAL)) {
                return Optional.of(new CrimeTable(sheet, row, cols, offences, true));
            }
        }
        return Optional.empty();
    }
}
