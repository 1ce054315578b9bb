package org.drugstats.core.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drugstats.core.DrugstatsException;

/**
 * Row-level validation of extracts: turns raw rows (canonical columns as text) into observations, or into
 * quarantine rows that name the file, row, column and value and say what was expected.
 *
 * <p>Checks, in order: required columns present; codes known (sex, unit, obs_status, quality flags);
 * numbers parse (value, lower, upper, unit_mult; "NaN" and "Infinity" are not numbers here); a value is
 * present exactly when the status is not missing; value, lower and upper lie in the unit's domain
 * (a negative count, a prevalence above 100%); lower ≤ value ≤ upper unless the row carries
 * {@link QualityFlag#BEST_OUTSIDE_BOUNDS} (the publisher's own inconsistency, kept and flagged); a record number,
 * when given, is a whole number from 1 written without leading zeros, and is given exactly on the rows flagged
 * {@link QualityFlag#MULTIPLE_RECORDS}; and, across rows, no two rows share an {@link ObservationKey} (the record
 * number included; the second and later are quarantined).
 *
 * <p>The per-row check {@link #checkRow} is a pure function, so that the Spark jobs use the same code per
 * partition and then detect duplicates with a group-by on the key columns.
 */
public final class ExtractValidator {

    private ExtractValidator() {
    }

    /** Outcome of checking one row: exactly one of the two is present. */
    public record RowCheck(Optional<Observation> observation, Optional<QuarantineRow> quarantine) {
        static RowCheck ok(Observation o) {
            return new RowCheck(Optional.of(o), Optional.empty());
        }

        static RowCheck bad(QuarantineRow q) {
            return new RowCheck(Optional.empty(), Optional.of(q));
        }

        /** True when the row was accepted. */
        public boolean accepted() {
            return observation.isPresent();
        }
    }

