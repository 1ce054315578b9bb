package org.drugstats.core.data;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.drugstats.core.DrugstatsException;

/**
 * One observation of an indicator for a reference area and time period, keyed like SDMX
 * (indicator, REF_AREA, TIME_PERIOD, SEX, AGE; and drug and method where the source breaks values down
 * by them; and a record number where the table publishes several records for one key), with the value, its
 * published range, unit and status, and where it came from.
 *
 * <p>Immutable. Build with {@link #builder()}; derive a changed copy with {@link #toBuilder()}. The
 * constructor checks structure only (required fields present, {@code value} absent exactly when the status
 * is {@link ObsStatus#MISSING}); domain checks (a prevalence above 100%, a negative count, a value outside
 * its range) are the job of {@link ExtractValidator}, which quarantines such rows with a reason instead of
 * failing.
 *
 * @param indicator indicator id, e.g. {@code prevalence} or {@code cultivation_area}
 * @param refArea ISO 3166 alpha-3 for countries; {@code UNODC_*}, {@code M49_*} or {@code WLD} for aggregates
 * @param timePeriod {@code 2021}, {@code 2010/11} or {@code 2015-2017}
 * @param sex total, male or female
 * @param age age group as surveyed or published, e.g. {@code 15-64}, {@code 12+}, {@code _T}
 * @param value the value in {@code unit × 10^unitMult}; null only for missing observations
 * @param lower lower bound of the published range, or null
 * @param upper upper bound of the published range, or null
 * @param unit unit of measure
 * @param unitMult unit multiplier (power of ten)
 * @param obsStatus observation status
 * @param source source as published, or null
 * @param notes notes as published, or null
 * @param origin id of the dataset the row came from (its provenance is in the extract's metadata)
 * @param drug drug, or null
 * @param drugGroup drug group, or null
 * @param drugSubgroup drug sub-group, or null
 * @param method method or source-type code, or null
 * @param adjustment adjustment codes, or null
 * @param flags quality flags (never null; may be empty)
 * @param areaName the area name as published, or null
 * @param record the record number ({@code 1}, {@code 2}, ...) when the table publishes several records for the
 *     observation's key, each carrying {@link QualityFlag#MULTIPLE_RECORDS}; null otherwise
 * @param subArea the sub-national area within {@code refArea} (ISO 3166-2 subdivision, monitoring site), or null
 * @param stdError the published standard error of the value (same unit), or null
 */
