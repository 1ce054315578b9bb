package org.drugstats.core.supply;

import java.math.BigDecimal;

/**
 * A country-year that reports both a breakdown of a family and its own total row.
 *
 * @param area ISO3 code
 * @param year reference year
 * @param family family code
 * @param breakdown the sum of the family's breakdown rows (kg)
 * @param total the sum of its total rows (kg)
 * @param counted what was counted for the family (kg)
 */
public record TotalCheck(String area, String year, String family, BigDecimal breakdown, BigDecimal total,
        BigDecimal counted) {

    /** Differences of at most this many kilograms (one gram) are rounding, not disagreement. */
    public static final BigDecimal TOLERANCE_KG = new BigDecimal("0.001");

    /** True when the breakdown and the total differ by more than {@link #TOLERANCE_KG}. */
    public boolean disagrees() {
        return total.subtract(breakdown).abs().compareTo(TOLERANCE_KG) > 0;
    }

    /** total − breakdown. */
    public BigDecimal difference() {
        return total.subtract(breakdown);
    }
}
