package org.drugstats.core.data;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.drugstats.core.DrugstatsException;

/**
 * Quality flags carried on an observation (the {@code obs_flags} column, codes joined by {@code ;}).
 * A flag never changes a value: it tells the reader what to be careful about.
 */
public enum QualityFlag {
    /** The best estimate lies outside its own published lower/upper bounds. */
    BEST_OUTSIDE_BOUNDS("best-outside-bounds"),
    /** Country values do not add up to the published total for the same year. */
    TOTAL_MISMATCH("total-mismatch"),
    /** The value is a published aggregate (a Total row, a region), not a country value. */
    PUBLISHED_AGGREGATE("published-aggregate"),
    /** A residual area such as "Other countries". */
    RESIDUAL_AREA("residual-area"),
    /** The survey age range differs from the indicator's standard base (15–64). */
    NONSTANDARD_AGE_BASE("nonstandard-age-base"),
    /** The published cell carried a footnote marker. */
    FOOTNOTE("footnote"),
    /** Two or more estimation methods for one area and year are published. */
    MULTIPLE_METHODS("multiple-methods"),
    /** The value was rounded by the publisher more coarsely than its unit suggests. */
    COARSE_ROUNDING("coarse-rounding"),
    /** Generated data, never mixed with published data. */
    SYNTHETIC("synthetic"),
    /** Aggregate below the minimum population coverage. */
    LOW_COVERAGE("low-coverage"),
    /**
     * The table publishes several records for the observation's key (e.g. annex 7.1: several seizure records of
     * one country, drug and year); every record of such a key carries the flag and its number in {@code record}.
     */
    MULTIPLE_RECORDS("multiple-records"),
    /**
     * The published cell is a formula that links to another workbook (or has no cached value): what it shows is
     * whatever was cached when the file was saved, not a figure of the table; kept as {@code missing}, not read.
     */
    STALE_FORMULA("stale-formula"),
    /**
     * A value published in percent whose published figures (typical, minimum, maximum: every one given) are all at
     * most 1, so it may be a fraction of 1 stored under a percent unit (e.g. WDR 2024 annex 8.1 purities of 2018 and
     * 2019); kept as published, not converted, and left out of computations that need a percent.
     */
    POSSIBLE_FRACTION("possible-fraction");

    private final String code;

    QualityFlag(String code) {
        this.code = code;
    }

    /** The code stored in extracts. */
    public String code() {
        return code;
    }

    /** The flag with this code; an error naming the value and the accepted codes otherwise. */
    public static QualityFlag ofCode(String code) {
        for (QualityFlag f : values()) {
            if (f.code.equals(code)) {
                return f;
            }
        }
        throw DrugstatsException.of("unknown quality flag '%s'; expected one of %s", code,
                Arrays.stream(values()).map(QualityFlag::code).toList());
    }

    /** Parses the {@code ;}-joined form; null or blank is the empty set. */
    public static Set<QualityFlag> parseAll(String joined) {
        EnumSet<QualityFlag> set = EnumSet.noneOf(QualityFlag.class);
        if (joined == null || joined.isBlank()) {
            return set;
        }
        for (String part : joined.split(";")) {
            if (!part.isBlank()) {
                set.add(ofCode(part.trim()));
            }
        }
        return set;
    }

    /** The {@code ;}-joined form in declaration order, or null for the empty set. */
    public static String joinAll(Set<QualityFlag> flags) {
        if (flags == null || flags.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (QualityFlag f : values()) {
            if (flags.contains(f)) {
                if (sb.length() > 0) {
                    sb.append(';');
                }
                sb.append(f.code);
            }
        }
        return sb.toString();
    }
}
