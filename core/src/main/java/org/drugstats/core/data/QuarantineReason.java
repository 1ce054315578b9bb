package org.drugstats.core.data;

/** Why a row was set aside. The code is what quarantine files store in their {@code reason} column. */
public enum QuarantineReason {
    /** A required column is empty. */
    MISSING_REQUIRED("missing-required"),
    /** A number column holds text that is not a number. */
    NON_NUMERIC("non-numeric"),
    /** A code column holds a value outside its code list (sex, unit, status, flag). */
    UNKNOWN_CODE("unknown-code"),
    /** A value outside the domain of its unit (a negative count, a prevalence above 100%). */
    OUT_OF_DOMAIN("out-of-domain"),
    /** lower &gt; value, value &gt; upper or lower &gt; upper, and the row is not flagged as published so. */
    RANGE_INCONSISTENT("range-inconsistent"),
    /** A value with status missing, or no value with another status. */
    STATUS_VALUE_MISMATCH("status-value-mismatch"),
    /** A second row with the key of an earlier row. */
    DUPLICATE_KEY("duplicate-key"),
    /** An area name that maps to no country or aggregate. */
    UNMAPPED_AREA("unmapped-area"),
    /** A row that does not fit the table's layout (e.g. a value without a country). */
    MALFORMED_ROW("malformed-row"),
    /**
     * A code that contradicts the names of its row (a seizure event whose {@code area_code} or {@code drug_code}
     * stands for another area or drug in the file's code dictionary).
     */
    CODE_MISMATCH("code-mismatch");

    private final String code;

    QuarantineReason(String code) {
        this.code = code;
    }

    /** The code written to quarantine files. */
    public String code() {
        return code;
    }
}