    /**
     * Checks one raw row.
     *
     * @param file the input's name, for messages
     * @param row the 1-based row number
     * @param raw the canonical values as text, indexed by {@link Column#ordinal()}; null or blank is empty
     */
    public static RowCheck checkRow(String file, long row, String[] raw) {
        String[] v = new String[Column.values().length];
        for (int i = 0; i < v.length; i++) {
            String s = raw[i];
            v[i] = (s == null || s.isBlank()) ? null : s.strip();
        }
        for (Column c : Column.values()) {
            if (!c.nullable() && v[c.ordinal()] == null && c != Column.UNIT_MULT) {
                return bad(file, row, v, c, null, QuarantineReason.MISSING_REQUIRED,
                        "column '" + c.columnName() + "' is required");
            }
        }
        Sex sex;
        Unit unit;
        ObsStatus status;
        Set<QualityFlag> flags;
        try {
            sex = Sex.ofCode(v[Column.SEX.ordinal()]);
        } catch (DrugstatsException e) {
            return bad(file, row, v, Column.SEX, v[Column.SEX.ordinal()], QuarantineReason.UNKNOWN_CODE, e.getMessage());
        }
        Optional<Unit> u = Unit.find(v[Column.UNIT.ordinal()]);
        if (u.isEmpty()) {
            return bad(file, row, v, Column.UNIT, v[Column.UNIT.ordinal()], QuarantineReason.UNKNOWN_CODE,
                    "unknown unit; expected a code of org.drugstats.core.data.Unit");
        }
        unit = u.get();
        try {
            status = ObsStatus.ofCode(v[Column.OBS_STATUS.ordinal()]);
        } catch (DrugstatsException e) {
            return bad(file, row, v, Column.OBS_STATUS, v[Column.OBS_STATUS.ordinal()], QuarantineReason.UNKNOWN_CODE,
                    e.getMessage());
        }
        try {
            flags = QualityFlag.parseAll(v[Column.OBS_FLAGS.ordinal()]);
        } catch (DrugstatsException e) {
            return bad(file, row, v, Column.OBS_FLAGS, v[Column.OBS_FLAGS.ordinal()], QuarantineReason.UNKNOWN_CODE,
                    e.getMessage());
        }
        String record = v[Column.RECORD.ordinal()];
        if (record != null && !record.matches("[1-9][0-9]{0,8}")) {
            return bad(file, row, v, Column.RECORD, record, QuarantineReason.NON_NUMERIC,
                    "expected a record number 1, 2, 3, ...");
        }
        if ((record != null) != flags.contains(QualityFlag.MULTIPLE_RECORDS)) {
            return bad(file, row, v, record == null ? Column.OBS_FLAGS : Column.RECORD,
                    record == null ? v[Column.OBS_FLAGS.ordinal()] : record, QuarantineReason.MALFORMED_ROW,
                    record == null ? "flag multiple-records without a record number; expected both or neither"
                            : "record number without the flag multiple-records; expected both or neither");
        }
        Double[] nums = new Double[4];
        Column[] numCols = {Column.VALUE, Column.LOWER, Column.UPPER, Column.STD_ERROR};
        for (int i = 0; i < 4; i++) {
            String s = v[numCols[i].ordinal()];
            if (s != null) {
                Double d = parseNumber(s);
                if (d == null) {
                    return bad(file, row, v, numCols[i], s, QuarantineReason.NON_NUMERIC, "expected a number");
                }
                nums[i] = d;
            }
        }
        int unitMult = 0;
        String um = v[Column.UNIT_MULT.ordinal()];
        if (um != null) {
            try {
                unitMult = Integer.parseInt(um);
            } catch (NumberFormatException e) {
                return bad(file, row, v, Column.UNIT_MULT, um, QuarantineReason.NON_NUMERIC,
                        "expected an integer power of ten");
            }
        }
        Double value = nums[0];
        Double lower = nums[1];
        Double upper = nums[2];
        Double stdError = nums[3];
        if (stdError != null && !(stdError >= 0 && Double.isFinite(stdError))) {
            return bad(file, row, v, Column.STD_ERROR, v[Column.STD_ERROR.ordinal()], QuarantineReason.OUT_OF_DOMAIN,
                    "a standard error must be a finite number >= 0");
        }
        if ((value == null) != (status == ObsStatus.MISSING)) {
            return bad(file, row, v, Column.VALUE, v[Column.VALUE.ordinal()], QuarantineReason.STATUS_VALUE_MISMATCH,
                    value == null ? "value is empty but obs_status is '" + status.code() + "'; expected a value or status 'missing'"
                            : "obs_status is 'missing' but a value is given");
        }
        for (int i = 0; i < 3; i++) {
            if (nums[i] != null && !unit.admits(nums[i])) {
                return bad(file, row, v, numCols[i], v[numCols[i].ordinal()], QuarantineReason.OUT_OF_DOMAIN,
                        String.format(Locale.ROOT, "%s outside the domain of unit '%s' [%s, %s]",
                                numCols[i].columnName(), unit.code(), Observation.number(unit.min()),
                                Double.isInfinite(unit.max()) ? "inf" : Observation.number(unit.max())));
            }
        }
        if (!flags.contains(QualityFlag.BEST_OUTSIDE_BOUNDS)) {
            if (lower != null && upper != null && lower > upper) {
                return bad(file, row, v, Column.LOWER, v[Column.LOWER.ordinal()], QuarantineReason.RANGE_INCONSISTENT,
                        "lower " + v[Column.LOWER.ordinal()] + " > upper " + v[Column.UPPER.ordinal()]);
            }
            if (value != null && lower != null && lower > value) {
                return bad(file, row, v, Column.LOWER, v[Column.LOWER.ordinal()], QuarantineReason.RANGE_INCONSISTENT,
                        "lower " + v[Column.LOWER.ordinal()] + " > value " + v[Column.VALUE.ordinal()]);
            }
            if (value != null && upper != null && value > upper) {
                return bad(file, row, v, Column.UPPER, v[Column.UPPER.ordinal()], QuarantineReason.RANGE_INCONSISTENT,
                        "value " + v[Column.VALUE.ordinal()] + " > upper " + v[Column.UPPER.ordinal()]);
            }
        }
        Observation o = new Observation(v[Column.INDICATOR.ordinal()], v[Column.REF_AREA.ordinal()],
                v[Column.TIME_PERIOD.ordinal()], sex, v[Column.AGE.ordinal()], value, lower, upper, unit, unitMult,
                status, raw[Column.SOURCE.ordinal()], raw[Column.NOTES.ordinal()], v[Column.ORIGIN.ordinal()],
                v[Column.DRUG.ordinal()], v[Column.DRUG_GROUP.ordinal()], v[Column.DRUG_SUBGROUP.ordinal()],
                v[Column.METHOD.ordinal()], v[Column.ADJUSTMENT.ordinal()], flags, raw[Column.AREA_NAME.ordinal()],
                record, v[Column.SUB_AREA.ordinal()], stdError);
        return RowCheck.ok(o);
    }

