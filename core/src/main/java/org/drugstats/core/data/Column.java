package org.drugstats.core.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The canonical long schema of an extract: one row per observation, keyed like SDMX.
 *
 * <p>The first thirteen columns are the contract named in the project's issues and documented in
 * {@code data/README.md}; the remaining ones carry the attributes published tables add (drug, method
 * and adjustment codes, unit multiplier, quality flags, the area name as published, the number of a record when
 * a table publishes several for one key). New columns are added at the end, so that the order of the others
 * stays. Column names are exactly {@link #columnName()}; use these constants rather than strings.
 */
public enum Column {
    INDICATOR("indicator", Type.STRING, false, "Indicator id (see the catalog's indicator definitions)"),
    REF_AREA("ref_area", Type.STRING, false,
            "Reference area: ISO 3166 alpha-3 for countries, region codes (UNODC_*, M49_*) or WLD"),
    TIME_PERIOD("time_period", Type.STRING, false, "Year (2021), fiscal year (2010/11) or period (2015-2017)"),
    SEX("sex", Type.STRING, false, "SDMX sex code: T, M or F"),
    AGE("age", Type.STRING, false, "Age group as published or surveyed: 15-64, 12+, 18-64, _T (all ages)"),
    VALUE("value", Type.DOUBLE, true, "Observation value in unit × 10^unit_mult; empty only when obs_status is missing"),
    LOWER("lower", Type.DOUBLE, true, "Lower bound of the published range, if any"),
    UPPER("upper", Type.DOUBLE, true, "Upper bound of the published range, if any"),
    UNIT("unit", Type.STRING, false, "Unit code (percent, persons, hectares, kg, ...)"),
    OBS_STATUS("obs_status", Type.STRING, false, "normal, estimated, imputed, provisional or missing"),
    SOURCE("source", Type.STRING, true, "Source of the value as published (survey, report)"),
    NOTES("notes", Type.STRING, true, "Notes, footnotes as published"),
    ORIGIN("origin", Type.STRING, false, "Id of the dataset the row came from; its provenance is in the file metadata"),
    UNIT_MULT("unit_mult", Type.INT, false, "Unit multiplier, a power of ten (SDMX UNIT_MULT)"),
    DRUG("drug", Type.STRING, true, "Drug or substance, where the indicator is broken down by drug"),
    DRUG_GROUP("drug_group", Type.STRING, true, "Drug group (seizures: annex 7.1 DrugGroup)"),
    DRUG_SUBGROUP("drug_subgroup", Type.STRING, true, "Drug sub-group (seizures: annex 7.1 DrugSubGroup)"),
    METHOD("method", Type.STRING, true, "Method or source-type code as published (HHS, SS, I, R, A, ...)"),
    ADJUSTMENT("adjustment", Type.STRING, true, "Adjustment codes as published (a, e, g, ...)"),
    OBS_FLAGS("obs_flags", Type.STRING, true, "Quality flags, codes joined by ';'"),
    AREA_NAME("area_name", Type.STRING, true, "The area name exactly as published (before mapping)"),
    RECORD("record", Type.STRING, true, "Sequence number of a published record when a table publishes several "
            + "records for one key; empty otherwise"),
    SUB_AREA("sub_area", Type.STRING, true, "Sub-national area within ref_area: an ISO 3166-2 subdivision (US-AL) or a "
            + "monitoring site id (EUDA waste-water site AT001); empty for the whole ref_area"),
    STD_ERROR("std_error", Type.DOUBLE, true, "Standard error of the value as published (same unit), if any");

    /** Physical type of a column. */
    public enum Type {
        STRING,
        DOUBLE,
        INT
    }

    private static final List<Column> REQUIRED_CONTRACT = List.of(INDICATOR, REF_AREA, TIME_PERIOD, SEX, AGE,
            VALUE, LOWER, UPPER, UNIT, OBS_STATUS, SOURCE, NOTES, ORIGIN);

    private final String columnName;
    private final Type type;
    private final boolean nullable;
    private final String description;

    Column(String columnName, Type type, boolean nullable, String description) {
        this.columnName = columnName;
        this.type = type;
        this.nullable = nullable;
        this.description = description;
    }

    /** The column's name in Parquet, CSV and Tablesaw tables. */
    public String columnName() {
        return columnName;
    }

    /** The column's physical type. */
    public Type type() {
        return type;
    }

    /** Whether the column may be empty. */
    public boolean nullable() {
        return nullable;
    }

    /** One-line description for documentation. */
    public String description() {
        return description;
    }

    /**
     * Columns added after extracts were first published ({@link #SUB_AREA}, {@link #STD_ERROR}): an extract writes
     * them only when one of its rows has a value in them, so that extracts without sub-national areas or standard
     * errors keep their columns and bytes; readers take an absent optional column as empty.
     */
    public boolean writtenOnlyWhenUsed() {
        return this == SUB_AREA || this == STD_ERROR;
    }

    /** The columns to write for rows whose text in column c is given by {@code text}: see {@link #writtenOnlyWhenUsed}. */
    public static <T> List<Column> written(java.util.Collection<T> rows,
            java.util.function.BiFunction<T, Column, String> text) {
        // one pass over the rows (they may be read from disk): a column is used once a row has a value in it
        boolean[] used = new boolean[values().length];
        List<Column> open = new java.util.ArrayList<>();
        for (Column c : values()) {
            used[c.ordinal()] = !c.writtenOnlyWhenUsed();
            if (c.writtenOnlyWhenUsed()) {
                open.add(c);
            }
        }
        for (java.util.Iterator<T> it = rows.iterator(); it.hasNext() && !open.isEmpty();) {
            T r = it.next();
            open.removeIf(c -> {
                if (text.apply(r, c) != null) {
                    used[c.ordinal()] = true;
                    return true;
                }
                return false;
            });
        }
        List<Column> out = new java.util.ArrayList<>();
        for (Column c : values()) {
            if (used[c.ordinal()]) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    /** The thirteen columns every extract has (the contract of the issues). */
    public static List<Column> contract() {
        return REQUIRED_CONTRACT;
    }

    /** All columns in schema order. */
    public static List<Column> all() {
        return List.of(values());
    }

    /** The column with this name, if any. */
    public static Optional<Column> byName(String name) {
        return Arrays.stream(values()).filter(c -> c.columnName.equals(name)).findFirst();
    }
}
