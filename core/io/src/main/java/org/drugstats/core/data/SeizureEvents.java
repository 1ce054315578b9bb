package org.drugstats.core.data;

import java.util.List;

import java.util.Locale;
import java.util.Optional;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Record-level seizure extracts: one row per seizure event, like the UNODC individual drug seizure (IDS)
 * records, from which country × drug × year totals (annex 7.1 style) are derived.
 *
 * <p>Columns: {@code event_id} (INT64, unique within a file), {@code ref_area} (ISO 3166 alpha-3),
 * {@code year} (INT32), {@code drug_group}, {@code drug_subgroup} (may be empty), {@code drug},
 * {@code kilograms} (DOUBLE, ≥ 0). Provenance is in the file metadata ({@value ParquetExtracts#META_ORIGINS});
 * {@value ParquetExtracts#META_SCHEMA} is {@value #SCHEMA_VERSION}.
 *
 * <p>Optional coded keys (issue 18): {@code area_code} and {@code drug_code} (INT32), the area's and the drug
 * combination's codes in the dictionary the file carries in its metadata ({@value #META_CODES},
 * {@link SeizureEventCodes}). A file is <i>coded</i> when it has both columns and the dictionary; then every row's
 * codes must stand for its names ({@link #checkRow(String, long, Long, String, Integer, String, String, String,
 * Double, Integer, Integer, SeizureEventCodes)}), and totals may be grouped by the integer codes instead of the
 * four strings, with the names attached afterwards. Files without them are read by their names, as before.
 *
 * <p>Totals are computed in whole milligrams ({@link #milligrams(double)}), with exact integer sums, so that
 * they do not depend on the order in which events are added (and so on partitioning).
 */
public final class SeizureEvents {

    /** Schema version written to and expected in the file metadata. */
    public static final String SCHEMA_VERSION = "drugstats-seizure-events/1";

    public static final String EVENT_ID = "event_id";
    public static final String REF_AREA = "ref_area";
    public static final String YEAR = "year";
    public static final String DRUG_GROUP = "drug_group";
    public static final String DRUG_SUBGROUP = "drug_subgroup";
    public static final String DRUG = "drug";
    public static final String KILOGRAMS = "kilograms";
    /** Optional: the area's code in the file's dictionary (its M49 code, see {@link SeizureEventCodes}). */
    public static final String AREA_CODE = "area_code";
    /** Optional: the drug combination's code in the file's dictionary (core's taxonomy code). */
    public static final String DRUG_CODE = "drug_code";
    /** File metadata key of the code dictionary of a coded file ({@link SeizureEventCodes#toJson()}). */
    public static final String META_CODES = "drugstats.seizure_codes";

    /** The optional coded-key columns. */
    public static final List<String> CODE_COLUMNS = List.of(AREA_CODE, DRUG_CODE);

    /** Column names in schema order. */
    public static final List<String> COLUMNS = List.of(EVENT_ID, REF_AREA, YEAR, DRUG_GROUP, DRUG_SUBGROUP, DRUG,
            KILOGRAMS);

    /** Smallest and largest year accepted. */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2100;

    private static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.INT64).named(EVENT_ID)
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(REF_AREA)
            .required(PrimitiveTypeName.INT32).named(YEAR)
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(DRUG_GROUP)
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(DRUG_SUBGROUP)
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(DRUG)
            .required(PrimitiveTypeName.DOUBLE).named(KILOGRAMS)
            .optional(PrimitiveTypeName.INT32).named(AREA_CODE)
            .optional(PrimitiveTypeName.INT32).named(DRUG_CODE)
            .named("seizure_event");

    private SeizureEvents() {
    }

    /** The Parquet schema of seizure-event files (with the optional code columns). */
    public static MessageType schema() {
        return SCHEMA;
    }

    /** Kilograms as whole milligrams (rounded half up); the unit in which totals are summed exactly. */
    public static long milligrams(double kilograms) {
        return Math.round(kilograms * 1e6);
    }

    /** Whole milligrams back to kilograms. */
    public static double kilograms(long milligrams) {
        return milligrams / 1e6;
    }

    /**
     * Checks one event. Returns the quarantine row when the event is unusable, empty when it is accepted.
     * Checks: event id present; ref_area three upper-case letters; year in [{@value #MIN_YEAR},
     * {@value #MAX_YEAR}]; drug group and drug not blank; kilograms a finite number ≥ 0 and below
     * 10^9 kg (a larger single seizure is a unit error). Duplicate event ids are a cross-row check done by the
     * caller (see {@link #duplicate}).
     *
     * <p>The quarantine row's canonical columns carry the event: ref_area, time_period (the year),
     * drug_group, drug_subgroup, drug, value (kilograms), unit {@code kg}, and the event id in
     * {@code source}.
     */
    public static Optional<QuarantineRow> checkRow(String file, long row, Long eventId, String refArea, Integer year,
            String drugGroup, String drugSubgroup, String drug, Double kilograms) {
        if (eventId == null) {
            return bad(file, row, EVENT_ID, null, QuarantineReason.MISSING_REQUIRED, "column 'event_id' is required",
                    canonical(eventId, refArea, year, drugGroup, drugSubgroup, drug, kilograms));
        }
        if (refArea == null || refArea.isBlank()) {
            return bad(file, row, REF_AREA, null, QuarantineReason.MISSING_REQUIRED, "column 'ref_area' is required",
                    canonical(eventId, refArea, year, drugGroup, drugSubgroup, drug, kilograms));
        }
        if (!isIso3(refArea)) {
            return bad(file, row, REF_AREA, refArea, QuarantineReason.UNKNOWN_CODE,
                    "expected an ISO 3166 alpha-3 code (three upper-case letters)",
                    canonical(eventId, refArea, year, drugGroup, drugSubgroup, drug, kilograms));
        }
        if (year == null) {
            return bad(file, row, YEAR, null, QuarantineReason.MISSING_REQUIRED, "column 'year' is required",
                    canonical(eventId, refArea, year, drugGroup, drugSubgroup, drug, kilograms));
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return bad(file, row, YEAR, year.toString(), QuarantineReason.OUT_OF_DOMAIN,
                    "expected a year in [" + MIN_YEAR + ", " + MAX_YEAR + "]",
                    canonical(eventId, refArea, year, drugGroup, drugSubgroup, drug, kilograms));
        }
        if (drugGroup == null || drugGroup.isBlank()) {
            return bad(file, row, DRUG_GROUP, null, QuarantineReason.MISSING_REQUIRED,
                    "column 'drug_group' is required",
                    canonical(eventId, refArea, year, drugGroup, drugSubgroup, drug, kilograms));
        }
        if (drug == null || drug.isBlank()) {
            return bad(file, row, DRUG, null, QuarantineReason.MISSING_REQUIRED, "column 'drug' is required",
                    canonical(eventId, refArea, year, drugGroup, drugSubgroup, drug, kilograms));
        }
        if (kilograms == null) {
            return bad(file, row, KILOGRAMS, null, QuarantineReason.MISSING_REQUIRED, "column 'kilograms' is required",
                    canonical(eventId, refArea, year, drugGroup, drugSubgroup, drug, kilograms));
        }
        if (!Double.isFinite(kilograms)) {
            return bad(file, row, KILOGRAMS, kilograms.toString(), QuarantineReason.NON_NUMERIC,
                    "expected a finite number of kilograms",
                    canonical(eventId, refArea, year, drugGroup, drugSubgroup, drug, kilograms));
        }
        if (!(kilograms >= 0 && kilograms < 1e9)) {
            return bad(file, row, KILOGRAMS, number(kilograms), QuarantineReason.OUT_OF_DOMAIN,
                    "expected kilograms in [0, 1e9)",
                    canonical(eventId, refArea, year, drugGroup, drugSubgroup, drug, kilograms));
        }
        return Optional.empty();
    }

    /**
     * Checks one event of a coded file: {@link #checkRow(String, long, Long, String, Integer, String, String,
     * String, Double) the event's checks}, then, when {@code codes} is not null, that {@code area_code} and
     * {@code drug_code} are present, listed in the file's dictionary and stand for the row's own names (exactly:
     * the ref_area, and the drug group, sub-group — null for null — and drug). A code that stands for other names
     * is quarantined as {@link QuarantineReason#CODE_MISMATCH}: a wrong code must not move an event to another
     * total when totals are grouped by codes.
     *
     * @param codes the file's dictionary, null for a file read by its names (the codes are then ignored)
     */
    public static Optional<QuarantineRow> checkRow(String file, long row, Long eventId, String refArea, Integer year,
            String drugGroup, String drugSubgroup, String drug, Double kilograms, Integer areaCode, Integer drugCode,
            SeizureEventCodes codes) {
        Optional<QuarantineRow> q = checkRow(file, row, eventId, refArea, year, drugGroup, drugSubgroup, drug,
                kilograms);
        if (q.isPresent() || codes == null) {
            return q;
        }
        String[] c = canonical(eventId, refArea, year, drugGroup, drugSubgroup, drug, kilograms);
        if (areaCode == null) {
            return bad(file, row, AREA_CODE, null, QuarantineReason.MISSING_REQUIRED,
                    "column 'area_code' is required: the file's metadata '" + META_CODES + "' declares it coded", c);
        }
        String area = codes.areas().get(areaCode);
        if (area == null) {
            return bad(file, row, AREA_CODE, areaCode.toString(), QuarantineReason.UNKNOWN_CODE,
                    "expected an area code of the file's dictionary (metadata '" + META_CODES + "')", c);
        }
        if (!area.equals(refArea)) {
            return bad(file, row, AREA_CODE, areaCode.toString(), QuarantineReason.CODE_MISMATCH,
                    "area_code " + areaCode + " stands for '" + area + "' in the file's dictionary; the row's ref_area is '"
                            + refArea + "'", c);
        }
        if (drugCode == null) {
            return bad(file, row, DRUG_CODE, null, QuarantineReason.MISSING_REQUIRED,
                    "column 'drug_code' is required: the file's metadata '" + META_CODES + "' declares it coded", c);
        }
        SeizureEventCodes.Drug d = codes.drugs().get(drugCode);
        if (d == null) {
            return bad(file, row, DRUG_CODE, drugCode.toString(), QuarantineReason.UNKNOWN_CODE,
                    "expected a drug code of the file's dictionary (metadata '" + META_CODES + "')", c);
        }
        if (!d.group().equals(drugGroup) || !java.util.Objects.equals(d.subgroup(), drugSubgroup)
                || !d.drug().equals(drug)) {
            return bad(file, row, DRUG_CODE, drugCode.toString(), QuarantineReason.CODE_MISMATCH,
                    "drug_code " + drugCode + " stands for '" + d.group() + " / " + (d.subgroup() == null ? "" : d.subgroup())
                            + " / " + d.drug() + "' in the file's dictionary; the row's names are '" + drugGroup + " / "
                            + (drugSubgroup == null ? "" : drugSubgroup) + " / " + drug + "'", c);
        }
        return Optional.empty();
    }

    /** The quarantine row of an event whose id repeats the event at {@code firstRow}. */
    public static QuarantineRow duplicate(String file, long row, long firstRow, Long eventId, String refArea,
            Integer year, String drugGroup, String drugSubgroup, String drug, Double kilograms) {
        return new QuarantineRow(file, null, row, EVENT_ID, String.valueOf(eventId), QuarantineReason.DUPLICATE_KEY,
                "same event_id as row " + firstRow,
                canonical(eventId, refArea, year, drugGroup, drugSubgroup, drug, kilograms));
    }

    private static String[] canonical(Long eventId, String refArea, Integer year, String drugGroup, String drugSubgroup,
            String drug, Double kilograms) {
        String[] c = new String[Column.values().length];
        c[Column.INDICATOR.ordinal()] = "seizure_event";
        c[Column.REF_AREA.ordinal()] = refArea;
        c[Column.TIME_PERIOD.ordinal()] = year == null ? null : year.toString();
        c[Column.SEX.ordinal()] = Sex.TOTAL.code();
        c[Column.AGE.ordinal()] = "_T";
        c[Column.VALUE.ordinal()] = kilograms == null ? null : number(kilograms);
        c[Column.UNIT.ordinal()] = Unit.KILOGRAMS.code();
        c[Column.UNIT_MULT.ordinal()] = "0";
        c[Column.SOURCE.ordinal()] = eventId == null ? null : "event " + eventId;
        c[Column.DRUG.ordinal()] = drug;
        c[Column.DRUG_GROUP.ordinal()] = drugGroup;
        c[Column.DRUG_SUBGROUP.ordinal()] = drugSubgroup;
        return c;
    }

    /** Three upper-case ASCII letters (the form of an ISO 3166 alpha-3 code); no regular expression per row. */
    private static boolean isIso3(String s) {
        return s.length() == 3 && upper(s.charAt(0)) && upper(s.charAt(1)) && upper(s.charAt(2));
    }

    private static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static String number(double d) {
        return Double.isFinite(d) ? Observation.number(d) : Double.toString(d).toLowerCase(Locale.ROOT);
    }

    private static Optional<QuarantineRow> bad(String file, long row, String column, String value,
            QuarantineReason reason, String detail, String[] canonical) {
        return Optional.of(new QuarantineRow(file, null, row, column, value, reason, detail, canonical));
    }
}