public record Observation(
        String indicator,
        String refArea,
        String timePeriod,
        Sex sex,
        String age,
        Double value,
        Double lower,
        Double upper,
        Unit unit,
        int unitMult,
        ObsStatus obsStatus,
        String source,
        String notes,
        String origin,
        String drug,
        String drugGroup,
        String drugSubgroup,
        String method,
        String adjustment,
        Set<QualityFlag> flags,
        String areaName,
        String record,
        String subArea,
        Double stdError) {

    /** Validates structure and freezes the flag set. */
    public Observation {
        requireText(indicator, Column.INDICATOR);
        requireText(refArea, Column.REF_AREA);
        requireText(timePeriod, Column.TIME_PERIOD);
        requireText(age, Column.AGE);
        requireText(origin, Column.ORIGIN);
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(obsStatus, "obsStatus");
        if ((value == null) != (obsStatus == ObsStatus.MISSING)) {
            throw DrugstatsException.of(
                    "observation %s %s %s: value %s with obs_status %s; a value is empty exactly when the status is missing",
                    indicator, refArea, timePeriod, value, obsStatus.code());
        }
        flags = (flags == null || flags.isEmpty())
                ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    private static void requireText(String s, Column column) {
        if (s == null || s.isBlank()) {
            throw DrugstatsException.of("observation: column '%s' is required and was empty", column.columnName());
        }
    }

    /** The key under which an extract holds at most one observation. */
    public ObservationKey key() {
        return new ObservationKey(indicator, refArea, timePeriod, sex, age, drug, drugGroup, method, source, record,
                subArea);
    }

    /** True when the observation carries this flag. */
    public boolean hasFlag(QualityFlag flag) {
        return flags.contains(flag);
    }

    /** The value scaled by its unit multiplier ({@code value × 10^unitMult}); NaN when missing. */
    public double scaledValue() {
        return value == null ? Double.NaN : value * Math.pow(10, unitMult);
    }

    /**
     * The column's value as text, as written to CSV: numbers in shortest round-trip form
     * ({@link Double#toString}, without exponent for ordinary magnitudes), empty as null.
     */
    public String text(Column column) {
        return switch (column) {
            case INDICATOR -> indicator;
            case REF_AREA -> refArea;
            case TIME_PERIOD -> timePeriod;
            case SEX -> sex.code();
            case AGE -> age;
            case VALUE -> number(value);
            case LOWER -> number(lower);
            case UPPER -> number(upper);
            case UNIT -> unit.code();
            case OBS_STATUS -> obsStatus.code();
            case SOURCE -> source;
            case NOTES -> notes;
            case ORIGIN -> origin;
            case UNIT_MULT -> Integer.toString(unitMult);
            case DRUG -> drug;
            case DRUG_GROUP -> drugGroup;
            case DRUG_SUBGROUP -> drugSubgroup;
            case METHOD -> method;
            case ADJUSTMENT -> adjustment;
            case OBS_FLAGS -> QualityFlag.joinAll(flags);
            case AREA_NAME -> areaName;
            case RECORD -> record;
            case SUB_AREA -> subArea;
            case STD_ERROR -> number(stdError);
        };
    }

    /** Shortest text that parses back to the same double; integers without a fraction. */
    public static String number(Double d) {
        if (d == null) {
            return null;
        }
        double v = d;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        if (s.contains("E")) {
            return new java.math.BigDecimal(s).toPlainString();
        }
        return s;
    }

    /** A new builder with every field empty except sex (total), unit multiplier 0 and status normal. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this observation. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.indicator = indicator;
        b.refArea = refArea;
        b.timePeriod = timePeriod;
        b.sex = sex;
        b.age = age;
        b.value = value;
        b.lower = lower;
        b.upper = upper;
        b.unit = unit;
        b.unitMult = unitMult;
        b.obsStatus = obsStatus;
        b.source = source;
        b.notes = notes;
        b.origin = origin;
        b.drug = drug;
        b.drugGroup = drugGroup;
        b.drugSubgroup = drugSubgroup;
        b.method = method;
        b.adjustment = adjustment;
        b.flags = flags.isEmpty() ? EnumSet.noneOf(QualityFlag.class) : EnumSet.copyOf(flags);
        b.areaName = areaName;
        b.record = record;
        b.subArea = subArea;
        b.stdError = stdError;
        return b;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s[%s%s %s %s %s %s%s%s]=%s %s", indicator, refArea,
                subArea == null ? "" : " " + subArea, timePeriod, sex.code(), age, drug == null ? "" : drug, method == null ? "" : " " + method,
                record == null ? "" : " record " + record, number(value), unit.code());
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private String indicator;
        private String refArea;
        private String timePeriod;
        private Sex sex = Sex.TOTAL;
        private String age;
        private Double value;
        private Double lower;
        private Double upper;
        private Unit unit;
        private int unitMult;
        private ObsStatus obsStatus = ObsStatus.NORMAL;
        private String source;
        private String notes;
        private String origin;
        private String drug;
        private String drugGroup;
        private String drugSubgroup;
        private String method;
        private String adjustment;
        private EnumSet<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        private String areaName;
        private String record;
        private String subArea;
        private Double stdError;

        private Builder() {
        }

        public Builder indicator(String v) { indicator = v; return this; }
        public Builder refArea(String v) { refArea = v; return this; }
        public Builder timePeriod(String v) { timePeriod = v; return this; }
        public Builder timePeriod(int year) { timePeriod = Integer.toString(year); return this; }
        public Builder sex(Sex v) { sex = v; return this; }
        public Builder age(String v) { age = v; return this; }
        public Builder value(Double v) { value = v; return this; }
        public Builder lower(Double v) { lower = v; return this; }
        public Builder upper(Double v) { upper = v; return this; }
        public Builder unit(Unit v) { unit = v; return this; }
        public Builder unitMult(int v) { unitMult = v; return this; }
        public Builder obsStatus(ObsStatus v) { obsStatus = v; return this; }
        public Builder source(String v) { source = v; return this; }
        public Builder notes(String v) { notes = v; return this; }
        public Builder origin(String v) { origin = v; return this; }
        public Builder drug(String v) { drug = v; return this; }
        public Builder drugGroup(String v) { drugGroup = v; return this; }
        public Builder drugSubgroup(String v) { drugSubgroup = v; return this; }
        public Builder method(String v) { method = v; return this; }
        public Builder adjustment(String v) { adjustment = v; return this; }
        public Builder subArea(String v) { subArea = v; return this; }
        public Builder stdError(Double v) { stdError = v; return this; }
        public Builder flag(QualityFlag f) { flags.add(f); return this; }
        public Builder flags(Set<QualityFlag> v) {
            flags = (v == null || v.isEmpty()) ? EnumSet.noneOf(QualityFlag.class) : EnumSet.copyOf(v);
            return this;
        }
        public Builder areaName(String v) { areaName = v; return this; }
        public Builder record(String v) { record = v; return this; }

        /** Sets value to null and the status to missing (a published "not available"). */
        public Builder missing() {
            value = null;
            obsStatus = ObsStatus.MISSING;
            return this;
        }

        /** Builds and validates the observation. */
        public Observation build() {
            return new Observation(indicator, refArea, timePeriod, sex, age, value, lower, upper, unit, unitMult,
                    obsStatus, source, notes, origin, drug, drugGroup, drugSubgroup, method, adjustment, flags,
                    areaName, record, subArea, stdError);
        }
    }
}