    /**
     * Validates all rows of one input: {@link #checkRow} on each, then duplicate keys (the first row with a
     * key is kept; later ones are quarantined naming the row they repeat).
     *
     * @param file the input's name
     * @param rows raw rows in file order; row numbers are 1-based positions in this list
     */
    public static ValidationResult validate(String file, List<String[]> rows) {
        List<Observation> accepted = new ArrayList<>();
        List<QuarantineRow> quarantined = new ArrayList<>();
        Map<ObservationKey, Long> firstRow = new HashMap<>();
        long n = 0;
        for (String[] raw : rows) {
            n++;
            RowCheck check = checkRow(file, n, raw);
            if (check.quarantine().isPresent()) {
                quarantined.add(check.quarantine().get());
                continue;
            }
            Observation o = check.observation().orElseThrow();
            Long first = firstRow.putIfAbsent(o.key(), n);
            if (first != null) {
                quarantined.add(new QuarantineRow(file, null, n, null, null, QuarantineReason.DUPLICATE_KEY,
                        "same key as row " + first + " " + describeKey(o.key()), textOf(o)));
            } else {
                accepted.add(o);
            }
        }
        return new ValidationResult(file, n, accepted, quarantined);
    }

    /**
     * Validates observations already in memory (e.g. built by an ingest) with the same rules, by way of
     * their text form, so that what is written is what a reader accepts.
     */
    public static ValidationResult validateObservations(String file, List<Observation> observations) {
        List<String[]> rows = new ArrayList<>(observations.size());
        for (Observation o : observations) {
            rows.add(textOf(o));
        }
        return validate(file, rows);
    }

    /** The observation's canonical values as text, indexed by {@link Column#ordinal()}. */
    public static String[] textOf(Observation o) {
        String[] t = new String[Column.values().length];
        for (Column c : Column.values()) {
            t[c.ordinal()] = o.text(c);
        }
        return t;
    }

    /**
     * How a duplicate's quarantine detail names its key: every key column, the optional ones (drug group, record,
     * sub-area) only where the key has them.
     */
    public static String describeKey(ObservationKey k) {
        return String.format(Locale.ROOT,
                "(indicator=%s, ref_area=%s, time_period=%s, sex=%s, age=%s, drug=%s, method=%s, source=%s%s)",
                k.indicator(), k.refArea(), k.timePeriod(), k.sex().code(), k.age(), k.drug(), k.method(), k.source(),
                (k.drugGroup() == null ? "" : ", drug_group=" + k.drugGroup())
                        + (k.record() == null ? "" : ", record=" + k.record())
                        + (k.subArea() == null ? "" : ", sub_area=" + k.subArea()));
    }

    private static Double parseNumber(String s) {
        String t = s.replace('\u00a0', ' ').strip();
        if (t.isEmpty()) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (!(Character.isDigit(ch) || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E')) {
                return null;
            }
        }
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static RowCheck bad(String file, long row, String[] v, Column c, String value, QuarantineReason reason,
            String detail) {
        return RowCheck.bad(new QuarantineRow(file, null, row, c == null ? null : c.columnName(), value, reason,
                detail, v));
    }
}
